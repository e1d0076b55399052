import { createContext, useContext, useSyncExternalStore } from 'react';
import type { LessonCatalog } from '../../lessons/load';
import type { LessonProgress } from '../../lessons/progress';
import type { LessonRunner } from '../../lessons/runner';

export interface Lessons {
  catalog: LessonCatalog;
  progress: LessonProgress;
  /** Null until the playground's engine has loaded (the prose is shown before it). */
  runner: LessonRunner | null;
}

export const LessonsContext = createContext<Lessons | null>(null);

const noop = () => () => {};

/** The lessons, re-rendering when the runner (step, check, busy) or the progress changes. */
export function useLessons(): Lessons {
  const lessons = useContext(LessonsContext);
  if (!lessons) throw new Error('useLessons() outside <LessonsContext.Provider>');
  const { runner, progress } = lessons;
  useSyncExternalStore(
    runner ? (cb) => runner.subscribe(cb) : noop,
    () => runner?.version ?? -1,
    () => -1,
  );
  useSyncExternalStore(
    (cb) => progress.subscribe(cb),
    () => progress.revision,
    () => progress.revision,
  );
  return lessons;
}
