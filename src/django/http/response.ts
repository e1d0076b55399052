/** django/http/response.py: status, headers, body and the cookies a response sets. */
import { dumps, PyDateTime, PyTimeDelta, PyValueError, type PyValue } from '../../python';
import { http_date } from '../utils/http';
import { Morsel } from './cookie';

/** Header names compared case-insensitively, written as first given, in insertion order. */
export class ResponseHeaders {
  private readonly map = new Map<string, [string, string]>();

  get(name: string): string | undefined {
    return this.map.get(name.toLowerCase())?.[1];
  }
  set(name: string, value: string): void {
    const existing = this.map.get(name.toLowerCase());
    this.map.set(name.toLowerCase(), [existing?.[0] ?? name, value]);
  }
  has(name: string): boolean {
    return this.map.has(name.toLowerCase());
  }
  delete(name: string): void {
    this.map.delete(name.toLowerCase());
  }
  entries(): [string, string][] {
    return [...this.map.values()].map(([n, v]) => [n, v]);
  }
}

const REASONS: Record<number, string> = {
  200: 'OK',
  302: 'Found',
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  503: 'Service Unavailable',
};

export interface SetCookieOptions {
  max_age?: number | bigint | PyTimeDelta | null;
  expires?: string | PyDateTime | null;
  path?: string | null;
  domain?: string | null;
  secure?: boolean | null;
  httponly?: boolean | null;
  samesite?: string | false | null;
}

export class HttpResponse {
  readonly headers = new ResponseHeaders();
  /** `response.cookies`, a SimpleCookie: one Morsel per name. */
  readonly cookies = new Map<string, Morsel>();
  charset = 'utf-8';

  status_code: number;
  /** Set by `log_response()` so that a response is logged once. */
  _has_been_logged = false;
  /**
   * `time.time()` for the `expires` that `set_cookie(max_age=...)` computes. The request handler
   * gives each response its world's clock as it leaves the view.
   */
  time: () => number = () => {
    throw new Error('This response has no clock: the request handler sets one.');
  };

  constructor(
    public content: string = '',
    options: { status?: number; content_type?: string } = {},
  ) {
    this.status_code = options.status ?? 200;
    this.headers.set('Content-Type', options.content_type ?? 'text/html; charset=utf-8');
  }

  get reason_phrase(): string {
    return REASONS[this.status_code] ?? 'Unknown Status Code';
  }

  has_header(name: string): boolean {
    return this.headers.has(name);
  }

  /** `set_cookie(key, value='', max_age=None, expires=None, path='/', ...)` */
  set_cookie(key: string, value = '', options: SetCookieOptions = {}): void {
    const {
      path = '/',
      domain = null,
      secure = false,
      httponly = false,
      samesite = null,
    } = options;
    let { max_age = null, expires = null } = options;
    let morsel = this.cookies.get(key);
    if (morsel)
      morsel.value = value; // SimpleCookie keeps the Morsel (and its attributes)
    else this.cookies.set(key, (morsel = new Morsel(key, value)));
    if (expires !== null) {
      if (expires instanceof PyDateTime) {
        if (max_age !== null)
          throw new PyValueError("'expires' and 'max_age' can't be used together.");
        // One second more, so that the date matches exactly after the round trip through max_age.
        const delta = PyTimeDelta.fromMicroseconds(
          expires.epochMicroseconds - BigInt(Math.round(this.time() * 1e6)) + 1_000_000n,
        );
        max_age = Number(delta.wholeSeconds() > 0n ? delta.wholeSeconds() : 0n);
        expires = null;
      } else morsel.attrs.expires = expires;
    } else morsel.attrs.expires = '';
    if (max_age !== null) {
      const seconds = max_age instanceof PyTimeDelta ? max_age.totalSeconds() : Number(max_age);
      morsel.attrs['max-age'] = Math.trunc(seconds);
      if (!expires) morsel.attrs.expires = http_date(this.time() + seconds);
    }
    if (path !== null) morsel.attrs.path = path;
    if (domain !== null) morsel.attrs.domain = domain;
    if (secure) morsel.attrs.secure = true;
    if (httponly) morsel.attrs.httponly = true;
    if (samesite) {
      if (!['lax', 'none', 'strict'].includes(samesite.toLowerCase())) {
        throw new PyValueError('samesite must be "lax", "none", or "strict".');
      }
      morsel.attrs.samesite = samesite;
    }
  }

  /**
   * `delete_cookie(key, path='/', domain=None, samesite=None)`: an empty value that expired in
   * 1970. Secure only when the browser would otherwise ignore it (`__Secure-`/`__Host-` names,
   * SameSite=None); never HttpOnly.
   */
  delete_cookie(
    key: string,
    options: { path?: string; domain?: string | null; samesite?: string | false | null } = {},
  ): void {
    const { path = '/', domain = null, samesite = null } = options;
    const secure =
      key.startsWith('__Secure-') ||
      key.startsWith('__Host-') ||
      (!!samesite && samesite.toLowerCase() === 'none');
    this.set_cookie(key, '', {
      max_age: 0,
      path,
      domain,
      secure,
      expires: 'Thu, 01 Jan 1970 00:00:00 GMT',
      samesite,
    });
  }

  /** Every `Set-Cookie` header value, in the order the cookies were first set. */
  setCookieHeaders(): string[] {
    return [...this.cookies.values()].map((m) => m.OutputString());
  }
}

/** `JsonResponse(data)`: Django's encoder writes Python's default separators (`, ` and `: `). */
export class JsonResponse extends HttpResponse {
  constructor(data: PyValue, options: { status?: number } = {}) {
    super(dumps(data), { ...options, content_type: 'application/json' });
  }
}
