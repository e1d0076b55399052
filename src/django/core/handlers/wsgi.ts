/** django/core/handlers/wsgi.py, the part that reads the request line's path. */
import { repercent_broken_unicode } from '../../utils/encoding';

/**
 * `get_path_info(environ)` for the path of a request line: the WSGI server percent-decodes it to
 * bytes (`unquote(path, 'iso-8859-1')`), and Django decodes those as UTF-8 with any broken
 * sequence percent-encoded again (so `/myapp/log%69n/` is `/myapp/login/`, and `/%FF/` stays
 * `/%FF/`). An empty path is `/`.
 */
export function get_path_info(rawPath: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < rawPath.length; i++) {
    const hex = rawPath.slice(i + 1, i + 3);
    if (rawPath[i] === '%' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      // A URL's path is ASCII once parsed; anything else is taken as its UTF-8 bytes.
      const cp = rawPath.codePointAt(i) as number;
      const ch = String.fromCodePoint(cp);
      bytes.push(...new TextEncoder().encode(ch));
      i += ch.length - 1;
    }
  }
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(
    repercent_broken_unicode(Uint8Array.from(bytes)),
  );
  return text || '/';
}
