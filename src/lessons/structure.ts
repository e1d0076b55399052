/**
 * The checks on the lessons' files that the tests and scripts run: every lesson.json against the
 * types, and each language's prose against its lesson (same steps, same predictions). Kept apart
 * from load.ts, which the app uses: these read every lesson at once.
 */
import { LESSON_LANGS } from './localized';
import { parseLessonText, renderInline, renderMarkdown, type ParsedLessonText } from './markdown';
import type { LessonDef } from './types';
import { lessonDefProblems } from './validate';
import {
  catalogOf,
  groupByDir,
  summaryOf,
  type LessonCatalog,
  type LessonSource,
  type LessonSummary,
} from './load';

export { lessonDefProblems, isLessonDef } from './validate';

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

/** Every file of content/lessons as data (Vite and Vitest only). */
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
    const reveal = text.reveals[id];
    if (reveal !== undefined) {
      if (!reveal) problems.push(`${file}:${text.revealLines[id]}: step "${id}": empty reveal`);
      renderMarkdown(reveal, links);
    }
    for (const l of links) problems.push(`${file}: step "${id}": ${l}`);
  }
  for (const step of def.steps) {
    if (!(step.id in text.stepLines)) continue;
    // What happened is kept back only while there is a question to answer first; and where there
    // is a question, what happened must be kept back (predict before you see).
    const hasReveal = text.reveals[step.id] !== undefined;
    const hasPredictions = (step.predictions?.length ?? 0) > 0;
    if (hasReveal && !hasPredictions)
      problems.push(
        `${file}:${text.revealLines[step.id]}: step "${step.id}" has a reveal but no predictions`,
      );
    if (hasPredictions && !hasReveal)
      problems.push(
        `${file}:${text.stepLines[step.id]}: step "${step.id}" has predictions but no \`### reveal\` (what happened and why, shown once they are answered)`,
      );
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
