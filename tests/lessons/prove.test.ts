// @vitest-environment jsdom
/**
 * THE PROOF: every lesson in content/lessons is completed by "do it for me", in both languages,
 * with every check passing: all lessons and labs in list order in one page (as a student
 * following the course), each lesson alone, and each step opened by a link in a fresh profile.
 * A failure names the lesson, the step and the language.
 */
import { describe, expect, it } from 'vitest';
import { lessonCatalog } from '../../src/lessons/load';
import { checkLessonStructure, contentLessonSources } from '../../src/lessons/structure';
import { LESSON_LANGS } from '../../src/lessons/localized';
import {
  describeProblem,
  proveFromTheMiddle,
  proveInOrder,
  proveLesson,
} from '../../src/lessons/prove';
import { fixtureLessons, testWorld } from './helpers';

const makeWorld = () => testWorld().world;
const catalog = lessonCatalog();
const defs = await Promise.all(catalog.lessons.map((l) => catalog.loadDef(l.slug)));
const cases = defs.flatMap((lesson) =>
  LESSON_LANGS.map((lang) => ({ lesson, lang, name: `${lesson.dir} [${lang}]` })),
);

describe('the lessons in content/lessons', () => {
  it('are well formed: every lesson.json valid, en.md and bn.md with the same steps', async () => {
    expect(catalog.errors).toEqual([]);
    expect(checkLessonStructure(await contentLessonSources())).toEqual([]);
  });

  if (cases.length === 0) {
    it('(none yet: the proof below runs on the fixtures only)', () => {
      expect(catalog.lessons).toEqual([]);
    });
  }

  it.each(LESSON_LANGS)(
    'all lessons and labs, in list order in one page, by "do it for me" [%s]',
    async (lang) => {
      const report = await proveInOrder(defs, lang, makeWorld);
      expect(report.failures.map(describeProblem)).toEqual([]);
      expect(report.steps).toBe(defs.reduce((n, l) => n + l.steps.length, 0));
      // A step whose check holds before it is done would give Next away.
      expect(report.warnings.map(describeProblem)).toEqual([]);
    },
  );

  it.each(cases)('$name is completed from its own start', async ({ lesson, lang }) => {
    const report = await proveLesson(lesson, lang, makeWorld);
    expect(report.failures.map(describeProblem)).toEqual([]);
  });

  it.each(cases)(
    '$name: every step opened by a link in a fresh profile',
    async ({ lesson, lang }) => {
      const report = await proveFromTheMiddle(lesson, lang, makeWorld);
      expect(report.failures.map(describeProblem)).toEqual([]);
      expect(report.steps).toBe(lesson.steps.length);
    },
  );
});

describe('the prover itself (fixtures)', () => {
  const fixtures = fixtureLessons();

  it.each(LESSON_LANGS)('proves a lesson whose actions satisfy every check [%s]', async (lang) => {
    const lesson = fixtures['fixture-login'];
    if (!lesson) throw new Error('fixture missing');
    const report = await proveLesson(lesson, lang, makeWorld);
    expect(report.failures.map(describeProblem)).toEqual([]);
    // The store already holds the row when "the-row" begins: reported, not failed.
    expect(report.warnings.map((w) => w.stepId)).toEqual(['the-row']);
  });

  it.each(LESSON_LANGS)('reports the step whose action misses its check [%s]', async (lang) => {
    const lesson = fixtures['fixture-broken'];
    if (!lesson) throw new Error('fixture missing');
    const report = await proveLesson(lesson, lang, makeWorld);
    expect(report.failures).toHaveLength(1);
    expect(report.failures[0]).toMatchObject({
      lesson: 'fixture-broken',
      step: 2,
      stepId: 'open',
      lang,
    });
    const message = describeProblem(report.failures[0] as (typeof report.failures)[number]);
    expect(message).toContain(`fixture-broken [${lang}] step 2 (open): do it for me failed`);
    expect(message).toContain('step 2 (open) did not pass its check');
  });

  it('reports an action that fails, and a step with nothing to satisfy its check', async () => {
    const lesson = fixtures['fixture-broken'];
    if (!lesson) throw new Error('fixture missing');
    const submitless = {
      ...lesson,
      steps: [
        {
          id: 'a',
          actions: [{ type: 'submit' as const, values: {} }],
          check: { type: 'read' as const },
        },
      ],
    };
    const r1 = await proveLesson(submitless, 'en', makeWorld);
    expect(r1.failures.map(describeProblem)).toEqual([
      "fixture-broken [en] step 1 (a): do it for me failed: Browser A's page (about:blank) has no form to submit.",
    ]);
    const idle = {
      ...lesson,
      steps: [{ id: 'b', check: { type: 'page' as const, path: '/myapp/login/' } }],
    };
    const r2 = await proveLesson(idle, 'bn', makeWorld);
    expect(r2.failures[0]?.reason).toBe('do it for me failed: step 1 (b) did not pass its check.');
  });
});
