/**
 * django/contrib/sessions/middleware.py: gives every request a `request.session`, and after the
 * view decides what the browser must be told: delete the cookie, send it (again), or nothing.
 *
 * Besides the response, it records its decision (SessionTrace) so that the playground can say
 * *why*: Django keeps that reasoning to itself.
 */
import { PyOverflowError, PyTypeError, typeName, type PyValue } from '../../../python';
import type { HttpRequest } from '../../http/request';
import type { HttpResponse } from '../../http/response';
import type { Runtime } from '../../runtime';
import { patch_vary_headers } from '../../utils/cache';
import { http_date } from '../../utils/http';
import * as timezone from '../../utils/timezone';
import {
  UpdateError,
  type SessionBase,
  type SessionEngine,
  type SessionEvent,
} from './backends/base';
import { import_engine } from './backends';
import { SessionInterrupted } from './exceptions';

export type SessionDecision =
  /** Cookie sent and session empty: the cookie is deleted. */
  | 'cookie-deleted'
  /** Modified (or SESSION_SAVE_EVERY_REQUEST) and not empty: saved, cookie sent. */
  | 'saved'
  /** Modified, but the response is a server error (5xx): nothing saved, no cookie. */
  | 'not-saved-server-error'
  /** Modified, but empty with no key: nothing to save. */
  | 'empty-not-saved'
  /** Read but not changed: nothing saved, no cookie (the expiry does not slide on reads). */
  | 'read-only'
  /** Never touched by the view: nothing at all. */
  | 'untouched'
  /** The session was deleted elsewhere during the request: SessionInterrupted, a 400. */
  | 'interrupted';

export interface SessionTrace {
  engine: string;
  cookieName: string;
  /** The session cookie the browser sent, if any. */
  cookieIn: string | null;
  /** The key after validation when the request came in. */
  keyIn: string | null;
  /** The key when the response left (null: none). */
  keyOut: string | null;
  accessed: boolean;
  modified: boolean;
  empty: boolean;
  saveEveryRequest: boolean;
  decision: SessionDecision;
  /** When saved: the cookie's lifetime, or null for "until the browser closes". */
  maxAge: number | null;
  browserClose: boolean;
  varyCookie: boolean;
  setCookie: string | null;
  events: SessionEvent[];
}

const traces = new WeakMap<HttpRequest, SessionTrace>();

/** The middleware's decision for a request it handled. */
export function sessionTraceOf(request: HttpRequest): SessionTrace | undefined {
  return traces.get(request);
}

/** `time.time() + max_age`, with Python's complaint when max_age is not a number. */
function addSeconds(now: number, maxAge: PyValue): number {
  if (typeof maxAge === 'bigint') {
    // float + int converts the int first: past the float range, Python's OverflowError.
    if (!Number.isFinite(Number(maxAge)))
      throw new PyOverflowError('int too large to convert to float');
    return now + Number(maxAge);
  }
  if (typeof maxAge === 'number') return now + maxAge;
  if (typeof maxAge === 'boolean') return now + (maxAge ? 1 : 0);
  throw new PyTypeError(`unsupported operand type(s) for +: 'float' and '${typeName(maxAge)}'`);
}

export class SessionMiddleware {
  private readonly engine: SessionEngine;

  constructor(
    private readonly get_response: (request: HttpRequest) => HttpResponse,
    private readonly runtime: Runtime,
  ) {
    this.engine = import_engine(runtime.settings.SESSION_ENGINE);
  }

  call(request: HttpRequest): HttpResponse {
    this.process_request(request);
    return this.process_response(request, this.get_response(request));
  }

  process_request(request: HttpRequest): void {
    const session_key = request.COOKIES[this.runtime.settings.SESSION_COOKIE_NAME] ?? null;
    request.session = new this.engine.SessionStore(this.runtime, session_key);
  }

  /**
   * If the session was modified, or every request must save, save it and send the cookie; if it
   * was emptied while the browser holds a cookie, delete the cookie.
   */
  process_response(request: HttpRequest, response: HttpResponse): HttpResponse {
    if (!request.hasSession()) return response;
    const settings = this.runtime.settings;
    const session: SessionBase = request.session;
    const accessed = session.accessed;
    const modified = session.modified;
    const empty = session.is_empty();
    const cookieIn = request.COOKIES[settings.SESSION_COOKIE_NAME] ?? null;
    const trace: SessionTrace = {
      engine: settings.SESSION_ENGINE,
      cookieName: settings.SESSION_COOKIE_NAME,
      cookieIn,
      keyIn: session.events.some((e) => e.kind === 'key-rejected') ? null : cookieIn,
      keyOut: session.session_key,
      accessed,
      modified,
      empty,
      saveEveryRequest: settings.SESSION_SAVE_EVERY_REQUEST,
      decision: accessed ? 'read-only' : 'untouched',
      maxAge: null,
      browserClose: false,
      varyCookie: false,
      setCookie: null,
      events: session.events,
    };
    traces.set(request, trace);

    // Delete the cookie only when the session is entirely empty.
    if (cookieIn !== null && empty) {
      response.delete_cookie(settings.SESSION_COOKIE_NAME, {
        path: settings.SESSION_COOKIE_PATH,
        domain: settings.SESSION_COOKIE_DOMAIN,
        samesite: settings.SESSION_COOKIE_SAMESITE,
      });
      patch_vary_headers(response, ['Cookie']);
      trace.decision = 'cookie-deleted';
    } else {
      if (accessed) patch_vary_headers(response, ['Cookie']);
      if ((modified || settings.SESSION_SAVE_EVERY_REQUEST) && !empty) {
        let max_age: PyValue = null;
        let expires: string | null = null;
        if (session.get_expire_at_browser_close()) {
          trace.browserClose = true;
        } else {
          max_age = session.get_expiry_age();
          expires = http_date(addSeconds(timezone.time(this.runtime), max_age));
        }
        // Skip the save for server errors (Django 5; 3.2 skipped only 500 itself), refs #3881.
        if (response.status_code < 500) {
          try {
            session.save();
          } catch (e) {
            if (!(e instanceof UpdateError)) throw e;
            trace.decision = 'interrupted';
            throw new SessionInterrupted(
              "The request's session was deleted before the request completed. The user may have logged out in a concurrent request, for example.",
            );
          }
          response.set_cookie(settings.SESSION_COOKIE_NAME, session.session_key ?? '', {
            max_age: max_age as number | bigint | null,
            expires,
            domain: settings.SESSION_COOKIE_DOMAIN,
            path: settings.SESSION_COOKIE_PATH,
            secure: settings.SESSION_COOKIE_SECURE || null,
            httponly: settings.SESSION_COOKIE_HTTPONLY || null,
            samesite: settings.SESSION_COOKIE_SAMESITE,
          });
          trace.decision = 'saved';
          trace.maxAge = max_age === null ? null : Math.trunc(Number(max_age));
        } else {
          trace.decision = 'not-saved-server-error';
        }
      } else if (modified) {
        trace.decision = 'empty-not-saved';
      }
    }
    trace.keyOut = session.session_key;
    trace.varyCookie =
      response.headers
        .get('Vary')
        ?.split(/\s*,\s*/)
        .includes('Cookie') ?? false;
    trace.setCookie = response.cookies.get(settings.SESSION_COOKIE_NAME)?.OutputString() ?? null;
    return response;
  }
}
