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
  const n = bytes.length;
  let i = 0;
  for (; i + 2 < n; i += 3) {
    const v =
      ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
    out +=
      ALPHABET[v >> 18]! + ALPHABET[(v >> 12) & 63]! + ALPHABET[(v >> 6) & 63]! + ALPHABET[v & 63]!;
  }
  if (n - i === 1) {
    const v = (bytes[i] as number) << 16;
    out += ALPHABET[v >> 18]! + ALPHABET[(v >> 12) & 63]! + (pad ? '==' : '');
  } else if (n - i === 2) {
    const v = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8);
    out +=
      ALPHABET[v >> 18]! + ALPHABET[(v >> 12) & 63]! + ALPHABET[(v >> 6) & 63]! + (pad ? '=' : '');
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
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}
const ascii = new TextDecoder('utf-8');
export function latin1Decode(bytes: Uint8Array): string {
  // Django's JSON is ASCII: decoded at once (a byte at a time takes seconds for a session of a
  // few megabytes). Bytes past 0x7f, which latin-1 maps one to one, go the slow way.
  if (bytes.every((b) => b < 0x80)) return ascii.decode(bytes);
  let out = '';
  for (const b of bytes) out += String.fromCharCode(b);
  return out;
}
