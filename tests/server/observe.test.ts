/**
 * The playground's observation of the port (src/server/observe): what happened to the session
 * during a request (events) and what the middleware decided (the trace), read from outside
 * Django's own SessionStore and SessionMiddleware. Each outcome the explanations name is made
 * to happen here, through the whole pipeline.
 */
import { describe, expect, it } from 'vitest';
import type { Settings } from '../../src/django/conf/global_settings';
import { ManualClock } from '../../src/django/runtime';
import { enginePath, type EngineName } from '../../src/django/contrib/sessions/backends/engines';
import { objects } from '../../src/django/contrib/sessions/models';
import { DjangoServer, type Exchange } from '../../src/server/server';
// The console's views answer 503 until their chunk is installed, as in the page before a first line.
import '../../src/server/console/installed';

const T0 = 1_767_225_600_000;

function site(settings: Partial<Settings> = {}) {
  const clock = new ManualClock(T0);
  const server = new DjangoServer({ clock, settings });
  const send = (method: 'GET' | 'POST', path: string, cookie?: string, body?: string) =>
    server.handle({
      method,
      path,
      headers: {
        ...(cookie ? { Cookie: cookie } : {}),
        ...(body !== undefined ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
      },
      body,
    });
  const login = (cookie?: string) =>
    send('POST', '/myapp/login/', cookie, 'username=alice&password=x');
  return { server, clock, send, login };
}

/** `sessionid=<value>` from a response that set the session cookie. */
function cookieOf(x: Exchange): string {
  const header = x.setCookies[0] as string;
  return header.slice(0, header.indexOf(';'));
}

const engine = (name: EngineName) => ({ SESSION_ENGINE: enginePath(name) });

describe('events: what happened to the session', () => {
  it.each(['db', 'cached_db', 'file'] as const)(
    '%s: a new session is saved and created; the next request finds it',
    (name) => {
      const { login, send } = site(engine(name));
      const first = login();
      const key = first.session?.keyOut as string;
      expect(first.session?.events).toEqual([
        { kind: 'saved', key },
        { kind: 'created', key },
      ]);
      const next = send('GET', '/myapp/connection/', cookieOf(first));
      expect(next.session?.events).toEqual([
        { kind: 'loaded', outcome: name === 'cached_db' ? 'cache-hit' : 'found' },
      ]);
    },
  );

  it('cache: a hit, then, after a restart, not found (the key is dropped)', () => {
    const { login, send, server } = site(engine('cache'));
    const cookie = cookieOf(login());
    expect(send('GET', '/myapp/connection/', cookie).session?.events).toEqual([
      { kind: 'loaded', outcome: 'cache-hit' },
    ]);
    server.restart();
    const after = send('GET', '/myapp/connection/', cookie);
    expect(after.session?.events).toEqual([{ kind: 'loaded', outcome: 'not-found' }]);
    expect(after.session?.keyOut).toBeNull();
  });

  it('cached_db after a restart: the database answers', () => {
    const { login, send, server } = site(engine('cached_db'));
    const cookie = cookieOf(login());
    server.restart();
    expect(send('GET', '/myapp/connection/', cookie).session?.events).toEqual([
      { kind: 'loaded', outcome: 'found' },
    ]);
  });

  it('db: an expired row, and a key that was never issued', () => {
    const { login, send, clock } = site(engine('db'));
    const cookie = cookieOf(login());
    clock.advance(1_209_600_000 + 1000);
    expect(send('GET', '/myapp/connection/', cookie).session?.events).toEqual([
      { kind: 'loaded', outcome: 'expired' },
    ]);
    expect(
      send('GET', '/myapp/connection/', 'sessionid=abcdefghijklmnopqrstuvwxyz012345').session
        ?.events,
    ).toEqual([{ kind: 'loaded', outcome: 'not-found' }]);
  });

  it('db: a row whose data does not verify is corrupt, and logged as Django logs it', () => {
    const { login, send, server } = site(engine('db'));
    const first = login();
    const row = objects(server.runtime).get(first.session?.keyOut as string);
    if (!row) throw new Error('no row');
    row.session_data = row.session_data.slice(0, -1) + 'A';
    const next = send('GET', '/myapp/connection/', cookieOf(first));
    expect(next.session?.events).toEqual([
      { kind: 'loaded', outcome: 'found' },
      { kind: 'loaded', outcome: 'corrupt' },
    ]);
    expect(next.logs).toContainEqual({
      logger: 'django.security.SuspiciousSession',
      level: 'WARNING',
      message: 'Session data corrupted',
    });
  });

  it('file: an expired file is deleted and replaced by a new session', () => {
    const { login, send, clock } = site(engine('file'));
    const first = login();
    const old = first.session?.keyOut as string;
    clock.advance(1_209_600_000 + 1000);
    const next = send('GET', '/myapp/connection/', cookieOf(first));
    const events = next.session?.events ?? [];
    expect(events[0]).toEqual({ kind: 'loaded', outcome: 'expired' });
    expect(events[1]).toEqual({ kind: 'deleted', key: old });
    // The new, empty session is saved when created, and again by the middleware (modified).
    expect(events.slice(2).map((e) => e.kind)).toEqual(['saved', 'created', 'saved']);
  });

  it('signed cookies: found, tampered (bad signature), and too old (signature expired)', () => {
    const { login, send, clock } = site(engine('signed_cookies'));
    const cookie = cookieOf(login());
    expect(send('GET', '/myapp/connection/', cookie).session?.events).toEqual([
      { kind: 'loaded', outcome: 'found' },
    ]);
    // A failed load starts a new session (modified): the middleware signs and sends it.
    const tampered = cookie.slice(0, -1) + (cookie.endsWith('A') ? 'B' : 'A');
    expect(send('GET', '/myapp/connection/', tampered).session?.events[0]).toEqual({
      kind: 'loaded',
      outcome: 'bad-signature',
    });
    clock.advance(1_209_600_000 + 1000);
    expect(send('GET', '/myapp/connection/', cookie).session?.events[0]).toEqual({
      kind: 'loaded',
      outcome: 'signature-expired',
    });
  });

  it('a cookie too short to be a key is rejected before anything is loaded', () => {
    const { send } = site();
    const x = send('GET', '/myapp/connection/', 'sessionid=abc');
    expect(x.session?.events).toEqual([{ kind: 'key-rejected', value: 'abc' }]);
    expect(x.session?.keyIn).toBeNull();
  });

  it('logout by flush deletes the row, and says so', () => {
    const { server, login } = site(engine('db'));
    const first = login();
    const key = first.session?.keyOut as string;
    const flushed = server.handle({
      method: 'POST',
      path: '/__session__/call',
      headers: { Cookie: cookieOf(first), 'Content-Type': 'application/json' },
      body: '{"method": "flush", "args": []}',
    });
    expect(flushed.session?.events).toContainEqual({ kind: 'deleted', key });
    expect(flushed.session?.decision).toBe('cookie-deleted');
  });
});

describe('the decision, read off the request and the response', () => {
  it('untouched, read-only, saved (with its Max-Age), cookie-deleted', () => {
    const { send, login } = site();
    expect(send('GET', '/myapp/guestbook/').session?.decision).toBe('untouched');
    expect(send('GET', '/myapp/connection/').session?.decision).toBe('read-only');
    const saved = login();
    expect(saved.session).toMatchObject({
      decision: 'saved',
      maxAge: 1209600,
      browserClose: false,
    });
    expect(saved.session?.setCookie).toBe(saved.setCookies[0]);
    // The tutorial's logout only deletes a key: the session keeps its key and is saved.
    expect(send('GET', '/myapp/logout/', cookieOf(saved)).session?.decision).toBe('saved');
    expect(send('GET', '/myapp/connection/', 'sessionid=abc').session?.decision).toBe(
      'cookie-deleted',
    );
  });

  it('saved until the browser closes; saved on every request although nothing changed', () => {
    const closing = site({ SESSION_EXPIRE_AT_BROWSER_CLOSE: true }).login();
    expect(closing.session).toMatchObject({ decision: 'saved', maxAge: null, browserClose: true });
    const every = site({ SESSION_SAVE_EVERY_REQUEST: true });
    const cookie = cookieOf(every.login());
    const again = every.send('GET', '/myapp/connection/', cookie);
    expect(again.session).toMatchObject({ decision: 'saved', modified: false });
  });

  it('a save that fails is a server error: not saved, no cookie', () => {
    const { login } = site({ SECRET_KEY: '' });
    const x = login();
    expect(x.status).toBe(500);
    expect(x.session?.decision).toBe('not-saved-server-error');
    expect(x.setCookies).toEqual([]);
  });

  it.each([
    ['5.2', true],
    ['4.2', false],
    ['3.2', false],
  ] as const)(
    'SESSION_SAVE_EVERY_REQUEST on a page that never reads the session, Django %s: Vary %s',
    (DJANGO_VERSION, vary) => {
      const { login, send } = site({ DJANGO_VERSION, SESSION_SAVE_EVERY_REQUEST: true });
      const x = send('GET', '/myapp/guestbook/', cookieOf(login()));
      expect(x.session).toMatchObject({ decision: 'saved', accessed: false, varyCookie: vary });
    },
  );
});
