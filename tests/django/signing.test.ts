/**
 * django/core/signing.py (spec section 6). Every expected string below was printed by real
 * Django 3.2.25 with SECRET_KEY='playground-secret' and time.time() frozen at 1700000000.
 */
import { describe, expect, it } from 'vitest';
import { SessionStore as DbStore } from '../../src/django/contrib/sessions/backends/db';
import { SessionStore as SignedCookieStore } from '../../src/django/contrib/sessions/backends/signed_cookies';
import {
  b62_decode,
  b62_encode,
  BadSignature,
  dumps,
  loads,
  SignatureExpired,
  Signer,
  TimestampSigner,
  ZlibError,
  b64_encode,
} from '../../src/django/core/signing';
import { compress } from '../../src/django/utils/zlib';
import { PyDict, PyValueError } from '../../src/python';
import { SECRET, T0, world } from './helpers';

const DB_SALT = 'django.contrib.sessions.SessionStore';
const COOKIE_SALT = 'django.contrib.sessions.backends.signed_cookies';
const at = (seconds: number) => () => seconds;

const alice = () => PyDict.of({ username: 'alice' });
const jose = () => PyDict.of({ name: 'José', n: 1.0, ok: true, x: null });
const cart = () => PyDict.of({ username: 'alice', cart: Array(20).fill('apple') });

describe('spec 6.1: the worked vectors, byte for byte', () => {
  const sign = (obj: PyDict, salt: string) =>
    dumps(obj, { key: SECRET, salt, compress: true, time: at(T0) });

  it.each([
    [
      '1. {"username":"alice"}, session salt (too short to compress)',
      alice,
      DB_SALT,
      'eyJ1c2VybmFtZSI6ImFsaWNlIn0:1r31eq:mae-Hz5su9cuH5y2jxWxgHqrdz6KV8ki9QO0g-5NlkU',
    ],
    [
      '2. the same dict, signed-cookie salt',
      alice,
      COOKIE_SALT,
      'eyJ1c2VybmFtZSI6ImFsaWNlIn0:1r31eq:Tk1qDna06nRY_YIJYTMWrM1rwAlrVvmqKJe6D255zuQ',
    ],
    [
      '3. {}, session salt',
      () => new PyDict(),
      DB_SALT,
      'e30:1r31eq:WXv-zERTltflPZ70A01l5Yg8mKb7z4YmAlAGjxr621Y',
    ],
    [
      '3b. {}, signed-cookie salt (the reset cookie)',
      () => new PyDict(),
      COOKIE_SALT,
      'e30:1r31eq:SZqMfs7QIi_TvH1paaCF81PpAy2KZZSA8LMixLemqvM',
    ],
    [
      '4. non-ASCII, a float, a bool and null',
      jose,
      DB_SALT,
      'eyJuYW1lIjoiSm9zXHUwMGU5IiwibiI6MS4wLCJvayI6dHJ1ZSwieCI6bnVsbH0:1r31eq:mVdZmqkUewvzVIjWz0vA8UAPcWWvGbFA1FsP1tSdoxU',
    ],
    [
      '5. compressed (leading ".", zlib level 6)',
      cart,
      DB_SALT,
      '.eJyrViotTi3KS8xNVbJSSszJTE5V0lFKTiwqUbKKVkosKMgB8QcnHVsLAGroPCE:1r31eq:zMBNgdFm15oh_N12tTEvWFwJLO9oAeaSy6NsXdD5a8M',
    ],
  ])('%s', (_name, make, salt, expected) => {
    expect(sign(make(), salt)).toBe(expected);
    // And back.
    expect(loads(expected, { key: SECRET, salt, time: at(T0) })).toEqual(make());
  });

  it("4. the JSON inside vector 4 is Python's: \\u00e9 lower case, 1.0 kept", () => {
    const payload = 'eyJuYW1lIjoiSm9zXHUwMGU5IiwibiI6MS4wLCJvayI6dHJ1ZSwieCI6bnVsbH0';
    expect(Buffer.from(payload, 'base64url').toString('latin1')).toBe(
      '{"name":"Jos\\u00e9","n":1.0,"ok":true,"x":null}',
    );
  });

  it('the sessions produce the same vectors through the runtime (clock at 1700000000 s)', () => {
    const { server } = world();
    expect(new DbStore(server.runtime).encode(alice())).toBe(
      'eyJ1c2VybmFtZSI6ImFsaWNlIn0:1r31eq:mae-Hz5su9cuH5y2jxWxgHqrdz6KV8ki9QO0g-5NlkU',
    );
    expect(new DbStore(server.runtime).encode(cart())).toBe(
      '.eJyrViotTi3KS8xNVbJSSszJTE5V0lFKTiwqUbKKVkosKMgB8QcnHVsLAGroPCE:1r31eq:zMBNgdFm15oh_N12tTEvWFwJLO9oAeaSy6NsXdD5a8M',
    );
    const cookie = new SignedCookieStore(server.runtime);
    cookie.setitem('username', 'alice');
    cookie.save();
    expect(cookie.session_key).toBe(
      'eyJ1c2VybmFtZSI6ImFsaWNlIn0:1r31eq:Tk1qDna06nRY_YIJYTMWrM1rwAlrVvmqKJe6D255zuQ',
    );
  });

  it('more vectors: the default salt, a list, a plain string', () => {
    const opts = { key: SECRET, time: at(T0) };
    expect(dumps('hello', opts)).toBe(
      'ImhlbGxvIg:1r31eq:ukIpZZKOwI7BZdaUXbSaBdeO4v1RrA-BsLPd0PE_mng',
    );
    expect(dumps([1n, 2.5, 'x'], { ...opts, compress: true })).toBe(
      'WzEsMi41LCJ4Il0:1r31eq:5TsUYtK8UqpVNFme2gDGDhqIQPXBvYJCRTqaBIfxWhg',
    );
  });

  it('Signer and TimestampSigner with their default salts', () => {
    expect(new Signer({ key: 'k', salt: 'sa' }).sign('hello')).toBe(
      'hello:ZXhmtNRsRZosq_BMNpQQpGCOGFzucGlzLoV-R2HaLsM',
    );
    expect(new Signer({ key: 'k' }).sign('hello')).toBe(
      'hello:3jIRTXB8cju7lLwsdsd67hWGpe2iqP8I-aEAoY-u96k',
    );
    expect(new TimestampSigner({ key: 'k', time: at(T0 + 100) }).sign('hello')).toBe(
      'hello:1r31gS:4HsYJfc3lbvMF-RzKuw02YZHTDcxvYgZDMVxSgFJjNI',
    );
    // Another separator; unsign splits on the last one.
    const slash = new Signer({ key: 'k', sep: '/' });
    expect(slash.sign('a:b')).toBe('a:b/Vch54ZijlFk9-tiGbKkm4xnQ762TI-ah6QvfibS5uiE');
    expect(slash.unsign('a:b/Vch54ZijlFk9-tiGbKkm4xnQ762TI-ah6QvfibS5uiE')).toBe('a:b');
  });
});

describe('base62', () => {
  it.each([
    [0, '0'],
    [61, 'z'],
    [62, '10'],
    [1700000000, '1r31eq'],
    [1767225600, '1vb66i'],
    [-1, '-1'],
  ])('%i <-> %s', (n, text) => {
    expect(b62_encode(n)).toBe(text);
    expect(b62_decode(text)).toBe(n);
  });
});

describe('verification', () => {
  const signed = 'eyJ1c2VybmFtZSI6ImFsaWNlIn0:1r31eq:mae-Hz5su9cuH5y2jxWxgHqrdz6KV8ki9QO0g-5NlkU';
  const read = (s: string, extra: object = {}) =>
    loads(s, { key: SECRET, salt: DB_SALT, time: at(T0), ...extra });

  it('a tampered signature, payload or timestamp raises BadSignature', () => {
    const [payload, ts, sig] = signed.split(':') as [string, string, string];
    for (const bad of [
      `${payload}:${ts}:${sig.slice(0, -1)}A`,
      `eyJ1c2VybmFtZSI6ImV2ZSJ9:${ts}:${sig}`, // {"username":"eve"}
      `${payload}:1r31er:${sig}`,
    ]) {
      expect(() => read(bad)).toThrow(BadSignature);
    }
    expect(() => read(`${payload}:${ts}:${sig.slice(0, -1)}A`)).toThrow(
      `Signature "${sig.slice(0, -1)}A" does not match`,
    );
  });

  it('another salt or another key does not verify (measured message)', () => {
    const v = dumps(PyDict.of({ a: 1n }), { key: SECRET, salt: 'x', time: at(T0) });
    const message = 'Signature "DeEGEoVbksZ_XD67sKhV12kU7FQCqkikrGw5ABWoh5o" does not match';
    expect(() => loads(v, { key: SECRET, salt: 'y', time: at(T0) })).toThrow(message);
    expect(() => loads(v, { key: 'other', salt: 'x', time: at(T0) })).toThrow(message);
  });

  it("a signed payload that is not a whole zlib stream raises zlib.error with zlib's code", () => {
    // Measured in Django 3.2.25: the first cut 4 bytes short of its end, the second not zlib.
    const whole = compress(new TextEncoder().encode(`{"a":"${'x'.repeat(50)}"}`));
    const signer = new TimestampSigner({ key: SECRET, salt: DB_SALT, time: at(T0) });
    const signedPayload = (bytes: Uint8Array) => signer.sign('.' + b64_encode(bytes));
    expect(() => read(signedPayload(whole.slice(0, -4)))).toThrow(
      new ZlibError('Error -5 while decompressing data: incomplete or truncated stream'),
    );
    expect(() => read(signedPayload(new TextEncoder().encode('garbage-not-zlib')))).toThrow(
      new ZlibError('Error -3 while decompressing data: incorrect header check'),
    );
    expect(read(signedPayload(whole))).toEqual(PyDict.of({ a: 'x'.repeat(50) }));
  });

  it('a value without the separator raises BadSignature', () => {
    expect(() => read('nocolon')).toThrow(new BadSignature('No ":" found in value'));
  });

  it('max_age: SignatureExpired (a BadSignature) once older than max_age, not at max_age', () => {
    const v = dumps(PyDict.of({ a: 1n }), { key: SECRET, salt: 'x', time: at(T0) });
    const later = { key: SECRET, salt: 'x', time: at(T0 + 10) };
    expect(() => loads(v, { ...later, maxAge: 9 })).toThrow(SignatureExpired);
    expect(() => loads(v, { ...later, maxAge: 9 })).toThrow(BadSignature);
    // time.time() is a float: Django prints the age as 10.0.
    expect(() => loads(v, { ...later, maxAge: 9 })).toThrow('Signature age 10.0 > 9 seconds');
    expect(loads(v, { ...later, maxAge: 10 })).toEqual(PyDict.of({ a: 1n }));
    // Without max_age the timestamp is not checked at all (how server-side stores decode).
    expect(loads(v, { key: SECRET, salt: 'x', time: at(T0 + 10 ** 8) })).toEqual(
      PyDict.of({ a: 1n }),
    );
  });

  it('SECRET_KEY_FALLBACKS (4.1+): an old key still verifies, only when listed', () => {
    // signing.dumps({'a': 1}, key='old-secret', salt=..., compress=True) in Django 3.2.
    const old = 'eyJhIjoxfQ:1r31eq:OD6wC_HYyDbD-ixXe31Ud8ULOZTban_LPcgBTT5gVXU';
    expect(
      dumps(PyDict.of({ a: 1n }), {
        key: 'old-secret',
        salt: DB_SALT,
        compress: true,
        time: at(T0),
      }),
    ).toBe(old);
    expect(() => read(old)).toThrow(BadSignature);
    expect(read(old, { fallbackKeys: ['old-secret'] })).toEqual(PyDict.of({ a: 1n }));
    expect(() => read(old, { fallbackKeys: ['another'] })).toThrow(BadSignature);
  });

  it('SECRET_KEY_FALLBACKS reach the session store: an old-key row still decodes', () => {
    const { server } = world({ SECRET_KEY: 'new-secret', SECRET_KEY_FALLBACKS: ['old-secret'] });
    const old = 'eyJhIjoxfQ:1r31eq:OD6wC_HYyDbD-ixXe31Ud8ULOZTban_LPcgBTT5gVXU';
    expect(new DbStore(server.runtime).decode(old)).toEqual(PyDict.of({ a: 1n }));
  });

  it.each(['', 'abc', '-', '_', '=', 'Z9', '['])(
    'an unsafe separator %j raises ValueError',
    (sep) => {
      expect(() => new Signer({ key: 'k', sep })).toThrow(PyValueError);
      expect(() => new Signer({ key: 'k', sep })).toThrow(
        `Unsafe Signer separator: '${sep}' (cannot be empty or consist of only A-z0-9-_=)`,
      );
    },
  );
});
