/**
 * A world in a file, for sharing with a class or keeping a moment: the snapshot that is saved in
 * localStorage (clock, settings, SECRET_KEY, tables, browsers, network log) plus lesson progress
 * and the language. Reading one back is all-or-nothing and in two steps: `parseImport` checks the
 * file completely (the world's schema, shared with saved worlds; the same settings rules as the
 * Settings panel) and says what it holds, so the page can ask before replacing anything; then
 * `applyImport` builds the new World and replaces the progress. A bad file is refused with where
 * and why, and the current world and progress stay as they were.
 */
import * as v from 'valibot';
import { LIMITS, checkWorldBody } from '../world/persistence';
import { checkInput, problem, type InputProblem } from '../world/schema';
import { restoreWorld, snapshotWorld, type WorldSnapshotBody } from '../world/snapshot';
import type { World, WorldOptions } from '../world/world';
import { LESSON_LANGS, type Lang } from './localized';
import {
  PROGRESS_VERSION,
  validateProgressData,
  type LessonProgress,
  type ProgressData,
} from './progress';

export const EXPORT_SCHEMA = 'django-session-playground/export';
export const EXPORT_VERSION = 1;
/** Far above any real world (the network log is capped); stops a wrong file from hanging us. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/** From this size on, the page shows its progress while it reads, checks and builds. */
export const BIG_IMPORT_BYTES = 256 * 1024;

export interface ExportFile {
  schema: typeof EXPORT_SCHEMA;
  version: typeof EXPORT_VERSION;
  /** ISO date of the export (real time, not the virtual clock). */
  exportedAt: string;
  world: WorldSnapshotBody;
  progress: ProgressData;
  lang: Lang;
}

/** Why a file was refused, for the UI to say in words; `problem` adds where. */
export type RefusalCode = 'too-big' | 'not-json' | 'foreign' | 'other-version' | 'damaged';
export type Refusal = { ok: false; code: RefusalCode; reason: string; problem?: InputProblem };

/** What a file holds, shown before anything is replaced. */
export interface ImportSummary {
  /** Epoch ms of the export (real time). */
  exportedAt: number;
  lang: Lang;
  /** The file's virtual time. */
  clock: number;
  engine: string;
  djangoVersion: string;
  browsers: number;
  cookies: number;
  pages: number;
  rows: number;
  files: number;
  /** Lessons with at least one step done, and the steps done in all. */
  lessons: number;
  steps: number;
}

export type ParseResult = { ok: true; value: ExportFile; summary: ImportSummary } | Refusal;

export function exportWorld(
  world: World,
  progress: LessonProgress,
  lang: Lang,
  now: number = Date.now(),
): string {
  const file: ExportFile = {
    schema: EXPORT_SCHEMA,
    version: EXPORT_VERSION,
    exportedAt: new Date(now).toISOString(),
    world: snapshotWorld(world),
    progress: progress.toData(),
    lang,
  };
  // Indented: a teacher may well open it to see what the class will get.
  return JSON.stringify(file, null, 2) + '\n';
}

/** `django-session-playground-2026-01-01.json` (the real date of the export, UTC). */
export function exportFileName(now: number = Date.now()): string {
  return `django-session-playground-${new Date(now).toISOString().slice(0, 10)}.json`;
}

/**
 * Over the limit in UTF-8, counted without encoding (TextEncoder on a 4 MB text held the page
 * for 160 ms, to throw the bytes away): 1 to 3 bytes a UTF-16 unit, 4 a surrogate pair, 3 a
 * lone surrogate (written as U+FFFD).
 */
function tooBig(text: string): boolean {
  if (text.length > MAX_IMPORT_BYTES) return true;
  if (text.length * 3 <= MAX_IMPORT_BYTES) return false;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c < 0xdc00 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
    if (bytes > MAX_IMPORT_BYTES) return true;
  }
  return false;
}

const refuse = (code: RefusalCode, reason: string, p?: InputProblem): Refusal => ({
  ok: false,
  code,
  reason,
  problem: p,
});
const damaged = (p: InputProblem): Refusal => refuse('damaged', `${p.path}: ${p.key}`, p);
const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The envelope around the world: a real export date, one of our languages. */
const envelope = v.object({
  exportedAt: v.pipe(
    v.string(),
    v.maxLength(40),
    v.check((s) => Number.isFinite(Date.parse(s)), 'input.isoDate'),
  ),
  lang: v.picklist(LESSON_LANGS),
});

/** Step 1 of 2 after reading the text: the JSON value (or why not). */
export function parseJson(text: string): { ok: true; value: unknown } | Refusal {
  if (tooBig(text))
    return refuse('too-big', `larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`, {
      path: 'file',
      key: 'input.fileTooBig',
      values: { limit: MAX_IMPORT_BYTES / 1024 / 1024 },
    });
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    return refuse('not-json', e instanceof Error ? e.message : 'not JSON');
  }
}

/** Step 2 of 2: checks an export file's value completely; nothing is changed here. */
export function checkImport(parsed: unknown): ParseResult {
  // The refusal names the place in the page's language (ProblemText), as for a damaged file.
  if (!isObj(parsed) || parsed.schema !== EXPORT_SCHEMA)
    return refuse(
      'foreign',
      isObj(parsed) && typeof parsed.schema === 'string'
        ? `schema is "${parsed.schema.slice(0, 100)}", expected "${EXPORT_SCHEMA}"`
        : 'no playground export schema',
      problem('file.schema', 'input.notOurs'),
    );
  if (parsed.version !== EXPORT_VERSION)
    return refuse(
      'other-version',
      `exported by version ${String(parsed.version).slice(0, 20)}, this is ${EXPORT_VERSION}`,
      problem('file.version', 'input.otherVersion', {
        found: String(parsed.version).slice(0, 20),
        ours: EXPORT_VERSION,
      }),
    );
  const head = checkInput(envelope, parsed, 'file');
  if (!head.ok) return damaged(head.problem);
  const world = checkWorldBody(parsed.world);
  if (!world.ok) return damaged(world.problem);
  const progressProblem = validateProgressData(parsed.progress);
  if (progressProblem !== null)
    return damaged(
      progressProblem === 'other-version'
        ? problem('progress.version', 'input.otherVersion', {
            found: String((parsed.progress as { version?: unknown }).version),
            ours: PROGRESS_VERSION,
          })
        : problem('progress', 'input.progress'),
    );
  const value: ExportFile = {
    schema: EXPORT_SCHEMA,
    version: EXPORT_VERSION,
    exportedAt: head.value.exportedAt,
    world: world.value,
    progress: parsed.progress as ProgressData,
    lang: head.value.lang,
  };
  return { ok: true, value, summary: summarize(value) };
}

/** Checks an export file's text completely; nothing is changed here, whatever the outcome. */
export function parseImport(text: string): ParseResult {
  const json = parseJson(text);
  return json.ok ? checkImport(json.value) : json;
}

function summarize(file: ExportFile): ImportSummary {
  const w = file.world;
  const done = Object.values(file.progress.done).filter((ids) => ids.length > 0);
  return {
    exportedAt: Date.parse(file.exportedAt),
    lang: file.lang,
    clock: w.clock.virtual,
    engine: w.settings.SESSION_ENGINE,
    djangoVersion: w.settings.DJANGO_VERSION,
    browsers: w.tabs.length,
    cookies: w.tabs.reduce((n, t) => n + t.cookies.length, 0),
    pages: w.tabs.reduce((n, t) => n + t.history.length, 0),
    rows: w.server.rows.length,
    files: w.server.files.length,
    lessons: done.length,
    steps: done.reduce((n, ids) => n + ids.length, 0),
  };
}

export interface ImportTarget {
  /** Progress to replace (only once the new world has been built). */
  progress: LessonProgress;
  /** How the new world's browsers reach its server, as for any World. */
  transport: WorldOptions['transport'];
  realNow?: () => number;
}

export type ImportResult = { ok: true; world: World; lang: Lang } | Refusal;

/**
 * Builds a new World from a checked file with restoreWorld, then replaces the progress. The
 * caller swaps the new world in; on a refusal there is nothing to undo.
 */
export function applyChecked(file: ExportFile, target: ImportTarget): ImportResult {
  let world: World;
  try {
    world = restoreWorld(file.world, { transport: target.transport, realNow: target.realNow });
  } catch (e) {
    // A value the schema let through but the rebuild could not use: say so, change nothing.
    const message = e instanceof Error ? e.message : String(e);
    return refuse('damaged', `restore failed: ${message}`, {
      path: 'world',
      key: 'input.restoreFailed',
      values: { error: message.slice(0, 200) },
    });
  }
  target.progress.replaceWith(file.progress);
  return { ok: true, world, lang: file.lang };
}

/** Validates `text` and applies it at once (tests, and callers that need no question asked). */
export function applyImport(text: string, target: ImportTarget): ImportResult {
  const parsed = parseImport(text);
  return parsed.ok ? applyChecked(parsed.value, target) : parsed;
}

export { LIMITS as IMPORT_LIMITS };
