/**
 * Not in Django: SessionMiddleware with its decision written down (SessionTrace), so that the
 * playground can say *why* a response did or did not set the cookie. Django's own middleware
 * (src/django/contrib/sessions/middleware.ts) decides; this subclass watches its stores and
 * reads the decision off the request and the response it produced.
 */
import type { HttpRequest } from '../../django/http/request';
import type { HttpResponse } from '../../django/http/response';
import { SessionMiddleware } from '../../django/contrib/sessions/middleware';
import { SessionInterrupted } from '../../django/contrib/sessions/exceptions';
import type { Runtime } from '../../django/runtime';
import { eventsOf, observeStore, type SessionEvent } from './sessions';

export type SessionDecision =
  /** Cookie sent and session empty: the cookie is deleted. */
  | 'cookie-deleted'
  /** Modified (or SESSION_SAVE_EVERY_REQUEST) and not empty: saved, cookie sent. */
  | 'saved'
  /** Modified, but the response is a server error (5xx), or the save itself failed: no cookie. */
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

export class ObservedSessionMiddleware extends SessionMiddleware {
  constructor(get_response: (request: HttpRequest) => HttpResponse, runtime: Runtime) {
    super(get_response, runtime);
    this.SessionStore = observeStore(this.SessionStore);
  }

  override process_response(request: HttpRequest, response: HttpResponse): HttpResponse {
    if (!request.hasSession()) return super.process_response(request, response);
    const settings = this.runtime.settings;
    const session = request.session;
    const cookieIn = request.COOKIES[settings.SESSION_COOKIE_NAME] ?? null;
    const events = eventsOf(session);
    const trace: SessionTrace = {
      engine: settings.SESSION_ENGINE,
      cookieName: settings.SESSION_COOKIE_NAME,
      cookieIn,
      keyIn: events.some((e) => e.kind === 'key-rejected') ? null : cookieIn,
      keyOut: session.session_key,
      accessed: session.accessed,
      modified: session.modified,
      empty: session.is_empty(),
      saveEveryRequest: settings.SESSION_SAVE_EVERY_REQUEST,
      decision: session.accessed ? 'read-only' : 'untouched',
      maxAge: null,
      browserClose: false,
      varyCookie: false,
      setCookie: null,
      events,
    };
    traces.set(request, trace);
    const saves = (trace.modified || trace.saveEveryRequest) && !trace.empty;
    try {
      super.process_response(request, response);
    } catch (e) {
      // SessionInterrupted is a 400; anything else raised while saving is a 500.
      trace.decision = e instanceof SessionInterrupted ? 'interrupted' : 'not-saved-server-error';
      trace.keyOut = session.session_key;
      throw e;
    }
    const morsel = response.cookies.get(settings.SESSION_COOKIE_NAME);
    if (cookieIn !== null && trace.empty) trace.decision = 'cookie-deleted';
    else if (saves) {
      if (morsel) {
        trace.decision = 'saved';
        const maxAge = morsel.attrs['max-age'];
        trace.browserClose = maxAge === undefined;
        trace.maxAge = maxAge === undefined ? null : maxAge;
      } else trace.decision = 'not-saved-server-error';
    } else if (trace.modified) trace.decision = 'empty-not-saved';
    trace.keyOut = session.session_key;
    trace.varyCookie =
      response.headers
        .get('Vary')
        ?.split(/\s*,\s*/)
        .includes('Cookie') ?? false;
    trace.setCookie = morsel?.OutputString() ?? null;
    return response;
  }
}
