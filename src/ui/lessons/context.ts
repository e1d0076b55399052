import { createContext, useContext, useSyncExternalStore } from 'react';
import type { LessonCatalog } from '../../lessons/load';
import type { LessonRunner } from '../../lessons/runner';

export interface Lessons {
  runner: LessonRunner;
  catalog: LessonCatalog;
}

export const LessonsContext = createContext<Lessons | null>(null);

/** The lesson runner and catalog, re-rendering when the runner changes (step, check, busy). */
export function useLessons(): Lessons {
  const lessons = useContext(LessonsContext);
  if (!lessons) throw new Error('useLessons() outside <LessonsContext.Provider>');
  useSyncExternalStore(
    (cb) => lessons.runner.subscribe(cb),
    () => lessons.runner.version,
  );
  useSyncExternalStore(
    (cb) => lessons.runner.progress.subscribe(cb),
    () => lessons.runner.progress.revision,
  );
  return lessons;
}
