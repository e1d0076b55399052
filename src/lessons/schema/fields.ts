/**
 * The valibot pieces lesson.json is described with, each carrying its message for lesson authors
 * (plain English: the tests and a lesson that fails to load show them, students do not). A
 * message says what was expected and what was found; `problemLines` puts the path in front:
 * `03-login/lesson.json.steps[2].check.present: expected true or false, got "yes"`.
 */
import * as v from 'valibot';

type Issue = v.BaseIssue<unknown>;
type Message = (issue: Issue) => string;

export const describe = (value: unknown) =>
  value === undefined ? 'nothing' : JSON.stringify(value);

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `expected <what>, got <the value found>`. */
export const expected =
  (what: string): Message =>
  (issue) =>
    `expected ${what}, got ${describe(issue.input)}`;

const anObject = expected('an object');

/**
 * A strict object raises three kinds of issue: a field missing (it names the field), a field it
 * does not know (`expected: "never"`: usually a typo) and a value that is no object at all.
 */
const fieldMessage: Message = (issue) =>
  issue.expected === 'never' ? 'unknown field' : issue.path ? 'missing' : anObject(issue);

/**
 * These fields and no other; for the options of a `variant`, which must be plain objects. Valibot
 * reports the first unknown field only; its message names the others, so one run shows them all.
 */
export const fields = <E extends v.ObjectEntries>(entries: E) =>
  v.strictObject(entries, (issue) => {
    const message = fieldMessage(issue);
    const input = issue.path?.[0]?.input;
    if (issue.expected !== 'never' || !isRecord(input)) return message;
    const others = Object.keys(input).filter((k) => !(k in entries) && k !== issue.input);
    return others.length
      ? `${message} (also unknown: ${others.map(describe).join(', ')})`
      : message;
  });

/** These fields and no other; a list is refused first (valibot would take it for an object). */
export const object = <E extends v.ObjectEntries>(entries: E) =>
  v.pipe(v.custom<Record<string, unknown>>(isRecord, anObject), fields(entries));

/** The option of a variant on `type` that has this type and these other fields. */
export const kind = <T extends string, E extends v.ObjectEntries>(type: T, entries: E) =>
  fields({ type: v.literal(type), ...entries });

/** A variant's message: an unknown `type` lists the known ones. */
export const kindMessage =
  (options: readonly { entries: { type: { literal: string } } }[]): Message =>
  (issue) =>
    issue.path
      ? `expected one of ${options.map((o) => o.entries.type.literal).join(', ')}`
      : anObject(issue);

export const text = v.string(expected('a string'));

const nonEmptyText = expected('a non-empty string');
export const nonEmpty = v.pipe(v.string(nonEmptyText), v.minLength(1, nonEmptyText));

export const bool = v.boolean(expected('true or false'));

/** A string matching `re`, described for the message. */
export const matching = (re: RegExp, what: string) => {
  const message = expected(what);
  return v.pipe(
    v.string(message),
    v.check((s) => re.test(s), message),
  );
};

export const wholeNumber = (min: number) => {
  const message = expected(`a whole number >= ${min}`);
  return v.pipe(
    v.number(message),
    v.check((n) => Number.isInteger(n) && n >= min, message),
  );
};

const secondsMessage = expected('a number of seconds > 0');
export const seconds = v.pipe(
  v.number(secondsMessage),
  v.check((n) => Number.isFinite(n) && n > 0, secondsMessage),
);

export const oneOf = <const T extends readonly string[]>(values: T) =>
  v.picklist(values, expected(`one of ${values.map(describe).join(', ')}`));

export const listOf = <S extends v.GenericSchema>(item: S) => v.array(item, expected('a list'));

export const nonEmptyList = <S extends v.GenericSchema>(item: S) =>
  v.pipe(listOf(item), v.minLength(1, 'expected at least one item'));

/** Where a rule checked outside a field's own schema (`v.rawCheck`) puts its problem. */
export const at = (...keys: [string | number, ...(string | number)[]]) =>
  keys.map((key) => ({
    type: 'unknown' as const,
    origin: 'value' as const,
    input: undefined,
    key,
    value: undefined,
  })) as [v.UnknownPathItem, ...v.UnknownPathItem[]];

function pathText(issue: Issue): string {
  let out = '';
  for (const item of issue.path ?? [])
    out += typeof item.key === 'number' ? `[${item.key}]` : `.${String(item.key)}`;
  return out;
}

/**
 * One issue as lines `where.path: message`. A union that failed on an object (a localized value
 * missing its "bn") is said by what is wrong inside the object, at its own path; valibot keeps
 * those inner issues under the union, their paths relative to it.
 */
export function problemLines(issue: Issue, where: string): string[] {
  const here = where + pathText(issue);
  const inner =
    issue.type === 'union' && isRecord(issue.input)
      ? (issue.issues ?? []).filter((i) => i.path)
      : [];
  return inner.length ? inner.flatMap((i) => problemLines(i, here)) : [`${here}: ${issue.message}`];
}
