// @vitest-environment jsdom
/**
 * Imported files and saved worlds, fuzzed: any text, and valid files with any value put at any
 * place. Never an uncaught exception; a refused file changes nothing (world, progress); an
 * accepted one builds a world whose every time can be printed (no RangeError on screen).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { InPageTransport } from '../../src/browser/transport';
import { applyImport, exportWorld, parseImport } from '../../src/lessons/exchange';
import { LessonProgress } from '../../src/lessons/progress';
import type { DjangoServer } from '../../src/server/server';
import { VirtualClock } from '../../src/world/clock';
import { decodeSaved, encodeSaved } from '../../src/world/persistence';
import { restoreWorld, snapshotWorld } from '../../src/world/snapshot';
import { World } from '../../src/world/world';
import { fuzzConfig, hostileValue, RUNS, TIMEOUT } from './settings';

const transport = (get: () => DjangoServer) => new InPageTransport(get);
const NOW = Date.UTC(2026, 0, 1);
let base: { export: Record<string, unknown>; saved: Record<string, unknown>; paths: string[][] };

/** Every path to a value in `json` (objects and arrays), for mutations to aim at. */
function pathsOf(json: unknown, at: string[] = [], out: string[][] = []): string[][] {
  out.push(at);
  if (json && typeof json === 'object')
    for (const [k, v] of Object.entries(json)) if (out.length < 4000) pathsOf(v, [...at, k], out);
  return out;
}

function setAt(json: unknown, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(json) as Record<string, unknown>;
  let at = copy;
  for (const k of path.slice(0, -1)) at = at[k] as Record<string, unknown>;
  at[path[path.length - 1] as string] = value;
  return copy;
}

/** What the screen does with a world's times: each must print. */
function printable(world: World): void {
  const times = [world.clock.now()];
  for (const t of world.tabs)
    for (const c of t.browser.jar.all()) {
      times.push(c.creation, c.lastAccess);
      if (c.expiresAt !== null) times.push(c.expiresAt);
    }
  for (const e of world.network) times.push(e.time);
  for (const ms of times) expect(() => new Date(ms).toISOString()).not.toThrow();
  expect(() => snapshotWorld(world)).not.toThrow();
  for (const tab of world.tabs) expect(() => tab.page).not.toThrow();
}

beforeAll(async () => {
  const world = new World({ clock: new VirtualClock(() => NOW), transport });
  await world.navigate('A', '/myapp/connection/');
  await world.submitForm('A', 0, { username: 'alice', password: 'x' });
  world.addTab('B');
  await world.navigate('B', '/myapp/guestbook/');
  const progress = new LessonProgress(null);
  progress.markDone('03-login', 'form');
  const exported = JSON.parse(exportWorld(world, progress, 'en', NOW));
  base = {
    export: exported,
    saved: JSON.parse(encodeSaved(snapshotWorld(world), NOW)),
    paths: pathsOf(exported),
  };
});

describe('fuzzing imports', () => {
  it(
    'any text: refused or accepted, never thrown; refused changes nothing',
    () => {
      fc.assert(
        fc.property(
          fc.oneof(
            fc.string(),
            fc.json(),
            hostileValue.map((v) => JSON.stringify(v) ?? ''),
          ),
          (text) => {
            const progress = new LessonProgress(null);
            progress.markDone('x', 'y');
            const before = progress.toData();
            const result = applyImport(text, { progress, transport, realNow: () => NOW });
            if (!result.ok) expect(progress.toData()).toEqual(before);
            else printable(result.world);
          },
        ),
        fuzzConfig(),
      );
    },
    TIMEOUT,
  );

  it(
    'a valid file with any value at any place',
    () => {
      fc.assert(
        fc.property(fc.nat(), hostileValue, (i, value) => {
          const path = base.paths[i % base.paths.length] as string[];
          const text = JSON.stringify(setAt(base.export, path, value));
          const progress = new LessonProgress(null);
          const before = progress.toData();
          const parsed = parseImport(text);
          const result = applyImport(text, { progress, transport, realNow: () => NOW });
          expect(result.ok).toBe(parsed.ok);
          if (!result.ok) {
            expect(progress.toData()).toEqual(before);
            expect(result.code).toMatch(/^(too-big|not-json|foreign|other-version|damaged)$/);
          } else printable(result.world);
        }),
        fuzzConfig(Math.max(RUNS, 250)),
      );
    },
    TIMEOUT,
  );
});

describe('fuzzing saved worlds', () => {
  it(
    'a saved world with any value at any place: ok (and restorable) or invalid with where',
    () => {
      const savedPaths = pathsOf(base.saved);
      fc.assert(
        fc.property(fc.nat(), hostileValue, (i, value) => {
          const path = savedPaths[i % savedPaths.length] as string[];
          const loaded = decodeSaved(JSON.stringify(setAt(base.saved, path, value)));
          if (loaded.status === 'ok')
            printable(restoreWorld(loaded.world, { transport, realNow: () => NOW }));
          else if (loaded.status === 'invalid')
            expect(loaded.problem.key).toMatch(/^(input|settings)\./);
        }),
        fuzzConfig(Math.max(RUNS, 250)),
      );
    },
    TIMEOUT,
  );
});
