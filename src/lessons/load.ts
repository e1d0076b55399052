/**
 * Finds the lessons in content/lessons/<nn-slug>/. lesson.json files are bundled eagerly (they
 * are small and hold the titles for the lesson list); each en.md / bn.md is its own chunk,
 * fetched when that lesson is opened in that language.
 *
 * The same checks run in the app, in the tests and in scripts/check-lessons.ts: the pure
 * functions here take the files as data, so a Node script can read them from disk and pass them
 * in (import.meta.glob exists only under Vite and Vitest).
 */
import { LESSON_LANGS, type Lang } from './localized';
import { parseLessonText, renderInline, renderMarkdown, type ParsedLessonText } from './markdown';
import type { Lesson, LessonDef, LessonText } from './types';
import { lessonDefProblems } from './validate';
import lessonIndex from 'virtual:lesson-index';

export { lessonDefProblems, isLessonDef } from './validate';

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
function groupByDir<T>(files: Record<string, T>): Map<string, Partial<Record<string, T>>> {
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

/** From a map of path -> content (fs or glob): lesson.json as parsed JSON, .md as text. */
export function lessonSourcesFromFiles(files: Record<string, unknown>): LessonSource[] {
  return [...groupByDir(files)]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([dir, f]) => ({
      dir,
      json: f['lesson.json'],
      prose: Object.fromEntries(
        LESSON_LANGS.flatMap((l) => (typeof f[`${l}.md`] === 'string' ? [[l, f[`${l}.md`]]] : [])),
      ),
    }));
}

function summaryOf(def: LessonDef, dir: string): LessonSummary {
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
function catalogOf(
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
        ? loadJson(lesson.dir).then((json) => {
            const problems = lessonDefProblems(json, `${lesson.dir}/lesson.json`);
            if (problems.length) throw new Error(problems.join('\n'));
            return { ...(json as LessonDef), dir: lesson.dir };
          })
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

/** A catalog from lesson.json contents (validated now) and lazy prose loaders, keyed by path. */
export function createCatalog(
  jsonFiles: Record<string, unknown>,
  proseFiles: Record<string, () => Promise<string>>,
): LessonCatalog {
  const errors: string[] = [];
  const summaries: LessonSummary[] = [];
  const files = groupByDir(jsonFiles);
  for (const [dir, f] of files) {
    const problems = lessonDefProblems(f['lesson.json'], `${dir}/lesson.json`);
    if (problems.length) errors.push(...problems);
    else summaries.push(summaryOf(f['lesson.json'] as LessonDef, dir));
  }
  return catalogOf(summaries, errors, async (dir) => files.get(dir)?.['lesson.json'], proseFiles);
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

/** Every file of content/lessons as data, for the structure check (Vite and Vitest only). */
export async function contentLessonSources(): Promise<LessonSource[]> {
  const json = import.meta.glob('../../content/lessons/*/lesson.json', {
    eager: true,
    import: 'default',
  });
  const md = import.meta.glob<string>('../../content/lessons/*/*.md', {
    query: '?raw',
    import: 'default',
  });
  const prose = await Promise.all(
    Object.entries(md).map(async ([path, load]) => [path, await load()] as const),
  );
  return lessonSourcesFromFiles({ ...json, ...Object.fromEntries(prose) });
}

// --- the structure check ----------------------------------------------------------------------

/**
 * Everything that is wrong with the lessons' files, one line each (empty: all good): lesson.json
 * against the types; the folder name; for each language, the same steps in the same order as
 * lesson.json, prose in every step, every prediction with its question and the same option ids
 * under the same step; links that would not be rendered; slugs and orders used twice.
 */
export function checkLessonStructure(sources: readonly LessonSource[]): string[] {
  const problems: string[] = [];
  const slugs = new Map<string, string>();
  const orders = new Map<number, string>();
  for (const source of sources) {
    const { dir } = source;
    const defProblems =
      source.json === undefined
        ? [`${dir}/lesson.json: missing`]
        : lessonDefProblems(source.json, `${dir}/lesson.json`);
    problems.push(...defProblems);
    const def = defProblems.length ? null : (source.json as LessonDef);
    if (def) {
      if (!new RegExp(`^\\d+-${def.slug}$`).test(dir))
        problems.push(`${dir}: the folder should be named <nn>-${def.slug}`);
      const otherSlug = slugs.get(def.slug);
      if (otherSlug) problems.push(`${dir}: slug "${def.slug}" is also used by ${otherSlug}`);
      slugs.set(def.slug, dir);
      const otherOrder = orders.get(def.order);
      if (otherOrder) problems.push(`${dir}: order ${def.order} is also used by ${otherOrder}`);
      orders.set(def.order, dir);
    }
    for (const lang of LESSON_LANGS) {
      const file = `${dir}/${lang}.md`;
      const text = source.prose[lang];
      if (text === undefined) {
        problems.push(`${file}: missing`);
        continue;
      }
      let parsed: ParsedLessonText;
      try {
        parsed = parseLessonText(text, file);
      } catch (e) {
        problems.push(e instanceof Error ? e.message : String(e));
        continue;
      }
      if (def) problems.push(...compareProse(def, parsed, file));
    }
  }
  return problems;
}

/** One prose file against its lesson.json. */
function compareProse(def: LessonDef, text: ParsedLessonText, file: string): string[] {
  const problems: string[] = [];
  const jsonIds = def.steps.map((s) => s.id);
  const mdIds = Object.keys(text.stepLines);
  for (const id of jsonIds)
    if (!(id in text.stepLines)) problems.push(`${file}: no section "## ${id}"`);
  for (const id of mdIds)
    if (!jsonIds.includes(id))
      problems.push(`${file}:${text.stepLines[id]}: step "${id}" is not in lesson.json`);
  const common = jsonIds.filter((id) => mdIds.includes(id));
  if (common.join() !== mdIds.filter((id) => jsonIds.includes(id)).join())
    problems.push(`${file}: the steps are not in lesson.json's order (${jsonIds.join(', ')})`);
  for (const id of common) {
    const prose = text.steps[id] ?? '';
    if (!prose.trim()) problems.push(`${file}:${text.stepLines[id]}: step "${id}" has no text`);
    const links: string[] = [];
    renderMarkdown(prose, links);
    for (const l of links) problems.push(`${file}: step "${id}": ${l}`);
  }
  const declared = new Set<string>();
  for (const step of def.steps) {
    for (const p of step.predictions ?? []) {
      declared.add(p.id);
      const md = text.predictions[p.id];
      if (!md) {
        problems.push(`${file}: no "### predict:${p.id}" (step "${step.id}")`);
        continue;
      }
      if (text.predictionSteps[p.id] !== step.id)
        problems.push(
          `${file}: predict:${p.id} is under step "${text.predictionSteps[p.id]}", lesson.json has it in "${step.id}"`,
        );
      const ids = Object.keys(md.options);
      if (ids.join() !== p.options.join())
        problems.push(
          `${file}: predict:${p.id} has options [${ids.join(', ')}], lesson.json [${p.options.join(', ')}]`,
        );
      const links: string[] = [];
      for (const t of [md.question, ...Object.values(md.options)]) renderInline(t, links);
      for (const l of links) problems.push(`${file}: predict:${p.id}: ${l}`);
    }
  }
  for (const id of Object.keys(text.predictions))
    if (!declared.has(id)) problems.push(`${file}: predict:${id} is not in lesson.json`);
  return problems;
}
