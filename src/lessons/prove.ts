/**
 * The proof that the lessons can be done, through the same runner the student uses: each step
 * done by "do it for me" must pass its check, then Next must go on. Three walks:
 *
 * - in order: every lesson and lab in list order, in ONE page (one playground, each lesson in
 *   its own world), as a student following the course does;
 * - one lesson alone, from its start;
 * - from the middle: each step opened by a link in a fresh profile (the steps before it are
 *   caught up with), then done.
 *
 * A failure names the lesson, step and language, and what the world looked like.
 */
import type { World } from '../world/world';
import type { Lang } from './localized';
import { LessonProgress } from './progress';
import { LessonRunner } from './runner';
import type { LessonDef } from './types';

export interface ProofProblem {
  lesson: string;
  /** 1-based, as in the step's deep link. */
  step: number;
  stepId: string;
  lang: Lang;
  reason: string;
}

export interface ProofReport {
  /** The step where a walk stopped (the steps after it depend on it). */
  failures: ProofProblem[];
  /** Steps whose check already held before their actions ran: "next" needs no effort there. */
  warnings: ProofProblem[];
  /** Steps done, over all walks. */
  steps: number;
}

export function describeProblem(p: ProofProblem): string {
  return `${p.lesson} [${p.lang}] step ${p.step} (${p.stepId}): ${p.reason}`;
}

/** What the world looked like, for a failure message. */
export function scene(world: World): string {
  const last = world.network[world.network.length - 1];
  const request = last
    ? `last request ${last.method} ${last.path} from ${last.browser} -> ${last.response.status}` +
      (last.response.session ? ` (${last.response.session.decision})` : '')
    : 'no request yet';
  const pages = world.tabs.map((t) => `${t.id}: ${t.current?.request.path ?? 'about:blank'}`);
  return `${request}; pages ${pages.join(', ')}`;
}

/** A page's runner: one playground, lesson worlds from `makeWorld`, nothing saved. */
export function proofRunner(lessons: readonly LessonDef[], lang: Lang, makeWorld: () => World) {
  return new LessonRunner(
    makeWorld(),
    { fresh: makeWorld, restore: () => null },
    lessons,
    new LessonProgress(null),
    lang,
  );
}

function problem(lesson: LessonDef, index: number, lang: Lang, reason: string): ProofProblem {
  return {
    lesson: lesson.slug,
    step: index + 1,
    stepId: lesson.steps[index]?.id ?? '?',
    lang,
    reason,
  };
}

/** Walks one lesson from the runner's current step to its end by "do it for me". */
async function walk(runner: LessonRunner, lesson: LessonDef, report: ProofReport): Promise<void> {
  const { lang } = runner;
  for (let i = runner.index; i < lesson.steps.length; i++) {
    const step = lesson.steps[i] as LessonDef['steps'][number];
    const hasActions = (step.actions ?? []).length > 0;
    if (hasActions && step.check.type !== 'read' && runner.passed)
      report.warnings.push(
        problem(lesson, i, lang, 'the check already holds before the actions run'),
      );
    const { error, notes } = await runner.doItForMe();
    report.steps++;
    if (error) {
      report.failures.push(problem(lesson, i, lang, `do it for me failed: ${error.message}`));
      return;
    }
    if (notes.some((n) => n.kind === 'rebuilt')) {
      // In order, the step's own condition and actions must be enough.
      report.failures.push(
        problem(lesson, i, lang, `the world had to be rebuilt; ${scene(runner.world)}`),
      );
      return;
    }
    if (!runner.passed) {
      report.failures.push(
        problem(lesson, i, lang, `its check does not hold; ${scene(runner.world)}`),
      );
      return;
    }
    if (i < lesson.steps.length - 1 && !runner.next()) {
      report.failures.push(problem(lesson, i, lang, 'the runner would not go to the next step'));
      return;
    }
  }
}

async function opened(
  runner: LessonRunner,
  lesson: LessonDef,
  report: ProofReport,
  index?: number,
): Promise<boolean> {
  await runner.open(lesson.slug, index);
  if (runner.error) {
    report.failures.push(problem(lesson, index ?? 0, runner.lang, runner.error.message));
    return false;
  }
  return true;
}

/** One lesson from its start, in a fresh page. */
export async function proveLesson(
  lesson: LessonDef,
  lang: Lang,
  makeWorld: () => World,
): Promise<ProofReport> {
  const report: ProofReport = { failures: [], warnings: [], steps: 0 };
  const runner = proofRunner([lesson], lang, makeWorld);
  try {
    if (await opened(runner, lesson, report)) await walk(runner, lesson, report);
  } finally {
    runner.dispose();
  }
  return report;
}

/**
 * Every lesson in list order in one page, as a student following the course does; the
 * student's playground must come out of it untouched.
 */
export async function proveInOrder(
  lessons: readonly LessonDef[],
  lang: Lang,
  makeWorld: () => World,
): Promise<ProofReport> {
  const report: ProofReport = { failures: [], warnings: [], steps: 0 };
  const runner = proofRunner(lessons, lang, makeWorld);
  const playground = runner.world;
  const before = playground.version;
  try {
    for (const lesson of [...lessons].sort((a, b) => a.order - b.order)) {
      if (!(await opened(runner, lesson, report))) break;
      const failures = report.failures.length;
      await walk(runner, lesson, report);
      if (report.failures.length > failures) break;
      runner.close();
    }
    if (runner.world !== playground || playground.version !== before || playground.network.length)
      report.failures.push({
        lesson: '(playground)',
        step: 0,
        stepId: '-',
        lang,
        reason: 'the lessons changed the student playground',
      });
  } finally {
    runner.dispose();
  }
  return report;
}

/**
 * Each step of a lesson opened by a link in a fresh profile: the steps before it are caught up
 * with, and the step then done by "do it for me" without rebuilding the world.
 */
export async function proveFromTheMiddle(
  lesson: LessonDef,
  lang: Lang,
  makeWorld: () => World,
): Promise<ProofReport> {
  const report: ProofReport = { failures: [], warnings: [], steps: 0 };
  for (let i = 0; i < lesson.steps.length; i++) {
    const runner = proofRunner([lesson], lang, makeWorld);
    try {
      if (!(await opened(runner, lesson, report, i))) continue;
      if (runner.index !== i) {
        report.failures.push(problem(lesson, i, lang, `opened at step ${runner.index + 1}`));
        continue;
      }
      const { error, notes } = await runner.doItForMe();
      report.steps++;
      if (error || !runner.passed || notes.some((n) => n.kind === 'rebuilt'))
        report.failures.push(
          problem(
            lesson,
            i,
            lang,
            error ? error.message : `not done after a link; ${scene(runner.world)}`,
          ),
        );
    } finally {
      runner.dispose();
    }
  }
  return report;
}
