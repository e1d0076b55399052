/**
 * String literals as Python 3.11's parser reads them (Parser/string_parser.c): prefixes, escape
 * sequences, and the "(unicode error) 'unicodeescape' codec can't decode ..." messages with
 * Python's byte positions. Bytes are only checked, never needed; f-strings and `\N{...}` are
 * recognised and left to the evaluator to refuse.
 */
import { PySyntaxError } from './errors';

export interface StringPiece {
  bytes: boolean;
  fstring: boolean;
  raw: boolean;
  /** The decoded text (for str literals). */
  value: string;
  /** Set when the text cannot be known here (a `\N{name}` escape). */
  unsupported?: string;
}

const SIMPLE: Record<string, string> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  b: '\b',
  f: '\f',
  t: '\t',
  n: '\n',
  r: '\r',
  v: '\v',
  a: '\x07',
};
const isHex = (c: string | undefined) => c !== undefined && /^[0-9a-fA-F]$/.test(c);
const isOctal = (c: string | undefined) => c !== undefined && c >= '0' && c <= '7';

/** Split a STRING token into prefix flags and body, then decode it. */
export function parseStringToken(token: string): StringPiece {
  const prefix = (/^[A-Za-z]*/.exec(token) as RegExpExecArray)[0].toLowerCase();
  const rest = token.slice(prefix.length);
  const q = rest.startsWith(rest[0]!.repeat(3)) && rest.length >= 6 ? 3 : 1;
  const body = rest.slice(q, rest.length - q);
  const bytes = prefix.includes('b');
  const raw = prefix.includes('r');
  const fstring = prefix.includes('f');
  if (bytes) {
    if (/[^\x00-\x7f]/.test(body))
      throw new PySyntaxError('bytes can only contain ASCII literal characters');
    return { bytes, fstring, raw, value: raw ? body : decodeBytesEscapes(body) };
  }
  if (raw || fstring) return { bytes, fstring, raw, value: body };
  return { bytes, fstring, raw, ...decodeUnicodeEscapes(body) };
}

/** A bytes literal's escapes decoded: one character per byte (latin-1). */
function decodeBytesEscapes(body: string): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (c !== '\\' || i + 1 >= body.length) {
      out += c;
      continue;
    }
    const e = body[++i] as string;
    if (e === '\n') continue;
    if (e in SIMPLE) out += SIMPLE[e];
    else if (isOctal(e)) {
      let code = Number(e);
      for (let k = 0; k < 2 && isOctal(body[i + 1]); k++) code = code * 8 + Number(body[++i]);
      out += String.fromCharCode(code & 0xff);
    } else if (e === 'x') {
      if (!(isHex(body[i + 1]) && isHex(body[i + 2])))
        throw new PySyntaxError(`(value error) invalid \\x escape at position ${i - 1}`);
      out += String.fromCharCode(parseInt(body.slice(i + 1, i + 3), 16));
      i += 2;
    } else out += '\\' + e; // an unknown escape stays as written (Python only warns)
  }
  return out;
}

/**
 * `decode_unicode_with_escapes`: non-ASCII characters first become `\UXXXXXXXX` (so error
 * positions count them as 10 bytes), then the unicode-escape codec runs.
 */
export function decodeUnicodeEscapes(body: string): { value: string; unsupported?: string } {
  let buf = '';
  const chars = [...body];
  for (let i = 0; i < chars.length;) {
    if (chars[i] === '\\') {
      buf += '\\';
      i++;
      if (i >= chars.length || (chars[i] as string) >= '\x80') {
        buf += 'u005c';
        if (i >= chars.length) break;
      }
    }
    const ch = chars[i] as string;
    if (ch >= '\x80') buf += '\\U' + (ch.codePointAt(0) as number).toString(16).padStart(8, '0');
    else buf += ch;
    i++;
  }
  return unicodeEscape(buf);
}

function decodeError(start: number, end: number, message: string, buf: string): never {
  const where =
    end - start === 1
      ? `byte 0x${buf.charCodeAt(start).toString(16).padStart(2, '0')} in position ${start}`
      : `bytes in position ${start}-${end - 1}`;
  throw new PySyntaxError(
    `(unicode error) 'unicodeescape' codec can't decode ${where}: ${message}`,
  );
}

/** `_PyUnicode_DecodeUnicodeEscapeInternal` on an ASCII buffer. */
function unicodeEscape(buf: string): { value: string; unsupported?: string } {
  let out = '';
  let unsupported: string | undefined;
  let i = 0;
  const n = buf.length;
  while (i < n) {
    const c = buf[i] as string;
    if (c !== '\\') {
      out += c;
      i++;
      continue;
    }
    const start = i;
    i++;
    if (i >= n) decodeError(start, n, '\\ at end of string', buf);
    const e = buf[i++] as string;
    if (e === '\n') continue;
    if (e in SIMPLE) {
      out += SIMPLE[e];
      continue;
    }
    if (isOctal(e)) {
      let code = Number(e);
      for (let k = 0; k < 2 && isOctal(buf[i]); k++) code = code * 8 + Number(buf[i++]);
      out += String.fromCodePoint(code);
      continue;
    }
    const count = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
    if (count) {
      const message = `truncated \\${e}${'X'.repeat(count)} escape`;
      let code = 0;
      for (let k = 0; k < count; k++, i++) {
        if (i >= n || !isHex(buf[i])) decodeError(start, i, message, buf);
        code = code * 16 + parseInt(buf[i] as string, 16);
      }
      if (code > 0x10ffff) decodeError(start, i, 'illegal Unicode character', buf);
      out += String.fromCodePoint(code);
      continue;
    }
    if (e === 'N') {
      const malformed = 'malformed \\N character escape';
      if (i >= n || buf[i] !== '{') decodeError(start, i, malformed, buf);
      const close = buf.indexOf('}', i + 1);
      if (close < 0) decodeError(start, n, malformed, buf);
      if (close === i + 1) decodeError(start, close, malformed, buf);
      // The Unicode name database is not available here: the value stays unknown.
      unsupported = `the escape ${buf.slice(start, close + 1)}`;
      i = close + 1;
      continue;
    }
    out += '\\' + e; // an invalid escape stays as written (Python only warns)
  }
  return unsupported === undefined ? { value: out } : { value: out, unsupported };
}
