/**
 * The builtins a console line may reasonably call on plain values (`len`, `dict`, `int`, ...),
 * with Python's messages; every other builtin name exists but is refused.
 */
import { PyOverflowError, PyTypeError, PyValueError } from '../errors';
import { str as strData } from '../repr';
import { pyLen, strRepr } from '../text';
import { PyDict, PyTuple, dictUpdate, hashKey, type PyValue } from '../values';
import { PyTimeDelta } from '../datetime';
import { DateTimeValue } from './datetimes';
import { ConsoleUnsupported } from './errors';
import { BUILTIN_NAMES } from './names';
import { unaryOp, use } from './operators';
import {
  BuiltinFunction,
  Display,
  PyObj,
  reprValue,
  tpName,
  truthy,
  type Kwargs,
  type Value,
} from './objects';

function data(v: Value, what: string): PyValue {
  use(v);
  if (v instanceof PyObj)
    throw new ConsoleUnsupported(`${what} of ${v.repr()} is not supported here`);
  return v;
}

function oneArg(name: string, args: Value[], kwargs: Kwargs): Value {
  if (kwargs.length) throw new PyTypeError(`${name}() takes no keyword arguments`);
  if (args.length !== 1)
    throw new PyTypeError(`${name}() takes exactly one argument (${args.length} given)`);
  return args[0] as Value;
}

/** `int(x)`, `float(x)`, `str(x)`, ...: at most one positional argument. */
function optionalArg(name: string, args: Value[], kwargs: Kwargs): Value | undefined {
  if (kwargs.length) throw new PyTypeError(`${name}() takes no keyword arguments`);
  if (args.length > 1)
    throw new PyTypeError(`${name} expected at most 1 argument, got ${args.length}`);
  return args[0];
}

function len(v: Value): Value {
  if (v instanceof PyObj) return v.len();
  if (typeof v === 'string') return BigInt(pyLen(v));
  if (Array.isArray(v)) return BigInt(v.length);
  if (v instanceof PyTuple) return BigInt(v.items.length);
  if (v instanceof PyDict) return BigInt(v.size);
  throw new PyTypeError(`object of type '${tpName(v)}' has no len()`);
}

function toInt(v: Value): Value {
  const x = data(v, 'int()');
  if (typeof x === 'bigint') return x;
  if (typeof x === 'boolean') return x ? 1n : 0n;
  if (typeof x === 'number') {
    if (Number.isNaN(x)) throw new PyValueError('cannot convert float NaN to integer');
    if (!Number.isFinite(x)) throw new PyOverflowError('cannot convert float infinity to integer');
    return BigInt(Math.trunc(x));
  }
  if (typeof x === 'string') {
    const t = x.trim();
    if (/^[+-]?\d+(_\d+)*$/.test(t)) return BigInt(t.replace(/_/g, ''));
    throw new PyValueError(`invalid literal for int() with base 10: ${strRepr(x)}`);
  }
  throw new PyTypeError(
    `int() argument must be a string, a bytes-like object or a real number, not '${tpName(x)}'`,
  );
}

function toFloat(v: Value): Value {
  const x = data(v, 'float()');
  if (typeof x === 'number') return x;
  if (typeof x === 'bigint' || typeof x === 'boolean') return Number(x);
  if (typeof x === 'string') {
    const t = x
      .trim()
      .replace(/(?<=\d)_(?=\d)/g, '')
      .toLowerCase();
    const special: Record<string, number> = { inf: Infinity, infinity: Infinity, nan: NaN };
    const sign = t.startsWith('-') ? -1 : 1;
    const body = t.replace(/^[+-]/, '');
    if (body in special) return sign * (special[body] as number);
    if (/^(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(body)) return sign * Number(body);
    throw new PyValueError(`could not convert string to float: ${strRepr(x)}`);
  }
  throw new PyTypeError(`float() argument must be a string or a real number, not '${tpName(x)}'`);
}

function items(v: Value, what: string): PyValue[] {
  const x = data(v, what);
  if (typeof x === 'string') return [...x];
  if (Array.isArray(x)) return [...x];
  if (x instanceof PyTuple) return [...x.items];
  if (x instanceof PyDict) return x.keys();
  throw new PyTypeError(`'${tpName(x)}' object is not iterable`);
}

function str(v: Value): Value {
  use(v);
  if (v instanceof DateTimeValue) return v.dt.toString();
  return v instanceof PyObj ? v.repr() : strData(v);
}

const IMPLEMENTED: Record<string, (args: Value[], kwargs: Kwargs) => Value> = {
  len: (a, k) => len(oneArg('len', a, k)),
  abs: (a, k) => {
    const v = oneArg('abs', a, k);
    if (v instanceof PyTimeDelta) return v.totalMicroseconds < 0n ? v.negate() : v;
    const n = data(v, 'abs()');
    if ((typeof n === 'bigint' && n < 0n) || (typeof n === 'number' && n < 0))
      return unaryOp('-', n);
    return unaryOp('+', n);
  },
  repr: (a, k) => reprValue(oneArg('repr', a, k)),
  str: (a, k) => {
    const v = optionalArg('str', a, k);
    return v === undefined ? '' : str(v);
  },
  int: (a, k) => {
    const v = optionalArg('int', a, k);
    return v === undefined ? 0n : toInt(v);
  },
  float: (a, k) => {
    const v = optionalArg('float', a, k);
    return v === undefined ? 0 : toFloat(v);
  },
  bool: (a, k) => {
    const v = optionalArg('bool', a, k);
    return v === undefined ? false : truthy(v);
  },
  list: (a, k) => {
    const v = optionalArg('list', a, k);
    return v === undefined ? [] : items(v, 'list()');
  },
  tuple: (a, k) => {
    const v = optionalArg('tuple', a, k);
    return new PyTuple(v === undefined ? [] : items(v, 'tuple()'));
  },
  dict: (a, k) => {
    if (a.length > 1) throw new PyTypeError(`dict expected at most 1 argument, got ${a.length}`);
    const out = new PyDict();
    if (a.length) dictUpdate(out, data(a[0] as Value, 'dict()'));
    for (const [name, v] of k) out.set(name, data(v, 'dict()'));
    return out;
  },
  set: (a, k) => {
    const v = optionalArg('set', a, k);
    const seen = new Set<string>();
    const unique = (v === undefined ? [] : items(v, 'set()')).filter((x) => {
      const h = hashKey(x);
      return seen.has(h) ? false : (seen.add(h), true);
    });
    return new Display('set', unique);
  },
  print: () => {
    throw new ConsoleUnsupported(
      'print() is not needed here: the console shows the value of each expression',
    );
  },
};

const CLASSES = new Set(['str', 'int', 'float', 'bool', 'list', 'tuple', 'dict', 'set']);

/** The builtin of that name, or undefined. */
export function builtin(name: string): Value | undefined {
  if (name === 'True' || name === 'False' || name === 'None') return undefined;
  if (!BUILTIN_NAMES.includes(name) || name.startsWith('__')) return undefined;
  const impl =
    IMPLEMENTED[name] ??
    (() => {
      throw new ConsoleUnsupported(`${name}() is not available in this console`);
    });
  const isClass = CLASSES.has(name) || /^[A-Z]/.test(name);
  return new BuiltinFunction(
    name,
    impl,
    isClass ? 'type' : 'builtin_function_or_method',
    isClass ? `<class '${name}'>` : `<built-in function ${name}>`,
  );
}
