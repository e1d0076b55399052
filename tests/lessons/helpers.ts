/** Worlds on a frozen real clock, and the fixture lessons under ./fixtures. */
import { InPageTransport } from '../../src/browser/transport';
import { checkLessonStructure, lessonSourcesFromFiles } from '../../src/lessons/structure';
import type { LessonSource } from '../../src/lessons/load';
import type { LessonDef } from '../../src/lessons/types';
import { VirtualClock } from '../../src/world/clock';
import { World } from '../../src/world/world';

/** 2026-01-01T00:00:00Z. The real clock stands still: only `advance` and clock jumps move time. */
export const START = 1767225600000;

export function testWorld() {
  const real = { now: START };
  const world = new World({
    clock: new VirtualClock(() => real.now),
    transport: (get) => new InPageTransport(get),
  });
  return { world, advanceReal: (ms: number) => (real.now += ms) };
}

export function fixtureSources(): LessonSource[] {
  return lessonSourcesFromFiles({
    ...import.meta.glob('./fixtures/*/lesson.json', { eager: true, import: 'default' }),
    ...import.meta.glob('./fixtures/*/*.md', { eager: true, query: '?raw', import: 'default' }),
  });
}

/** The fixture lessons, after the same structure check the content must pass. */
export function fixtureLessons(): Record<string, LessonDef> {
  const sources = fixtureSources();
  const problems = checkLessonStructure(sources);
  if (problems.length) throw new Error(`fixtures are malformed:\n${problems.join('\n')}`);
  return Object.fromEntries(sources.map((s) => [(s.json as LessonDef).slug, s.json as LessonDef]));
}

/** A deep copy to mutate in a test. */
export const clone = <T>(value: T): T => structuredClone(value);
