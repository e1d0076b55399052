/**
 * The transcript's `bodyText`: tags removed, entities unescaped, white space collapsed, exactly
 * as the reference recorder computes it (`re.sub(r'<[^>]*>', ' ', text)`, `html.unescape`,
 * `' '.join(text.split())`).
 */
import { pySplit } from '../python';

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

export function htmlUnescape(text: string): string {
  return text.replace(/&(#[xX][0-9a-fA-F]+|#\d+|[a-zA-Z]+);?/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const cp =
        ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
    }
    return NAMED[ref] ?? whole;
  });
}

export function bodyText(body: string, contentType: string): string | null {
  if (contentType.startsWith('application/json')) return null;
  return pySplit(htmlUnescape(body.replace(/<[^>]*>/g, ' '))).join(' ');
}
