/**
 * The session inspector's engine: takes a pasted `session_data` (db, cached_db, file) or a
 * signed-cookie session value apart, the way django.core.signing reads it, and says what each
 * part is and whether SECRET_KEY vouches for it.
 *
 *   [.]eyJ1c2VybmFtZSI6ImFsaWNlIn0 : 1vb66i : CoI7l6gbxBoJKfb0Qxw17Vmzm66I2JozL25bP0FQlPc
 *   zlib? base64url(JSON)            base62     base64url(HMAC-SHA256)
 *
 * Pure (no DOM, no clock): the caller passes "now". It never throws on bad input; every failure
 * is a reason code the UI translates, with an English `detail` for the curious.
 */
import { loads as jsonLoads, PyException, repr, type PyValue } from '../../python';
import {
  b62_decode,
  b64_decode,
  SignatureExpired,
  TimestampSigner,
} from '../../django/core/signing';
import { latin1Decode } from '../../django/utils/base64';
import { decompress } from '../../django/utils/zlib';

/** `'django.contrib.sessions.' + SessionStore.__qualname__`: what db/cached_db/file sign with. */
export const SESSION_DATA_SALT = 'django.contrib.sessions.SessionStore';
/** The signed_cookies backend's salt. */
export const SIGNED_COOKIE_SALT = 'django.contrib.sessions.backends.signed_cookies';
/** SESSION_COOKIE_AGE's default: two weeks, in seconds. */
export const DEFAULT_MAX_AGE = 1_209_600;

export type InspectReason =
  | 'ok'
  | 'wrong-key-or-tampered'
  | 'expired'
  | 'not-three-parts'
  | 'bad-base64'
  | 'bad-zlib'
  | 'bad-json'
  | 'bad-timestamp'
  | 'empty';

/** Which salt the signature matched: what kind of value this is. */
export type ValueKind = 'session-data' | 'signed-cookie' | 'unknown';

export type PartKind =
  'compressed' | 'payload' | 'timestamp' | 'signature' | 'separator' | 'unparsed';

export interface Part {
  kind: PartKind;
  /** Character range in the raw input, `raw.slice(start, end) === text`. */
  start: number;
  end: number;
  text: string;
}

export interface DecodedPayload {
  compressed: boolean;
  /** Bytes after base64 (and zlib when compressed). */
  byteLength: number;
  /** The serialized JSON text, as Django's JSONSerializer reads it (latin-1). */
  json: string;
  value: PyValue;
  /** Python's repr of the value, as the Django shell would print it. */
  repr: string;
}

export interface Inspection {
  reason: InspectReason;
  /** The signature matched under one of the salts (true even when expired). */
  verified: boolean;
  kind: ValueKind;
  parts: Part[];
  /** Present whenever the payload decodes, verified or not (the UI marks it UNVERIFIED). */
  payload?: DecodedPayload;
  /** When the value was signed: epoch seconds as written, and epoch ms for display. */
  timestamp?: { seconds: number; ms: number };
  /** Signed cookies only: when Django stops accepting it (timestamp + maxAge), epoch ms. */
  expiresAt?: number;
  /** `not-three-parts` on a bare session key: the cookie of a server-side backend. */
  looksLikeSessionKey?: boolean;
  /** The underlying error message (English, technical), for a failed step. */
  detail?: string;
}

export interface InspectOptions {
  /** Epoch milliseconds: the clock the age of a signed cookie is measured against. */
  now: number;
  /** Seconds a signed cookie stays valid (SESSION_COOKIE_AGE). */
  maxAge?: number;
}

const B64URL = /^[A-Za-z0-9_-]*$/;
const B62 = /^-?[0-9A-Za-z]+$/;
/** get_random_string(32, VALID_KEY_CHARS): what db/cache/file put in the cookie instead. */
const SESSION_KEY = /^[a-z0-9]{32}$/;
const MAX_DATE_MS = 8.64e15;

const message = (e: unknown): string =>
  e instanceof PyException ? e.toPython() : e instanceof Error ? e.message : String(e);

/** Splits `[.]payload:ts:sig` into labelled ranges of `raw`; null unless exactly three parts. */
function split(raw: string, from: number, to: number): Part[] | null {
  const text = raw.slice(from, to);
  const colons = [...text].reduce((n, ch) => n + (ch === ':' ? 1 : 0), 0);
  if (colons !== 2) return null;
  const first = from + text.indexOf(':');
  const second = from + text.indexOf(':', first - from + 1);
  const part = (kind: PartKind, start: number, end: number): Part => ({
    kind,
    start,
    end,
    text: raw.slice(start, end),
  });
  const parts: Part[] = [];
  let payloadStart = from;
  if (raw[from] === '.') {
    parts.push(part('compressed', from, from + 1));
    payloadStart++;
  }
  parts.push(
    part('payload', payloadStart, first),
    part('separator', first, first + 1),
    part('timestamp', first + 1, second),
    part('separator', second, second + 1),
    part('signature', second + 1, to),
  );
  return parts;
}

type Step<T> = { ok: true; value: T } | { ok: false; reason: InspectReason; detail: string };

function decodePayload(base64d: string, compressed: boolean): Step<DecodedPayload> {
  // Django's b64_decode skips stray characters (binascii is lenient); a signer never writes
  // them, so naming the first one is clearer than decoding around it.
  const stray = [...base64d].findIndex((ch) => !B64URL.test(ch));
  if (stray >= 0)
    return {
      ok: false,
      reason: 'bad-base64',
      detail: `${JSON.stringify(base64d[stray])} is not a base64url character`,
    };
  let bytes: Uint8Array;
  try {
    bytes = b64_decode(base64d);
  } catch (e) {
    return { ok: false, reason: 'bad-base64', detail: message(e) };
  }
  if (compressed) {
    try {
      bytes = decompress(bytes);
    } catch (e) {
      return { ok: false, reason: 'bad-zlib', detail: message(e) };
    }
  }
  const json = latin1Decode(bytes);
  try {
    const value = jsonLoads(json);
    return {
      ok: true,
      value: { compressed, byteLength: bytes.length, json, value, repr: repr(value) },
    };
  } catch (e) {
    return { ok: false, reason: 'bad-json', detail: message(e) };
  }
}

function decodeTimestamp(text: string): Step<number> {
  if (!B62.test(text)) return { ok: false, reason: 'bad-timestamp', detail: 'not a base62 number' };
  try {
    const seconds = b62_decode(text);
    if (Number.isSafeInteger(seconds) && Math.abs(seconds * 1000) <= MAX_DATE_MS)
      return { ok: true, value: seconds };
  } catch (e) {
    return { ok: false, reason: 'bad-timestamp', detail: message(e) };
  }
  return { ok: false, reason: 'bad-timestamp', detail: 'out of the range of dates' };
}

/**
 * Tries both salts with the port's own TimestampSigner, so the verdict is exactly Django's:
 * stored session_data has no age limit (its expiry is the row's expire_date); a signed cookie
 * older than maxAge raises SignatureExpired.
 */
function verify(
  value: string,
  key: string,
  options: InspectOptions,
): { kind: ValueKind; expired: boolean } {
  const time = () => options.now / 1000;
  const attempts: [ValueKind, string, number | undefined][] = [
    ['session-data', SESSION_DATA_SALT, undefined],
    ['signed-cookie', SIGNED_COOKIE_SALT, options.maxAge ?? DEFAULT_MAX_AGE],
  ];
  for (const [kind, salt, maxAge] of attempts) {
    try {
      new TimestampSigner({ key, salt, time }).unsign(value, maxAge);
      return { kind, expired: false };
    } catch (e) {
      if (e instanceof SignatureExpired) return { kind, expired: true };
      // BadSignature (or a signed timestamp that is not base62): try the other salt.
    }
  }
  return { kind: 'unknown', expired: false };
}

export function inspectSessionValue(
  raw: string,
  secretKey: string,
  options: InspectOptions,
): Inspection {
  // Pasting usually brings a newline or spaces along; ranges still point into `raw`.
  const from = raw.length - raw.trimStart().length;
  const to = raw.trimEnd().length;
  if (from >= to) return { reason: 'empty', verified: false, kind: 'unknown', parts: [] };
  const text = raw.slice(from, to);

  const parts = split(raw, from, to);
  if (!parts)
    return {
      reason: 'not-three-parts',
      verified: false,
      kind: 'unknown',
      parts: [{ kind: 'unparsed', start: from, end: to, text }],
      looksLikeSessionKey: SESSION_KEY.test(text),
      detail: `${[...text].filter((ch) => ch === ':').length} ":" found, 2 expected`,
    };

  const get = (kind: PartKind) => parts.find((p) => p.kind === kind)?.text ?? '';
  const compressed = parts[0]?.kind === 'compressed';
  const payload = decodePayload(get('payload'), compressed);
  const ts = decodeTimestamp(get('timestamp'));
  const { kind, expired } = verify(text, secretKey, options);
  const verified = kind !== 'unknown';

  const result: Inspection = { reason: 'ok', verified, kind, parts };
  if (payload.ok) result.payload = payload.value;
  if (ts.ok) {
    result.timestamp = { seconds: ts.value, ms: ts.value * 1000 };
    if (kind === 'signed-cookie')
      result.expiresAt = (ts.value + (options.maxAge ?? DEFAULT_MAX_AGE)) * 1000;
  }
  // A value that does not even decode is garbage (or truncated) whatever the key: say that
  // first. One that decodes but is not signed by this key is shown, marked unverified.
  const failure = !payload.ok ? payload : !ts.ok ? ts : null;
  if (failure) {
    result.reason = failure.reason;
    result.detail = failure.detail;
  } else if (!verified) {
    result.reason = 'wrong-key-or-tampered';
    result.detail = 'the signature matches neither salt with this SECRET_KEY';
  } else if (expired) {
    result.reason = 'expired';
    result.detail = `older than max_age=${options.maxAge ?? DEFAULT_MAX_AGE} seconds`;
  }
  return result;
}
