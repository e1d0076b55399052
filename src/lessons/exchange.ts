/**
 * A world in a file, for sharing with a class or keeping a moment: the snapshot that is saved in
 * localStorage (clock, settings, SECRET_KEY, tables, browsers, network log) plus lesson progress
 * and the language. Reading one back is all-or-nothing: the file is checked with the same
 * validator as a saved world, and only a file that passes builds a new World; a bad one is
 * refused with where and why, and the current world and progress stay as they were.
 */
import { validateWorldBody } from '../world/persistence';
import { restoreWorld, snapshotWorld, type WorldSnapshotBody } from '../world/snapshot';
import type { World, WorldOptions } from '../world/world';
import { isLang, type Lang } from './localized';
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

export interface ExportFile {
  schema: typeof EXPORT_SCHEMA;
  version: typeof EXPORT_VERSION;
  /** ISO date of the export (real time, not the virtual clock). */
  exportedAt: string;
  world: WorldSnapshotBody;
  progress: ProgressData;
  lang: Lang;
}

/** Why a file was refused, for the UI to say in words; `reason` adds where (in English). */
export type RefusalCode = 'too-big' | 'not-json' | 'foreign' | 'other-version' | 'damaged';
export type Refusal = { ok: false; code: RefusalCode; reason: string };
export type ParseResult = { ok: true; value: ExportFile } | Refusal;

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

/** Over the limit in UTF-8, encoding only when the length alone cannot tell (1 to 3 bytes each). */
function tooBig(text: string): boolean {
  if (text.length > MAX_IMPORT_BYTES) return true;
  if (text.length * 3 <= MAX_IMPORT_BYTES) return false;
  return new TextEncoder().encode(text).length > MAX_IMPORT_BYTES;
}

const refuse = (code: RefusalCode, reason: string): Refusal => ({ ok: false, code, reason });
const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks an export file completely; nothing is changed here, whatever the outcome. */
export function parseImport(text: string): ParseResult {
  if (tooBig(text)) return refuse('too-big', `larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return refuse('not-json', e instanceof Error ? e.message : 'not JSON');
  }
  if (!isObj(parsed) || parsed.schema !== EXPORT_SCHEMA)
    return refuse(
      'foreign',
      isObj(parsed) && typeof parsed.schema === 'string'
        ? `schema is "${parsed.schema}", expected "${EXPORT_SCHEMA}"`
        : 'no playground export schema',
    );
  if (parsed.version !== EXPORT_VERSION)
    return refuse(
      'other-version',
      `exported by version ${String(parsed.version)}, this is ${EXPORT_VERSION}`,
    );
  if (typeof parsed.exportedAt !== 'string' || Number.isNaN(Date.parse(parsed.exportedAt)))
    return refuse('damaged', 'exportedAt: expected an ISO date');
  const worldProblem = validateWorldBody(parsed.world);
  if (worldProblem !== null) return refuse('damaged', worldProblem);
  const progressProblem = validateProgressData(parsed.progress);
  if (progressProblem !== null)
    return refuse(
      'damaged',
      progressProblem === 'other-version'
        ? `progress: saved by another version, this is ${PROGRESS_VERSION}`
        : 'progress: expected {version, done: {lesson: [step ids]}}',
    );
  if (!isLang(parsed.lang)) return refuse('damaged', 'lang: expected one of en, bn');
  return { ok: true, value: parsed as unknown as ExportFile };
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
 * Validates `text`, builds a new World from it with restoreWorld, then replaces the progress.
 * The caller swaps the new world in; on a refusal there is nothing to undo.
 */
export function applyImport(text: string, target: ImportTarget): ImportResult {
  const parsed = parseImport(text);
  if (!parsed.ok) return parsed;
  const { world: body, progress, lang } = parsed.value;
  let world: World;
  try {
    world = restoreWorld(body, { transport: target.transport, realNow: target.realNow });
  } catch (e) {
    // A value the validator let through but the rebuild could not use (a date Python rejects).
    return refuse('damaged', `restore failed: ${e instanceof Error ? e.message : String(e)}`);
  }
  target.progress.replaceWith(progress);
  return { ok: true, world, lang };
}
