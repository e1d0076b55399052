import { describe, expect, it } from 'vitest';
import { PyDict, PyException, PyTimeDelta, PyTuple } from '../../src/python';
import { DateTimeValue, RelativeDateTime } from '../../src/python/parser/datetimes';
import { execute } from '../../src/python/parser/evaluate';
import { reprValue, type Value } from '../../src/python/parser/objects';
import { parseModule } from '../../src/python/parser/parse';
import { viewEnv } from '../../src/python/parser/scope';

function value(source: string): Value | undefined {
  const [stmt] = parseModule(source);
  return execute(stmt!, viewEnv(new Map()));
}

function error(source: string): string {
  try {
    value(source);
    return 'no error';
  } catch (e) {
    return e instanceof PyException ? e.toPython() : String(e);
  }
}

describe('value tree', () => {
  it('keeps Python types: ints, floats, tuples, dicts with any hashable key', () => {
    expect(value('1')).toBe(1n);
    expect(value('1.0')).toBe(1);
    expect(value('-0x10')).toBe(-16n);
    expect(value('(1,)')).toEqual(new PyTuple([1n]));
    const d = value("{1: 'a', 'b': [True, None], 1.0: 'c'}");
    expect(d).toBeInstanceOf(PyDict);
    expect(reprValue(d as Value)).toBe("{1: 'c', 'b': [True, None]}");
  });

  it('keeps datetimes computed from timezone.now() relative to the server clock', () => {
    const later = value('timezone.now() + timedelta(days=1, seconds=5)');
    expect(later).toBeInstanceOf(RelativeDateTime);
    expect((later as RelativeDateTime).offset.totalSeconds()).toBe(86405);
    const earlier = value('timezone.now() - timedelta(minutes=1) - timedelta(seconds=30)');
    expect((earlier as RelativeDateTime).offset.totalSeconds()).toBe(-90);
    expect(value('timezone.now() - timezone.now()')).toEqual(PyTimeDelta.of({}));
  });

  it('makes other datetimes absolute', () => {
    const dt = value('datetime(2026, 3, 1, 12, tzinfo=timezone.utc) + timedelta(hours=1)');
    expect(dt).toBeInstanceOf(DateTimeValue);
    expect((dt as DateTimeValue).dt.isoformat()).toBe('2026-03-01T13:00:00+00:00');
    expect(reprValue(dt as Value)).toBe('datetime.datetime(2026, 3, 1, 13, 0, tzinfo=<UTC>)');
  });

  it('prints timedeltas as Python does (measured)', () => {
    expect(reprValue(value('timedelta(1, 2, 3, 4, 5, 6, 7)') as Value)).toBe(
      'datetime.timedelta(days=50, seconds=21902, microseconds=4003)',
    );
  });

  it('takes timedelta arguments in Python order: days, seconds, microseconds, milliseconds, minutes, hours, weeks', () => {
    expect(value('timedelta(1, 2, 3, 4, 5, 6, 7)')).toEqual(
      PyTimeDelta.of({
        days: 1n,
        seconds: 2n,
        microseconds: 3n,
        milliseconds: 4n,
        minutes: 5n,
        hours: 6n,
        weeks: 7n,
      }),
    );
  });

  // Measured with CPython 3.11.2.
  it.each([
    ['timedelta(month=1)', "TypeError: 'month' is an invalid keyword argument for __new__()"],
    ['timedelta(days=10**10)', 'OverflowError: Python int too large to convert to C int'],
    ['timedelta(days=float("nan"))', 'ValueError: cannot convert float NaN to integer'],
    [
      'datetime(2026, 1, 1, fold=0, tzinfo=timezone)',
      "TypeError: tzinfo argument must be None or of a tzinfo subclass, not type 'module'",
    ],
    ['datetime(10**20, 1, 1)', 'OverflowError: Python int too large to convert to C long'],
    [
      'datetime(2026, 1, 2) - timedelta(days=1) - datetime(2026, 1, 1, tzinfo=timezone.utc)',
      "TypeError: can't subtract offset-naive and offset-aware datetimes",
    ],
    [
      'timedelta(days=1) - datetime(2026, 1, 1)',
      "TypeError: unsupported operand type(s) for -: 'datetime.timedelta' and 'datetime.datetime'",
    ],
    ['1 < "a"', "TypeError: '<' not supported between instances of 'int' and 'str'"],
    ['[1] + (2,)', 'TypeError: can only concatenate list (not "tuple") to list'],
    ['"5" * "5"', "TypeError: can't multiply sequence by non-int of type 'str'"],
    ['1 // 0', 'ZeroDivisionError: integer division or modulo by zero'],
    ['1.0 % 0', 'ZeroDivisionError: float modulo'],
    ['0 ** -1', 'ZeroDivisionError: 0.0 cannot be raised to a negative power'],
    ['"abc"["a"]', "TypeError: string indices must be integers, not 'str'"],
    ['(1,)[3]', 'IndexError: tuple index out of range'],
    ['[*5]', 'TypeError: Value after * must be an iterable, not int'],
    ['{**5}', "TypeError: 'int' object is not a mapping"],
    ['len()', 'TypeError: len() takes exactly one argument (0 given)'],
    ['Flase', "NameError: name 'Flase' is not defined. Did you mean: 'False'?"],
  ])('%s', (source, expected) => {
    expect(error(source)).toBe(expected);
  });
});
