/**
 * Bad input through the whole pipeline (DjangoServer.handle: request -> SessionMiddleware ->
 * the tutorial's views -> response). Every expectation is what Django 3.2.25 answered to the same
 * request with the same app (the conformance reference app, SECRET_KEY='playground-secret',
 * time.time() frozen at 1700000000), unless a comment says the newest Django differs.
 * Whatever comes in, handle() answers; it never throws.
 */
import { describe, expect, it } from 'vitest';
import { SessionStore as DbStore } from '../../src/django/contrib/sessions/backends/db';
import { objects } from '../../src/django/contrib/sessions/models';
import type { Settings } from '../../src/django/conf/global_settings';
import { PyDateTime, PyDict, PyTimeDelta } from '../../src/python';
import type { Exchange } from '../../src/server/server';
import {
  DELETED_COOKIE,
  ENGINE,
  ENGINE_NAMES,
  header,
  newCookie,
  SECRET,
  T0,
  world,
  type EngineName,
  type World,
} from '../django/helpers';
import { dumps } from '../../src/django/core/signing';
// The console's Python, loaded at once (as the Node entry points do).
import '../../src/server/console/installed';

const FORM = 'application/x-www-form-urlencoded';

function get(w: World, path: string, cookie?: string): Exchange {
  return w.server.handle({
    method: 'GET',
    path,
    headers: cookie === undefined ? {} : { Cookie: cookie },
  });
}

function post(w: World, path: string, body: string, cookie?: string, contentType = FORM): Exchange {
  return w.server.handle({
    method: 'POST',
    path,
    headers: { 'Content-Type': contentType, ...(cookie === undefined ? {} : { Cookie: cookie }) },
    body,
  });
}

const vary = (x: Exchange) => header(x.headers, 'Vary');

/** The signed-cookie backend's reset value at T0: a signed `{}` (spec 6.1, vector 3b). */
const SIGNED_RESET = newCookie('e30:1r31eq:SZqMfs7QIi_TvH1paaCF81PpAy2KZZSA8LMixLemqvM');

const LOGIN_PAGE = `<html>
<body>
<form name="form" action="/myapp/login/" method="POST">
<input type="text" name="username" placeholder="Username" />
<input type="password" name="password" placeholder="Password" />
<button type="submit">Login</button>
</form>
</body>
</html>
`;
const loggedIn = (name: string) => `<html>
<body>
You are : <strong>${name}</strong>
</body>
</html>
`;

const errorPage = (title: string, details = '') =>
  `\n<!doctype html>\n<html lang="en">\n<head>\n  <title>${title}</title>\n</head>\n<body>\n  <h1>${title}</h1><p>${details}</p>\n</body>\n</html>\n`;

describe.each(ENGINE_NAMES)('bad session cookies, %s engine', (engine: EngineName) => {
  const setUp = () => world({ SESSION_ENGINE: ENGINE[engine] });
  const signed = engine === 'signed_cookies';

  it("'abc' (too short) is deleted, even by a view that never touches the session", () => {
    const w = setUp();
    for (const path of ['/myapp/login/', '/myapp/connection/']) {
      const x = get(w, path, 'sessionid=abc');
      expect(x.status).toBe(200);
      expect(x.setCookies).toEqual([DELETED_COOKIE]);
      expect(vary(x)).toBe('Cookie');
    }
  });

  describe.each(['../../etc/passwd', 'ABCDEFGH!!', 'a/b/c/d/e/f', 'a\\b\\c\\d\\e'])(
    'key %j',
    (bad) => {
      it('an untouched view leaves it alone: no Set-Cookie, no Vary', () => {
        const x = get(setUp(), '/myapp/login/', `sessionid=${bad}`);
        expect(x.status).toBe(200);
        expect(x.setCookies).toEqual([]);
        expect(vary(x)).toBeUndefined();
      });

      it(
        signed
          ? 'a read resets it to a signed {} cookie'
          : 'a read finds no session: the cookie is deleted',
        () => {
          const x = get(setUp(), '/myapp/connection/', `sessionid=${bad}`);
          expect(x.status).toBe(200);
          expect(x.body).toBe(LOGIN_PAGE);
          expect(x.setCookies).toEqual([signed ? SIGNED_RESET : DELETED_COOKIE]);
          expect(vary(x)).toBe('Cookie');
        },
      );

      it('a write never adopts it: a fresh key (or a fresh signed value) is sent', () => {
        const w = setUp();
        const x = post(w, '/myapp/login/', 'username=bob&password=x', `sessionid=${bad}`);
        expect(x.status).toBe(200);
        expect(x.body).toBe(loggedIn('bob'));
        if (signed) {
          expect(x.setCookies).toEqual([
            newCookie(
              'eyJ1c2VybmFtZSI6ImJvYiJ9:1r31eq:XrdkSajOhcKIUukS1O21nyrzmScAyU4yg9hPbbxiKQg',
            ),
          ]);
          return;
        }
        const key = x.session?.keyOut as string;
        expect(key).toMatch(/^[a-z0-9]{32}$/);
        expect(x.setCookies).toEqual([newCookie(key)]);
        const stored = w.server.storedSessions();
        expect(stored.map((s) => s.key)).toEqual(
          engine === 'cached_db' ? [key, key] : [key], // cached_db: the row and its cache entry
        );
        expect(stored[0]?.data).toEqual(PyDict.of({ username: 'bob' }));
        // Nothing was written outside the session directory.
        expect(
          w.server.files.entries().every((f) => /^\/tmp\/sessionid[a-z0-9]{32}$/.test(f.path)),
        ).toBe(true);
      });

      it(
        engine === 'file'
          ? "the console's exists() meets InvalidSessionKey (file backend)"
          : "the console's exists() answers false",
        () => {
          const x = post(
            setUp(),
            '/__session__/call',
            '{"method": "exists", "args": []}',
            `sessionid=${bad}`,
            'application/json',
          );
          expect(x.status).toBe(200);
          expect(x.body).toBe(
            engine === 'file' ? '{"error": "InvalidSessionKey"}' : '{"result": false}',
          );
          expect(x.setCookies).toEqual([]);
          expect(vary(x)).toBeUndefined();
        },
      );
    },
  );

  // Django counts characters (code points), not bytes or UTF-16 units: measured with the
  // header's UTF-8 bytes as a WSGI server hands them over.
  it.each(['\u{1F600}'.repeat(4), 'é'.repeat(7)])(
    'a non-ASCII key of fewer than 8 characters (%s) is too short: deleted untouched',
    (key) => {
      const x = get(setUp(), '/myapp/login/', `sessionid=${key}`);
      expect(x.setCookies).toEqual([DELETED_COOKIE]);
      expect(vary(x)).toBe('Cookie');
    },
  );

  it("an 8-character non-ASCII key ('ключключ') is kept until read, then refused", () => {
    const w = setUp();
    const untouched = get(w, '/myapp/login/', 'sessionid=ключключ');
    expect(untouched.setCookies).toEqual([]);
    expect(vary(untouched)).toBeUndefined();
    const read = get(w, '/myapp/connection/', 'sessionid=ключключ');
    expect(read.setCookies).toEqual([signed ? SIGNED_RESET : DELETED_COOKIE]);
    expect(vary(read)).toBe('Cookie');
  });

  it('a malformed Cookie header carries no session: a read gets Vary and nothing else', () => {
    const x = get(setUp(), '/myapp/connection/', ';;; =; sessionid; ===');
    expect(x.status).toBe(200);
    expect(x.setCookies).toEqual([]);
    expect(vary(x)).toBe('Cookie');
    expect(x.session?.cookieIn).toBeNull();
  });

  it('an unterminated quoted value is read verbatim (quote included)', () => {
    const x = get(setUp(), '/myapp/connection/', 'sessionid="unterminated');
    expect(x.session?.cookieIn).toBe('"unterminated');
    expect(x.setCookies).toEqual([signed ? SIGNED_RESET : DELETED_COOKIE]);
  });

  it('a repeated cookie name: the last value wins', () => {
    const w = setUp();
    const login = post(w, '/myapp/login/', 'username=ann&password=x');
    const cookie = (login.setCookies[0] as string).split(';')[0] as string; // sessionid=<value>
    const x = get(w, '/myapp/connection/', `sessionid=abcdefghijkl; ${cookie}`);
    expect(x.body).toBe(loggedIn('ann'));
    const y = get(w, '/myapp/connection/', `${cookie}; sessionid=abcdefghijkl`);
    expect(y.body).toBe(LOGIN_PAGE);
  });
});

describe('signed cookies: tampered and expired values', () => {
  const setUp = () => world({ SESSION_ENGINE: ENGINE.signed_cookies });
  const good = dumps(PyDict.of({ username: 'eve' }), {
    key: SECRET,
    salt: 'django.contrib.sessions.backends.signed_cookies',
    compress: true,
    time: () => T0,
  });
  const tampered = good.slice(0, -1) + (good.endsWith('A') ? 'B' : 'A');

  it('a good cookie is read: no Set-Cookie, Vary', () => {
    const x = get(setUp(), '/myapp/connection/', `sessionid=${good}`);
    expect(x.body).toBe(loggedIn('eve'));
    expect(x.setCookies).toEqual([]);
    expect(vary(x)).toBe('Cookie');
  });

  it('a tampered cookie that is read is replaced by a signed {} (not deleted, not logged)', () => {
    const x = get(setUp(), '/myapp/connection/', `sessionid=${tampered}`);
    expect(x.body).toBe(LOGIN_PAGE);
    expect(x.setCookies).toEqual([SIGNED_RESET]);
    expect(x.logs).toEqual([]);
  });

  it('a tampered cookie that is never read is left alone', () => {
    const x = get(setUp(), '/myapp/login/', `sessionid=${tampered}`);
    expect(x.setCookies).toEqual([]);
    expect(vary(x)).toBeUndefined();
  });

  it('one second past SESSION_COOKIE_AGE it expires; at exactly the age it is still good', () => {
    const w = setUp();
    w.clock.advance(1209600 * 1000);
    const atAge = get(w, '/myapp/connection/', `sessionid=${good}`);
    expect(atAge.body).toBe(loggedIn('eve'));
    expect(atAge.setCookies).toEqual([]);
    w.clock.advance(1000);
    const expired = get(w, '/myapp/connection/', `sessionid=${good}`);
    expect(expired.body).toBe(LOGIN_PAGE);
    expect(expired.setCookies).toEqual([
      'sessionid=e30:1r86KX:7bvfuUcuWw3jOK9FNyp6NgtsO1KB9iODeeKggL75zA0; expires=Tue, 12 Dec 2023 22:13:21 GMT; HttpOnly; Max-Age=1209600; Path=/; SameSite=Lax',
    ]);
  });

  it('a cookie signed with another SECRET_KEY is reset', () => {
    const foreign = dumps(PyDict.of({ username: 'eve' }), {
      key: 'someone-elses-secret',
      salt: 'django.contrib.sessions.backends.signed_cookies',
      compress: true,
      time: () => T0,
    });
    expect(get(setUp(), '/myapp/connection/', `sessionid=${foreign}`).setCookies).toEqual([
      SIGNED_RESET,
    ]);
  });
});

describe.each(['db', 'cached_db'] as const)('undecodable session_data in a %s row', (engine) => {
  const setUp = () => {
    const w = world({ SESSION_ENGINE: ENGINE[engine] });
    const now = PyDateTime.fromEpochMicroseconds(BigInt(T0) * 1_000_000n);
    objects(w.server.runtime).insert({
      session_key: 'corruptkey1234567890',
      session_data: 'garbage-not-signed',
      expire_date: now.add(PyTimeDelta.of({ days: 1 })),
    });
    return w;
  };

  it("reads as an empty session, logged as 'Session data corrupted'; the key is kept", () => {
    const x = get(setUp(), '/myapp/connection/', 'sessionid=corruptkey1234567890');
    expect(x.status).toBe(200);
    expect(x.body).toBe(LOGIN_PAGE);
    // The key is still there, so the session is not empty: no deletion, no new cookie.
    expect(x.setCookies).toEqual([]);
    expect(vary(x)).toBe('Cookie');
    // Newest Django: every BadSignature is logged. (Django 3.2's legacy fallback returned {}
    // silently for this particular garbage; a well-formed value with a bad signature was logged.)
    expect(x.logs).toEqual([
      {
        logger: 'django.security.SuspiciousSession',
        level: 'WARNING',
        message: 'Session data corrupted',
      },
    ]);
  });

  it('a write replaces the data under the same key', () => {
    const w = setUp();
    const x = post(w, '/myapp/login/', 'username=bob&password=x', 'sessionid=corruptkey1234567890');
    expect(x.setCookies).toEqual([newCookie('corruptkey1234567890')]);
    const row = objects(w.server.runtime).get('corruptkey1234567890');
    expect(new DbStore(w.server.runtime).decode(row?.session_data as string)).toEqual(
      PyDict.of({ username: 'bob' }),
    );
  });
});

describe('the console endpoint', () => {
  it('a body that is not JSON: a 500, as the reference view lets json.loads raise', () => {
    const w = world();
    const x = post(w, '/__session__/call', 'not json', undefined, 'application/json');
    expect(x.status).toBe(500);
    expect(x.logs.at(-1)?.message).toBe(
      'Internal Server Error: /__session__/call\nJSONDecodeError: Expecting value: line 1 column 1 (char 0)',
    );
    expect(x.setCookies).toEqual([]);
  });

  it('a date out of range in an argument: a 500 (OverflowError), as in Django', () => {
    const w = world();
    const x = post(
      w,
      '/__session__/call',
      '{"method": "set_expiry", "args": [{"datetimeIn": 1000000000000}]}',
      undefined,
      'application/json',
    );
    expect(x.status).toBe(500);
    expect(x.logs.at(-1)?.message).toBe(
      'Internal Server Error: /__session__/call\nOverflowError: date value out of range',
    );
    expect(x.setCookies).toEqual([]);
  });

  it('an unknown method: 400 {"error": "UnknownMethod"}, the session untouched', () => {
    const w = world();
    const x = post(
      w,
      '/__session__/call',
      '{"method": "nope"}',
      'sessionid=abcdefghijkl',
      'application/json',
    );
    expect(x.status).toBe(400);
    expect(x.body).toBe('{"error": "UnknownMethod"}');
    expect(x.setCookies).toEqual([]);
    expect(vary(x)).toBeUndefined();
    expect(x.logs).toEqual([
      { logger: 'django.request', level: 'WARNING', message: 'Bad Request: /__session__/call' },
    ]);
  });
});

describe('the login form', () => {
  it('posted without fields: both required, nothing stored, the session untouched', () => {
    const w = world();
    const x = post(w, '/myapp/login/', '');
    expect(x.status).toBe(200);
    expect(x.body).toBe(loggedIn('not logged in'));
    expect(x.view?.form).toEqual({
      valid: false,
      errors: { username: ['This field is required.'], password: ['This field is required.'] },
    });
    expect(x.setCookies).toEqual([]);
    expect(vary(x)).toBeUndefined();
    expect(w.server.sessionRows()).toEqual([]);
  });

  it('a 10,000-character username fails max_length; nothing is stored', () => {
    const w = world();
    const x = post(w, '/myapp/login/', `username=${'a'.repeat(10000)}&password=x`);
    expect(x.status).toBe(200);
    expect(x.body).toBe(loggedIn('not logged in'));
    expect(x.view?.form?.errors).toEqual({
      username: ['Ensure this value has at most 100 characters (it has 10000).'],
    });
    expect(x.setCookies).toEqual([]);
    expect(w.server.sessionRows()).toEqual([]);
  });

  it('a username of white space is required; one with NUL is refused', () => {
    const w = world();
    expect(post(w, '/myapp/login/', 'username=+++&password=x').view?.form?.errors).toEqual({
      username: ['This field is required.'],
    });
    expect(post(w, '/myapp/login/', 'username=a%00b&password=x').view?.form?.errors).toEqual({
      username: ['Null characters are not allowed.'],
    });
    expect(w.server.sessionRows()).toEqual([]);
  });

  const tooMany = {
    logger: 'django.security.TooManyFieldsSent',
    level: 'ERROR',
    message: 'The number of GET/POST parameters exceeded settings.DATA_UPLOAD_MAX_NUMBER_FIELDS.',
  };
  // Measured with each release (record.py's settings, Python's logging captured).
  it.each([
    [
      '3.2',
      'text/html',
      [
        tooMany,
        { logger: 'django.request', level: 'WARNING', message: 'Bad Request: /myapp/login/' },
      ],
    ],
    ['4.2', 'text/html; charset=utf-8', [tooMany]],
    ['5.2', 'text/html; charset=utf-8', [tooMany]],
  ] as const)(
    'more than DATA_UPLOAD_MAX_NUMBER_FIELDS (1000) fields, Django %s: 400, TooManyFieldsSent',
    (DJANGO_VERSION, contentType, logs) => {
      const w = world({ DJANGO_VERSION });
      const fields = (n: number) => Array.from({ length: n }, (_, i) => `f${i}=1`).join('&');
      const x = post(w, '/myapp/login/', fields(1001));
      expect(x.status).toBe(400);
      expect(x.body).toBe(errorPage('Bad Request (400)'));
      expect(x.contentType).toBe(contentType);
      expect(x.logs).toEqual(logs);
      expect(post(w, '/myapp/login/', fields(1000)).status).toBe(200);
    },
  );
});

describe('errors the handler turns into responses', () => {
  it.each([
    ['3.2', 'text/html'],
    ['4.2', 'text/html; charset=utf-8'],
    ['5.2', 'text/html; charset=utf-8'],
  ] as const)('an unknown URL, Django %s: the 404 page (%s)', (DJANGO_VERSION, contentType) => {
    const w = world({ DJANGO_VERSION });
    const x = get(w, '/nope/');
    expect(x.status).toBe(404);
    expect(x.contentType).toBe(contentType);
    expect(x.body).toBe(
      errorPage('Not Found', 'The requested resource was not found on this server.'),
    );
    expect(x.logs).toEqual([
      { logger: 'django.request', level: 'WARNING', message: 'Not Found: /nope/' },
    ]);
  });

  it('a path with non-ASCII and control characters is logged escaped (CVE-2025-48432)', () => {
    const x = get(world(), '/nope/\u09b0\x1b/');
    expect(x.logs).toEqual([
      { logger: 'django.request', level: 'WARNING', message: 'Not Found: /nope/\\u09b0\\x1b/' },
    ]);
  });

  it('an unknown URL with a too-short cookie: the 404 still deletes the cookie', () => {
    const x = get(world(), '/nope/', 'sessionid=abc');
    expect(x.status).toBe(404);
    expect(x.setCookies).toEqual([DELETED_COOKIE]);
    expect(vary(x)).toBe('Cookie');
  });

  describe('SessionMiddleware removed from MIDDLEWARE', () => {
    const setUp = (settings: Partial<Settings> = {}) => world({ MIDDLEWARE: [], ...settings });

    it('a view that uses request.session: 500', () => {
      const x = get(setUp(), '/myapp/connection/');
      expect(x.status).toBe(500);
      expect(x.body).toBe(errorPage('Server Error (500)'));
      expect(x.setCookies).toEqual([]);
      expect(x.logs.map((l) => [l.logger, l.level, l.message.split('\n')[0]])).toEqual([
        ['django.request', 'ERROR', 'Internal Server Error: /myapp/connection/'],
      ]);
    });

    it("with DEBUG=True the page says 'WSGIRequest' object has no attribute 'session'", () => {
      const x = get(setUp({ DEBUG: true }), '/myapp/connection/');
      expect(x.status).toBe(500);
      expect(x.body).toContain(
        '<pre class="exception_value">&#x27;WSGIRequest&#x27; object has no attribute &#x27;session&#x27;</pre>',
      );
      expect(x.body).toContain('<title>AttributeError at /myapp/connection/</title>');
    });

    it('a view that never uses it still works', () => {
      const x = get(setUp(), '/myapp/login/');
      expect(x.status).toBe(200);
      expect(x.body).toBe(loggedIn('not logged in'));
    });
  });

  describe("'django.contrib.sessions' removed from INSTALLED_APPS (db engine)", () => {
    const setUp = (settings: Partial<Settings> = {}) =>
      world({ INSTALLED_APPS: ['django.contrib.contenttypes', 'myapp'], ...settings });
    const modelError =
      "Model class django.contrib.sessions.models.Session doesn't declare an explicit app_label and isn't in an application in INSTALLED_APPS.";

    it('saving a session needs the model: 500', () => {
      const x = post(setUp(), '/myapp/login/', 'username=bob&password=x');
      expect(x.status).toBe(500);
      expect(x.body).toBe(errorPage('Server Error (500)'));
      expect(x.setCookies).toEqual([]);
      expect(x.logs.map((l) => l.message)).toEqual([
        `Internal Server Error: /myapp/login/\nRuntimeError: ${modelError}`,
      ]);
    });

    it('loading a session by its key needs the model too: 500 (with Vary: the session was accessed)', () => {
      const x = get(setUp(), '/myapp/connection/', 'sessionid=abcdefghijklmnop');
      expect(x.status).toBe(500);
      expect(vary(x)).toBe('Cookie');
    });

    it('without a cookie nothing is loaded, so reading works', () => {
      const x = get(setUp(), '/myapp/connection/');
      expect(x.status).toBe(200);
      expect(x.body).toBe(LOGIN_PAGE);
      expect(vary(x)).toBe('Cookie');
    });

    it('DEBUG=True shows the RuntimeError', () => {
      const x = post(setUp({ DEBUG: true }), '/myapp/login/', 'username=bob&password=x');
      expect(x.status).toBe(500);
      expect(x.body).toContain('<title>RuntimeError at /myapp/login/</title>');
      expect(x.body).toContain(modelError.replace(/'/g, '&#x27;'));
    });
  });

  it('a SESSION_FILE_PATH that does not exist: 500 (ImproperlyConfigured), not an exception', () => {
    const x = get(
      world({ SESSION_ENGINE: ENGINE.file, SESSION_FILE_PATH: '/no/such/dir' }),
      '/myapp/login/',
    );
    expect(x.status).toBe(500);
    expect(x.logs[0]?.message).toContain('ImproperlyConfigured: The session storage path');
  });

  it('an unknown SESSION_ENGINE or middleware path: handle() still answers (500)', () => {
    for (const settings of [
      { SESSION_ENGINE: 'django.contrib.sessions.backends.bogus' },
      { MIDDLEWARE: ['no.such.Middleware'] },
    ]) {
      const w = world(settings);
      let x: Exchange | undefined;
      expect(() => (x = get(w, '/myapp/login/'))).not.toThrow();
      expect(x?.status).toBe(500);
      expect(x?.body).toBe(errorPage('Server Error (500)'));
    }
    const w = world({ SESSION_ENGINE: 'django.contrib.sessions.backends.bogus', DEBUG: true });
    expect(get(w, '/myapp/login/').body).toContain(
      'No module named &#x27;django.contrib.sessions.backends.bogus&#x27;',
    );
    // Fixing the setting fixes the next request.
    w.server.configure({ SESSION_ENGINE: ENGINE.db });
    expect(get(w, '/myapp/login/').status).toBe(200);
  });
});
