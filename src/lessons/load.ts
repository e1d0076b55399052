/**
 * Finds the lessons in content/lessons/<nn-slug>/. lesson.json files are bundled eagerly (they
 * are small and hold the titles for the lesson list); each en.md / bn.md is its own chunk,
 * fetched when that lesson is opened in that language.
 *
 * The same checks run in the app, in the tests and in scripts/check-lessons.ts: the pure
 * functions here take the files as data, so a Node script can read them from disk and pass them
 * in (import.meta.glob exists only under Vite and Vitest).
 */
import type { Lang } from './localized';
import { parseLessonText } from './markdown';
import type { Lesson, LessonDef, LessonText } from './types';
import lessonIndex from 'virtual:lesson-index';

export interface LessonEntry extends LessonDef {
  /** The lesson's folder, e.g. "03-login". */
  dir: string;
}

/** What the lesson list needs of a lesson; the rest (steps, code, checks) loads with it. */
export interface LessonSummary {
  dir: string;
  slug: string;
  title: { en: string; bn: string };
  order: number;
  kind: LessonDef['kind'];
  stepIds: string[];
}

export interface LessonCatalog {
  /** The lessons, by `order`. */
  lessons: LessonSummary[];
  /** Why a lesson was left out (it failed validation), one line each. */
  errors: string[];
  bySlug(slug: string): LessonSummary | undefined;
  /** The whole lesson, validated (a chunk of its own in the app). */
  loadDef(slug: string): Promise<LessonEntry>;
  /** The prose of one lesson in one language; rejects with file:line on a malformed file. */
  loadText(slug: string, lang: Lang): Promise<LessonText>;
  /** A lesson with its prose in both languages. */
  loadLesson(slug: string): Promise<Lesson>;
}

/** One lesson's files as data: what the structure check needs. */
export interface LessonSource {
  dir: string;
  /** lesson.json, parsed (undefined when the file is missing). */
  json: unknown;
  prose: Partial<Record<Lang, string>>;
}

const FILE = /([^/\\]+)[/\\](lesson\.json|en\.md|bn\.md)$/;

/** Groups files by lesson folder. Keys are paths ending in `<dir>/lesson.json|en.md|bn.md`. */
export function groupByDir<T>(files: Record<string, T>): Map<string, Partial<Record<string, T>>> {
  const dirs = new Map<string, Partial<Record<string, T>>>();
  for (const [path, value] of Object.entries(files)) {
    const m = FILE.exec(path);
    if (!m) continue;
    const [, dir = '', name = ''] = m;
    if (!dirs.has(dir)) dirs.set(dir, {});
    (dirs.get(dir) as Partial<Record<string, T>>)[name] = value;
  }
  return dirs;
}

export function summaryOf(def: LessonDef, dir: string): LessonSummary {
  return {
    dir,
    slug: def.slug,
    title: def.title,
    order: def.order,
    kind: def.kind,
    stepIds: def.steps.map((s) => s.id),
  };
}

function sortLessons<T extends { order: number; slug: string }>(lessons: T[]): T[] {
  return lessons.sort((a, b) => a.order - b.order || (a.slug < b.slug ? -1 : 1));
}

/**
 * The catalog over summaries and loaders. `loadJson(dir)` gives a lesson.json's content; it is
 * validated when loaded (a broken file fails that lesson only, with its problems).
 */
export function catalogOf(
  summaries: LessonSummary[],
  errors: string[],
  loadJson: (dir: string) => Promise<unknown>,
  proseFiles: Record<string, () => Promise<string>>,
): LessonCatalog {
  const lessons = sortLessons(summaries);
  const prose = groupByDir(proseFiles);
  const texts = new Map<string, Promise<LessonText>>();
  const defs = new Map<string, Promise<LessonEntry>>();
  const bySlug = (slug: string) => lessons.find((l) => l.slug === slug);

  const loadDef = (slug: string): Promise<LessonEntry> => {
    let def = defs.get(slug);
    if (!def) {
      const lesson = bySlug(slug);
      def = lesson
        ? Promise.all([loadJson(lesson.dir), import('./validate')]).then(
            ([json, { lessonDefProblems }]) => {
              const problems = lessonDefProblems(json, `${lesson.dir}/lesson.json`);
              if (problems.length) throw new Error(problems.join('\n'));
              return { ...(json as LessonDef), dir: lesson.dir };
            },
          )
        : Promise.reject(new Error(`There is no lesson "${slug}".`));
      def.catch(() => defs.delete(slug));
      defs.set(slug, def);
    }
    return def;
  };

  const loadText = (slug: string, lang: Lang): Promise<LessonText> => {
    const key = `${slug}/${lang}`;
    let text = texts.get(key);
    if (!text) {
      const lesson = bySlug(slug);
      const loader = lesson && prose.get(lesson.dir)?.[`${lang}.md`];
      text = loader
        ? loader().then((source) => parseLessonText(source, `${lesson.dir}/${lang}.md`))
        : Promise.reject(new Error(`No ${lang}.md for lesson "${slug}".`));
      // A failed load may be a network hiccup: let the next call try again.
      text.catch(() => texts.delete(key));
      texts.set(key, text);
    }
    return text;
  };

  return {
    lessons,
    errors,
    bySlug,
    loadDef,
    loadText,
    async loadLesson(slug) {
      const [def, en, bn] = await Promise.all([
        loadDef(slug),
        loadText(slug, 'en'),
        loadText(slug, 'bn'),
      ]);
      return { ...def, text: { en, bn } };
    },
  };
}

/** The list's summaries as read at build time, checked for what the list itself uses. */
function checkedSummaries(index: typeof lessonIndex): {
  summaries: LessonSummary[];
  errors: string[];
} {
  const summaries: LessonSummary[] = [];
  const errors: string[] = [];
  for (const e of index) {
    const t = e.title as { en?: unknown; bn?: unknown } | null;
    const ok =
      typeof e.slug === 'string' &&
      typeof e.order === 'number' &&
      (e.kind === 'lesson' || e.kind === 'lab') &&
      !!t &&
      typeof t.en === 'string' &&
      typeof t.bn === 'string' &&
      e.stepIds.every((id) => typeof id === 'string');
    if (ok) summaries.push(e as LessonSummary);
    else
      errors.push(
        `${e.dir}/lesson.json: slug, title, order, kind or step ids are missing or wrong`,
      );
  }
  return { summaries, errors };
}

// Paths are relative to this file; Vite resolves them at build time (they must be literals).
let contentCatalog: LessonCatalog | null = null;

/** The lessons in content/lessons (Vite and Vitest only). */
export function lessonCatalog(): LessonCatalog {
  if (!contentCatalog) {
    const json = import.meta.glob('../../content/lessons/*/lesson.json', { import: 'default' });
    const { summaries, errors } = checkedSummaries(lessonIndex);
    contentCatalog = catalogOf(
      summaries,
      errors,
      async (dir) => {
        const load = json[`../../content/lessons/${dir}/lesson.json`];
        if (!load) throw new Error(`There is no ${dir}/lesson.json.`);
        return load();
      },
      import.meta.glob<string>('../../content/lessons/*/*.md', {
        query: '?raw',
        import: 'default',
      }),
    );
  }
  return contentCatalog;
}
