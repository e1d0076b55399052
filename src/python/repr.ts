/** `repr(value)` as Python prints it: what the console shows after each command. */
import { floatRepr } from './float';
import { strRepr } from './text';
import { PyDict, PyTuple, PyView, type PyValue } from './values';
import { PyDateTime, PyTimeDelta } from './datetime';

export function repr(value: PyValue): string {
  if (value === null) return 'None';
  switch (typeof value) {
    case 'boolean':
      return value ? 'True' : 'False';
    case 'bigint':
      return String(value);
    case 'number':
      return floatRepr(value);
    case 'string':
      return strRepr(value);
  }
  if (Array.isArray(value)) return `[${value.map(repr).join(', ')}]`;
  if (value instanceof PyTuple) {
    const items = value.items.map(repr);
    return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
  }
  if (value instanceof PyDict) {
    return `{${value
      .entries()
      .map(([k, v]) => `${repr(k)}: ${repr(v)}`)
      .join(', ')}}`;
  }
  if (value instanceof PyView) return `${value.kind}([${value.items.map(repr).join(', ')}])`;
  if (value instanceof PyDateTime || value instanceof PyTimeDelta) return value.repr();
  return String(value);
}

/** `str(value)`: differs from repr only for strings and datetimes at this level. */
export function str(value: PyValue): string {
  if (typeof value === 'string') return value;
  if (value instanceof PyDateTime || value instanceof PyTimeDelta) return value.toString();
  return repr(value);
}
