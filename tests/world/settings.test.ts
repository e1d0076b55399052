// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { InPageTransport } from '../../src/browser/transport';
import { VirtualClock } from '../../src/world/clock';
import { World } from '../../src/world/world';

const world = () =>
  new World({
    clock: new VirtualClock(() => 1767225600000),
    transport: (g) => new InPageTransport(g),
  });

describe('settings from the panel', () => {
  it('refuses values Django would refuse, and changes nothing', () => {
    const w = world();
    const before = { ...w.settings };
    expect(w.applySettings({ SESSION_COOKIE_NAME: 'my session', SESSION_COOKIE_AGE: 1.5 })).toEqual(
      [
        { setting: 'SESSION_COOKIE_AGE', code: 'age-int' },
        { setting: 'SESSION_COOKIE_NAME', code: 'cookie-name' },
      ],
    );
    expect(w.applySettings({ SESSION_COOKIE_PATH: 'myapp' })).toEqual([
      { setting: 'SESSION_COOKIE_PATH', code: 'path' },
    ]);
    expect(w.applySettings({ SESSION_COOKIE_SAMESITE: 'lax' as never })).toEqual([
      { setting: 'SESSION_COOKIE_SAMESITE', code: 'samesite' },
    ]);
    expect(w.settings).toEqual(before);
  });

  it('applies valid ones to the server, which then answers with them', async () => {
    const w = world();
    expect(
      w.applySettings({
        SESSION_COOKIE_AGE: 300,
        SESSION_COOKIE_SAMESITE: 'Strict',
        SESSION_COOKIE_NAME: 'sid',
      }),
    ).toEqual([]);
    await w.navigate('A', '/myapp/connection/');
    const entry = await w.submitForm('A', 0, { username: 'alice', password: 'x' });
    expect(entry.response.setCookies[0]).toMatch(
      /^sid=[a-z0-9]{32}; expires=Thu, 01 Jan 2026 00:05:00 GMT; HttpOnly; Max-Age=300; Path=\/; SameSite=Strict$/,
    );
  });

  it('without SessionMiddleware, the view fails as Django does (DEBUG page names the AttributeError)', async () => {
    const w = world();
    w.applySettings({ sessionMiddleware: false });
    const entry = await w.navigate('A', '/myapp/connection/');
    expect(entry.response.status).toBe(500);
    expect(entry.response.body).toContain('AttributeError at /myapp/connection/');
    expect(entry.response.body).toContain(
      '&#x27;WSGIRequest&#x27; object has no attribute &#x27;session&#x27;',
    );
  });

  it('a new engine restarts the server, which forgets its cache', async () => {
    const w = world();
    w.applySettings({ SESSION_ENGINE: 'cache' });
    await w.navigate('A', '/myapp/connection/');
    await w.submitForm('A', 0, { username: 'alice', password: 'x' });
    expect(w.server.storedSessions()).toHaveLength(1);
    w.applySettings({ SESSION_COOKIE_AGE: 600 });
    expect(w.server.storedSessions()).toHaveLength(0);
  });
});
