/**
 * django/contrib/sessions/middleware.py: gives every request a `request.session`, and after the
 * view decides what the browser must be told: delete the cookie, send it (again), or nothing.
 */
import { PyOverflowError, PyTypeError, typeName, type PyValue } from '../../../python';
import type { HttpRequest } from '../../http/request';
import type { HttpResponse } from '../../http/response';
import type { Runtime } from '../../runtime';
import { patch_vary_headers } from '../../utils/cache';
import { http_date } from '../../utils/http';
import * as time from '../../utils/timezone';
import { at_least } from '../../version';
import { UpdateError, type SessionStoreClass } from './backends/base';
import { import_engine } from './backends';
import { SessionInterrupted } from './exceptions';

/** `time.time() + max_age`, with Python's complaint when max_age is not a number. */
function add(now: number, max_age: PyValue): number {
  if (typeof max_age === 'bigint') {
    // float + int converts the int first: past the float range, Python's OverflowError.
    if (!Number.isFinite(Number(max_age)))
      throw new PyOverflowError('int too large to convert to float');
    return now + Number(max_age);
  }
  if (typeof max_age === 'number') return now + max_age;
  if (typeof max_age === 'boolean') return now + (max_age ? 1 : 0);
  throw new PyTypeError(`unsupported operand type(s) for +: 'float' and '${typeName(max_age)}'`);
}

export class SessionMiddleware {
  SessionStore: SessionStoreClass;

  constructor(
    readonly get_response: (request: HttpRequest) => HttpResponse,
    readonly runtime: Runtime,
  ) {
    const engine = import_engine(runtime.settings.SESSION_ENGINE);
    this.SessionStore = engine.SessionStore;
  }

  /** MiddlewareMixin.__call__ */
  __call__(request: HttpRequest): HttpResponse {
    this.process_request(request);
    const response = this.get_response(request);
    return this.process_response(request, response);
  }

  process_request(request: HttpRequest): void {
    const session_key = request.COOKIES[this.runtime.settings.SESSION_COOKIE_NAME] ?? null;
    request.session = new this.SessionStore(this.runtime, session_key);
  }

  /**
   * If request.session was modified, or if the configuration is to save the session every time,
   * save the changes and set a session cookie or delete the session cookie if the session has
   * been emptied.
   */
  process_response(request: HttpRequest, response: HttpResponse): HttpResponse {
    const settings = this.runtime.settings;
    if (!request.hasSession()) return response; // except AttributeError: return response
    const accessed = request.session.accessed;
    const modified = request.session.modified;
    const empty = request.session.is_empty();
    let need_vary_cookie: boolean;
    // First check if we need to delete this cookie.
    // The session should be deleted only if the session is entirely empty.
    if (settings.SESSION_COOKIE_NAME in request.COOKIES && empty) {
      response.delete_cookie(settings.SESSION_COOKIE_NAME, {
        path: settings.SESSION_COOKIE_PATH,
        domain: settings.SESSION_COOKIE_DOMAIN,
        samesite: settings.SESSION_COOKIE_SAMESITE,
      });
      need_vary_cookie = true;
    } else {
      // If the session was accessed, it must be varied on, regardless of whether it was
      // modified or will be saved.
      need_vary_cookie = accessed;
      if ((modified || settings.SESSION_SAVE_EVERY_REQUEST) && !empty) {
        let max_age: PyValue = null;
        let expires: string | null = null;
        if (!request.session.get_expire_at_browser_close()) {
          max_age = request.session.get_expiry_age();
          const expires_time = add(time.time(this.runtime), max_age);
          expires = http_date(expires_time);
        }
        // Save the session data and refresh the client cookie.
        // Skip session save for 5xx responses (Django 4.2, #34173; before: only for 500 itself,
        // refs #3881).
        const skip = at_least(settings, 4, 2)
          ? response.status_code >= 500
          : response.status_code === 500;
        if (!skip) {
          try {
            request.session.save();
          } catch (e) {
            if (!(e instanceof UpdateError)) throw e;
            throw new SessionInterrupted(
              "The request's session was deleted before the request completed. The user may have logged out in a concurrent request, for example.",
            );
          }
          response.set_cookie(settings.SESSION_COOKIE_NAME, request.session.session_key ?? '', {
            max_age: max_age as number | bigint | null,
            expires,
            domain: settings.SESSION_COOKIE_DOMAIN,
            path: settings.SESSION_COOKIE_PATH,
            secure: settings.SESSION_COOKIE_SECURE || null,
            httponly: settings.SESSION_COOKIE_HTTPONLY || null,
            samesite: settings.SESSION_COOKIE_SAMESITE,
          });
          // With a session cookie set, it must be varied on (Django 5.2.14, CVE-2026-35192:
          // SESSION_SAVE_EVERY_REQUEST sent the cookie of a session it never read without
          // Vary; 4.2 and 3.2 were out of support and kept the old rule).
          if (at_least(settings, 5, 2, 14)) need_vary_cookie = true;
        }
      }
    }
    if (need_vary_cookie) patch_vary_headers(response, ['Cookie']);
    return response;
  }
}
