/**
 * django/core/signing.py: values signed with SECRET_KEY so they can travel through an untrusted
 * place (a cookie, a database column) and come back provably unchanged.
 *
 *   dumps({"username": "alice"}) -> "eyJ1c2VybmFtZSI6ImFsaWNlIn0:1vb66i:<signature>"
 *                                    base64url(JSON)         : base62(time) : HMAC-SHA256
 *
 * Django reads SECRET_KEY and time.time() from globals; here the caller passes them.
 */
import {
  dumps as jsonDumps,
  floatRepr,
  loads as jsonLoads,
  PyException,
  PyValueError,
  type PyValue,
} from '../../python';
import { constant_time_compare, salted_hmac } from '../utils/crypto';
import { latin1Decode, latin1Encode, urlsafe_b64decode, urlsafe_b64encode } from '../utils/base64';
import {
  compress as zlibCompress,
  decompress as zlibDecompress,
  InflateError,
} from '../utils/zlib';

export class BadSignature extends PyException {
  override get pyName() {
    return 'BadSignature';
  }
}
export class SignatureExpired extends BadSignature {
  override get pyName() {
    return 'SignatureExpired';
  }
}
/** zlib.error */
export class ZlibError extends PyException {
  override get pyName() {
    return 'error';
  }
}

const BASE62_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function b62_encode(n: number): string {
  if (n === 0) return '0';
  const sign = n < 0 ? '-' : '';
  let s = Math.abs(n);
  let out = '';
  while (s > 0) {
    out = BASE62_ALPHABET[s % 62] + out;
    s = Math.floor(s / 62);
  }
  return sign + out;
}

export function b62_decode(text: string): number {
  if (text === '0') return 0;
  let s = text;
  let sign = 1;
  if (s[0] === '-') {
    s = s.slice(1);
    sign = -1;
  }
  let n = 0;
  for (const digit of s) {
    const i = BASE62_ALPHABET.indexOf(digit);
    if (i < 0) throw new PyValueError('substring not found');
    n = n * 62 + i;
  }
  return sign * n;
}

/** base64url without padding, as Django signs it. */
export function b64_encode(bytes: Uint8Array): string {
  return urlsafe_b64encode(bytes, false);
}
export function b64_decode(text: string): Uint8Array {
  return urlsafe_b64decode(text + '='.repeat((4 - (text.length % 4)) % 4));
}

/** `base64_hmac(salt, value, key, algorithm)` */
export function base64_hmac(salt: string, value: string, key: string, algorithm = 'sha1'): string {
  return b64_encode(salted_hmac(salt, value, key, algorithm));
}

export interface Serializer {
  dumps(obj: PyValue): Uint8Array;
  loads(data: Uint8Array): PyValue;
}

/** `JSONSerializer`: compact JSON, ASCII-only, read back as latin-1 text. */
export const JSONSerializer: Serializer = {
  dumps: (obj) => latin1Encode(jsonDumps(obj, { separators: [',', ':'] })),
  loads: (data) => jsonLoads(latin1Decode(data)),
};

export interface SignerOptions {
  key: string;
  fallbackKeys?: string[];
  sep?: string;
  salt?: string;
  algorithm?: string;
}

export class Signer {
  readonly key: string;
  readonly fallbackKeys: string[];
  readonly sep: string;
  readonly salt: string;
  readonly algorithm: string;

  constructor(options: SignerOptions) {
    this.key = options.key;
    this.fallbackKeys = options.fallbackKeys ?? [];
    this.sep = options.sep ?? ':';
    this.salt = options.salt ?? `django.core.signing.${this.className}`;
    this.algorithm = options.algorithm ?? 'sha256';
    if (/^[A-z0-9-_=]*$/.test(this.sep)) {
      throw new PyValueError(
        `Unsafe Signer separator: '${this.sep}' (cannot be empty or consist of only A-z0-9-_=)`,
      );
    }
  }

  protected get className(): string {
    return 'Signer';
  }

  signature(value: string, key: string = this.key): string {
    return base64_hmac(this.salt + 'signer', value, key, this.algorithm);
  }

  sign(value: string): string {
    return `${value}${this.sep}${this.signature(value)}`;
  }

  unsign(signedValue: string): string {
    const at = signedValue.lastIndexOf(this.sep);
    if (at < 0) throw new BadSignature(`No "${this.sep}" found in value`);
    const value = signedValue.slice(0, at);
    const sig = signedValue.slice(at + this.sep.length);
    for (const key of [this.key, ...this.fallbackKeys]) {
      if (constant_time_compare(sig, this.signature(value, key))) return value;
    }
    throw new BadSignature(`Signature "${sig}" does not match`);
  }

  /** JSON, then zlib when that is shorter (marked by a leading `.`), then base64url, signed. */
  sign_object(obj: PyValue, serializer: Serializer = JSONSerializer, compress = false): string {
    let data = serializer.dumps(obj);
    let isCompressed = false;
    if (compress) {
      const compressed = zlibCompress(data);
      if (compressed.length < data.length - 1) {
        data = compressed;
        isCompressed = true;
      }
    }
    const base64d = b64_encode(data);
    return this.sign(isCompressed ? '.' + base64d : base64d);
  }

  unsign_object(
    signedObj: string,
    serializer: Serializer = JSONSerializer,
    maxAge?: number,
  ): PyValue {
    let base64d = this.unsignWithAge(signedObj, maxAge);
    const decompress = base64d.startsWith('.');
    if (decompress) base64d = base64d.slice(1);
    let data = b64_decode(base64d);
    if (decompress) {
      try {
        data = zlibDecompress(data);
      } catch (e) {
        if (!(e instanceof InflateError)) throw e;
        throw new ZlibError(`Error ${e.code} while decompressing data: ${e.message}`);
      }
    }
    return serializer.loads(data);
  }

  /** Only a TimestampSigner can check an age; a plain Signer has no timestamp to check. */
  protected unsignWithAge(value: string, _maxAge?: number): string {
    return this.unsign(value);
  }
}

export interface TimestampSignerOptions extends SignerOptions {
  /** `time.time()` in seconds. */
  time: () => number;
}

export class TimestampSigner extends Signer {
  private readonly time: () => number;

  constructor(options: TimestampSignerOptions) {
    super(options);
    this.time = options.time;
  }

  protected override get className(): string {
    return 'TimestampSigner';
  }

  timestamp(): string {
    return b62_encode(Math.floor(this.time()));
  }

  override sign(value: string): string {
    return super.sign(`${value}${this.sep}${this.timestamp()}`);
  }

  /** Verifies the signature, then the age: older than `maxAge` seconds raises SignatureExpired. */
  override unsign(value: string, maxAge?: number): string {
    const result = super.unsign(value);
    const at = result.lastIndexOf(this.sep);
    const payload = result.slice(0, at);
    const timestamp = b62_decode(result.slice(at + this.sep.length));
    if (maxAge !== undefined) {
      const age = this.time() - timestamp;
      // time.time() is a float, so Python prints the age as one (`10.0`).
      if (age > maxAge)
        throw new SignatureExpired(`Signature age ${floatRepr(age)} > ${maxAge} seconds`);
    }
    return payload;
  }

  protected override unsignWithAge(value: string, maxAge?: number): string {
    return this.unsign(value, maxAge);
  }
}

export interface DumpsOptions {
  key: string;
  time: () => number;
  salt?: string;
  serializer?: Serializer;
  compress?: boolean;
}

/** `signing.dumps(obj, key, salt='django.core.signing', serializer, compress)` */
export function dumps(obj: PyValue, options: DumpsOptions): string {
  const {
    key,
    time,
    salt = 'django.core.signing',
    serializer = JSONSerializer,
    compress = false,
  } = options;
  return new TimestampSigner({ key, salt, time }).sign_object(obj, serializer, compress);
}

export interface LoadsOptions {
  key: string;
  time: () => number;
  fallbackKeys?: string[];
  salt?: string;
  serializer?: Serializer;
  /** Seconds; older signatures raise SignatureExpired. */
  maxAge?: number;
}

/** `signing.loads(s, key, salt, serializer, max_age)`: BadSignature, or whatever decoding raises. */
export function loads(signed: string, options: LoadsOptions): PyValue {
  const {
    key,
    time,
    fallbackKeys,
    salt = 'django.core.signing',
    serializer = JSONSerializer,
    maxAge,
  } = options;
  return new TimestampSigner({ key, fallbackKeys, salt, time }).unsign_object(
    signed,
    serializer,
    maxAge,
  );
}
