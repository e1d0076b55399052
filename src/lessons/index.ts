/** The lesson engine's public face, for the lesson player (src/ui). No React in here. */
export type * from './types';
export { LESSON_LANGS, isLang, localize, type Lang } from './localized';
export {
  parseLessonText,
  renderInline,
  renderMarkdown,
  safeHref,
  LessonTextError,
  type LinkKind,
  type MdBlock,
  type MdInline,
  type MdListItem,
} from './markdown';
export {
  checkLessonStructure,
  contentLessonSources,
  createCatalog,
  lessonCatalog,
  lessonSourcesFromFiles,
  type LessonCatalog,
  type LessonEntry,
  type LessonSource,
} from './load';
export { evaluate, markStep, DEFAULT_BROWSER, type StepMarker } from './checks';
export { perform, performAll, type ActionEffect, type PanelName } from './actions';
export { LessonProgress, PROGRESS_KEY, type ProgressNotice } from './progress';
export { LessonRunner, type DoItResult } from './runner';
export { formatHash, parseHash, shareLink, type StepLink } from './links';
export { proveLesson, describeProblem, type ProofProblem, type ProofReport } from './prove';
