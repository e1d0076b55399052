// @vitest-environment jsdom
/**
 * Export to a file and import back: an exact round trip (world and progress), and every kind of
 * bad file refused with a reason while the current world and progress stay untouched.
 */
import { describe, expect, it } from 'vitest';
import { InPageTransport } from '../../src/browser/transport';
import { LessonProgress, PROGRESS_KEY } from '../../src/lessons/progress';
import type { DjangoServer } from '../../src/server/server';
import { VirtualClock } from '../../src/world/clock';
import {
  applyImport,
  exportFileName,
  exportWorld,
  MAX_IMPORT_BYTES,
  parseImport,
} from '../../src/lessons/exchange';
import { encodeSaved } from '../../src/world/persistence';
import { World } from '../../src/world/world';
import { snapshotWorld } from '../../src/world/snapshot';

const transport = (get: () => DjangoServer) => new InPageTransport(get);
const NOW = 1767225600000;

async function busyWorld() {
  let now = NOW;
  const world = new World({ clock: new VirtualClock(() => now), transport });
  await world.navigate('A', '/myapp/connection/');
  await world.submitForm('A', 0, { username: 'রহিম', password: 'x' });
  world.addTab('Bob');
  await world.navigate('B', '/myapp/connection/');
  world.applySettings({ SESSION_COOKIE_AGE: 600 });
  world.clock.jump(90_000);
  now += 1000;
  return world;
}

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
    map,
  };
}

function progressWith(done: Record<string, string[]>) {
  const progress = new LessonProgress(memoryStorage());
  for (const [slug, ids] of Object.entries(done)) for (const id of ids) progress.markDone(slug, id);
  return progress;
}

describe('export then import', () => {
  it('round-trips the world and the progress exactly', async () => {
    const world = await busyWorld();
    const progress = progressWith({
      '01-what-is-a-session': ['open', 'login'],
      '07-expiry': ['a'],
    });
    const text = exportWorld(world, progress, 'bn', NOW);
    const parsed = JSON.parse(text);
    expect(parsed).toMatchObject({
      schema: 'django-session-playground/export',
      version: 1,
      exportedAt: '2026-01-01T00:00:00.000Z',
      lang: 'bn',
    });

    const storage = memoryStorage();
    const target = new LessonProgress(storage);
    const result = applyImport(text, { progress: target, transport, realNow: () => 0 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.world).not.toBe(world);
    expect(snapshotWorld(result.world)).toEqual(snapshotWorld(world));
    expect(result.lang).toBe('bn');
    expect(target.toData()).toEqual(progress.toData());
    expect(target.isDone('01-what-is-a-session', 'login')).toBe(true);
    // Saved as well, so a reload keeps the imported progress.
    expect(JSON.parse(storage.map.get(PROGRESS_KEY) ?? '{}')).toEqual(progress.toData());
    // Exporting the imported world gives the same file (the same values; key order may differ).
    expect(JSON.parse(exportWorld(result.world, target, 'bn', NOW))).toEqual(JSON.parse(text));
  });

  it('the imported browsers are still logged in (the cookie finds the row)', async () => {
    const world = await busyWorld();
    const result = applyImport(exportWorld(world, progressWith({}), 'en', NOW), {
      progress: progressWith({}),
      transport,
    });
    if (!result.ok) throw new Error(result.reason);
    const entry = await result.world.navigate('A', '/myapp/connection/');
    expect(entry.response.body).toContain('You are : <strong>রহিম</strong>');
  });

  it('names the file after the date of the export', () => {
    expect(exportFileName(NOW)).toBe('django-session-playground-2026-01-01.json');
  });
});

/** Sets `a.b.0.c` in parsed JSON; undefined drops the key when stringified. */
function setPath(json: unknown, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop() as string;
  let at = json as Record<string, unknown>;
  for (const k of keys) at = at[k] as Record<string, unknown>;
  at[last] = value;
}

describe('refusing bad files, changing nothing', () => {
  async function refused(text: string) {
    const world = await busyWorld();
    const before = snapshotWorld(world);
    const progress = progressWith({ '03-login': ['x'] });
    const progressBefore = progress.toData();
    const revision = progress.revision;
    const result = applyImport(text, { progress, transport });
    expect(result.ok).toBe(false);
    expect(snapshotWorld(world)).toEqual(before);
    expect(progress.toData()).toEqual(progressBefore);
    expect(progress.revision).toBe(revision);
    return result.ok ? null : result;
  }

  async function exported() {
    return JSON.parse(exportWorld(await busyWorld(), progressWith({ a: ['b'] }), 'en', NOW));
  }

  it('bad JSON', async () => {
    expect(await refused('{"schema": "django-session-playground/export", ')).toMatchObject({
      code: 'not-json',
    });
    expect(await refused('')).toMatchObject({ code: 'not-json' });
  });

  it('a foreign file, and a saved world (not an export)', async () => {
    expect(await refused('{"name": "my-package", "version": "1.0.0"}')).toMatchObject({
      code: 'foreign',
      reason: 'no playground export schema',
    });
    expect(await refused('[1, 2, 3]')).toMatchObject({ code: 'foreign' });
    const saved = encodeSaved(snapshotWorld(await busyWorld()), NOW);
    expect(await refused(saved)).toMatchObject({
      code: 'foreign',
      reason:
        'schema is "django-session-playground/world", expected "django-session-playground/export"',
    });
  });

  it('another version', async () => {
    const file = await exported();
    file.version = 2;
    expect(await refused(JSON.stringify(file))).toMatchObject({
      ok: false,
      code: 'other-version',
      reason: 'exported by version 2, this is 1',
    });
  });

  it.each([
    [
      'a cookie expiry that is not a number',
      'world.tabs.0.cookies.0.expiresAt',
      'tomorrow',
      ['world.tabs[0].cookies[0].expiresAt', 'input.expected.number'],
    ],
    [
      'an unknown engine',
      'world.settings.SESSION_ENGINE',
      'redis',
      ['world.settings.SESSION_ENGINE', 'input.expected.oneOf'],
    ],
    [
      'a history position out of range',
      'world.tabs.1.index',
      7,
      ['world.tabs[1].index', 'input.tooLarge'],
    ],
    ['no world', 'world', undefined, ['world', 'input.expected.object']],
    ['progress steps that are not text', 'progress.done.a', [1], ['progress', 'input.progress']],
    [
      'progress from another version',
      'progress.version',
      9,
      ['progress.version', 'input.otherVersion'],
    ],
    ['an unknown language', 'lang', 'fr', ['file.lang', 'input.expected.oneOf']],
    ['no export date', 'exportedAt', 5, ['file.exportedAt', 'input.expected.text']],
    ['an export date that is no date', 'exportedAt', 'soon', ['file.exportedAt', 'input.isoDate']],
  ])('damaged: %s', async (_name, path, value, [where, key]) => {
    const file = await exported();
    setPath(file, path, value);
    const result = await refused(JSON.stringify(file));
    expect(result?.code).toBe('damaged');
    expect(result?.problem).toMatchObject({ path: where, key });
  });

  it('a row date Python cannot read', async () => {
    const file = await exported();
    // Caught by the schema now (Python's own fromisoformat decides), with where.
    file.world.server.rows[0].expire_date = 'January 1, 2026';
    expect(await refused(JSON.stringify(file))).toMatchObject({
      code: 'damaged',
      problem: { path: 'world.server.rows[0].expire_date', key: 'input.pythonDate' },
    });
  });

  it('a file over 5 MB, before reading it as JSON', async () => {
    const huge =
      '{"schema":"django-session-playground/export","pad":"' + 'x'.repeat(MAX_IMPORT_BYTES) + '"}';
    expect(await refused(huge)).toMatchObject({ code: 'too-big' });
    // Bytes, not characters: 2 million Bangla letters are 6 MB of UTF-8.
    expect(parseImport('"' + 'অ'.repeat(2_000_000) + '"')).toMatchObject({ code: 'too-big' });
  });
});

describe('an import sets only what the Settings panel accepts (issue 14, item 7)', () => {
  async function file() {
    return JSON.parse(exportWorld(await busyWorld(), progressWith({}), 'en', NOW));
  }
  it.each([
    [
      'a cookie name Django cannot send',
      'SESSION_COOKIE_NAME',
      'a b;c',
      'settings.error.cookie-name',
    ],
    [
      'a cookie name no browser would keep',
      'SESSION_COOKIE_NAME',
      'n'.repeat(5000),
      'settings.error.cookie-name-length',
    ],
    ['an age past ten years', 'SESSION_COOKIE_AGE', 10 ** 12, 'settings.error.age-range'],
    ['a path with a semicolon', 'SESSION_COOKIE_PATH', '/;x', 'settings.error.path'],
  ])('refuses %s', async (_name, setting, value, key) => {
    const f = await file();
    f.world.settings[setting] = value;
    const parsed = parseImport(JSON.stringify(f));
    expect(parsed).toMatchObject({
      ok: false,
      code: 'damaged',
      problem: { path: `world.settings.${setting}`, key },
    });
  });

  it('refuses an empty SECRET_KEY (Django will not start without one)', async () => {
    const f = await file();
    f.world.secretKey = '';
    expect(parseImport(JSON.stringify(f))).toMatchObject({
      ok: false,
      problem: { path: 'world.secretKey', key: 'input.secretKeyEmpty' },
    });
  });

  it('says what a good file holds before anything is replaced', async () => {
    const f = await file();
    const parsed = parseImport(JSON.stringify(f));
    expect(parsed.ok && parsed.summary).toEqual({
      exportedAt: NOW,
      lang: 'en',
      clock: f.world.clock.virtual,
      engine: 'db',
      djangoVersion: '5.2',
      browsers: 2,
      cookies: 1,
      pages: 3,
      rows: 1,
      files: 0,
      lessons: 0,
      steps: 0,
    });
  });
});
