// @vitest-environment jsdom
/**
 * Issue 14, item 1: every time that enters the world is checked against the ranges that exist
 * (Python's datetime: years 1 to 9999; a JS Date: ±8.64e15 ms), so a saved or imported world can
 * never hold a time the screen cannot print. Reproduced first: today's export with
 * `clock.virtual = 17964362872630000` blanked the page for good.
 */
import { describe, expect, it } from 'vitest';
import { InPageTransport } from '../../src/browser/transport';
import type { DjangoServer } from '../../src/server/server';
import { EARLIEST, LATEST, VirtualClock } from '../../src/world/clock';
import { decodeSaved, encodeSaved } from '../../src/world/persistence';
import { snapshotWorld } from '../../src/world/snapshot';
import { World } from '../../src/world/world';

const transport = (get: () => DjangoServer) => new InPageTransport(get);
const NOW = Date.UTC(2026, 0, 1);

async function savedWorld() {
  const world = new World({ clock: new VirtualClock(() => NOW), transport });
  await world.navigate('A', '/myapp/connection/');
  await world.submitForm('A', 0, { username: 'alice', password: 'x' });
  return JSON.parse(encodeSaved(snapshotWorld(world), NOW));
}

describe('times in a saved world', () => {
  it.each([
    ['the clock past any Date', 'clock.virtual', 17964362872630000],
    ['the clock past year 9999', 'clock.virtual', LATEST + 1],
    ['the clock before 1970', 'clock.virtual', -1],
    ['a cookie expiry past any Date', 'cookie.expiresAt', 8.64e15 + 1],
    ['a cookie creation in year 275760', 'cookie.creation', 8.64e15],
    ['a request time past year 9999', 'network.time', LATEST + 1],
    ['a file time past year 9999', 'file.mtime', 1e16],
  ])('refuses %s, and says where', async (_name, what, value) => {
    const saved = await savedWorld();
    const w = saved.world;
    const at: Record<string, [Record<string, unknown>, string, string]> = {
      'clock.virtual': [w.clock, 'virtual', 'world.clock.virtual'],
      'cookie.expiresAt': [w.tabs[0].cookies[0], 'expiresAt', 'world.tabs[0].cookies[0].expiresAt'],
      'cookie.creation': [w.tabs[0].cookies[0], 'creation', 'world.tabs[0].cookies[0].creation'],
      'network.time': [w.network[0], 'time', 'world.network[0].time'],
      'file.mtime': [w.server.files[0] ?? {}, 'mtime', 'world.server.files[0].mtime'],
    };
    if (what === 'file.mtime') {
      w.server.files.push({ path: '/tmp/x', content: '', mtime: 0 });
    }
    const [obj, key, path] = at[what] as [Record<string, unknown>, string, string];
    (what === 'file.mtime' ? w.server.files[0] : obj)[key] = value;
    expect(decodeSaved(JSON.stringify(saved))).toMatchObject({
      status: 'invalid',
      problem: { path, key: 'input.time' },
    });
  });

  it('refuses a clock speed no control can set', async () => {
    const saved = await savedWorld();
    saved.world.clock.speed = 1e300;
    expect(decodeSaved(JSON.stringify(saved))).toMatchObject({
      status: 'invalid',
      problem: { path: 'world.clock.speed', key: 'input.tooLarge' },
    });
  });

  it('accepts the ends of the range', async () => {
    const saved = await savedWorld();
    saved.world.clock.virtual = LATEST;
    expect(decodeSaved(JSON.stringify(saved)).status).toBe('ok');
    saved.world.clock.virtual = EARLIEST;
    expect(decodeSaved(JSON.stringify(saved)).status).toBe('ok');
  });
});

describe('the virtual clock stays within the range', () => {
  it('a jump stops at the end of year 9999; time then stands there', () => {
    let real = NOW;
    const clock = new VirtualClock(() => real, {
      virtual: LATEST - 1000,
      speed: 86400,
      paused: false,
    });
    expect(clock.canJump(14 * 86_400_000)).toBe(false);
    clock.jump(14 * 86_400_000);
    expect(clock.now()).toBe(LATEST);
    real += 10_000;
    expect(clock.now()).toBe(LATEST);
    expect(new Date(clock.now()).toISOString()).toBe('9999-12-31T23:59:59.999Z');
  });

  it('a state out of range is clamped, never kept', () => {
    const clock = new VirtualClock(() => NOW, { virtual: 1.8e16, speed: 1e300, paused: false });
    expect(clock.now()).toBe(LATEST);
    expect(clock.speed).toBe(1);
  });

  // The middleware writes the cookie's expires (http_date, through datetime.fromtimestamp)
  // before it saves: two weeks past the end of 9999 is Python's ValueError there.
  it('Django at the end of time answers as Django does: a 500 (ValueError), no RangeError', async () => {
    const world = new World({
      clock: new VirtualClock(() => NOW, { virtual: LATEST - 1000, speed: 1, paused: true }),
      transport,
    });
    await world.navigate('A', '/myapp/connection/');
    const entry = await world.submitForm('A', 0, { username: 'alice', password: 'x' });
    expect(entry.response.status).toBe(500);
    expect(entry.response.body).toContain('ValueError at /myapp/login/');
    expect(entry.response.body).toContain('year 10000 is out of range');
  });
});
