/**
 * lesson.json described with valibot, as every other untrusted input is (world/schema.ts), so
 * that a typo in the content ("bodyInclude", a missing "bn", a setting Django would refuse) is
 * reported with its path instead of surfacing as a step that can never be completed. Every
 * problem is reported at once: the schema runs without stopping at the first, and the rules that
 * span fields (a read step that acts, ids used twice) run even where a field is wrong.
 *
 * The contract stays types.ts (its comments document the content); the compiler checks that what
 * this schema accepts is a LessonDef, and that it knows every action and check there.
 */
import * as v from 'valibot';
import type { SessionDecision } from '../server/observe/middleware';
import { CONSOLE_METHODS } from '../server/console/methods';
import { DEFAULT_EDITABLE, validateSettings, type EditableSettings } from '../world/settings';
import { ID_PATTERN } from './markdown';
import {
  at,
  bool,
  expected,
  isRecord,
  kind,
  kindMessage,
  listOf,
  matching,
  nonEmpty,
  nonEmptyList,
  object,
  oneOf,
  problemLines,
  seconds,
  text,
  wholeNumber,
} from './schema/fields';
import type { Action, Check, LessonDef } from './types';

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const DECISIONS = [
  'cookie-deleted',
  'saved',
  'not-saved-server-error',
  'empty-not-saved',
  'read-only',
  'untouched',
  'interrupted',
] as const satisfies readonly SessionDecision[];
// Fails to compile when the middleware gains a decision this list does not know.
const _allDecisions: Exclude<SessionDecision, (typeof DECISIONS)[number]> extends never
  ? true
  : false = true;
void _allDecisions;

const PANELS = ['cookies', 'network', 'store', 'console', 'settings'] as const;
const SETTING_NAMES = Object.keys(DEFAULT_EDITABLE) as (keyof EditableSettings)[];

const browser = matching(/^[A-Z]{1,2}$/, 'a browser letter ("A", "B", ...)');
const sitePath = matching(/^\//, 'a path starting with /');
const id = matching(ID_PATTERN, 'an id (letters, digits, - and _)');
/** A plain string, or {"en": ..., "bn": ...} with both languages and nothing else. */
const localized = v.union(
  [v.string(), object({ en: nonEmpty, bn: nonEmpty })],
  expected('a string or {"en": ..., "bn": ...}'),
);
const optional = v.optional;

const settingErrors = (patch: Record<string, unknown>): string[] =>
  validateSettings({ ...DEFAULT_EDITABLE, ...patch }).map((e) => `${e.setting} (${e.code})`);

/** Settings by name, each with a value the Settings panel (and Django) would accept. */
const settingsPatch = v.pipe(
  v.custom<Record<string, unknown>>(isRecord, expected('an object of settings')),
  v.record(v.picklist(SETTING_NAMES, 'not an editable setting'), v.unknown()),
  v.rawCheck(({ dataset, addIssue }) => {
    const patch: unknown = dataset.value;
    if (isRecord(patch))
      for (const e of settingErrors(patch)) addIssue({ message: `Django would refuse ${e}` });
  }),
  // Reached only when the check above found nothing: every value is one Django accepts.
  v.guard((p): p is Partial<EditableSettings> => settingErrors(p).length === 0),
);

/** `true` only when the schemas describe every `type` in Types (so `= true` fails to compile). */
type Covers<Types, Schemas extends v.GenericSchema> =
  Exclude<Types, v.InferOutput<Schemas> extends { type: infer T } ? T : never> extends never
    ? true
    : false;

const ACTIONS = [
  kind('navigate', { browser: optional(browser), path: sitePath }),
  kind('submit', {
    browser: optional(browser),
    form: optional(wholeNumber(0)),
    values: v.pipe(
      v.custom<Record<string, unknown>>(isRecord, expected('an object of field values')),
      v.record(v.string(), localized),
    ),
  }),
  kind('console', { browser: optional(browser), code: localized }),
  kind('settings', { patch: settingsPatch }),
  kind('advance', { seconds }),
  kind('closeBrowser', { browser: optional(browser) }),
  kind('addBrowser', { id: optional(browser), name: optional(localized) }),
  kind('plantCookie', { browser: optional(browser), name: nonEmpty, value: text }),
  kind('deleteCookie', { browser: optional(browser), name: nonEmpty }),
  kind('replayStolen', { browser: optional(browser) }),
  kind('clearExpired', {}),
  kind('restartServer', {}),
  kind('showPanel', { panel: oneOf(PANELS) }),
];
const action: v.GenericSchema<unknown, Action> = v.variant('type', ACTIONS, kindMessage(ACTIONS));
// Fails to compile when types.ts gains an action this schema does not describe.
const _allActions: Covers<Action['type'], (typeof ACTIONS)[number]> = true;
void _allActions;

const CHECKS = [
  kind('read', {}),
  kind('response', {
    browser: optional(browser),
    method: optional(oneOf(['GET', 'POST'])),
    path: optional(sitePath),
    status: optional(wholeNumber(100)),
    setsCookie: optional(nonEmpty),
    deletesCookie: optional(nonEmpty),
    bodyIncludes: optional(localized),
    decision: optional(oneOf(DECISIONS)),
    consoleMethod: optional(oneOf(CONSOLE_METHODS)),
  }),
  kind('cookie', {
    browser: optional(browser),
    name: nonEmpty,
    present: bool,
    session: optional(bool),
    httpOnly: optional(bool),
    value: optional(text),
    expiresWithin: optional(seconds),
    lasts: optional(seconds),
  }),
  kind('stolen', { present: bool, contains: optional(nonEmpty) }),
  kind('store', {
    atLeast: optional(wholeNumber(0)),
    count: optional(wholeNumber(0)),
    dataKey: optional(nonEmpty),
    dataValue: optional(localized),
    expired: optional(bool),
  }),
  // The value is checked against the setting below; it may legitimately be null or false.
  kind('setting', { name: oneOf(SETTING_NAMES), value: v.unknown() }),
  kind('clockAdvanced', { seconds }),
  kind('page', { browser: optional(browser), path: sitePath, form: optional(bool) }),
  kind('session', {
    browser: optional(browser),
    key: nonEmpty,
    present: bool,
    value: optional(localized),
  }),
  kind('browser', { browser, present: bool }),
  kind('all', { checks: nonEmptyList(v.lazy(() => check)) }),
  kind('any', { checks: nonEmptyList(v.lazy(() => check)) }),
];
const check: v.GenericSchema<unknown, Check> = v.pipe(
  v.variant('type', CHECKS, kindMessage(CHECKS)),
  v.rawCheck(({ dataset, addIssue }) => {
    const c: unknown = dataset.value;
    if (!isRecord(c)) return;
    if (c.type === 'store' && 'dataValue' in c && !('dataKey' in c))
      addIssue({ message: 'needs dataKey', path: at('dataValue') });
    if (c.type === 'setting' && typeof c.name === 'string' && c.name in DEFAULT_EDITABLE)
      if ('value' in c && settingErrors({ [c.name]: c.value }).length)
        addIssue({ message: `not a value ${c.name} can have`, path: at('value') });
  }),
);
// Fails to compile when types.ts gains a check this schema does not describe.
const _allChecks: Covers<Check['type'], (typeof CHECKS)[number]> = true;
void _allChecks;

/** Checks about what happened (since a step began) cannot say what holds at a step's start. */
const EVENT_CHECKS: readonly unknown[] = ['read', 'response', 'stolen', 'clockAdvanced'];

function eventChecksIn(c: unknown): string[] {
  if (!isRecord(c)) return [];
  if (c.type === 'all' || c.type === 'any')
    return Array.isArray(c.checks) ? c.checks.flatMap(eventChecksIn) : [];
  return EVENT_CHECKS.includes(c.type) ? [String(c.type)] : [];
}

const condition = v.pipe(
  object({ holds: check, fix: nonEmptyList(action) }),
  v.rawCheck(({ dataset, addIssue }) => {
    const c: unknown = dataset.value;
    if (isRecord(c))
      for (const type of eventChecksIn(c.holds))
        addIssue({
          message: `a "${type}" check says what happened, not what holds now`,
          path: at('holds'),
        });
  }),
);

const codeBlock = v.pipe(
  object({ file: localized, lines: listOf(text), highlight: optional(listOf(wholeNumber(1))) }),
  v.forward(
    v.check(
      (b) => (b.highlight ?? []).every((n) => n <= b.lines.length),
      ({ input: b }) => {
        const past = (b.highlight ?? []).filter((n) => n > b.lines.length);
        const lines = past.length > 1 ? `lines ${past.join(', ')} are` : `line ${past.join('')} is`;
        return `${lines} past the last line (${b.lines.length})`;
      },
    ),
    ['highlight'],
  ),
);

const prediction = v.pipe(
  object({
    id,
    options: v.pipe(
      listOf(id),
      v.check((o) => o.length >= 2, 'a prediction needs at least two options'),
      v.check((o) => new Set(o).size === o.length, 'an option is repeated'),
    ),
    answer: id,
  }),
  v.forward(
    v.check(
      (p) => p.options.includes(p.answer),
      ({ input: p }) => `"${p.answer}" is not one of the options`,
    ),
    ['answer'],
  ),
);

const step = v.pipe(
  object({
    id,
    code: optional(object({ tutorial: optional(codeBlock), modern: optional(codeBlock) })),
    before: optional(listOf(condition)),
    actions: optional(listOf(action)),
    check,
    predictions: optional(listOf(prediction)),
  }),
  // A step only read is caught up with by its check alone: its actions may only show a panel.
  v.rawCheck(({ dataset, addIssue }) => {
    const s: unknown = dataset.value;
    if (!isRecord(s) || !isRecord(s.check) || s.check.type !== 'read') return;
    if (Array.isArray(s.actions))
      s.actions.forEach((a: unknown, i) => {
        if (isRecord(a) && a.type !== 'showPanel')
          addIssue({ message: 'a step only read may only show a panel', path: at('actions', i) });
      });
  }),
);

type Found = { message: string; path: ReturnType<typeof at> };

/** Step ids, and prediction ids across the lesson, are each used once. */
function idsUsedTwice(lesson: unknown): Found[] {
  const found: Found[] = [];
  if (!isRecord(lesson) || !Array.isArray(lesson.steps)) return found;
  const steps = new Set<unknown>();
  const predictions = new Set<unknown>();
  lesson.steps.forEach((s: unknown, i) => {
    if (!isRecord(s)) return;
    if (typeof s.id === 'string') {
      if (steps.has(s.id))
        found.push({ message: `"${s.id}" is used by two steps`, path: at('steps', i, 'id') });
      steps.add(s.id);
    }
    for (const p of Array.isArray(s.predictions) ? (s.predictions as unknown[]) : []) {
      if (!isRecord(p) || typeof p.id !== 'string') continue;
      if (predictions.has(p.id))
        found.push({
          message: `prediction "${p.id}" is used twice in this lesson`,
          path: at('steps', i),
        });
      predictions.add(p.id);
    }
  });
  return found;
}

const lessonSchema: v.GenericSchema<unknown, LessonDef> = v.pipe(
  object({
    slug: matching(SLUG_PATTERN, 'a slug like "login" (a-z, 0-9, -)'),
    title: object({ en: nonEmpty, bn: nonEmpty }),
    order: wholeNumber(0),
    kind: oneOf(['lesson', 'lab']),
    start: object({ settings: optional(settingsPatch), actions: optional(listOf(action)) }),
    steps: nonEmptyList(step),
  }),
  v.rawCheck(({ dataset, addIssue }) => idsUsedTwice(dataset.value).forEach(addIssue)),
);

/**
 * Problems in one lesson.json, each prefixed with `where` and the field's path. The lesson is
 * usable (and may be cast to LessonDef) only when the list is empty.
 */
export function lessonDefProblems(value: unknown, where: string): string[] {
  const result = v.safeParse(lessonSchema, value, { abortEarly: false, abortPipeEarly: false });
  return result.success ? [] : result.issues.flatMap((issue) => problemLines(issue, where));
}

export function isLessonDef(value: unknown): value is LessonDef {
  return v.safeParse(lessonSchema, value, { abortEarly: true }).success;
}
