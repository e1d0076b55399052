/**
 * Checks a parsed lesson.json against the contract in types.ts, field by field, so that a typo
 * in the content ("bodyInclude", a missing "bn", a setting Django would refuse) is reported with
 * its path instead of surfacing as a step that can never be completed.
 */
import type { SessionDecision } from '../server/observe/middleware';
import { CONSOLE_METHODS } from '../server/console/methods';
import { DEFAULT_EDITABLE, validateSettings, type EditableSettings } from '../world/settings';
import { ID_PATTERN } from './markdown';
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

type Problems = string[];
/** Checks one value; `path` is where it is, for the message. */
type Rule = (value: unknown, path: string, problems: Problems) => void;
/** Field name -> rule; a name ending in `?` is optional. */
type Shape = Record<string, Rule>;

const describe = (v: unknown) => (v === undefined ? 'nothing' : JSON.stringify(v));

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const str: Rule = (v, path, p) => {
  if (typeof v !== 'string' || v === '')
    p.push(`${path}: expected a non-empty string, got ${describe(v)}`);
};
const bool: Rule = (v, path, p) => {
  if (typeof v !== 'boolean') p.push(`${path}: expected true or false, got ${describe(v)}`);
};
const int =
  (min: number): Rule =>
  (v, path, p) => {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min)
      p.push(`${path}: expected a whole number >= ${min}, got ${describe(v)}`);
  };
const positive: Rule = (v, path, p) => {
  if (typeof v !== 'number' || !(v > 0) || !Number.isFinite(v))
    p.push(`${path}: expected a number of seconds > 0, got ${describe(v)}`);
};
const oneOf =
  (values: readonly unknown[]): Rule =>
  (v, path, p) => {
    if (!values.includes(v))
      p.push(`${path}: expected one of ${values.map(describe).join(', ')}, got ${describe(v)}`);
  };
const browser: Rule = (v, path, p) => {
  if (typeof v !== 'string' || !/^[A-Z]{1,2}$/.test(v))
    p.push(`${path}: expected a browser letter ("A", "B", ...), got ${describe(v)}`);
};
const sitePath: Rule = (v, path, p) => {
  if (typeof v !== 'string' || !v.startsWith('/'))
    p.push(`${path}: expected a path starting with /, got ${describe(v)}`);
};
/** A plain string, or {"en": ..., "bn": ...} with both languages and nothing else. */
const localized: Rule = (v, path, p) => {
  if (typeof v === 'string') return;
  if (!isRecord(v)) {
    p.push(`${path}: expected a string or {"en": ..., "bn": ...}, got ${describe(v)}`);
    return;
  }
  fields(v, path, p, { en: str, bn: str });
};
const arrayOf =
  (rule: Rule, nonEmpty = false): Rule =>
  (v, path, p) => {
    if (!Array.isArray(v)) p.push(`${path}: expected a list, got ${describe(v)}`);
    else if (nonEmpty && v.length === 0) p.push(`${path}: expected at least one item`);
    else v.forEach((item, i) => rule(item, `${path}[${i}]`, p));
  };

/** Checks the fields of an object; unknown fields are reported (they are usually typos). */
function fields(v: unknown, path: string, p: Problems, shape: Shape): v is Record<string, unknown> {
  if (!isRecord(v)) {
    p.push(`${path}: expected an object, got ${describe(v)}`);
    return false;
  }
  const known = new Set<string>();
  for (const [spec, rule] of Object.entries(shape)) {
    const optional = spec.endsWith('?');
    const name = optional ? spec.slice(0, -1) : spec;
    known.add(name);
    if (v[name] === undefined) {
      if (!optional) p.push(`${path}.${name}: missing`);
    } else rule(v[name], `${path}.${name}`, p);
  }
  for (const name of Object.keys(v)) if (!known.has(name)) p.push(`${path}.${name}: unknown field`);
  return true;
}

const settingErrors = (patch: Record<string, unknown>): string[] =>
  validateSettings({ ...DEFAULT_EDITABLE, ...patch }).map((e) => `${e.setting} (${e.code})`);

const settingsPatch: Rule = (v, path, p) => {
  if (!isRecord(v)) {
    p.push(`${path}: expected an object of settings, got ${describe(v)}`);
    return;
  }
  for (const name of Object.keys(v))
    if (!(name in DEFAULT_EDITABLE)) p.push(`${path}.${name}: not an editable setting`);
  for (const e of settingErrors(v)) p.push(`${path}: Django would refuse ${e}`);
};

const ACTIONS: Record<Action['type'], Shape> = {
  navigate: { 'browser?': browser, path: sitePath },
  submit: {
    'browser?': browser,
    'form?': int(0),
    values: (v, path, p) => {
      if (!isRecord(v)) p.push(`${path}: expected an object of field values`);
      else for (const [k, value] of Object.entries(v)) localized(value, `${path}.${k}`, p);
    },
  },
  console: { 'browser?': browser, code: localized },
  settings: { patch: settingsPatch },
  advance: { seconds: positive },
  closeBrowser: { 'browser?': browser },
  addBrowser: { 'id?': browser, 'name?': localized },
  plantCookie: {
    'browser?': browser,
    name: str,
    value: (v, path, p) => {
      if (typeof v !== 'string') p.push(`${path}: expected a string, got ${describe(v)}`);
    },
  },
  deleteCookie: { 'browser?': browser, name: str },
  replayStolen: { 'browser?': browser },
  clearExpired: {},
  restartServer: {},
  showPanel: { panel: oneOf(PANELS) },
};

const check: Rule = (v, path, p) => {
  if (!isRecord(v) || typeof v.type !== 'string' || !(v.type in CHECKS)) {
    p.push(`${path}.type: expected one of ${Object.keys(CHECKS).join(', ')}`);
    return;
  }
  fields(v, path, p, { type: () => {}, ...CHECKS[v.type as Check['type']] });
  if (v.type === 'store' && v.dataValue !== undefined && v.dataKey === undefined)
    p.push(`${path}.dataValue: needs dataKey`);
  if (v.type === 'setting' && typeof v.name === 'string' && v.name in DEFAULT_EDITABLE) {
    const errors = settingErrors({ [v.name]: v.value });
    if (errors.length) p.push(`${path}.value: not a value ${v.name} can have`);
  }
};

const CHECKS: Record<Check['type'], Shape> = {
  read: {},
  response: {
    'browser?': browser,
    'method?': oneOf(['GET', 'POST']),
    'path?': sitePath,
    'status?': int(100),
    'setsCookie?': str,
    'deletesCookie?': str,
    'bodyIncludes?': localized,
    'decision?': oneOf(DECISIONS),
    'consoleMethod?': oneOf(CONSOLE_METHODS),
  },
  cookie: {
    'browser?': browser,
    name: str,
    present: bool,
    'session?': bool,
    'httpOnly?': bool,
    'value?': (v, path, p) => {
      if (typeof v !== 'string') p.push(`${path}: expected a string, got ${describe(v)}`);
    },
    'expiresWithin?': positive,
    'lasts?': positive,
  },
  stolen: { present: bool, 'contains?': str },
  store: {
    'atLeast?': int(0),
    'count?': int(0),
    'dataKey?': str,
    'dataValue?': localized,
    'expired?': bool,
  },
  setting: {
    name: oneOf(Object.keys(DEFAULT_EDITABLE) as (keyof EditableSettings)[]),
    // Checked against the setting by check() above; may legitimately be null or false.
    value: () => {},
  },
  clockAdvanced: { seconds: positive },
  page: { 'browser?': browser, path: sitePath, 'form?': bool },
  session: { 'browser?': browser, key: str, present: bool, 'value?': localized },
  browser: { browser, present: bool },
  all: { checks: arrayOf(check, true) },
  any: { checks: arrayOf(check, true) },
};

const action: Rule = (v, path, p) => {
  if (!isRecord(v) || typeof v.type !== 'string' || !(v.type in ACTIONS)) {
    p.push(`${path}.type: expected one of ${Object.keys(ACTIONS).join(', ')}`);
    return;
  }
  fields(v, path, p, { type: () => {}, ...ACTIONS[v.type as Action['type']] });
};

const codeBlock: Rule = (v, path, p) => {
  if (
    !fields(v, path, p, { file: str, lines: arrayOf(stringOrEmpty), 'highlight?': arrayOf(int(1)) })
  )
    return;
  const lines = Array.isArray(v.lines) ? v.lines.length : 0;
  if (Array.isArray(v.highlight))
    for (const n of v.highlight)
      if (typeof n === 'number' && n > lines)
        p.push(`${path}.highlight: line ${n} is past the last line (${lines})`);
};
function stringOrEmpty(v: unknown, path: string, p: Problems) {
  if (typeof v !== 'string') p.push(`${path}: expected a string, got ${describe(v)}`);
}

const id: Rule = (v, path, p) => {
  if (typeof v !== 'string' || !ID_PATTERN.test(v))
    p.push(`${path}: expected an id (letters, digits, - and _), got ${describe(v)}`);
};

const prediction: Rule = (v, path, p) => {
  if (!fields(v, path, p, { id, options: arrayOf(id), answer: id })) return;
  const options = Array.isArray(v.options) ? v.options : [];
  if (options.length < 2) p.push(`${path}.options: a prediction needs at least two options`);
  if (new Set(options).size !== options.length) p.push(`${path}.options: an option is repeated`);
  if (typeof v.answer === 'string' && !options.includes(v.answer))
    p.push(`${path}.answer: "${v.answer}" is not one of the options`);
};

/** Checks about what happened (since a step began) cannot say what holds at a step's start. */
const EVENT_CHECKS = ['read', 'response', 'stolen', 'clockAdvanced'];

function eventChecksIn(v: unknown): string[] {
  if (!isRecord(v)) return [];
  if (v.type === 'all' || v.type === 'any')
    return Array.isArray(v.checks) ? v.checks.flatMap(eventChecksIn) : [];
  return EVENT_CHECKS.includes(v.type as string) ? [v.type as string] : [];
}

const condition: Rule = (v, path, p) => {
  if (!fields(v, path, p, { holds: check, fix: arrayOf(action, true) })) return;
  for (const type of eventChecksIn(v.holds))
    p.push(`${path}.holds: a "${type}" check says what happened, not what holds now`);
};

const step: Rule = (v, path, p) => {
  // A step only read is caught up with by its check alone: its actions may only show a panel.
  if (isRecord(v) && isRecord(v.check) && v.check.type === 'read' && Array.isArray(v.actions))
    v.actions.forEach((a, i) => {
      if (isRecord(a) && a.type !== 'showPanel')
        p.push(`${path}.actions[${i}]: a step only read may only show a panel`);
    });
  fields(v, path, p, {
    id,
    'code?': (c, cpath, cp) =>
      fields(c, cpath, cp, { 'tutorial?': codeBlock, 'modern?': codeBlock }),
    'before?': arrayOf(condition),
    'actions?': arrayOf(action),
    check,
    'predictions?': arrayOf(prediction),
  });
};

/**
 * Problems in one lesson.json, each prefixed with `where` and the field's path. The lesson is
 * usable (and may be cast to LessonDef) only when the list is empty.
 */
export function lessonDefProblems(value: unknown, where: string): string[] {
  const p: Problems = [];
  const ok = fields(value, where, p, {
    slug: (v, path, pp) => {
      if (typeof v !== 'string' || !SLUG_PATTERN.test(v))
        pp.push(`${path}: expected a slug like "login" (a-z, 0-9, -), got ${describe(v)}`);
    },
    title: (v, path, pp) => fields(v, path, pp, { en: str, bn: str }),
    order: int(0),
    kind: oneOf(['lesson', 'lab']),
    start: (v, path, pp) =>
      fields(v, path, pp, { 'settings?': settingsPatch, 'actions?': arrayOf(action) }),
    steps: arrayOf(step, true),
  });
  if (ok && Array.isArray(value.steps)) {
    const seen = new Map<string, string>();
    const steps = value.steps as Partial<LessonDef['steps'][number]>[];
    steps.forEach((s, i) => {
      const where2 = `${where}.steps[${i}]`;
      if (typeof s?.id === 'string') {
        if (seen.has(`step:${s.id}`)) p.push(`${where2}.id: "${s.id}" is used by two steps`);
        seen.set(`step:${s.id}`, where2);
      }
      for (const pr of Array.isArray(s?.predictions) ? s.predictions : []) {
        if (typeof pr?.id !== 'string') continue;
        if (seen.has(`predict:${pr.id}`))
          p.push(`${where2}: prediction "${pr.id}" is used twice in this lesson`);
        seen.set(`predict:${pr.id}`, where2);
      }
    });
  }
  return p;
}

export function isLessonDef(value: unknown): value is LessonDef {
  return lessonDefProblems(value, 'lesson.json').length === 0;
}
