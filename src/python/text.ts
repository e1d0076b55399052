/** Python's string rules where they differ from JavaScript's. */

// str.isspace(): Unicode White_Space plus the ASCII separators \x1c-\x1f.
export const PY_SPACE =
  /[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;
const PY_SPACE_RUN = new RegExp(`${PY_SPACE.source}+`, 'g');
export const PY_LEADING = new RegExp(`^${PY_SPACE.source}+`);
const PY_TRAILING = new RegExp(`${PY_SPACE.source}+$`);

/** `s.strip()` */
export function pyStrip(s: string): string {
  return s.replace(PY_LEADING, '').replace(PY_TRAILING, '');
}

/** `s.split()` with no separator: runs of white space, no empty strings. */
export function pySplit(s: string): string[] {
  return s.split(PY_SPACE_RUN).filter((part) => part.length > 0);
}

/** `len(s)`: code points, not UTF-16 units (an emoji counts as one). */
export function pyLen(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

// str.isprintable() is false for these categories, except the ASCII space; with the quote and
// the backslash, these are the characters repr() escapes. One pass: values can be megabytes.
const ESCAPED_SINGLE = /['\\]|(?! )[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/gu;
const ESCAPED_DOUBLE = /["\\]|(?! )[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/gu;
const NAMED: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** `repr(s)`: single quotes unless the text has a single quote and no double quote. */
export function strRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  const body = s.replace(quote === "'" ? ESCAPED_SINGLE : ESCAPED_DOUBLE, (ch) => {
    if (ch === quote || ch === '\\') return '\\' + ch;
    return NAMED[ch] ?? escapeCodePoint(ch.codePointAt(0) as number);
  });
  return quote + body + quote;
}

function escapeCodePoint(cp: number): string {
  if (cp < 0x100) return '\\x' + cp.toString(16).padStart(2, '0');
  if (cp < 0x10000) return '\\u' + cp.toString(16).padStart(4, '0');
  return '\\U' + cp.toString(16).padStart(8, '0');
}
