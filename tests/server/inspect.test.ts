/**
 * The session inspector against values real Django wrote: the conformance transcripts (Django
 * 3.2.25, SECRET_KEY 'playground-conformance-secret-key-0123456789') and the spec's section 6.1
 * vectors (SECRET_KEY 'playground-secret', time.time() 1700000000). Damaged input must give a
 * reason, never an exception.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  inspectSessionValue,
  SIGNED_COOKIE_SALT,
  type Inspection,
} from '../../src/server/observe/inspect';
import { dumps } from '../../src/django/core/signing';
import { dumps as pyDumps, PyDict } from '../../src/python';
import { SECRET, T0 } from '../django/helpers';

const CONFORMANCE_KEY = 'playground-conformance-secret-key-0123456789';
const EXPECTED = new URL('../conformance/expected/', import.meta.url);
const SCENARIOS = new URL('../conformance/scenarios/', import.meta.url);

interface Step {
  kind: string;
  now: number;
  response?: { setCookies: string[]; bodyText: string | null };
  store: { data: unknown; sessionData?: string }[];
}
interface Transcript {
  name: string;
  engine: string;
  steps: Step[];
}

const transcripts: Transcript[] = readdirSync(EXPECTED)
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) => JSON.parse(readFileSync(new URL(f, EXPECTED), 'utf8')) as Transcript[]);

const cookieAge = (name: string): number | undefined =>
  (
    JSON.parse(readFileSync(new URL(`${name}.json`, SCENARIOS), 'utf8')) as {
      settings?: { SESSION_COOKIE_AGE?: number };
    }
  ).settings?.SESSION_COOKIE_AGE;

/** What Python's json.dumps would write, read back by JS, to compare with the transcript. */
const asJson = (i: Inspection): unknown =>
  i.payload ? JSON.parse(pyDumps(i.payload.value)) : undefined;

const at = (seconds: number) => ({ now: seconds * 1000 });
const inspectAt = (raw: string, key = SECRET, seconds = T0, maxAge?: number) =>
  inspectSessionValue(raw, key, { ...at(seconds), maxAge });

describe('values written by real Django (conformance transcripts)', () => {
  const rows = transcripts.flatMap((t) =>
    t.steps.flatMap((s) =>
      s.store.flatMap((r) =>
        r.sessionData ? [{ name: t.name, now: s.now, data: r.data, raw: r.sessionData }] : [],
      ),
    ),
  );
  // The first time each value shows up is when Django wrote it: its timestamp is that step's.
  const unique = [...new Map(rows.reverse().map((r) => [r.raw, r])).values()];

  it('has stored session_data to check, compressed ones among them', () => {
    expect(unique.length).toBeGreaterThan(5);
    expect(unique.some((r) => r.raw.startsWith('.'))).toBe(true);
  });

  it.each(unique.map((r) => [r.name, r.raw.slice(0, 24), r] as const))(
    '%s session_data %s… decodes to the recorded data',
    (_name, _short, row) => {
      const result = inspectSessionValue(row.raw, CONFORMANCE_KEY, { now: row.now * 1000 });
      expect(result).toMatchObject({ reason: 'ok', verified: true, kind: 'session-data' });
      expect(asJson(result)).toEqual(row.data);
      expect(result.timestamp?.seconds).toBe(row.now);
    },
  );

  const cookies = transcripts
    .filter((t) => t.engine === 'signed_cookies')
    .flatMap((t) =>
      t.steps.flatMap((s) =>
        (s.response?.setCookies ?? [])
          .map((h) => /^sessionid=([^;]*)/.exec(h)?.[1] ?? '')
          .filter((v) => v.includes(':'))
          .map((raw) => ({ name: t.name, now: s.now, raw, body: s.response?.bodyText ?? null })),
      ),
    );

  it.each(cookies.map((c) => [c.name, c.raw.slice(0, 24), c] as const))(
    '%s signed cookie %s… verifies with the cookie salt and re-signs to the same string',
    (name, _short, c) => {
      const result = inspectSessionValue(c.raw, CONFORMANCE_KEY, {
        now: c.now * 1000,
        maxAge: cookieAge(name),
      });
      expect(result).toMatchObject({ reason: 'ok', verified: true, kind: 'signed-cookie' });
      // The data Django signed is exactly what the inspector decoded: signing it again at the
      // recorded time gives Django's string back.
      const resigned = dumps(result.payload?.value as PyDict, {
        key: CONFORMANCE_KEY,
        salt: SIGNED_COOKIE_SALT,
        compress: true,
        time: () => result.timestamp?.seconds ?? 0,
      });
      expect(resigned).toBe(c.raw);
      const user = /^You are : (.*)$/.exec(c.body ?? '')?.[1];
      if (user !== undefined) expect(asJson(result)).toMatchObject({ username: user });
    },
  );

  it('the cookie a user tampered with in scenario 11 is refused, its data shown unverified', () => {
    const raw = 'eyJ1c2VybmFtZSI6ImFsaWNlIn0:1vb66i:hvIOe0b6mOP5a6FVvvQw7xi1hVZwrUVYHNjeckC-_tA';
    const result = inspectSessionValue(raw, CONFORMANCE_KEY, at(1767225600));
    expect(result).toMatchObject({ reason: 'wrong-key-or-tampered', verified: false });
    expect(result.payload?.repr).toBe("{'username': 'alice'}");
  });

  it('scenario 24: a signed cookie older than SESSION_COOKIE_AGE=60 is expired', () => {
    const raw =
      'eyJ1c2VybmFtZSI6ImFsaWNlIiwiX3Nlc3Npb25fZXhwaXJ5IjozNjAwfQ:1vb66i:9TGsw9koR__RReUAyyxr9gB61cQ_wVLq1S3m_FDWyUg';
    const ok = inspectSessionValue(raw, CONFORMANCE_KEY, { now: 1767225630_000, maxAge: 60 });
    expect(ok.reason).toBe('ok');
    const late = inspectSessionValue(raw, CONFORMANCE_KEY, { now: 1767225661_000, maxAge: 60 });
    expect(late).toMatchObject({ reason: 'expired', verified: true, kind: 'signed-cookie' });
    expect(late.expiresAt).toBe(1767225660_000);
    expect(asJson(late)).toEqual({ username: 'alice', _session_expiry: 3600 });
  });
});

const V1 = 'eyJ1c2VybmFtZSI6ImFsaWNlIn0:1r31eq:mae-Hz5su9cuH5y2jxWxgHqrdz6KV8ki9QO0g-5NlkU';
const V2 = 'eyJ1c2VybmFtZSI6ImFsaWNlIn0:1r31eq:Tk1qDna06nRY_YIJYTMWrM1rwAlrVvmqKJe6D255zuQ';
const V5 =
  '.eJyrViotTi3KS8xNVbJSSszJTE5V0lFKTiwqUbKKVkosKMgB8QcnHVsLAGroPCE:1r31eq:zMBNgdFm15oh_N12tTEvWFwJLO9oAeaSy6NsXdD5a8M';

describe('spec 6.1 vectors', () => {
  it.each([
    ['1. session_data', V1, 'session-data', "{'username': 'alice'}"],
    ['2. signed cookie', V2, 'signed-cookie', "{'username': 'alice'}"],
    ['3. {}', 'e30:1r31eq:WXv-zERTltflPZ70A01l5Yg8mKb7z4YmAlAGjxr621Y', 'session-data', '{}'],
    [
      '4. non-ASCII, float, bool, null',
      'eyJuYW1lIjoiSm9zXHUwMGU5IiwibiI6MS4wLCJvayI6dHJ1ZSwieCI6bnVsbH0:1r31eq:mVdZmqkUewvzVIjWz0vA8UAPcWWvGbFA1FsP1tSdoxU',
      'session-data',
      "{'name': 'José', 'n': 1.0, 'ok': True, 'x': None}",
    ],
    [
      '5. compressed',
      V5,
      'session-data',
      `{'username': 'alice', 'cart': [${"'apple', ".repeat(19)}'apple']}`,
    ],
  ])('%s', (_name, raw, kind, repr) => {
    const result = inspectAt(raw);
    expect(result).toMatchObject({ reason: 'ok', verified: true, kind });
    expect(result.payload?.repr).toBe(repr);
    expect(result.timestamp).toEqual({ seconds: T0, ms: T0 * 1000 });
    expect(new Date(result.timestamp?.ms ?? 0).toISOString()).toBe('2023-11-14T22:13:20.000Z');
  });

  it('splits the value into labelled ranges of the raw string (whitespace around kept out)', () => {
    const raw = `  ${V5}\n`;
    const result = inspectAt(raw);
    expect(result.parts.map((p) => p.kind)).toEqual([
      'compressed',
      'payload',
      'separator',
      'timestamp',
      'separator',
      'signature',
    ]);
    for (const p of result.parts) expect(raw.slice(p.start, p.end)).toBe(p.text);
    expect(result.parts.map((p) => p.text).join('')).toBe(V5);
    expect(result.parts[0]?.start).toBe(2);
    expect(result.payload).toMatchObject({ compressed: true, byteLength: 189 });
    expect(result.parts.find((p) => p.kind === 'timestamp')?.text).toBe('1r31eq');
  });

  it('the JSON text is shown as Django serialized it', () => {
    expect(inspectAt(V1).payload?.json).toBe('{"username":"alice"}');
  });

  it('a signed cookie carries its expiry; stored session_data has no age limit', () => {
    expect(inspectAt(V2).expiresAt).toBe((T0 + 1_209_600) * 1000);
    expect(inspectAt(V1, SECRET, T0 + 10 * 365 * 86400).reason).toBe('ok');
    expect(inspectAt(V2, SECRET, T0 + 1_209_600).reason).toBe('ok');
    expect(inspectAt(V2, SECRET, T0 + 1_209_601)).toMatchObject({
      reason: 'expired',
      verified: true,
      kind: 'signed-cookie',
    });
    expect(inspectAt(V2, SECRET, T0 + 61, 60).reason).toBe('expired');
  });
});

describe('damaged, foreign and garbage values', () => {
  const change = (raw: string, at: number, ch: string) => raw.slice(0, at) + ch + raw.slice(at + 1);

  it.each([
    ['the payload (alice -> alicf)', change(V1, V1.indexOf('aWNl') + 3, 'm')],
    ['the timestamp', change(V1, V1.indexOf('1r31eq') + 5, 'r')],
    ['the signature', change(V1, V1.length - 1, 'V')],
  ])('one character changed in %s: wrong-key-or-tampered, data unverified', (_n, raw) => {
    const result = inspectAt(raw);
    expect(result).toMatchObject({ reason: 'wrong-key-or-tampered', verified: false });
    expect(result.kind).toBe('unknown');
    expect(result.payload).toBeDefined();
  });

  it('the tampered payload is still shown, so the change can be seen', () => {
    const raw = change(V1, V1.indexOf('aWNl') + 3, 'm');
    expect(inspectAt(raw).payload?.repr).toBe("{'username': 'alicf'}");
  });

  it('a wrong key: the data decodes but is not verified', () => {
    const result = inspectAt(V1, 'another-secret');
    expect(result).toMatchObject({ reason: 'wrong-key-or-tampered', verified: false });
    expect(result.payload?.repr).toBe("{'username': 'alice'}");
    expect(result.timestamp?.seconds).toBe(T0);
  });

  it.each([
    ['cut in the signature', V1.slice(0, -5), 'wrong-key-or-tampered'],
    ['cut before the signature', V1.slice(0, V1.lastIndexOf(':')), 'not-three-parts'],
    ['cut in the payload', V1.slice(0, 12), 'not-three-parts'],
    ['the compressed payload cut short', V5.replace('AGroPCE:', ':'), 'bad-zlib'],
    ['the "." dropped from a compressed value', V5.slice(1), 'bad-json'],
    ['a "." added to an uncompressed value', '.' + V1, 'bad-zlib'],
    ['a payload with standard base64 "+"', change(V1, 3, '+'), 'bad-base64'],
    ['a payload two characters too long', V1.replace(':', 'AB:'), 'bad-base64'],
    ['a timestamp that is not base62', V1.replace('1r31eq', '1r3!eq'), 'bad-timestamp'],
    ['an empty timestamp', V1.replace('1r31eq', ''), 'bad-timestamp'],
    ['a payload that is not JSON', 'aGVsbG8:1r31eq:x', 'bad-json'],
    ['an empty payload', ':1r31eq:x', 'bad-json'],
    ['one word', 'hello', 'not-three-parts'],
    ['four parts', 'a:b:c:d', 'not-three-parts'],
    ['only colons', '::', 'bad-json'],
    ['unicode garbage', '¡™£:∞§¶:•ªº', 'bad-base64'],
    ['empty', '', 'empty'],
    ['only whitespace', ' \n\t ', 'empty'],
  ])('%s -> %s', (_name, raw, reason) => {
    expect(inspectAt(raw).reason).toBe(reason);
  });

  it('a bare session key (what db/cache/file put in the cookie) is recognised', () => {
    const result = inspectAt('8tksgrzzoduvyhc4k8wvacv9n7wknaj4');
    expect(result).toMatchObject({ reason: 'not-three-parts', looksLikeSessionKey: true });
    expect(inspectAt('hello').looksLikeSessionKey).toBe(false);
  });

  it('a signed value that is not a dict still decodes (Django would treat it as empty)', () => {
    const raw = dumps('hello', {
      key: SECRET,
      salt: 'django.contrib.sessions.SessionStore',
      time: () => T0,
    });
    expect(inspectAt(raw)).toMatchObject({ reason: 'ok', payload: { repr: "'hello'" } });
  });

  it('never throws, whatever is pasted', () => {
    const alphabet = 'aZ09-_.:=+/ é\n';
    let seed = 42;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 2000; n++) {
      const len = Math.floor(rand() * 30);
      let raw = '';
      for (let i = 0; i < len; i++) raw += alphabet[Math.floor(rand() * alphabet.length)];
      expect(() => inspectAt(raw)).not.toThrow();
    }
    for (let i = 0; i < V5.length; i++) expect(() => inspectAt(V5.slice(0, i))).not.toThrow();
  });

  it('checks with the same key the session would use, even an empty one', () => {
    const raw = dumps(new PyDict(), { key: '', salt: SIGNED_COOKIE_SALT, time: () => T0 });
    expect(inspectAt(raw, '')).toMatchObject({ reason: 'ok', kind: 'signed-cookie' });
  });
});
