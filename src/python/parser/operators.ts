/**
 * Python's operators on the values a console line can build: numbers (ints of any size, floats),
 * strings, bytes, lists, tuples, dicts, sets, timedeltas and datetimes, with Python's results and
 * messages. Results too big to build in a page are a MemoryError, as they would be on a server
 * with little memory.
 */
import { PyDateTime, PyTimeDelta } from '../datetime';
import { PyOverflowError, PyTypeError, PyValueError, PyZeroDivisionError } from '../errors';
import { PyBytes, PyDict, PySet, PyTuple, asInt, pyEquals, typeName } from '../values';
import type { BinOperator, CmpOperator } from './ast';
import { ConsoleUnsupported, PyMemoryError } from './errors';
import { strModulo } from './methods';
import { PyObj, tpName, truthy, type Value } from './objects';
import { contains, tick, toList } from './protocol';

type Num = bigint | number;

/** Past this many bits an int is a MemoryError (CPython would grind for minutes). */
const MAX_INT_BITS = 1 << 24;
/** Past this many elements (or characters) a repeated sequence is a MemoryError. */
const MAX_ITEMS = 50_000_000;

function num(v: Value): Num | undefined {
  if (typeof v === 'number') return v;
  return asInt(v);
}

/** `float(int)`, with Python's error past the float range. */
export function intToFloat(n: bigint): number {
  const x = Number(n);
  if (!Number.isFinite(x)) throw new PyOverflowError('int too large to convert to float');
  return x;
}

function bits(n: bigint): number {
  return (n < 0n ? -n : n).toString(16).length * 4;
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

function pyMod(a: number, b: number): number {
  const r = a % b;
  return r !== 0 && r < 0 !== b < 0 ? r + b : r;
}

/** `a / b` for ints: correctly rounded even when they do not fit a float. */
function trueDivide(a: bigint, b: bigint): number {
  if (b === 0n) throw new PyZeroDivisionError('division by zero');
  const limit = 2n ** 53n;
  const abs = (n: bigint) => (n < 0n ? -n : n);
  if (abs(a) <= limit && abs(b) <= limit) return Number(a) / Number(b);
  const negative = a < 0n !== b < 0n;
  const x = abs(a);
  const y = abs(b);
  const shift = Math.max(0, 64 - (bits(x) - bits(y)));
  const q = (x << BigInt(shift)) / y;
  const result = Number(q) * 2 ** -shift;
  if (!Number.isFinite(result))
    throw new PyOverflowError('integer division result too large for a float');
  return negative ? -result : result;
}

function intPow(a: bigint, b: bigint): Value {
  if (b < 0n) {
    if (a === 0n) throw new PyZeroDivisionError('0.0 cannot be raised to a negative power');
    return floatPow(intToFloat(a), Number(b));
  }
  if (a === 0n || a === 1n || b === 0n) return b === 0n ? 1n : a;
  if (a === -1n) return b % 2n === 0n ? 1n : -1n;
  if (BigInt(bits(a)) * b > BigInt(MAX_INT_BITS)) throw new PyMemoryError('');
  return a ** b;
}

function floatPow(x: number, y: number): number {
  if (x === 0 && y < 0) throw new PyZeroDivisionError('0.0 cannot be raised to a negative power');
  if (x < 0 && !Number.isInteger(y) && Number.isFinite(y)) throw new ConsoleUnsupported('complex');
  const r = x ** y;
  if (!Number.isFinite(r) && Number.isFinite(x) && Number.isFinite(y))
    throw new PyOverflowError("(34, 'Numerical result out of range')");
  return r;
}

function numeric(op: BinOperator, a: Num, b: Num): Value | undefined {
  if (typeof a === 'bigint' && typeof b === 'bigint') {
    switch (op) {
      case '+':
        return a + b;
      case '-':
        return a - b;
      case '*':
        if (bits(a) + bits(b) > MAX_INT_BITS) throw new PyMemoryError('');
        return a * b;
      case '/':
        return trueDivide(a, b);
      case '//':
        if (b === 0n) throw new PyZeroDivisionError('integer division or modulo by zero');
        return floorDiv(a, b);
      case '%':
        if (b === 0n) throw new PyZeroDivisionError('integer modulo by zero');
        return a - floorDiv(a, b) * b;
      case '**':
        return intPow(a, b);
      case '<<':
        if (b < 0n) throw new PyValueError('negative shift count');
        if (BigInt(bits(a)) + b > BigInt(MAX_INT_BITS)) throw new PyMemoryError('');
        return a << b;
      case '>>':
        if (b < 0n) throw new PyValueError('negative shift count');
        return a >> b;
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
  if (['<<', '>>', '&', '|', '^', '@'].includes(op)) return undefined;
  const x = typeof a === 'bigint' ? intToFloat(a) : a;
  const y = typeof b === 'bigint' ? intToFloat(b) : b;
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
      return floatPow(x, y);
    default:
      return undefined;
  }
}

type SeqKind = 'str' | 'list' | 'tuple' | 'bytes';

function seqKind(v: Value): SeqKind | undefined {
  if (typeof v === 'string') return 'str';
  if (Array.isArray(v)) return 'list';
  if (v instanceof PyTuple) return 'tuple';
  if (v instanceof PyBytes) return 'bytes';
  return undefined;
}

function repeat(v: Value, n: bigint): Value {
  const times = n > 0n ? n : 0n;
  const size =
    typeof v === 'string'
      ? v.length
      : v instanceof PyBytes
        ? v.data.length
        : (v as Value[] | PyTuple) instanceof PyTuple
          ? (v as PyTuple).items.length
          : (v as Value[]).length;
  if (BigInt(size) * times > BigInt(MAX_ITEMS)) throw new PyMemoryError('');
  const count = Number(times);
  if (typeof v === 'string') return v.repeat(count);
  if (v instanceof PyBytes) return PyBytes.latin1(v.text.repeat(count));
  const items = v instanceof PyTuple ? v.items : (v as Value[]);
  tick(items.length * count);
  const out: Value[] = [];
  for (let i = 0; i < count; i++) out.push(...items);
  return v instanceof PyTuple ? new PyTuple(out) : out;
}

function sequences(op: BinOperator, a: Value, b: Value): Value | undefined {
  const ka = seqKind(a);
  const kb = seqKind(b);
  if (op === '+' && ka) {
    if (ka !== kb) {
      if (ka === 'bytes') throw new PyTypeError(`can't concat ${typeName(b)} to bytes`);
      throw new PyTypeError(`can only concatenate ${ka} (not "${typeName(b)}") to ${ka}`);
    }
    if (ka === 'str') return (a as string) + (b as string);
    if (ka === 'bytes') return PyBytes.latin1((a as PyBytes).text + (b as PyBytes).text);
    if (ka === 'tuple') return new PyTuple([...(a as PyTuple).items, ...(b as PyTuple).items]);
    return [...(a as Value[]), ...(b as Value[])];
  }
  if (op === '*' && (ka || kb)) {
    const [s, other] = ka ? [a, b] : [b, a];
    const n = asInt(other);
    if (n === undefined)
      throw new PyTypeError(`can't multiply sequence by non-int of type '${tpName(other)}'`);
    return repeat(s, n);
  }
  if (op === '%' && typeof a === 'string') return strModulo(a, b);
  if (op === '|' && a instanceof PyDict && b instanceof PyDict)
    return new PyDict([...a.entries(), ...b.entries()]);
  if (a instanceof PySet && b instanceof PySet) {
    const [x, y] = [a.items(), b.items()];
    if (op === '|') return new PySet([...x, ...y]);
    if (op === '&') return new PySet(x.filter((i) => b.has(i)));
    if (op === '-') return new PySet(x.filter((i) => !b.has(i)));
    if (op === '^')
      return new PySet([...x.filter((i) => !b.has(i)), ...y.filter((i) => !a.has(i))]);
  }
  return undefined;
}

function scaleDelta(td: PyTimeDelta, factor: Num, divide: boolean): PyTimeDelta {
  const us = td.totalMicroseconds;
  if (typeof factor === 'bigint') {
    if (divide && factor === 0n)
      throw new PyZeroDivisionError('integer division or modulo by zero');
    return PyTimeDelta.fromMicroseconds(divide ? floorDiv(us, factor) : us * factor);
  }
  if (divide && factor === 0) throw new PyZeroDivisionError('float division by zero');
  if (!Number.isFinite(factor))
    throw Number.isNaN(factor)
      ? new PyValueError('cannot convert float NaN to integer')
      : new PyOverflowError('cannot convert float infinity to integer');
  return PyTimeDelta.of({ microseconds: divide ? Number(us) / factor : Number(us) * factor });
}

/** timedelta and datetime arithmetic; undefined when the operands are not of that kind. */
function temporal(op: BinOperator, a: Value, b: Value): Value | undefined {
  if (a instanceof PyDateTime && b instanceof PyTimeDelta && (op === '+' || op === '-'))
    return a.add(op === '+' ? b : b.negate());
  if (a instanceof PyTimeDelta && b instanceof PyDateTime && op === '+') return b.add(a);
  if (a instanceof PyDateTime && b instanceof PyDateTime && op === '-') return a.minus(b);
  if (a instanceof PyTimeDelta && b instanceof PyTimeDelta) {
    const x = a.totalMicroseconds;
    const y = b.totalMicroseconds;
    switch (op) {
      case '+':
        return a.add(b);
      case '-':
        return a.add(b.negate());
      case '/':
        if (y === 0n) throw new PyZeroDivisionError('division by zero');
        return trueDivide(x, y);
      case '//':
        if (y === 0n) throw new PyZeroDivisionError('integer division or modulo by zero');
        return floorDiv(x, y);
      case '%':
        if (y === 0n) throw new PyZeroDivisionError('integer modulo by zero');
        return PyTimeDelta.fromMicroseconds(x - floorDiv(x, y) * y);
      default:
        return undefined;
    }
  }
  if (a instanceof PyTimeDelta || b instanceof PyTimeDelta) {
    const [td, n] = a instanceof PyTimeDelta ? [a, num(b)] : [b as PyTimeDelta, num(a)];
    if (n === undefined) return undefined;
    if (op === '*') return scaleDelta(td, n, false);
    if (td === a && op === '/') return scaleDelta(td, n, true);
    if (td === a && op === '//' && typeof n === 'bigint') return scaleDelta(td, n, true);
  }
  return undefined;
}

const SYMBOLS: Partial<Record<BinOperator, string>> = { '**': '** or pow()' };

export function binaryOp(op: BinOperator, a: Value, b: Value): Value {
  tick();
  const na = num(a);
  const nb = num(b);
  const result =
    na !== undefined && nb !== undefined
      ? numeric(op, na, nb)
      : (temporal(op, a, b) ?? sequences(op, a, b));
  if (result !== undefined) return result;
  throw new PyTypeError(
    `unsupported operand type(s) for ${SYMBOLS[op] ?? op}: '${tpName(a)}' and '${tpName(b)}'`,
  );
}

/**
 * `a op= b`: lists, dicts and sets change in place (`l += [1]` is `l.extend([1])`), everything
 * else is the binary operation.
 */
export function inplaceOp(op: BinOperator, a: Value, b: Value): Value {
  if (Array.isArray(a) && op === '+') {
    a.push(...toList(b));
    return a;
  }
  if (Array.isArray(a) && op === '*') {
    const n = asInt(b);
    if (n !== undefined) {
      const copy = repeat(a, n) as Value[];
      a.splice(0, a.length, ...copy);
      return a;
    }
  }
  if (a instanceof PyDict && op === '|' && b instanceof PyDict) {
    for (const [k, v] of b.entries()) a.set(k, v);
    return a;
  }
  if (a instanceof PySet && b instanceof PySet && ['|', '&', '-', '^'].includes(op)) {
    const result = binaryOp(op, a, b) as PySet;
    a.clear();
    for (const x of result.items()) a.add(x);
    return a;
  }
  return binaryOp(op, a, b);
}

export function unaryOp(op: '+' | '-' | '~', v: Value): Value {
  const n = num(v);
  if (n !== undefined) {
    if (op === '+') return n;
    if (op === '-') return -n;
    if (typeof n === 'bigint') return -n - 1n;
  }
  if (v instanceof PyTimeDelta && op !== '~') return op === '-' ? v.negate() : v;
  throw new PyTypeError(`bad operand type for unary ${op}: '${tpName(v)}'`);
}

/** Ordering of two values: negative, zero, positive; undefined when Python refuses. */
function order(a: Value, b: Value): number | undefined {
  const na = num(a);
  const nb = num(b);
  if (na !== undefined && nb !== undefined) {
    if (typeof na === 'bigint' && typeof nb === 'bigint') return na < nb ? -1 : na > nb ? 1 : 0;
    const x = Number(na);
    const y = Number(nb);
    if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (typeof a === 'string' && typeof b === 'string') {
    const [x, y] = [[...a], [...b]];
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
      const d = (x[i]!.codePointAt(0) as number) - (y[i]!.codePointAt(0) as number);
      if (d) return d;
    }
    return x.length - y.length;
  }
  if (a instanceof PyBytes && b instanceof PyBytes)
    return a.text < b.text ? -1 : a.text > b.text ? 1 : 0;
  if (a instanceof PyTimeDelta && b instanceof PyTimeDelta) {
    const d = a.totalMicroseconds - b.totalMicroseconds;
    return d < 0n ? -1 : d > 0n ? 1 : 0;
  }
  if (a instanceof PyDateTime && b instanceof PyDateTime) {
    if (a.aware !== b.aware)
      throw new PyTypeError("can't compare offset-naive and offset-aware datetimes");
    const d = a.epochMicroseconds - b.epochMicroseconds;
    return d < 0n ? -1 : d > 0n ? 1 : 0;
  }
  return undefined;
}

/** `op` applied to two lengths or two orderings. */
function holds(op: CmpOperator, cmp: number): boolean {
  return op === '<' ? cmp < 0 : op === '<=' ? cmp <= 0 : op === '>' ? cmp > 0 : cmp >= 0;
}

function compareOp(op: CmpOperator, a: Value, b: Value): boolean {
  const ka = seqKind(a);
  if ((ka === 'list' || ka === 'tuple') && ka === seqKind(b)) {
    const x = ka === 'list' ? (a as Value[]) : (a as PyTuple).items;
    const y = ka === 'list' ? (b as Value[]) : (b as PyTuple).items;
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
      // The first items that differ decide, compared with the operator itself.
      if (!pyEquals(x[i] as Value, y[i] as Value))
        return compareOp(op, x[i] as Value, y[i] as Value);
    }
    return holds(op, x.length - y.length);
  }
  if (a instanceof PySet && b instanceof PySet) {
    const sub = a.items().every((i) => b.has(i));
    const sup = b.items().every((i) => a.has(i));
    if (op === '<') return sub && !sup;
    if (op === '<=') return sub;
    if (op === '>') return sup && !sub;
    return sup;
  }
  const cmp = order(a, b);
  if (cmp === undefined)
    throw new PyTypeError(
      `'${op}' not supported between instances of '${tpName(a)}' and '${tpName(b)}'`,
    );
  if (Number.isNaN(cmp)) return false;
  return holds(op, cmp);
}

/** `a < b`, as `sorted()` asks it. */
export function lessThan(a: Value, b: Value): boolean {
  return compareOp('<', a, b);
}

/** `a is b`: CPython's identity, where it is not left to chance. */
function identical(a: Value, b: Value): boolean {
  if (a === null || b === null || typeof a === 'boolean' || typeof b === 'boolean') return a === b;
  if (typeof a === 'object' || typeof b === 'object') return a === b;
  if (typeof a !== typeof b) return false;
  // Small ints are cached; other equal numbers and strings may or may not be the same object.
  if (typeof a === 'bigint' && a === b && a >= -5n && a <= 256n) return true;
  if (a !== b) return false;
  throw new ConsoleUnsupported('identity');
}

/** One comparison of a chain. */
export function compare(op: CmpOperator, a: Value, b: Value): Value {
  tick();
  switch (op) {
    case '==':
      return pyEquals(a, b);
    case '!=':
      return !pyEquals(a, b);
    case 'in':
      return contains(b, a);
    case 'not in':
      return !contains(b, a);
    case 'is':
      return identical(a, b);
    case 'is not':
      return !identical(a, b);
    default:
      return compareOp(op, a, b);
  }
}

/** `not value` */
export function not(v: Value): boolean {
  return !(v instanceof PyObj ? v.truthy() : truthy(v));
}
