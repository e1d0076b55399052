/**
 * The console's Python against CPython 3.11.2: every line of lines.json (measured by lines.py,
 * as the reference console view runs a line) prints here exactly what CPython printed.
 */
import { describe, expect, it } from 'vitest';
import { runLine } from '../../src/python/parser/run';
import { DATETIME_CLASS, TIMEDELTA_CLASS } from '../../src/python/parser/datetimes';
import type { Value } from '../../src/python/parser/objects';
import measured from './lines.json';

function run(line: string): string {
  const globals = new Map<string, Value>([
    ['timedelta', TIMEDELTA_CLASS],
    ['datetime', DATETIME_CLASS],
  ]);
  return runLine(line, {
    globals,
    context: { nowMicroseconds: () => 1767225600_000000n, stdout: () => undefined },
  });
}

describe('a console line prints what CPython 3.11 prints', () => {
  it.each(measured.lines as [string, string][])('%s', (line, expected) => {
    expect(run(line)).toBe(expected);
  });
});
