declare module 'virtual:lesson-index' {
  /** See scripts/vite/lessonIndex.ts: unvalidated, as read from each lesson.json. */
  const index: {
    dir: string;
    slug: unknown;
    title: unknown;
    order: unknown;
    kind: unknown;
    stepIds: unknown[];
  }[];
  export default index;
}
