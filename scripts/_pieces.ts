import pako from 'pako';
import { createRequire } from 'node:module';
import { salted_hmac } from '../src/django/utils/crypto';
import { DjangoServer } from '../src/server/server';
import { ManualClock } from '../src/django/runtime';
import { SessionStore } from '../src/django/contrib/sessions/backends/db';
import { PyDict } from '../src/python';
const require = createRequire(import.meta.url);
// eslint-disable-next-line
const zd: any = require('pako/lib/zlib/deflate.js'); const ZStream: any = require('pako/lib/zlib/zstream.js');

function rate(name: string, fn: () => void) {
  for (let i = 0; i < 20000; i++) fn();
  const t0 = performance.now(); let n = 0;
  while (performance.now() - t0 < 700) { for (let i = 0; i < 100; i++) fn(); n += 100; }
  const us = ((performance.now() - t0) * 1000) / n;
  console.log(`${name.padEnd(40)} ${us.toFixed(2)} µs/op`);
}
const small = new TextEncoder().encode('{"username":"alice"}');
const empty = new TextEncoder().encode('{}');
// reusable stream
const strm = new ZStream(); zd.deflateInit2(strm, 6, 8, 15, 8, 0);
const out = new Uint8Array(64 * 1024);
function reuseDeflate(input: Uint8Array): Uint8Array {
  zd.deflateReset(strm);
  strm.input = input; strm.next_in = 0; strm.avail_in = input.length;
  strm.output = out; strm.next_out = 0; strm.avail_out = out.length;
  const r = zd.deflate(strm, 4);
  if (r !== 1) throw new Error('deflate ' + r);
  return out.slice(0, strm.next_out);
}
const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);
const big = new TextEncoder().encode(JSON.stringify({ items: Array.from({ length: 20 }, (_, i) => `item number ${i}`) }));
for (const x of [small, empty, big]) console.log('identical', same(pako.deflate(x), reuseDeflate(x)));
rate('pako.deflate small', () => pako.deflate(small));
rate('pako.deflate {}', () => pako.deflate(empty));
rate('reuse deflate small', () => reuseDeflate(small));
rate('pako.deflate big', () => pako.deflate(big));
rate('reuse deflate big', () => reuseDeflate(big));
const comp = pako.deflate(big);
rate('pako.inflate big', () => pako.inflate(comp));
rate('salted_hmac sha256 100B', () => salted_hmac('django.contrib.sessions.SessionStoresigner', 'eyJ1c2VybmFtZSI6ImFsaWNlIn0:1vb66i', 'playground-conformance-secret-key-0123456789', 'sha256'));
const server = new DjangoServer({ clock: new ManualClock(Date.UTC(2024, 0, 1)) });
const st = new SessionStore(server.runtime);
const d = PyDict.of({ username: 'alice' });
const enc = st.encode(d);
rate('encode small', () => st.encode(d));
rate('decode small', () => st.decode(enc));
rate('handle GET connection no cookie', () => server.handle({ method: 'GET', path: '/myapp/connection/', headers: {} }));
