/** django/http/request.py: what a view sees of the request. */
import { PyAttributeError } from '../../python';
import { RequestDataTooBig, TooManyFieldsSent } from '../core/exceptions';
import type { Runtime } from '../runtime';
import type { SessionBase } from '../contrib/sessions/backends/base';
import { parse_cookie } from './cookie';

/** `QueryDict`: every value of a repeated field is kept; `get()` answers with the last one. */
export class QueryDict {
  private readonly lists = new Map<string, string[]>();

  constructor(entries: Iterable<[string, string]> = []) {
    for (const [k, v] of entries) this.appendlist(k, v);
  }

  appendlist(key: string, value: string): void {
    const list = this.lists.get(key);
    if (list) list.push(value);
    else this.lists.set(key, [value]);
  }
  get(key: string): string | undefined {
    const list = this.lists.get(key);
    return list ? list[list.length - 1] : undefined;
  }
  getlist(key: string): string[] {
    return [...(this.lists.get(key) ?? [])];
  }
  has(key: string): boolean {
    return this.lists.has(key);
  }
  keys(): string[] {
    return [...this.lists.keys()];
  }
  get size(): number {
    return this.lists.size;
  }
}

// Invalid bytes become U+FFFD, like errors='replace'; a leading U+FEFF is text, as Python's
// 'utf-8' codec keeps it (only 'utf-8-sig' strips it).
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

function percentDecode(text: string): string {
  if (!text.includes('%')) return text;
  // One pass, byte by byte: each %XX as its byte, any other character as its UTF-8 (a surrogate
  // pair is one code point, a lone surrogate U+FFFD). Linear: a 900 KB form takes milliseconds.
  const bytes = new Uint8Array(text.length * 3);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const hi = c === 37 ? hexValue(text.charCodeAt(i + 1)) : -1;
    const lo = hi >= 0 ? hexValue(text.charCodeAt(i + 2)) : -1;
    if (lo >= 0) {
      bytes[n++] = hi * 16 + lo;
      i += 2;
    } else if (c < 0x80) bytes[n++] = c;
    else if (c < 0x800) {
      bytes[n++] = 0xc0 | (c >> 6);
      bytes[n++] = 0x80 | (c & 63);
    } else {
      let cp = c;
      const next = text.charCodeAt(i + 1);
      if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        cp = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        i++;
      } else if (c >= 0xd800 && c <= 0xdfff) cp = 0xfffd;
      if (cp >= 0x10000) {
        bytes[n++] = 0xf0 | (cp >> 18);
        bytes[n++] = 0x80 | ((cp >> 12) & 63);
      } else bytes[n++] = 0xe0 | (cp >> 12);
      bytes[n++] = 0x80 | ((cp >> 6) & 63);
      bytes[n++] = 0x80 | (cp & 63);
    }
  }
  return decoder.decode(bytes.subarray(0, n));
}

/** 0-15 for an ASCII hex digit's code, else -1 (NaN past the end of the text too). */
function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 70) return code - 55;
  if (code >= 97 && code <= 102) return code - 87;
  return -1;
}

/**
 * `QueryDict(query_string)` via `urllib.parse.parse_qsl(keep_blank_values=True)`: `&`-separated,
 * `+` is a space, percent-escapes are UTF-8; too many fields raise TooManyFieldsSent.
 */
export function parseQueryString(text: string, maxFields: number | null): QueryDict {
  if (maxFields !== null && text.split('&').length > maxFields) {
    throw new TooManyFieldsSent(
      'The number of GET/POST parameters exceeded settings.DATA_UPLOAD_MAX_NUMBER_FIELDS.',
    );
  }
  const q = new QueryDict();
  for (const chunk of text.split('&')) {
    if (!chunk) continue;
    const eq = chunk.indexOf('=');
    const [name, value] = eq >= 0 ? [chunk.slice(0, eq), chunk.slice(eq + 1)] : [chunk, ''];
    q.appendlist(percentDecode(name.replace(/\+/g, ' ')), percentDecode(value.replace(/\+/g, ' ')));
  }
  return q;
}

export interface RequestInit {
  method: string;
  path: string;
  query?: string;
  headers?: Record<string, string>;
  body?: string;
  /** The scheme the browser used; `request.is_secure()`. */
  secure?: boolean;
}

export class HttpRequest {
  readonly method: string;
  readonly path: string;
  readonly path_info: string;
  readonly META: Record<string, string>;
  /** The raw body as text (the playground's browsers send UTF-8 forms and JSON). */
  private readonly rawBody: string;
  private _COOKIES?: Record<string, string>;
  private _POST?: QueryDict;
  private _GET?: QueryDict;
  private _session?: SessionBase;

  constructor(
    init: RequestInit,
    /** The world this request runs in (Django reads the same things from globals). */
    readonly runtime: Runtime,
  ) {
    this.method = init.method.toUpperCase();
    this.path = init.path;
    this.path_info = init.path;
    this.rawBody = init.body ?? '';
    this.META = {
      QUERY_STRING: init.query ?? '',
      REQUEST_METHOD: this.method,
      'wsgi.url_scheme': init.secure ? 'https' : 'http',
    };
    for (const [name, value] of Object.entries(init.headers ?? {})) {
      const key = name.toUpperCase().replace(/-/g, '_');
      this.META[key === 'CONTENT_TYPE' || key === 'CONTENT_LENGTH' ? key : `HTTP_${key}`] = value;
    }
  }

  /** The name Django's runserver gives the class, which its error messages show. */
  get className(): string {
    return 'WSGIRequest';
  }

  is_secure(): boolean {
    return this.META['wsgi.url_scheme'] === 'https';
  }

  get COOKIES(): Record<string, string> {
    this._COOKIES ??= parse_cookie(this.META.HTTP_COOKIE ?? '');
    return this._COOKIES;
  }

  get content_type(): string {
    return (this.META.CONTENT_TYPE ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  }

  /** `request.body`: refused past DATA_UPLOAD_MAX_MEMORY_SIZE bytes. */
  get body(): string {
    const limit = this.runtime.settings.DATA_UPLOAD_MAX_MEMORY_SIZE;
    if (limit !== null && new TextEncoder().encode(this.rawBody).length > limit) {
      throw new RequestDataTooBig('Request body exceeded settings.DATA_UPLOAD_MAX_MEMORY_SIZE.');
    }
    return this.rawBody;
  }

  get POST(): QueryDict {
    if (!this._POST) {
      this._POST =
        this.method === 'POST' && this.content_type === 'application/x-www-form-urlencoded'
          ? parseQueryString(this.body, this.runtime.settings.DATA_UPLOAD_MAX_NUMBER_FIELDS)
          : new QueryDict();
    }
    return this._POST;
  }

  get GET(): QueryDict {
    this._GET ??= parseQueryString(
      this.META.QUERY_STRING ?? '',
      this.runtime.settings.DATA_UPLOAD_MAX_NUMBER_FIELDS,
    );
    return this._GET;
  }

  /** Set by SessionMiddleware; without it, Python's AttributeError, as Django gives. */
  get session(): SessionBase {
    if (!this._session) {
      throw new PyAttributeError(`'${this.className}' object has no attribute 'session'`);
    }
    return this._session;
  }
  set session(session: SessionBase) {
    this._session = session;
  }
  hasSession(): boolean {
    return this._session !== undefined;
  }
}
