/**
 * Python's operators on the values a console line can build: numbers, strings, lists, tuples,
 * dicts, timedeltas and datetimes, with Python's results and TypeError messages.
 */
import { PyTimeDelta } from '../datetime';
import { PyTypeError, PyValueError, PyZeroDivisionError } from '../errors';
import { PyDict, PyTuple, asInt, hashKey, pyEquals, type PyValue } from '../values';
import type { BinOperator, CmpOperator } from './ast';
import { DateTimeValue, RelativeDateTime } from './datetimes';
import { ConsoleUnsupported } from './errors';
import { PyObj, isData, tpName, truthy, type Value } from './objects';

type Num = bigint | number;

/** A bool, int or float as a number (bools become ints), or undefined. */
function num(v: Value): Num | undefined {
  if (typeof v === 'number') return v;
  return isData(v) ? asInt(v) : undefined;
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

function pyMod(a: number, b: number): number {
  const r = a % b;
  return r !== 0 && r < 0 !== b < 0 ? r + b : r;
}

const MAX_POW_BITS = 100_000;

function numeric(op: BinOperator, a: Num, b: Num): Value | undefined {
  if (typeof a === 'bigint' && typeof b === 'bigint') {
    switch (op) {
      case '+':
        return a + b;
      case '-':
        return a - b;
      case '*':
        return a * b;
      case '/':
        if (b === 0n) throw new PyZeroDivisionError('division by zero');
        return Number(a) / Number(b);
      case '//':
        if (b === 0n) throw new PyZeroDivisionError('integer division or modulo by zero');
        return floorDiv(a, b);
      case '%':
        if (b === 0n) throw new PyZeroDivisionError('integer modulo by zero');
        return a - floorDiv(a, b) * b;
      case '**':
        if (b < 0n) {
          if (a === 0n) throw new PyZeroDivisionError('0.0 cannot be raised to a negative power');
          return Number(a) ** Number(b);
        }
        if (a.toString(2).length * Number(b) > MAX_POW_BITS)
          throw new ConsoleUnsupported('that number is too big for this console');
        return a ** b;
      case '<<':
      case '>>':
        if (b < 0n) throw new PyValueError('negative shift count');
        if (op === '<<' && a.toString(2).length + Number(b) > MAX_POW_BITS)
          throw new ConsoleUnsupported('that number is too big for this console');
        return op === '<<' ? a << b : a >> b;
      case '&':
        return a & b;
      case '|':
        return a | b;
      case '^':
        return a ^ b;
      default:
        return undefined;
    }
  }
  const x = Number(a);
  const y = Number(b);
  switch (op) {
    case '+':
      return x + y;
    case '-':
      return x - y;
    case '*':
      return x * y;
    case '/':
      if (y === 0) throw new PyZeroDivisionError('float division by zero');
      return x / y;
    case '//':
      if (y === 0) throw new PyZeroDivisionError('float floor division by zero');
      return Math.floor(x / y);
    case '%':
      if (y === 0) throw new PyZeroDivisionError('float modulo');
      return pyMod(x, y);
    case '**':
      if (x === 0 && y < 0)
        throw new PyZeroDivisionError('0.0 cannot be raised to a negative power');
      if (x < 0 && !Number.isInteger(y))
        throw new ConsoleUnsupported('complex numbers are not supported by this console');
      return x ** y;
    default:
      return undefined;
  }
}

type Seq = { kind: 'str' | 'list' | 'tuple'; items: readonly PyValue[] | string };

function seq(v: Value): Seq | undefined {
  if (typeof v === 'string') return { kind: 'str', items: v };
  if (Array.isArray(v)) return { kind: 'list', items: v };
  if (v instanceof PyTuple) return { kind: 'tuple', items: v.items };
  return undefined;
}

function makeSeq(kind: Seq['kind'], items: readonly PyValue[] | string): PyValue {
  if (typeof items === 'string') return items;
  return kind === 'tuple' ? new PyTuple(items) : [...items];
}

function repeat(s: Seq, n: bigint): PyValue {
  const times = n > 0n ? Number(n) : 0;
  if (times * s.items.length > 10_000_000)
    throw new ConsoleUnsupported('that value is too big for this console');
  if (typeof s.items === 'string') return s.items.repeat(times);
  const out: PyValue[] = [];
  for (let i = 0; i < times; i++) out.push(...s.items);
  return makeSeq(s.kind, out);
}

function sequences(op: BinOperator, a: Value, b: Value): Value | undefined {
  const sa = seq(a);
  const sb = seq(b);
  if (op === '+' && sa) {
    if (!sb || sb.kind !== sa.kind) {
      const what = sa.kind === 'str' ? 'str' : sa.kind;
      throw new PyTypeError(`can only concatenate ${what} (not "${tpName(b)}") to ${what}`);
    }
    if (typeof sa.items === 'string') return sa.items + (sb.items as string);
    return makeSeq(sa.kind, [...sa.items, ...(sb.items as PyValue[])]);
  }
  if (op === '*' && (sa || sb)) {
    const [s, other] = sa ? [sa, b] : [sb as Seq, a];
    const n = isData(other) ? asInt(other) : undefined;
    if (n === undefined)
      throw new PyTypeError(`can't multiply sequence by non-int of type '${tpName(other)}'`);
    return repeat(s, n);
  }
  if (op === '|' && a instanceof PyDict && b instanceof PyDict) {
    return new PyDict([...a.entries(), ...b.entries()]);
  }
  return undefined;
}

function scaleDelta(td: PyTimeDelta, factor: Num, divide: boolean): PyTimeDelta {
  if (divide && (factor === 0n || factor === 0))
    throw new PyZeroDivisionError(
      typeof factor === 'bigint' ? 'integer division or modulo by zero' : 'float division by zero',
    );
  if (typeof factor === 'bigint') {
    const us = td.totalMicroseconds;
    return PyTimeDelta.fromMicroseconds(divide ? floorDiv(us, factor) : us * factor);
  }
  const us = Number(td.totalMicroseconds);
  return PyTimeDelta.of({ microseconds: divide ? us / factor : us * factor });
}

/** timedelta and datetime arithmetic; undefined when the operands are not of that kind. */
function temporal(op: BinOperator, a: Value, b: Value): Value | undefined {
  const isDt = (v: Value) => v instanceof RelativeDateTime || v instanceof DateTimeValue;
  if (isDt(a) && b instanceof PyTimeDelta && (op === '+' || op === '-')) {
    const delta = op === '+' ? b : b.negate();
    return (a as RelativeDateTime | DateTimeValue).plus(delta);
  }
  if (a instanceof PyTimeDelta && isDt(b) && op === '+')
    return (b as RelativeDateTime | DateTimeValue).plus(a);
  if (op === '-' && isDt(a) && isDt(b)) {
    if (a instanceof DateTimeValue && b instanceof DateTimeValue) return a.dt.minus(b.dt);
    if (a instanceof RelativeDateTime && b instanceof RelativeDateTime)
      return a.offset.add(b.offset.negate());
    throw new ConsoleUnsupported("that needs the server's clock (timezone.now())");
  }
  if (a instanceof PyTimeDelta && b instanceof PyTimeDelta) {
    if (op === '+') return a.add(b);
    if (op === '-') return a.add(b.negate());
    if (op === '/') {
      if (b.isZero()) throw new PyZeroDivisionError('division by zero');
      return Number(a.totalMicroseconds) / Number(b.totalMicroseconds);
    }
  }
  const [td, n] = a instanceof PyTimeDelta ? [a, num(b)] : [b, num(a)];
  if (td instanceof PyTimeDelta && n !== undefined) {
    if (op === '*') return scaleDelta(td, n, false);
    if ((op === '/' || op === '//') && td === a) {
      if (op === '//' && typeof n === 'number') return undefined;
      return scaleDelta(td, n, true);
    }
  }
  return undefined;
}

export function binaryOp(op: BinOperator, a: Value, b: Value): Value {
  use(a, b);
  const na = num(a);
  const nb = num(b);
  const result =
    na !== undefined && nb !== undefined
      ? numeric(op, na, nb)
      : (temporal(op, a, b) ?? sequences(op, a, b));
  if (result !== undefined) return result;
  const symbol = op === '**' ? '** or pow()' : op;
  throw new PyTypeError(
    `unsupported operand type(s) for ${symbol}: '${tpName(a)}' and '${tpName(b)}'`,
  );
}

export function unaryOp(op: '+' | '-' | '~', v: Value): Value {
  use(v);
  const n = num(v);
  if (n !== undefined) {
    if (op === '+') return n;
    if (op === '-') return typeof n === 'bigint' ? -n : -n;
    if (typeof n === 'bigint') return -n - 1n;
  }
  if (v instanceof PyTimeDelta && op !== '~') return op === '-' ? v.negate() : v;
  throw new PyTypeError(`bad operand type for unary ${op}: '${tpName(v)}'`);
}

/** `a < b` and friends for numbers, strings, sequences and timedeltas. */
function order(op: CmpOperator, a: Value, b: Value): boolean {
  const cmp = compareValues(a, b);
  if (cmp === undefined)
    throw new PyTypeError(
      `'${op}' not supported between instances of '${tpName(a)}' and '${tpName(b)}'`,
    );
  return op === '<' ? cmp < 0 : op === '<=' ? cmp <= 0 : op === '>' ? cmp > 0 : cmp >= 0;
}

function compareValues(a: Value, b: Value): number | undefined {
  const na = num(a);
  const nb = num(b);
  if (na !== undefined && nb !== undefined) {
    if (typeof na === 'bigint' && typeof nb === 'bigint') return na < nb ? -1 : na > nb ? 1 : 0;
    return Number(na) < Number(nb) ? -1 : Number(na) > Number(nb) ? 1 : 0;
  }
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (a instanceof PyTimeDelta && b instanceof PyTimeDelta) {
    const d = a.totalMicroseconds - b.totalMicroseconds;
    return d < 0n ? -1 : d > 0n ? 1 : 0;
  }
  const sa = seq(a);
  const sb = seq(b);
  if (sa && sb && sa.kind === sb.kind && sa.kind !== 'str') {
    const x = sa.items as PyValue[];
    const y = sb.items as PyValue[];
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
      if (pyEquals(x[i] as PyValue, y[i] as PyValue)) continue;
      return compareValues(x[i] as PyValue, y[i] as PyValue);
    }
    return x.length - y.length;
  }
  return undefined;
}

/** `item in container` */
export function contains(item: Value, container: Value): Value {
  if (container instanceof PyObj) return container.contains(item);
  if (typeof container === 'string') {
    if (typeof item !== 'string')
      throw new PyTypeError(`'in <string>' requires string as left operand, not ${tpName(item)}`);
    return container.includes(item);
  }
  if (container instanceof PyDict) {
    if (item instanceof PyObj) throw new ConsoleUnsupported('that key cannot be looked up here');
    hashKey(item);
    return container.has(item);
  }
  const s = seq(container);
  if (!s) throw new PyTypeError(`argument of type '${tpName(container)}' is not iterable`);
  return (s.items as PyValue[]).some((x) => isData(item) && pyEquals(x, item));
}

function equals(a: Value, b: Value): boolean {
  if (a instanceof PyObj || b instanceof PyObj) return a === b;
  return pyEquals(a, b);
}

/** Let objects that stand for a server result refuse to take part in local computation. */
export function use(...values: Value[]): void {
  for (const v of values) if (v instanceof PyObj) v.use();
}

/** One comparison of a chain. */
export function compare(op: CmpOperator, a: Value, b: Value): Value {
  use(a);
  if (op !== 'in' && op !== 'not in') use(b);
  switch (op) {
    case '==':
      return equals(a, b);
    case '!=':
      return !equals(a, b);
    case 'in':
      return contains(a, b);
    case 'not in': {
      const r = contains(a, b);
      return r instanceof PyObj ? r.not() : !truthy(r);
    }
    case 'is':
    case 'is not': {
      const singleton = (v: Value) => v === null || typeof v === 'boolean' || v instanceof PyObj;
      if (!singleton(a) || !singleton(b))
        throw new ConsoleUnsupported(
          "'is' compares object identity; this console only decides it for None, True and False",
        );
      return (a === b) === (op === 'is');
    }
    default:
      return order(op, a, b);
  }
}
