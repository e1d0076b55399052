/**
 * One Bangla voice, checked. Two rules for every Bangla text the reader sees (the UI strings and
 * the lessons' bn.md):
 *  1. the glossary's term, never a variant it rejects (content/glossary.json);
 *  2. no English word outside code, except protocol words, names and what the tutorial's site or
 *     Python print (they stay as written, like `Set-Cookie`, `sessionid`, `HttpOnly`).
 * Used by tests/ui/bangla.test.ts, `npm run check:i18n` and the e2e walk through the Bangla UI.
 */

export interface GlossaryTerm {
  en: string;
  bn: string;
  avoid: string[];
  note?: string;
}
export interface Glossary {
  about: string;
  terms: GlossaryTerm[];
}

/**
 * Latin words allowed in Bangla text without code formatting (case-sensitive): HTTP and cookie
 * protocol words, names of things, Python's constants, and the tutorial site's own English
 * (its page says "You are : …" and has a Login button).
 */
export const ALLOWED_LATIN = new Set([
  // protocol
  'HTTP',
  'HTTPS',
  'URL',
  'GET',
  'POST',
  'Cookie',
  'Set-Cookie',
  'Vary',
  'Expires',
  'Max-Age',
  'Domain',
  'Path',
  'HttpOnly',
  'Secure',
  'SameSite',
  'Lax',
  'Strict',
  'Host',
  'Content-Type',
  'Content-Length',
  'Connection',
  'Date',
  'Location',
  'Server',
  'sessionid',
  'csrftoken',
  'localhost',
  'http',
  'https',
  // names
  'Django',
  'Python',
  'CPython',
  'JavaScript',
  'Node',
  'MSW',
  'DevTools',
  'Chrome',
  'Firefox',
  'Bangla',
  'English',
  'UTC',
  'GMT',
  'JSON',
  'HTML',
  'XSS',
  'CSRF',
  'SID',
  'ASCII',
  'HMAC-SHA256',
  'SHA256',
  'base64',
  'base64url',
  'base62',
  'zlib',
  'salt',
  'jwt.io',
  'evil.example',
  'example.com',
  'LTS',
  'MB',
  'KB',
  'OK',
  // Python and Django values, engines and names that read as code even without backticks
  'True',
  'False',
  'None',
  'db',
  'file',
  'cache',
  'cached_db',
  'signed_cookies',
  'help',
  'migrate',
  'runserver',
  'clearsessions',
  'datetime',
  'timedelta',
  'timezone',
  'payload',
  'timestamp',
  'Session',
  'python',
  'del',
  'lambda',
  'is',
  // JSON's values, as an import file must hold them
  'true',
  'false',
  'null',
  'Memcached',
  'Redis',
  'PHP',
  'ISO',
  // the tutorial site's own words (its buttons and fields) and the values typed into it
  'Login',
  'Logout',
  'Username',
  'Password',
  'alice',
  'bob',
  'admin',
  // a browser named in the text
  'A',
  'B',
  'C',
]);

/** What Django, Python or the tutorial's site print, quoted as printed. */
export const QUOTED_OUTPUT = [
  'Session data corrupted',
  // the tutorial site's pages and buttons
  'You are : ',
  'You are logged out',
  'not logged in',
  'Sign the guestbook',
];

/**
 * Code in UI strings, which show as plain text (no backticks to mark code there). The view's
 * `request` argument is spelled like the English word the glossary rejects, so it is listed where
 * it stands as code rather than allowed everywhere; the progress file's shape likewise.
 */
export const CODE_IN_PLAIN_TEXT = [
  'request, timezone, timedelta',
  '{version, done: {lesson: [step ids]}}',
];

/** Quoted output and plain-text code, blanked before a check reads the prose. */
function withoutVerbatim(text: string): string {
  for (const verbatim of [...QUOTED_OUTPUT, ...CODE_IN_PLAIN_TEXT])
    text = text.split(verbatim).join(' ');
  return text;
}

/** A token that is code by its shape: identifiers, paths, calls, dotted names, CONSTANTS. */
export function looksLikeCode(token: string): boolean {
  return (
    /[_./()=[\]:@#<>{}'"`\\]/.test(token) ||
    /\d/.test(token) ||
    /^[A-Z][A-Z0-9-]+$/.test(token) || // JSON, SECRET-like constants
    /^[a-z]+[A-Z]/.test(token) || // camelCase: formView, getItem
    /^[A-Z][a-z]+[A-Z]/.test(token) // CamelCase: SessionMiddleware, KeyError
  );
}

/** Latin runs, with the characters that glue code together (so `request.session` is one token). */
const LATIN_TOKEN =
  /[A-Za-z0-9_.\-/()=[\]:@#<>{}'"`\\]*[A-Za-z][A-Za-z0-9_.\-/()=[\]:@#<>{}'"`\\]*/g;

/** Bangla case endings glued with a hyphen (`cookie-র`, `Django-তে`) are not part of the word. */
function bare(token: string): string {
  return token.replace(/[-–]+$/, '').replace(/^['"“‘(]+|['"”’),.;:!?]+$/g, '');
}

/** English words in a Bangla text that are neither code nor allowed. */
export function strayLatin(text: string, allowed: Set<string> = ALLOWED_LATIN): string[] {
  const out: string[] = [];
  text = withoutVerbatim(text);
  for (const m of text.matchAll(LATIN_TOKEN)) {
    const token = bare(m[0]);
    if (!token || !/[A-Za-z]/.test(token)) continue;
    if (allowed.has(token) || looksLikeCode(token)) continue;
    out.push(token);
  }
  return out;
}

/** The avoid list as matchers: Latin words whole, Bangla text as written, /regexes/ as such. */
export function avoidMatchers(glossary: Glossary): { term: string; variant: string; re: RegExp }[] {
  return glossary.terms.flatMap((term) =>
    term.avoid.map((variant) => {
      let re: RegExp;
      if (variant.startsWith('/')) {
        const end = variant.lastIndexOf('/');
        re = new RegExp(variant.slice(1, end), variant.slice(end + 1).replace('g', '') + 'g');
      } else if (/^[A-Za-z -]+$/.test(variant)) {
        // A Latin word on its own, not a piece of an identifier (`signed_cookies`, `request.session`).
        re = new RegExp(`(?<![A-Za-z0-9_.\\-/':])${variant}(?![A-Za-z0-9_./(':])`, 'g');
      } else {
        // Bangla: not inside a longer word (পুরো is not রো); a long stem still catches its
        // inflections (ভ্যালুটি), a short one must stand alone.
        const text = variant.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        const end = [...variant].length < 4 ? '(?![\\p{L}\\p{M}])' : '';
        re = new RegExp(`(?<![\\p{L}\\p{M}])${text}${end}`, 'gu');
      }
      return { term: term.en, variant, re };
    }),
  );
}

export interface Finding {
  where: string;
  problem: string;
  excerpt: string;
}

function excerpt(text: string, at: number, length: number): string {
  return text.slice(Math.max(0, at - 25), at + length + 25).replace(/\s+/g, ' ');
}

/** Rejected variants of glossary terms in a Bangla text. */
export function rejectedVariants(text: string, glossary: Glossary, where: string): Finding[] {
  const out: Finding[] = [];
  text = withoutVerbatim(text);
  for (const { term, variant, re } of avoidMatchers(glossary)) {
    for (const m of text.matchAll(re))
      out.push({
        where,
        problem: `"${m[0]}" (write "${glossary.terms.find((t) => t.en === term)?.bn}" for ${term})`,
        excerpt: excerpt(text, m.index ?? 0, m[0].length),
      });
    void variant;
  }
  return out;
}

/** Stray English in a Bangla text. */
export function englishIn(text: string, where: string): Finding[] {
  return strayLatin(text).map((word) => ({
    where,
    problem: `English "${word}" outside code`,
    excerpt: excerpt(text, text.indexOf(word), word.length),
  }));
}

// --- what a reader sees of each source -------------------------------------------------------

/** The strings of a locale file, by dotted key; {{placeholders}} removed. */
export function localeTexts(tree: object, prefix = ''): [string, string][] {
  const out: [string, string][] = [];
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.push([key, v.replace(/\{\{[^}]*\}\}/g, ' ')]);
    else if (v && typeof v === 'object') out.push(...localeTexts(v as object, key));
  }
  return out;
}

/**
 * The prose of a lesson file as a reader sees it: no fenced code, no `inline code`, no step and
 * prediction ids, no link targets. Line numbers are kept (removed parts become spaces).
 */
export function lessonProse(source: string): string {
  let inFence = false;
  return source
    .split('\n')
    .map((line) => {
      if (/^\s{0,3}```/.test(line)) {
        inFence = !inFence;
        return '';
      }
      if (inFence) return '';
      if (/^#{2,3}\s/.test(line)) return ''; // ## step-id, ### predict:id
      return line
        .replace(/^(\s*-\s+)\[[^\]\s]+\]/, '$1') // - [option-id]
        .replace(/`[^`]*`/g, ' ')
        .replace(/\]\([^)]*\)/g, ']');
    })
    .join('\n');
}

/** The line a position falls on, for messages. */
export function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}
