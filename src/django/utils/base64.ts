/**
 * Python's `base64.urlsafe_b64encode` / `urlsafe_b64decode`, which Django's signing wraps
 * (b64_encode strips the `=` padding; b64_decode adds it back). Decoding follows
 * binascii.a2b_base64: characters outside the alphabet are skipped, a pad ends the data.
 */
import { PyValueError } from '../../python';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const LOOKUP = new Map([...ALPHABET].map((ch, i) => [ch, i]));

/** binascii.Error (a ValueError) */
export class BinasciiError extends PyValueError {
  override get pyName() {
    return 'Error';
  }
}

export function urlsafe_b64encode(bytes: Uint8Array, pad = true): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | (b << 8) | c;
    const chunk = [n >> 18, (n >> 12) & 63, (n >> 6) & 63, n & 63].map((x) => ALPHABET[x]).join('');
    const kept = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    out += chunk.slice(0, kept) + (pad ? '='.repeat(4 - kept) : '');
  }
  return out;
}

export function urlsafe_b64decode(text: string): Uint8Array {
  const out: number[] = [];
  let quad = 0;
  let bits = 0;
  let pads = 0;
  let dataChars = 0;
  for (const ch of text) {
    if (ch === '=') {
      if (quad >= 2 && quad + ++pads >= 4) return Uint8Array.from(out);
      continue;
    }
    const v = LOOKUP.get(ch);
    if (v === undefined) continue;
    dataChars++;
    pads = 0;
    bits = (bits << 6) | v;
    quad = (quad + 1) % 4;
    if (quad === 2) out.push((bits >> 4) & 0xff);
    else if (quad === 3) out.push((bits >> 2) & 0xff);
    else if (quad === 0) {
      out.push(bits & 0xff);
      bits = 0;
    }
  }
  if (quad === 1) {
    throw new BinasciiError(
      `Invalid base64-encoded string: number of data characters (${dataChars}) cannot be 1 more than a multiple of 4`,
    );
  }
  if (quad !== 0) throw new BinasciiError('Incorrect padding');
  return Uint8Array.from(out);
}

/** Bytes <-> str the way `.encode('latin-1')` / `.decode('latin-1')` do: one byte per code unit. */
export function latin1Encode(text: string): Uint8Array {
  return Uint8Array.from(text, (ch) => ch.charCodeAt(0) & 0xff);
}
export function latin1Decode(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += String.fromCharCode(b);
  return out;
}
