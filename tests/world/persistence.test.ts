// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { InPageTransport } from '../../src/browser/transport';
import { VirtualClock } from '../../src/world/clock';
import { decodeSaved, encodeSaved } from '../../src/world/persistence';
import { World } from '../../src/world/world';
import { restoreWorld, snapshotWorld } from '../../src/world/snapshot';

const transport = (get: () => import('../../src/server/server').DjangoServer) =>
  new InPageTransport(get);

async function loggedInWorld() {
  let now = 1767225600000;
  const world = new World({ clock: new VirtualClock(() => now), transport });
  await world.navigate('A', '/myapp/connection/');
  await world.submitForm('A', 0, { username: 'রহিম', password: 'x' });
  world.addTab('Bob');
  world.applySettings({ SESSION_COOKIE_AGE: 600 });
  now += 1000;
  return world;
}

describe('saving and restoring the world', () => {
  it('round-trips clock, settings, rows, jars, history and network exactly', async () => {
    const world = await loggedInWorld();
    const text = encodeSaved(snapshotWorld(world), 1);
    const loaded = decodeSaved(text);
    expect(loaded.status).toBe('ok');
    if (loaded.status !== 'ok') return;
    const restored = restoreWorld(loaded.world, { transport, realNow: () => 0 });
    expect(snapshotWorld(restored)).toEqual(snapshotWorld(world));
    // The restored browser is still logged in: its cookie finds the same row.
    const entry = await restored.navigate('A', '/myapp/connection/');
    expect(entry.response.body).toContain('You are : <strong>রহিম</strong>');
  });

  it('refuses what is not a saved world, with the reason', () => {
    expect(decodeSaved(null)).toEqual({ status: 'empty' });
    expect(decodeSaved('{oops')).toMatchObject({ status: 'invalid', reason: 'not JSON' });
    expect(decodeSaved('{"schema":"other"}')).toMatchObject({
      status: 'invalid',
      reason: 'not a playground world',
    });
    expect(decodeSaved('{"schema":"django-session-playground/world","version":99}')).toMatchObject({
      status: 'invalid',
      reason: 'saved by version 99, this is 1',
      problem: { path: 'saved.version', key: 'input.otherVersion' },
    });
  });

  it('refuses damaged parts and says where', async () => {
    const world = await loggedInWorld();
    const saved = JSON.parse(encodeSaved(snapshotWorld(world), 1));
    saved.world.tabs[0].cookies[0].expiresAt = 'tomorrow';
    expect(decodeSaved(JSON.stringify(saved))).toMatchObject({
      status: 'invalid',
      problem: { path: 'world.tabs[0].cookies[0].expiresAt', key: 'input.expected.number' },
    });
    const saved2 = JSON.parse(encodeSaved(snapshotWorld(world), 1));
    saved2.world.settings.SESSION_ENGINE = 'redis';
    expect(decodeSaved(JSON.stringify(saved2))).toMatchObject({
      status: 'invalid',
      reason: expect.stringContaining('world.settings.SESSION_ENGINE'),
    });
    const saved3 = JSON.parse(encodeSaved(snapshotWorld(world), 1));
    saved3.world.tabs[0].index = 7;
    expect(decodeSaved(JSON.stringify(saved3))).toMatchObject({
      status: 'invalid',
      problem: { path: 'world.tabs[0].index', key: 'input.tooLarge' },
    });
  });
});
