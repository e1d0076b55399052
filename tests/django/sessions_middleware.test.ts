/**
 * SessionMiddleware (spec sections 3 and 4, Django's SessionMiddlewareTests of section 9.5).
 * As Django's tests do with RequestFactory: process_request, touch the session as a view would,
 * process_response. Set-Cookie strings are the ones Django 3.2.25 printed with time.time() frozen
 * at 1700000000.
 */
import { import_string } from '../../src/server/mysite/modules';
import { describe, expect, it } from 'vitest';
import type { Settings } from '../../src/django/conf/global_settings';
import { SessionStore as DbStore } from '../../src/django/contrib/sessions/backends/db';
import type { SessionBase } from '../../src/django/contrib/sessions/backends/base';
import { SessionInterrupted } from '../../src/django/contrib/sessions/exceptions';
import { SessionMiddleware } from '../../src/django/contrib/sessions/middleware';
import { objects } from '../../src/django/contrib/sessions/models';
import { BadRequest } from '../../src/django/core/exceptions';
import { BaseHandler } from '../../src/django/core/handlers/base';
import { HttpRequest } from '../../src/django/http/request';
import { HttpResponse } from '../../src/django/http/response';
import { path, type URLConf } from '../../src/django/urls/resolvers';
import { PyDict } from '../../src/python';
import {
  DELETED_COOKIE,
  ENGINE,
  ENGINE_NAMES,
  newCookie,
  response,
  world,
  type World,
} from './helpers';

interface Run {
  w: World;
  request: HttpRequest;
  response: HttpResponse;
  session: SessionBase;
  /** The session cookie's Set-Cookie value, if any. */
  cookie: string | undefined;
}

/**
 * One request through the middleware: `view` plays the view (it may return its own response).
 * `cookie`, when given, is the incoming session cookie value.
 */
function run(
  view: (session: SessionBase) => HttpResponse | void,
  options: { settings?: Partial<Settings>; cookie?: string; status?: number; w?: World } = {},
): Run {
  const w = options.w ?? world(options.settings);
  const runtime = w.server.runtime;
  const request = new HttpRequest({ method: 'GET', path: '/' }, runtime);
  if (options.cookie !== undefined)
    request.COOKIES[runtime.settings.SESSION_COOKIE_NAME] = options.cookie;
  const middleware = new SessionMiddleware(() => response(w.clock), runtime);
  middleware.process_request(request);
  const returned = view(request.session) ?? response(w.clock, 'Session test', options.status);
  const out = middleware.process_response(request, returned);
  return {
    w,
    request,
    response: out,
    session: request.session,
    cookie: out.cookies.get(runtime.settings.SESSION_COOKIE_NAME)?.OutputString(),
  };
}

const hello = (s: SessionBase) => {
  s.setitem('hello', 'world');
};

describe('SessionMiddlewareTests', () => {
  it('test_secure_session_cookie', () => {
    const { response: r } = run(hello, { settings: { SESSION_COOKIE_SECURE: true } });
    expect(r.cookies.get('sessionid')?.attrs.secure).toBe(true);
  });

  it('test_httponly_session_cookie', () => {
    const { response: r, cookie } = run(hello, { settings: { SESSION_COOKIE_HTTPONLY: true } });
    expect(r.cookies.get('sessionid')?.attrs.httponly).toBe(true);
    expect(cookie).toContain('HttpOnly');
  });

  it('test_samesite_session_cookie', () => {
    const { response: r } = run(hello, { settings: { SESSION_COOKIE_SAMESITE: 'Strict' } });
    expect(r.cookies.get('sessionid')?.attrs.samesite).toBe('Strict');
  });

  it('test_no_httponly_session_cookie', () => {
    const { response: r, cookie } = run(hello, { settings: { SESSION_COOKIE_HTTPONLY: false } });
    // Django: morsel['httponly'] == '' (never set).
    expect(r.cookies.get('sessionid')?.attrs.httponly ?? '').toBe('');
    expect(cookie).not.toContain('HttpOnly');
  });

  it('test_session_save_on_500: nothing saved, no cookie, the new session stays keyless', () => {
    const { session, cookie, response: r } = run(hello, { status: 500 });
    expect(session.load().has('hello')).toBe(false);
    expect(session.session_key).toBeNull();
    expect(cookie).toBeUndefined();
    // Vary is still added: the session was accessed.
    expect(r.headers.get('Vary')).toBe('Cookie');
  });

  it('test_session_save_on_5xx (4.2 and 5.2, #34173): a 503 is not saved either', () => {
    for (const DJANGO_VERSION of ['4.2', '5.2'] as const) {
      const { session, cookie } = run(hello, { status: 503, settings: { DJANGO_VERSION } });
      expect(session.load().has('hello')).toBe(false);
      expect(cookie).toBeUndefined();
    }
  });

  it('Django 3.2 skipped the save for a 500 only: a 503 saves and sends the cookie', () => {
    const { session, cookie } = run(hello, { status: 503, settings: { DJANGO_VERSION: '3.2' } });
    expect(session.load().get('hello')).toBe('world');
    expect(cookie).toBe(newCookie(session.session_key as string));
  });

  it('a 4xx response is saved (only 5xx are skipped)', () => {
    const { session, cookie, w } = run(hello, { status: 499 });
    expect(cookie).toBe(newCookie(session.session_key as string));
    expect(objects(w.server.runtime).size).toBe(1);
  });

  it('test_session_update_error_redirect: a session deleted meanwhile raises SessionInterrupted', () => {
    const w = world();
    const runtime = w.server.runtime;
    const request = new HttpRequest({ method: 'GET', path: '/foo/' }, runtime);
    const middleware = new SessionMiddleware(() => response(w.clock), runtime);
    request.session = new DbStore(runtime);
    request.session.save(true);
    request.session.delete();
    const message =
      "The request's session was deleted before the request completed. The user may have logged out in a concurrent request, for example.";
    expect(() => middleware.process_response(request, response(w.clock, ''))).toThrow(
      new SessionInterrupted(message),
    );
    expect(new SessionInterrupted(message)).toBeInstanceOf(BadRequest);
    // Not resurrected.
    expect(objects(runtime).size).toBe(0);
  });

  it('test_session_update_error_redirect through the handler: a 400, logged on django.request', () => {
    const w = world();
    const interrupt = (request: HttpRequest) => {
      request.session.setitem('x', 1n);
      request.session.save(true);
      request.session.delete();
      return new HttpResponse('ok');
    };
    const urlconf: URLConf = { name: 'tests.urls', urlpatterns: [path('interrupt/', interrupt)] };
    const handler = new BaseHandler(w.server.runtime, urlconf, import_string);
    const request = new HttpRequest({ method: 'GET', path: '/interrupt/' }, w.server.runtime);
    const r = handler.get_response(request);
    expect(r.status_code).toBe(400);
    expect(r.content).toBe(
      '\n<!doctype html>\n<html lang="en">\n<head>\n  <title>Bad Request (400)</title>\n</head>\n<body>\n  <h1>Bad Request (400)</h1><p></p>\n</body>\n</html>\n',
    );
    expect(r.cookies.size).toBe(0);
    // Measured in Django 3.2: log_response('%s: %s', str(exc), request.path), once.
    expect(w.logs).toEqual([
      {
        logger: 'django.request',
        level: 'WARNING',
        message:
          "The request's session was deleted before the request completed. The user may have logged out in a concurrent request, for example.: /interrupt/",
      },
    ]);
  });

  it('test_session_delete_on_end', () => {
    const { cookie, response: r } = run((s) => s.flush(), { cookie: 'abc' });
    expect(`Set-Cookie: ${cookie}`).toBe(
      'Set-Cookie: sessionid=""; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; SameSite=Lax',
    );
    expect(r.headers.get('Vary')).toBe('Cookie');
  });

  it('test_session_delete_on_end_with_custom_domain_and_path', () => {
    const { cookie } = run((s) => s.flush(), {
      cookie: 'abc',
      settings: { SESSION_COOKIE_DOMAIN: '.example.local', SESSION_COOKIE_PATH: '/example/' },
    });
    expect(`Set-Cookie: ${cookie}`).toBe(
      'Set-Cookie: sessionid=""; Domain=.example.local; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/example/; SameSite=Lax',
    );
  });

  it('test_flush_empty_without_session_cookie_doesnt_set_cookie', () => {
    const { response: r } = run((s) => s.flush());
    expect(r.cookies.size).toBe(0);
    expect(r.headers.get('Vary')).toBe('Cookie');
  });

  it('test_empty_session_saved: emptied but keyed, it is saved and the cookie sent again', () => {
    const w = world();
    const runtime = w.server.runtime;
    const request = new HttpRequest({ method: 'GET', path: '/' }, runtime);
    const middleware = new SessionMiddleware(() => response(w.clock), runtime);
    middleware.process_request(request);
    request.session.setitem('foo', 'bar');
    let r = middleware.process_response(request, response(w.clock));
    expect(request.session.items().items.length).toBe(1);
    const key = request.session.session_key as string;
    expect(r.cookies.get('sessionid')?.OutputString()).toBe(newCookie(key));
    expect(r.headers.get('Vary')).toBe('Cookie');

    // Empty the session data and handle a response again.
    request.session.delitem('foo');
    r = middleware.process_response(request, response(w.clock));
    expect(request.session.values().items).toEqual([]);
    const row = objects(runtime).get(key);
    expect(new DbStore(runtime).decode(row?.session_data as string)).toEqual(new PyDict());
    expect((request.session.session_key as string).length).toBeGreaterThan(8);
    expect(r.cookies.get('sessionid')?.OutputString()).toBe(newCookie(key));
    expect(r.headers.get('Vary')).toBe('Cookie');
  });
});

describe('the observed Django 3.2 Set-Cookie strings (spec section 4), through the middleware', () => {
  it('a new session', () => {
    const { cookie, session } = run(hello);
    expect(session.session_key).toMatch(/^[a-z0-9]{32}$/);
    expect(cookie).toBe(
      `sessionid=${session.session_key}; expires=Tue, 28 Nov 2023 22:13:20 GMT; HttpOnly; Max-Age=1209600; Path=/; SameSite=Lax`,
    );
  });

  it.each<[string, (s: SessionBase) => void, Partial<Settings>]>([
    ['set_expiry(0)', (s) => (s.setitem('a', 1n), s.set_expiry(0n)), {}],
    ['SESSION_EXPIRE_AT_BROWSER_CLOSE=True', hello, { SESSION_EXPIRE_AT_BROWSER_CLOSE: true }],
  ])('a browser-close cookie: %s (no expires, no Max-Age)', (_name, view, settings) => {
    const { cookie, session } = run(view, { settings });
    expect(cookie).toBe(`sessionid=${session.session_key}; HttpOnly; Path=/; SameSite=Lax`);
  });

  it('set_expiry(300)', () => {
    const { cookie, session } = run((s) => (s.setitem('a', 1n), s.set_expiry(300n)));
    expect(cookie).toBe(
      `sessionid=${session.session_key}; expires=Tue, 14 Nov 2023 22:18:20 GMT; HttpOnly; Max-Age=300; Path=/; SameSite=Lax`,
    );
  });

  it('deletion: no HttpOnly, the value literally ""', () => {
    expect(run((s) => s.flush(), { cookie: 'abc' }).cookie).toBe(DELETED_COOKIE);
  });

  const everything: Partial<Settings> = {
    SESSION_COOKIE_SECURE: true,
    SESSION_COOKIE_DOMAIN: '.example.com',
    SESSION_COOKIE_PATH: '/app/',
    SESSION_COOKIE_SAMESITE: 'None',
  };

  it('all attributes (Secure, Domain, Path, SameSite=None)', () => {
    const { cookie, session } = run(hello, { settings: everything });
    expect(cookie).toBe(
      `sessionid=${session.session_key}; Domain=.example.com; expires=Tue, 28 Nov 2023 22:13:20 GMT; HttpOnly; Max-Age=1209600; Path=/app/; SameSite=None; Secure`,
    );
  });

  it('deletion with SameSite=None makes Secure automatic', () => {
    const { cookie } = run((s) => s.flush(), { cookie: 'abc', settings: everything });
    expect(cookie).toBe(
      'sessionid=""; Domain=.example.com; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/app/; SameSite=None; Secure',
    );
  });

  it('HTTPONLY=False and SAMESITE=None (Python None)', () => {
    const { cookie, session } = run(hello, {
      settings: { SESSION_COOKIE_HTTPONLY: false, SESSION_COOKIE_SAMESITE: null },
    });
    expect(cookie).toBe(
      `sessionid=${session.session_key}; expires=Tue, 28 Nov 2023 22:13:20 GMT; Max-Age=1209600; Path=/`,
    );
  });

  it('signed cookies: a new session {"username":"alice"}', () => {
    const { cookie } = run((s) => s.setitem('username', 'alice'), {
      settings: { SESSION_ENGINE: ENGINE.signed_cookies },
    });
    expect(cookie).toBe(
      'sessionid=eyJ1c2VybmFtZSI6ImFsaWNlIn0:1r31eq:Tk1qDna06nRY_YIJYTMWrM1rwAlrVvmqKJe6D255zuQ; expires=Tue, 28 Nov 2023 22:13:20 GMT; HttpOnly; Max-Age=1209600; Path=/; SameSite=Lax',
    );
  });

  it('a negative age is saved and sent as Max-Age=-10 with a past expires', () => {
    const { cookie, session } = run((s) => (s.setitem('a', 1n), s.set_expiry(-10n)));
    expect(cookie).toBe(
      `sessionid=${session.session_key}; expires=Tue, 14 Nov 2023 22:13:10 GMT; HttpOnly; Max-Age=-10; Path=/; SameSite=Lax`,
    );
  });
});

describe.each(ENGINE_NAMES)('the middleware decisions (spec 3.2) with the %s engine', (name) => {
  const settings = { SESSION_ENGINE: ENGINE[name] };

  it("a cookie shorter than 8 characters is deleted even if the view doesn't touch the session", () => {
    const { cookie, response: r, session } = run(() => {}, { settings, cookie: 'abc' });
    expect(session.accessed).toBe(false);
    expect(cookie).toBe(DELETED_COOKIE);
    expect(r.headers.get('Vary')).toBe('Cookie');
  });

  it('an untouched session: no cookie, no Vary', () => {
    const { response: r } = run(() => {}, { settings });
    expect(r.cookies.size).toBe(0);
    expect(r.headers.has('Vary')).toBe(false);
  });

  it('set then deleted with no key: nothing saved, no cookie, Vary', () => {
    const { response: r, session } = run(
      (s) => {
        s.setitem('a', 1n);
        s.delitem('a');
      },
      { settings },
    );
    expect(session.session_key).toBeNull();
    expect(r.cookies.size).toBe(0);
    expect(r.headers.get('Vary')).toBe('Cookie');
  });

  it('reading a valid session: Vary, no Set-Cookie (the expiry does not slide on reads)', () => {
    const first = run(hello, { settings });
    const key = first.session.session_key as string;
    first.w.clock.advance(60_000);
    const second = run((s) => void s.get('hello'), { w: first.w, cookie: key });
    expect(second.session.get('hello')).toBe('world');
    expect(second.response.cookies.size).toBe(0);
    expect(second.response.headers.get('Vary')).toBe('Cookie');
  });

  it.each([
    ['3.2', false],
    ['4.2', false],
    // Django 5.2.14 (CVE-2026-35192): a response that sets the session cookie varies on Cookie.
    ['5.2', true],
  ] as const)(
    'SESSION_SAVE_EVERY_REQUEST re-sends the cookie of an untouched session (%s: Vary %s)',
    (version, vary) => {
      const first = run(hello, { settings: { ...settings, DJANGO_VERSION: version } });
      const key = first.session.session_key as string;
      first.w.server.configure({ SESSION_SAVE_EVERY_REQUEST: true });
      first.w.clock.advance(60_000);
      const second = run(() => {}, { w: first.w, cookie: key });
      const sent = second.response.cookies.get('sessionid');
      expect(sent?.attrs.expires).toBe('Tue, 28 Nov 2023 22:14:20 GMT');
      expect(second.response.headers.get('Vary')).toBe(vary ? 'Cookie' : undefined);
      expect(second.session.get('hello')).toBe('world');
    },
  );
});
