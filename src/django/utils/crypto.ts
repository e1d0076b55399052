/** django/utils/crypto.py: salted HMAC, constant-time compare, random strings. */
import { hmac } from '@noble/hashes/hmac.js';
import { sha1 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { PyValueError } from '../../python';
import type { RandomSource } from '../clock';

const encoder = new TextEncoder();
const HASHES = { sha1, sha256 } as const;
export type Algorithm = keyof typeof HASHES;

export class InvalidAlgorithm extends PyValueError {
  override get pyName() {
    return 'InvalidAlgorithm';
  }
}

/**
 * `salted_hmac(key_salt, value, secret, algorithm=...)`: the HMAC key is
 * `H(key_salt + secret)`, so each use of SECRET_KEY (sessions, signed cookies, ...) has its own key.
 */
export function salted_hmac(
  keySalt: string,
  value: string | Uint8Array,
  secret: string,
  algorithm: string = 'sha1',
): Uint8Array {
  const message = typeof value === 'string' ? encoder.encode(value) : value;
  return keyedHmac(algorithm, keySalt, secret).clone().update(message).digest();
}

type Mac = ReturnType<typeof hmac.create>;
// The derived key and the HMAC's inner/outer pads depend only on (algorithm, salt, secret); a
// world uses a handful of those, so they are prepared once and cloned for each message.
const prepared = new Map<string, Mac>();

function keyedHmac(algorithm: string, keySalt: string, secret: string): Mac {
  const id = `${algorithm}\u0000${keySalt}\u0000${secret}`;
  let mac = prepared.get(id);
  if (!mac) {
    const hash = HASHES[algorithm as Algorithm];
    if (!hash)
      throw new InvalidAlgorithm(
        `'${algorithm}' is not an algorithm accepted by the hashlib module.`,
      );
    mac = hmac.create(hash, hash(encoder.encode(keySalt + secret)));
    if (prepared.size >= 64) prepared.clear();
    prepared.set(id, mac);
  }
  return mac;
}

/** Compares without leaking, through timing, how much of the two values matched. */
export function constant_time_compare(a: string, b: string): boolean {
  const x = encoder.encode(a);
  const y = encoder.encode(b);
  let diff = x.length ^ y.length;
  for (let i = 0; i < x.length; i++) diff |= (x[i] as number) ^ (y[i % y.length] ?? 0);
  return diff === 0;
}

const RANDOM_STRING_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/**
 * `get_random_string(length, allowed_chars)`: one uniform `secrets.choice` per character.
 * Bytes at or above the largest multiple of the alphabet size are drawn again, so no character
 * is more likely than another (a plain `byte % n` would favour the first few).
 */
export function get_random_string(
  random: RandomSource,
  length: number,
  allowedChars: string = RANDOM_STRING_CHARS,
): string {
  const n = allowedChars.length;
  const limit = 256 - (256 % n);
  const buffer = new Uint8Array(new ArrayBuffer(length * 2));
  let out = '';
  while (out.length < length) {
    random.fill(buffer);
    for (const byte of buffer) {
      if (byte < limit) out += allowedChars[byte % n];
      if (out.length === length) break;
    }
  }
  return out;
}
