/** `repr(value)` as Python prints it: what the console shows after each command. */
import { PyValueError } from './errors';
import { floatRepr } from './float';
import { strRepr } from './text';
import { PyBytes, PyDict, PyObject, PySet, PyTuple, type PyValue } from './values';
import { PyDateTime, PyTimeDelta } from './datetime';

/** `sys.get_int_max_str_digits()`: Python 3.11 refuses to write longer ints in decimal. */
export const INT_MAX_STR_DIGITS = 4300;

/** `str(int)`, with Python's refusal past 4,300 digits (CVE-2020-10735). */
export function intRepr(n: bigint): string {
  const text = String(n);
  if (text.length - (n < 0n ? 1 : 0) > INT_MAX_STR_DIGITS)
    throw new PyValueError(
      `Exceeds the limit (${INT_MAX_STR_DIGITS} digits) for integer string conversion; ` +
        'use sys.set_int_max_str_digits() to increase the limit',
    );
  return text;
}

export function repr(value: PyValue): string {
  return reprIn(value, new Set());
}

/** `seen`: the containers being printed, so that one holding itself prints `[...]`. */
function reprIn(value: PyValue, seen: Set<object>): string {
  if (value === null) return 'None';
  switch (typeof value) {
    case 'boolean':
      return value ? 'True' : 'False';
    case 'bigint':
      return intRepr(value);
    case 'number':
      return floatRepr(value);
    case 'string':
      return strRepr(value);
  }
  if (value instanceof PyObject) return value.repr();
  if (value instanceof PyDateTime || value instanceof PyTimeDelta) return value.repr();
  if (value instanceof PyBytes) return value.repr();
  const inner = (v: PyValue) => reprIn(v, seen);
  const container = (open: string, close: string, body: () => string) => {
    if (seen.has(value)) return `${open[0]}...${close[close.length - 1]}`;
    seen.add(value);
    try {
      return open + body() + close;
    } finally {
      seen.delete(value);
    }
  };
  if (Array.isArray(value)) return container('[', ']', () => value.map(inner).join(', '));
  if (value instanceof PyTuple) {
    if (value.items.length === 1) return container('(', ',)', () => inner(value.items[0]!));
    return container('(', ')', () => value.items.map(inner).join(', '));
  }
  if (value instanceof PyDict)
    return container('{', '}', () =>
      value
        .entries()
        .map(([k, v]) => `${inner(k)}: ${inner(v)}`)
        .join(', '),
    );
  if (value instanceof PySet) {
    if (value.size === 0) return 'set()';
    return container('{', '}', () => value.items().map(inner).join(', '));
  }
  return `${value.kind}([${value.items.map(inner).join(', ')}])`;
}

/** `str(value)`: differs from repr for strings, datetimes and timedeltas. */
export function str(value: PyValue): string {
  if (typeof value === 'string') return value;
  if (value instanceof PyDateTime || value instanceof PyTimeDelta) return value.toString();
  return repr(value);
}
