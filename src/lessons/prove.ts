/**
 * The proof that a lesson can be done: in a fresh world, open the lesson, and for each step let
 * "do it for me" perform its actions and require its check to hold, through the same runner the
 * student uses. A lesson whose actions no longer satisfy its checks (the content or the engine
 * changed) is reported with the step and language.
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
  /** The step where the proof stopped (the steps after it depend on it). */
  failures: ProofProblem[];
  /** Steps whose check already held before their actions ran: "next" needs no effort there. */
  warnings: ProofProblem[];
}

export function describeProblem(p: ProofProblem): string {
  return `${p.lesson} [${p.lang}] step ${p.step} (${p.stepId}): ${p.reason}`;
}

/** What the world looked like, for a failure message. */
function scene(world: World): string {
  const last = world.network[world.network.length - 1];
  const request = last
    ? `last request ${last.method} ${last.path} from ${last.browser} -> ${last.response.status}` +
      (last.response.session ? ` (${last.response.session.decision})` : '')
    : 'no request yet';
  const pages = world.tabs.map((t) => `${t.id}: ${t.current?.request.path ?? 'about:blank'}`);
  return `${request}; pages ${pages.join(', ')}`;
}

export async function proveLesson(
  lesson: LessonDef,
  lang: Lang,
  makeWorld: () => World,
): Promise<ProofReport> {
  const report: ProofReport = { failures: [], warnings: [] };
  const world = makeWorld();
  const runner = new LessonRunner(world, [lesson], new LessonProgress(null), lang);
  const problem = (index: number, reason: string): ProofProblem => ({
    lesson: lesson.slug,
    step: index + 1,
    stepId: lesson.steps[index]?.id ?? '?',
    lang,
    reason,
  });
  try {
    runner.start(lesson.slug, 0);
    if (runner.error) {
      report.failures.push(problem(0, runner.error));
      return report;
    }
    for (let i = 0; i < lesson.steps.length; i++) {
      const step = lesson.steps[i] as LessonDef['steps'][number];
      const hasActions = (step.actions ?? []).length > 0;
      if (hasActions && step.check.type !== 'read' && runner.passed)
        report.warnings.push(problem(i, 'the check already holds before the actions run'));
      const { error } = await runner.doItForMe();
      if (error) {
        report.failures.push(problem(i, `an action failed: ${error}`));
        break;
      }
      if (!runner.passed) {
        const why = hasActions ? 'its actions do not satisfy' : 'it has no actions to satisfy';
        report.failures.push(
          problem(i, `${why} its check ${JSON.stringify(step.check)}; ${scene(world)}`),
        );
        break;
      }
      if (i < lesson.steps.length - 1 && !runner.next()) {
        report.failures.push(problem(i, 'the runner would not go to the next step'));
        break;
      }
    }
  } finally {
    runner.dispose();
  }
  return report;
}
