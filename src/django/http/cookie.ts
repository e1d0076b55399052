/**
 * Cookies as Python's `http.cookies` and Django's `parse_cookie` handle them: how a `Cookie`
 * request header is read, and how each `Set-Cookie` value is written (quoting, attribute order
 * and spelling: `expires` lower-case, `HttpOnly` before `Max-Age`, `Secure` last).
 */
import { PyException, pyStrip, strRepr } from '../../python';

const LEGAL_CHARS =
  "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-.^_`|~:";
const UNESCAPED_CHARS = new Set(LEGAL_CHARS + ' ()/<=>?@[]{}');
const LEGAL = new Set(LEGAL_CHARS);

/** `http.cookies._quote`: as is when every character is legal, else double-quoted and escaped. */
export function quote(value: string): string {
  if (value.length > 0 && [...value].every((ch) => LEGAL.has(ch))) return value;
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0) as number;
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (code < 256 && !UNESCAPED_CHARS.has(ch))
      out += '\\' + code.toString(8).padStart(3, '0');
    else out += ch;
  }
  return out + '"';
}

/** `http.cookies._unquote`: strips surrounding quotes and undoes `\\ooo` and `\\c` escapes. */
export function unquote(value: string): string {
  if (value.length < 2 || value[0] !== '"' || value[value.length - 1] !== '"') return value;
  return (
    value
      .slice(1, -1)
      // Python's `.` is any character but \n (JavaScript's also refuses \r, \u2028, \u2029).
      .replace(
        /\\(?:([0-3][0-7][0-7])|([^\n]))/g,
        (_m, octal: string | undefined, ch: string | undefined) =>
          octal !== undefined ? String.fromCharCode(parseInt(octal, 8)) : (ch as string),
      )
  );
}

/**
 * `django.http.cookie.parse_cookie`: split on `;`, a chunk without `=` has an empty name, both
 * sides stripped, Python's unquoting, and when a name repeats the last value wins.
 */
export function parse_cookie(header: string): Record<string, string> {
  // No prototype: a cookie may be called `__proto__` or `constructor`, as in a Python dict.
  const cookies: Record<string, string> = Object.create(null);
  for (const chunk of header.split(';')) {
    const eq = chunk.indexOf('=');
    // str.strip(): Python's white space (\x1c-\x1f are in it, U+FEFF is not), not trim()'s.
    const key = pyStrip(eq >= 0 ? chunk.slice(0, eq) : '');
    const val = pyStrip(eq >= 0 ? chunk.slice(eq + 1) : chunk);
    if (key || val) cookies[key] = unquote(val);
  }
  return cookies;
}

/** The attributes of a Morsel, in the order Python sorts and writes them. */
const RESERVED: [string, string][] = [
  ['comment', 'Comment'],
  ['domain', 'Domain'],
  ['expires', 'expires'],
  ['httponly', 'HttpOnly'],
  ['max-age', 'Max-Age'],
  ['path', 'Path'],
  ['samesite', 'SameSite'],
  ['secure', 'Secure'],
  ['version', 'Version'],
];
const FLAGS = new Set(['secure', 'httponly']);
const RESERVED_KEYS = new Set(RESERVED.map(([name]) => name));
/** `_is_legal_key`: one or more of LEGAL_CHARS, nothing else. */
const LEGAL_KEY = /^[A-Za-z0-9!#$%&'*+\-.^_`|~:]+$/;

export type MorselAttrs = {
  comment?: string;
  domain?: string;
  expires?: string;
  httponly?: boolean;
  'max-age'?: number;
  path?: string;
  samesite?: string;
  secure?: boolean;
  version?: string;
};

/** http.cookies.CookieError */
export class CookieError extends PyException {
  override get pyName() {
    return 'CookieError';
  }
}

/** One cookie of a response: `Morsel.OutputString()` is the Set-Cookie header's value. */
export class Morsel {
  attrs: MorselAttrs = {};

  /** `Morsel.set(key, ...)`, which refuses an attribute's name or a key that is not legal. */
  constructor(
    readonly key: string,
    public value: string,
  ) {
    if (RESERVED_KEYS.has(key.toLowerCase()))
      throw new CookieError(`Attempt to set a reserved key ${strRepr(key)}`);
    if (!LEGAL_KEY.test(key)) throw new CookieError(`Illegal key ${strRepr(key)}`);
  }

  get coded_value(): string {
    return quote(this.value);
  }

  OutputString(): string {
    const parts = [`${this.key}=${this.coded_value}`];
    for (const [name, spelled] of RESERVED) {
      const v = this.attrs[name as keyof MorselAttrs];
      if (v === undefined || v === '') continue;
      if (FLAGS.has(name)) {
        if (v) parts.push(spelled);
      } else if (name === 'comment') parts.push(`${spelled}=${quote(String(v))}`);
      else parts.push(`${spelled}=${String(v)}`);
    }
    return parts.join('; ');
  }
}
