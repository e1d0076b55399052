// @vitest-environment jsdom
/**
 * "Do it for me" from wherever the student got to inside a lesson: for every step of every
 * lesson and lab, reached in several ways a student really reaches it (in order, after doing the
 * next step early, after wandering off: logged out, on another page, a clock moved on, a browser
 * closed), the step ends done. The step's own starting condition must be enough for the usual
 * wanderings; only a closed browser may need the lesson's world rebuilt from its start.
 */
import { describe, expect, it } from 'vitest';
import { performAll } from '../../src/lessons/actions';
import { lessonCatalog } from '../../src/lessons/load';
import { proofRunner, scene } from '../../src/lessons/prove';
import type { LessonRunner } from '../../src/lessons/runner';
import type { Action, LessonDef } from '../../src/lessons/types';
import { testWorld } from './helpers';

const catalog = lessonCatalog();
const defs = await Promise.all(catalog.lessons.map((l) => catalog.loadDef(l.slug)));

interface Detour {
  name: string;
  /** What the student did by hand after reaching the step. */
  actions: (lesson: LessonDef, index: number) => Action[];
  /** The step's starting condition must be enough (no rebuild of the lesson's world). */
  withoutRebuild: boolean;
  /**
   * The actions are done while the step before is open, then Next is pressed: a step done a
   * moment early counts (its check holds on arrival, or "do it for me" needs nothing rebuilt).
   */
  early?: boolean;
}

const DETOURS: Detour[] = [
  { name: 'in order', actions: () => [], withoutRebuild: true },
  {
    name: 'after doing the step before and this one by hand, then Next',
    early: true,
    actions: (lesson, i) => [
      ...(lesson.steps[i - 1]?.actions ?? []),
      ...(lesson.steps[i]?.actions ?? []),
    ],
    withoutRebuild: true,
  },
  {
    name: 'after logging out in browser A',
    actions: () => [{ type: 'navigate', browser: 'A', path: '/myapp/logout/' }],
    withoutRebuild: true,
  },
  {
    name: 'after wandering to a missing page, a minute later',
    actions: () => [
      { type: 'navigate', browser: 'A', path: '/myapp/nothing/' },
      { type: 'advance', seconds: 60 },
    ],
    withoutRebuild: true,
  },
  {
    name: 'after closing browser A',
    actions: () => [{ type: 'closeBrowser', browser: 'A' }],
    withoutRebuild: false,
  },
];

/** Opens the lesson and does steps 1 .. index by "do it for me", as the proof does. */
async function reach(lesson: LessonDef, index: number): Promise<LessonRunner> {
  const runner = proofRunner([lesson], 'en', () => testWorld().world);
  await runner.open(lesson.slug);
  for (let i = 0; i < index; i++) {
    const { error } = await runner.doItForMe();
    if (error || !runner.next())
      throw new Error(`could not reach step ${index + 1}: ${error?.message ?? 'Next refused'}`);
  }
  return runner;
}

const cases = defs.flatMap((lesson) =>
  lesson.steps.flatMap((step, index) =>
    step.check.type === 'read'
      ? []
      : DETOURS.map((detour) => ({
          lesson,
          index,
          detour,
          name: `${lesson.slug} step ${index + 1} (${step.id}), ${detour.name}`,
        })),
  ),
);

describe('"do it for me" from a reached state', () => {
  it.each(cases)('$name', async ({ lesson, index, detour }) => {
    const runner = await reach(lesson, detour.early ? Math.max(0, index - 1) : index);
    try {
      await performAll(detour.actions(lesson, index), runner.world, 'en');
      if (detour.early && index > 0) {
        expect(runner.next(), `Next from step ${index}`).toBe(true);
        if (runner.passed) return; // done early, and it counts
      }
      const { error, notes } = await runner.doItForMe();
      expect(error?.message ?? null).toBeNull();
      expect(runner.passed, scene(runner.world)).toBe(true);
      if (detour.withoutRebuild)
        expect(
          notes.filter((n) => n.kind === 'rebuilt'),
          scene(runner.world),
        ).toEqual([]);
      // And the lesson goes on from here.
      if (index < lesson.steps.length - 1) expect(runner.next()).toBe(true);
    } finally {
      runner.dispose();
    }
  });

  it('a step done early counts: logging in during "what a session is" step 2 completes step 3', async () => {
    const lesson = defs.find((l) => l.slug === 'what-is-a-session') as LessonDef;
    const runner = await reach(lesson, 1);
    await performAll(
      [
        { type: 'navigate', path: '/myapp/connection/' },
        { type: 'submit', values: { username: 'alice', password: 'x' } },
      ],
      runner.world,
      'en',
    );
    expect(runner.passed).toBe(true); // step 2: visited /myapp/connection/
    expect(runner.next()).toBe(true);
    expect(runner.step?.id).toBe('login');
    expect(runner.passed).toBe(true); // step 3: the early login counts
    runner.dispose();
  });
});
