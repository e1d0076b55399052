/**
 * What the console shows for an answer: Python's own line exactly as Python prints it, and the
 * playground's explanation beside it where one helps (a message key with values, shown in the
 * page's language). Loaded with the first console line: the name lists are not small.
 */
import { BUILTIN_NAMES } from '../../python/parser/names';
import { suggest } from '../../python/parser/suggest';
import type { ConsoleLine, ConsoleNote } from '../tabs';
import type { ConsoleAnswer } from './answer';

/** The names a console line starts with: the view's, then the builtins (Python's order). */
const VIEW_NAMES = ['request', 'timezone', 'timedelta', 'datetime'];

/** Words that are values, not exceptions, when a line's output is a bare name. */
const VALUES = new Set(['True', 'False', 'None', 'Ellipsis', 'NotImplemented']);

/** True when the output is an exception's last traceback line (`KeyError: 'k'`, `MemoryError`). */
export function isError(output: string): boolean {
  const m = /^([A-Z][A-Za-z0-9_]*)(: |$)/.exec(output);
  return m !== null && !VALUES.has(m[1] as string) && !output.includes('\n');
}

/** CPython's REPL adds "Did you mean" to a NameError; the view's answer (str(exc)) does not. */
function nameHint(output: string): ConsoleNote | undefined {
  const m = /^NameError: name '([^']+)' is not defined$/.exec(output);
  if (!m) return undefined;
  const hint = suggest(m[1] as string, VIEW_NAMES) ?? suggest(m[1] as string, BUILTIN_NAMES);
  return hint === undefined
    ? undefined
    : { key: 'console.note.didYouMean', values: { name: hint } };
}

/** Longer outputs are kept cut (the Network panel has the whole answer): a saved world must fit. */
export const OUTPUT_LIMIT = 100_000;

export function explain(
  input: string,
  answer: ConsoleAnswer,
): Pick<ConsoleLine, 'output' | 'error' | 'note'> {
  switch (answer.kind) {
    case 'output': {
      const full = answer.output;
      const output = full.length > OUTPUT_LIMIT ? full.slice(0, OUTPUT_LIMIT) : full;
      const error = isError(output);
      let note: ConsoleNote | undefined;
      if (full.length > OUTPUT_LIMIT)
        note = {
          key: 'console.note.truncated',
          values: { shown: String(OUTPUT_LIMIT), total: String(full.length) },
        };
      else if (error) note = nameHint(output);
      else if (!output && /(^|[^\w.])print\s*\(/.test(input)) note = { key: 'console.note.print' };
      else if (/^\s*help\s*$/.test(input)) note = { key: 'console.note.help' };
      return note ? { output, error, note } : { output, error };
    }
    case 'unsupported':
      return {
        output: '',
        error: true,
        note: { key: `console.unsupported.${answer.reason}`, values: answer.values },
      };
    case 'serverError':
      return {
        output: answer.error ?? '',
        error: true,
        note: { key: 'console.note.serverError', values: { status: String(answer.status) } },
      };
    case 'http':
      return {
        output: '',
        error: true,
        note: { key: 'console.note.http', values: { status: String(answer.status) } },
      };
  }
}
