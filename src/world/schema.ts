/**
 * Untrusted input (saved worlds, imported files, link settings, lesson files) is checked with
 * valibot schemas, and every refusal becomes a problem the page can say in its own language: where
 * (`world.tabs[0].name`) and a message key with values (`input.expected.text`). Schemas name their
 * own message keys for their own rules (`v.check(ok, 'input.time')`); valibot's built-in checks
 * (types, lengths, ranges, picklists) are mapped to keys here by issue type, so no English text
 * from the library ever reaches the screen.
 *
 * This module is the shared kit: `checkInput` (first problem, or the value), `problemOf` (one
 * issue to a problem), `describeProblem` (a problem in words, given the UI's `t`) and the small
 * schema builders used by more than one input (`text`, `list`, `time`, `integer`).
 */
import * as v from 'valibot';

/** A refusal: where, and what is wrong as a message key (content/locales, `input.*`). */
export interface InputProblem {
  /** `world.tabs[0].cookies[1].expiresAt`; the root alone when the whole value is wrong. */
  path: string;
  key: string;
  values: Record<string, string | number>;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problem: InputProblem };

/** Message keys our schemas give their own rules; anything else is valibot's and is mapped. */
const OWN_KEY = /^(input|settings\.error)\./;

const BY_TYPE: Record<string, string> = {
  string: 'input.expected.text',
  number: 'input.expected.number',
  boolean: 'input.expected.boolean',
  object: 'input.expected.object',
  strict_object: 'input.expected.object',
  loose_object: 'input.expected.object',
  array: 'input.expected.list',
  tuple: 'input.expected.list',
  null: 'input.expected.nothing',
  picklist: 'input.expected.oneOf',
  literal: 'input.expected.oneOf',
  union: 'input.expected.oneOf',
  variant: 'input.expected.oneOf',
  finite: 'input.expected.number',
  integer: 'input.integer',
  safe_integer: 'input.integer',
  max_length: 'input.tooLong',
  min_length: 'input.tooShort',
  max_value: 'input.tooLarge',
  min_value: 'input.tooSmall',
};

function pathOf(root: string, issue: v.BaseIssue<unknown>): string {
  let out = root;
  for (const item of issue.path ?? []) {
    const key = item.key;
    out += typeof key === 'number' ? `[${key}]` : `.${String(key)}`;
  }
  return out;
}

/** What valibot says `expected` (`("Lax" | "Strict")`, `<=40`) without its punctuation. */
function expectedOf(issue: v.BaseIssue<unknown>): string {
  const e = issue.expected ?? '';
  return e.replace(/^\((.*)\)$/, '$1').replace(/^[<>]=?/, '');
}

/** One valibot issue as a problem (a union's first inner issue says more than the union). */
export function problemOf(issue: v.BaseIssue<unknown>, root: string): InputProblem {
  const inner = issue.issues?.[0];
  if ((issue.type === 'union' || issue.type === 'variant') && inner && inner.path?.length)
    return problemOf(inner, root);
  const path = pathOf(root, issue);
  const values: Record<string, string | number> = { expected: expectedOf(issue) };
  const req = issue.requirement;
  if (typeof req === 'number') values.limit = req;
  if (OWN_KEY.test(issue.message)) return { path, key: issue.message, values };
  return { path, key: BY_TYPE[issue.type] ?? 'input.invalid', values };
}

/** Checks `value` against `schema`; stops at the first problem (a refusal names one place). */
export function checkInput<S extends v.GenericSchema>(
  schema: S,
  value: unknown,
  root: string,
): Checked<v.InferOutput<S>> {
  const result = v.safeParse(schema, value, { abortEarly: true, abortPipeEarly: true });
  if (result.success) return { ok: true, value: result.output };
  return { ok: false, problem: problemOf(result.issues[0], root) };
}

/** A problem for a rule checked outside a schema (a cross-field rule, a setting). */
export function problem(
  path: string,
  key: string,
  values: Record<string, string | number> = {},
): InputProblem {
  return { path, key, values };
}

/** A translator, as i18next's `t` (the UI passes its own; tests may pass a stub). */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** `world.tabs[0].name: expected text`, in the reader's language. */
export function describeProblem(p: InputProblem, t: Translate): string {
  return `${p.path}: ${t(p.key, p.values)}`;
}

// --- builders shared by several inputs --------------------------------------------------------

/** Text of at most `max` characters. */
export const text = (max = Number.MAX_SAFE_INTEGER) => v.pipe(v.string(), v.maxLength(max));

/** A whole number in [min, max]. */
export const integer = (min: number, max: number) =>
  v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));

/** A finite number in [min, max]. */
export const finite = (min: number, max: number) =>
  v.pipe(v.number(), v.finite(), v.minValue(min), v.maxValue(max));

/**
 * A list of at most `max` items, its length checked before any item: a hostile file with a
 * million entries is refused at once, not after a million checks.
 */
export const list = <S extends v.GenericSchema>(item: S, max: number) =>
  v.pipe(v.array(v.unknown()), v.maxLength(max), v.array(item));

/** An epoch time in ms within [min, max], with its own message (the years, for people). */
export const time = (min: number, max: number) =>
  v.pipe(
    v.number(),
    v.check(
      (n) => Number.isFinite(n) && n >= min && n <= max,
      // One key for every time field: "a time between 1970 and 9999".
      'input.time',
    ),
  );
