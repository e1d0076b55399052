/**
 * Python's builtins for console lines: the functions and classes (`len`, `dict`, `sorted`,
 * `isinstance`, the exception classes...) with CPython 3.11's results and messages. Builtins that
 * would reach outside a view (`open`, `input`, `help()`, `eval`) are refused in the page's words.
 */
import { PyDateTime, PyTimeDelta } from '../datetime';
import { PyException, PyOverflowError, PyTypeError, PyValueError } from '../errors';
import { intRepr, repr, str as strData } from '../repr';
import { strRepr } from '../text';
import {
  PyBytes,
  PyDict,
  PySet,
  PyTuple,
  PyView,
  asInt,
  dictUpdate,
  objectId,
  pyHash,
  typeName,
} from '../values';
import { lineContext } from './context';
import { DATETIME_CLASS, TIMEDELTA_CLASS, TzObj } from './datetimes';
import { ConsoleUnsupported, PyStopIteration, RaisedException } from './errors';
import { formatValue } from './format';
import { between, decodeUtf8, oneArg, sortValues } from './methods';
import { BUILTIN_NAMES, TYPE_DIRS } from './names';
import {
  ADDRESS,
  BuiltinFunction,
  ELLIPSIS,
  NOT_IMPLEMENTED,
  PyClass,
  PyObj,
  tpName,
  truthy,
  type Kwargs,
  type Value,
} from './objects';
import { binaryOp, intToFloat, lessThan, unaryOp } from './operators';
import {
  SliceValue,
  asIndex,
  callValue,
  dirOf,
  getattr,
  iterate,
  len,
  setattr,
  delattr,
  tick,
  toList,
} from './protocol';
import { PyAttributeError } from '../errors';

type Impl = (args: Value[], kwargs: Kwargs) => Value;

// --- iterators ----------------------------------------------------------------------------------

/** `enumerate`, `zip`, `map`, `filter`, `reversed` and `iter()` objects: lazy, used once. */
export class IteratorObj extends PyObj {
  private readonly it: Iterator<Value>;
  constructor(
    readonly pyType: string,
    items: Iterable<Value>,
  ) {
    super();
    this.it = items[Symbol.iterator]();
  }
  override iter(): Iterable<Value> {
    return { [Symbol.iterator]: () => this.it };
  }
  next(): IteratorResult<Value> {
    return this.it.next();
  }
}

/** A generator expression's object. */
export class GeneratorObj extends IteratorObj {
  constructor(items: Iterable<Value>) {
    super('generator', items);
  }
  override repr(): string {
    return `<generator object <genexpr> at ${ADDRESS}>`;
  }
}

/** `range(start, stop, step)` */
export class RangeObj extends PyObj {
  readonly pyType = 'range';
  constructor(
    readonly start: bigint,
    readonly stop: bigint,
    readonly step: bigint,
  ) {
    super();
  }
  override repr(): string {
    const s = this.step === 1n ? '' : `, ${this.step}`;
    return `range(${this.start}, ${this.stop}${s})`;
  }
  override attributeNames(): readonly string[] | undefined {
    return TYPE_DIRS.range;
  }
  override getattr(name: string): Value {
    if (name === 'start' || name === 'stop' || name === 'step') return this[name];
    return super.getattr(name);
  }
  override len(): bigint {
    const { start, stop, step } = this;
    if (step > 0n ? start >= stop : start <= stop) return 0n;
    return step > 0n ? (stop - start + step - 1n) / step : (start - stop - step - 1n) / -step;
  }
  override *iter(): Iterable<Value> {
    const n = this.len();
    for (let i = 0n; i < n; i++) {
      tick();
      yield this.start + i * this.step;
    }
  }
  override contains(item: Value): boolean {
    const n = asInt(item);
    if (n === undefined || typeof item === 'number') return super.contains(item);
    const { start, stop, step } = this;
    const inside = step > 0n ? n >= start && n < stop : n <= start && n > stop;
    return inside && (n - start) % step === 0n;
  }
  override getitem(key: Value): Value {
    const n = this.len();
    if (key instanceof SliceValue)
      throw new ConsoleUnsupported('attribute', { object: 'range', name: '__getitem__(slice)' });
    const i = asInt(key);
    if (i === undefined)
      throw new PyTypeError(`range indices must be integers or slices, not ${tpName(key)}`);
    const at = i < 0n ? i + n : i;
    if (at < 0n || at >= n) throw new PyTypeError('range object index out of range');
    return this.start + at * this.step;
  }
  override equals(other: unknown): boolean {
    return (
      other instanceof RangeObj &&
      other.start === this.start &&
      other.stop === this.stop &&
      other.step === this.step
    );
  }
}

// --- exceptions as values -----------------------------------------------------------------------

/** An exception instance (`KeyError('k')`) before it is raised. */
export class ExceptionObj extends PyObj {
  constructor(
    readonly cls: PyClass,
    readonly args: Value[],
  ) {
    super();
  }
  get pyType(): string {
    return this.cls.name;
  }
  override repr(): string {
    const inner =
      this.args.length === 1 ? repr(this.args[0] as Value) : this.args.map(repr).join(', ');
    return `${this.cls.name}(${inner})`;
  }
  /** `str(exc)` */
  text(): string {
    if (this.args.length === 0) return '';
    if (this.args.length === 1) {
      const only = this.args[0] as Value;
      return this.cls.name === 'KeyError' ? repr(only) : strData(only);
    }
    return repr(new PyTuple(this.args));
  }
  override getattr(name: string): Value {
    if (name === 'args') return new PyTuple(this.args);
    return super.getattr(name);
  }
  /** The exception to throw for `raise self`. */
  toException(): RaisedException {
    return new RaisedException(this.cls.name, this.args, this.text());
  }
}

const EXCEPTION_PARENTS: Record<string, string> = {
  BaseException: '',
  Exception: 'BaseException',
  SystemExit: 'BaseException',
  KeyboardInterrupt: 'BaseException',
  GeneratorExit: 'BaseException',
  ArithmeticError: 'Exception',
  LookupError: 'Exception',
  KeyError: 'LookupError',
  IndexError: 'LookupError',
  ZeroDivisionError: 'ArithmeticError',
  OverflowError: 'ArithmeticError',
  FloatingPointError: 'ArithmeticError',
  UnicodeError: 'ValueError',
  UnicodeDecodeError: 'UnicodeError',
  UnicodeEncodeError: 'UnicodeError',
  ModuleNotFoundError: 'ImportError',
  NotImplementedError: 'RuntimeError',
  RecursionError: 'RuntimeError',
  IndentationError: 'SyntaxError',
  TabError: 'IndentationError',
  UnboundLocalError: 'NameError',
  FileExistsError: 'OSError',
  FileNotFoundError: 'OSError',
  PermissionError: 'OSError',
  TimeoutError: 'OSError',
};

const isExceptionName = (name: string) =>
  /^[A-Z]\w*(Error|Exception|Exit|Interrupt|Iteration|Warning|Group)$/.test(name) ||
  name === 'GeneratorExit';

const exceptionClasses = new Map<string, PyClass>();
export function exceptionClass(name: string): PyClass {
  let cls = exceptionClasses.get(name);
  if (cls) return cls;
  const parentName =
    EXCEPTION_PARENTS[name] ??
    (name.endsWith('Warning') && name !== 'Warning' ? 'Warning' : 'Exception');
  const bases = parentName ? [exceptionClass(parentName)] : [];
  cls = new PyClass(
    name,
    name,
    (args, kwargs) => {
      if (kwargs.length) throw new PyTypeError(`${name}() takes no keyword arguments`);
      return new ExceptionObj(cls as PyClass, args);
    },
    {},
    undefined,
    bases,
  );
  exceptionClasses.set(name, cls);
  return cls;
}

// --- classes of the built-in types --------------------------------------------------------------

/** A built-in type: calling it constructs; `str.lower` is the method, unbound. */
class BuiltinType extends PyClass {
  override getattr(name: string): Value {
    if (name !== '__name__' && name !== '__qualname__' && TYPE_DIRS[this.name]?.includes(name)) {
      const type = this.name;
      return new BuiltinFunction(
        name,
        (args, kwargs) => {
          if (!args.length)
            throw new PyTypeError(`unbound method ${type}.${name}() needs an argument`);
          const self = args[0] as Value;
          if (typeName(self) !== type && !(type === 'int' && typeName(self) === 'bool'))
            throw new PyTypeError(
              `descriptor '${name}' for '${type}' objects doesn't apply to a '${tpName(self)}' object`,
            );
          return callValue(getattr(self, name), args.slice(1), kwargs);
        },
        `<method '${name}' of '${type}' objects>`,
        'method_descriptor',
      );
    }
    return super.getattr(name);
  }
}

const classes = new Map<string, PyClass>();
function typeClass(name: string, construct?: Impl, bases: PyClass[] = []): PyClass {
  let cls = classes.get(name);
  if (!cls) {
    cls = new BuiltinType(name, name, construct, {}, TYPE_DIRS[name], bases);
    classes.set(name, cls);
  }
  return cls;
}

/** `type(value)` */
export function classOf(v: Value): PyClass {
  if (v instanceof PyDateTime) return DATETIME_CLASS;
  if (v instanceof PyTimeDelta) return TIMEDELTA_CLASS;
  if (v instanceof ExceptionObj) return v.cls;
  if (v instanceof PyClass) return typeClass('type');
  if (v instanceof PyObj) {
    const own = (v as PyObj & { typeObject?: () => PyClass }).typeObject?.();
    if (own) return own;
    return classes.get(v.pyType) ?? new PyClass(v.pyType, v.tpName);
  }
  return BUILTIN_CLASSES[typeName(v)] ?? typeClass(typeName(v));
}

// --- conversions --------------------------------------------------------------------------------

function toInt(v: Value, base: Value | undefined): Value {
  if (base !== undefined) {
    if (typeof v !== 'string')
      throw new PyTypeError("int() can't convert non-string with explicit base");
    let b = Number(asIndex(base));
    const t = v.trim().replace(/_/g, '').toLowerCase();
    const prefix = /^[+-]?0([xob])/.exec(t)?.[1];
    if (b === 0) {
      b = prefix === 'x' ? 16 : prefix === 'o' ? 8 : prefix === 'b' ? 2 : 10;
      if (!prefix && /^[+-]?0+[1-9]/.test(t))
        throw new PyValueError(`invalid literal for int() with base 0: ${strRepr(v)}`);
    }
    const digits = t.replace(/^[+-]?(0[xob])?/, '');
    const valid = '0123456789abcdefghijklmnopqrstuvwxyz'.slice(0, b);
    if (!digits || [...digits].some((c) => !valid.includes(c)))
      throw new PyValueError(`invalid literal for int() with base ${b}: ${strRepr(v)}`);
    let n = 0n;
    for (const c of digits) n = n * BigInt(b) + BigInt(valid.indexOf(c));
    return t.startsWith('-') ? -n : n;
  }
  if (typeof v === 'bigint') return v;
  if (typeof v === 'boolean') return v ? 1n : 0n;
  if (typeof v === 'number') {
    if (Number.isNaN(v)) throw new PyValueError('cannot convert float NaN to integer');
    if (!Number.isFinite(v)) throw new PyOverflowError('cannot convert float infinity to integer');
    return BigInt(Math.trunc(v));
  }
  if (typeof v === 'string') {
    const t = v.replace(/^[\s]+|[\s]+$/g, '');
    if (/^[+-]?\d+(_\d+)*$/.test(t)) {
      const digits = t.replace(/[_+-]/g, '').replace(/^0+(?=\d)/, '');
      if (digits.length > 4300)
        throw new PyValueError(
          `Exceeds the limit (4300 digits) for integer string conversion: value has ${digits.length} digits; use sys.set_int_max_str_digits() to increase the limit`,
        );
      return BigInt(t.replace(/_/g, ''));
    }
    throw new PyValueError(`invalid literal for int() with base 10: ${strRepr(v)}`);
  }
  if (v instanceof PyBytes) return toInt(v.text, undefined);
  throw new PyTypeError(
    `int() argument must be a string, a bytes-like object or a real number, not '${tpName(v)}'`,
  );
}

function toFloat(v: Value): Value {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint' || typeof v === 'boolean') return intToFloat(asInt(v) as bigint);
  if (typeof v === 'string') {
    const t = v
      .trim()
      .replace(/(?<=\d)_(?=\d)/g, '')
      .toLowerCase();
    const special: Record<string, number> = { inf: Infinity, infinity: Infinity, nan: NaN };
    const sign = t.startsWith('-') ? -1 : 1;
    const body = t.replace(/^[+-]/, '');
    if (body in special) return sign * (special[body] as number);
    if (/^(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(body)) return sign * Number(body);
    throw new PyValueError(`could not convert string to float: ${strRepr(v)}`);
  }
  throw new PyTypeError(`float() argument must be a string or a real number, not '${tpName(v)}'`);
}

function str(v: Value): string {
  return strData(v);
}

/** `round(x[, ndigits])`, half to even on the exact value, as CPython. */
function round(x: Value, nd: Value | undefined): Value {
  const digits = nd === undefined || nd === null ? null : Number(asIndex(nd));
  const n = asInt(x);
  if (n !== undefined) {
    if (digits === null || digits >= 0) return n;
    const p = 10n ** BigInt(-digits);
    const q = n / p;
    const r = n - q * p;
    const twice = 2n * (r < 0n ? -r : r);
    const up = twice > p || (twice === p && q % 2n !== 0n);
    return (q + (up ? (n < 0n ? -1n : 1n) : 0n)) * p;
  }
  if (typeof x !== 'number')
    throw new PyTypeError(`type ${tpName(x)} doesn't define __round__ method`);
  if (digits === null) {
    if (Number.isNaN(x)) throw new PyValueError('cannot convert float NaN to integer');
    if (!Number.isFinite(x)) throw new PyOverflowError('cannot convert float infinity to integer');
    const f = Math.floor(x);
    const diff = x - f;
    return BigInt(diff > 0.5 || (diff === 0.5 && f % 2 !== 0) ? f + 1 : f);
  }
  if (!Number.isFinite(x)) return x;
  if (digits > 300) return x;
  if (digits < -308) return 0 * x;
  const text = formatValue(x, `.${Math.max(0, digits)}f`);
  if (digits >= 0) return Number(text);
  const scale = 10 ** -digits;
  return (round(x / scale, undefined) as unknown as bigint) === 0n
    ? 0 * x
    : Number(round(x / scale, undefined)) * scale;
}

function minMax(name: 'min' | 'max', args: Value[], kwargs: Kwargs): Value {
  let key: Value = null;
  let dflt: Value | undefined;
  for (const [k, v] of kwargs) {
    if (k === 'key') key = v;
    else if (k === 'default') dflt = v;
    else throw new PyTypeError(`${name}() got an unexpected keyword argument '${k}'`);
  }
  if (!args.length) throw new PyTypeError(`${name} expected at least 1 argument, got 0`);
  const items = args.length === 1 ? toList(args[0] as Value) : args;
  if (args.length > 1 && dflt !== undefined)
    throw new PyTypeError(
      `Cannot specify a default for ${name}() with multiple positional arguments`,
    );
  if (!items.length) {
    if (dflt !== undefined) return dflt;
    throw new PyValueError(`${name}() arg is an empty sequence`);
  }
  let best = items[0] as Value;
  let bestKey = key === null ? best : callValue(key, [best], []);
  for (const item of items.slice(1)) {
    const k = key === null ? item : callValue(key, [item], []);
    if (name === 'min' ? lessThan(k, bestKey) : lessThan(bestKey, k)) {
      best = item;
      bestKey = k;
    }
  }
  return best;
}

// --- the builtins -------------------------------------------------------------------------------

function noKw(name: string, kwargs: Kwargs): void {
  if (kwargs.length) throw new PyTypeError(`${name}() takes no keyword arguments`);
}

function optional(name: string, args: Value[], kwargs: Kwargs): Value | undefined {
  noKw(name, kwargs);
  if (args.length > 1)
    throw new PyTypeError(`${name} expected at most 1 argument, got ${args.length}`);
  return args[0];
}

/** The current line's names, for `dir()` without an argument (set by the evaluator). */
let scopeNames: () => string[] = () => [];
export function setScopeNames(fn: () => string[]): void {
  scopeNames = fn;
}

class Repr extends PyObj {
  constructor(
    readonly pyType: string,
    private readonly text: string,
    private readonly onCall: Impl,
  ) {
    super();
  }
  override repr(): string {
    return this.text;
  }
  override call(args: Value[], kwargs: Kwargs): Value {
    return this.onCall(args, kwargs);
  }
}

const exitCall: Impl = (args) => {
  const code = args[0] ?? null;
  throw new RaisedException('SystemExit', [code], code === null ? 'None' : str(code));
};

const FUNCTIONS: Record<string, Impl> = {
  abs: (a, k) => {
    const v = oneArg('abs', a, k);
    if (v instanceof PyTimeDelta) return v.totalMicroseconds < 0n ? v.negate() : v;
    const n = asInt(v);
    if (n !== undefined) return n < 0n ? -n : n;
    if (typeof v === 'number') return Math.abs(v);
    throw new PyTypeError(`bad operand type for abs(): '${tpName(v)}'`);
  },
  all: (a, k) => {
    for (const x of iterate(oneArg('all', a, k))) if (!truthy(x)) return false;
    return true;
  },
  any: (a, k) => {
    for (const x of iterate(oneArg('any', a, k))) if (truthy(x)) return true;
    return false;
  },
  ascii: (a, k) =>
    repr(oneArg('ascii', a, k)).replace(/[^\x00-\x7f]/gu, (c) => {
      const cp = c.codePointAt(0) as number;
      return cp < 0x100
        ? '\\x' + cp.toString(16).padStart(2, '0')
        : cp < 0x10000
          ? '\\u' + cp.toString(16).padStart(4, '0')
          : '\\U' + cp.toString(16).padStart(8, '0');
    }),
  bin: (a, k) => radix(oneArg('bin', a, k), 2, '0b'),
  oct: (a, k) => radix(oneArg('oct', a, k), 8, '0o'),
  hex: (a, k) => radix(oneArg('hex', a, k), 16, '0x'),
  callable: (a, k) => {
    const v = oneArg('callable', a, k);
    return (
      v instanceof BuiltinFunction ||
      v instanceof PyClass ||
      (v instanceof PyObj && 'call' in v && v.pyType.includes('method')) ||
      v instanceof Repr
    );
  },
  chr: (a, k) => {
    const n = asIndex(oneArg('chr', a, k));
    if (n < 0n || n > 0x10ffffn) throw new PyValueError('chr() arg not in range(0x110000)');
    return String.fromCodePoint(Number(n));
  },
  ord: (a, k) => {
    const v = oneArg('ord', a, k);
    if (typeof v !== 'string')
      throw new PyTypeError(`ord() expected string of length 1, but ${tpName(v)} found`);
    const chars = [...v];
    if (chars.length !== 1)
      throw new PyTypeError(
        `ord() expected a character, but string of length ${chars.length} found`,
      );
    return BigInt(chars[0]!.codePointAt(0) as number);
  },
  dir: (a, k) => {
    noKw('dir', k);
    if (a.length > 1) throw new PyTypeError(`dir expected at most 1 argument, got ${a.length}`);
    if (!a.length) return scopeNames().sort();
    const names = dirOf(a[0] as Value);
    if (!names) throw new ConsoleUnsupported('builtin', { name: `dir(${tpName(a[0] as Value)})` });
    return [...names].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  },
  divmod: (a, k) => {
    between('divmod', 2, 2, a, k);
    return new PyTuple([
      binaryOp('//', a[0] as Value, a[1] as Value),
      binaryOp('%', a[0] as Value, a[1] as Value),
    ]);
  },
  format: (a, k) => {
    between('format', 1, 2, a, k);
    const spec = a[1] ?? '';
    if (typeof spec !== 'string')
      throw new PyTypeError(`format() argument 2 must be str, not ${tpName(spec)}`);
    return formatValue(a[0] as Value, spec);
  },
  getattr: (a, k) => {
    between('getattr', 2, 3, a, k);
    const name = a[1] as Value;
    if (typeof name !== 'string')
      throw new PyTypeError("attribute name must be string, not '" + tpName(name) + "'");
    try {
      return getattr(a[0] as Value, name);
    } catch (e) {
      if (a.length > 2 && e instanceof PyAttributeError) return a[2] as Value;
      throw e;
    }
  },
  hasattr: (a, k) => {
    between('hasattr', 2, 2, a, k);
    const name = a[1] as Value;
    if (typeof name !== 'string')
      throw new PyTypeError("attribute name must be string, not '" + tpName(name) + "'");
    try {
      getattr(a[0] as Value, name);
      return true;
    } catch (e) {
      if (e instanceof PyAttributeError) return false;
      if (e instanceof ConsoleUnsupported && e.reason === 'attribute') return true;
      throw e;
    }
  },
  setattr: (a, k) => {
    between('setattr', 3, 3, a, k);
    setattr(a[0] as Value, attrName(a[1] as Value), a[2] as Value);
    return null;
  },
  delattr: (a, k) => {
    between('delattr', 2, 2, a, k);
    delattr(a[0] as Value, attrName(a[1] as Value));
    return null;
  },
  hash: (a, k) => {
    const v = oneArg('hash', a, k);
    if (v instanceof PyObj && !v.hashable) throw new PyTypeError(`unhashable type: '${v.pyType}'`);
    return pyHash(v);
  },
  id: (a, k) => {
    const v = oneArg('id', a, k);
    return BigInt(
      139_800_000_000_000 + (typeof v === 'object' && v !== null ? objectId(v) : 1) * 16,
    );
  },
  isinstance: (a, k) => {
    between('isinstance', 2, 2, a, k);
    return isInstance(a[0] as Value, a[1] as Value);
  },
  issubclass: (a, k) => {
    between('issubclass', 2, 2, a, k);
    const cls = a[0] as Value;
    if (!(cls instanceof PyClass)) throw new PyTypeError('issubclass() arg 1 must be a class');
    return classes_(a[1] as Value, 'issubclass').some(
      (c) => cls.isSubclassOf(c) || (c.name === 'int' && cls.name === 'bool'),
    );
  },
  iter: (a, k) => {
    const v = oneArg('iter', a, k);
    return new IteratorObj(`${typeName(v)}_iterator`, iterate(v));
  },
  next: (a, k) => {
    between('next', 1, 2, a, k);
    const it = a[0] as Value;
    if (!(it instanceof IteratorObj))
      throw new PyTypeError(`'${tpName(it)}' object is not an iterator`);
    const r = it.next();
    if (!r.done) return r.value;
    if (a.length > 1) return a[1] as Value;
    throw new PyStopIteration('');
  },
  len: (a, k) => len(oneArg('len', a, k)),
  max: (a, k) => minMax('max', a, k),
  min: (a, k) => minMax('min', a, k),
  pow: (a, k) => {
    noKw('pow', k);
    if (a.length < 2 || a.length > 3)
      throw new PyTypeError(`pow expected at least 2 arguments, got ${a.length}`);
    if (a.length === 3) {
      const [b, e, m] = a.map((x) => asIndex(x as Value));
      if (m === 0n) throw new PyValueError('pow() 3rd argument cannot be 0');
      let result = 1n;
      let base = (((b as bigint) % (m as bigint)) + (m as bigint)) % (m as bigint);
      let exp = e as bigint;
      while (exp > 0n) {
        if (exp & 1n) result = (result * base) % (m as bigint);
        base = (base * base) % (m as bigint);
        exp >>= 1n;
      }
      return result;
    }
    return binaryOp('**', a[0] as Value, a[1] as Value);
  },
  print: (a, k) => {
    let sep = ' ';
    let end = '\n';
    for (const [name, v] of k) {
      if (name === 'sep' && v !== null) sep = textArg('sep', v);
      else if (name === 'end' && v !== null) end = textArg('end', v);
      else if (name !== 'flush' && name !== 'file' && name !== 'sep' && name !== 'end')
        throw new PyTypeError(`'${name}' is an invalid keyword argument for print()`);
    }
    lineContext().stdout(a.map(str).join(sep) + end);
    return null;
  },
  repr: (a, k) => repr(oneArg('repr', a, k)),
  round: (a, k) => {
    const [x, nd] = a;
    if (k.length || a.length < 1 || a.length > 2) {
      if (!a.length && !k.length)
        throw new PyTypeError("round() missing required argument 'number' (pos 1)");
    }
    return round(x as Value, nd);
  },
  sorted: (a, k) => {
    if (a.length !== 1) throw new PyTypeError(`sorted expected 1 argument, got ${a.length}`);
    const items = toList(a[0] as Value);
    let key: Value = null;
    let reverse = false;
    for (const [name, v] of k) {
      if (name === 'key') key = v;
      else if (name === 'reverse') reverse = truthy(v);
      else throw new PyTypeError(`sort() got an unexpected keyword argument '${name}'`);
    }
    sortValues(items, key, reverse, (f, x) => callValue(f, [x], []));
    return items;
  },
  sum: (a, k) => {
    noKw('sum', k);
    if (a.length < 1 || a.length > 2)
      throw new PyTypeError(`sum() takes at most 2 arguments (${a.length} given)`);
    let total: Value = a.length > 1 ? (a[1] as Value) : 0n;
    if (typeof total === 'string')
      throw new PyTypeError("sum() can't sum strings [use ''.join(seq) instead]");
    if (total instanceof PyBytes)
      throw new PyTypeError("sum() can't sum bytes [use b''.join(seq) instead]");
    for (const x of iterate(a[0] as Value)) total = binaryOp('+', total, x);
    return total;
  },
  vars: () => {
    throw new ConsoleUnsupported('builtin', { name: 'vars' });
  },
  enumerate: (a, k) => {
    const start = k.find(([n]) => n === 'start')?.[1] ?? a[1] ?? 0n;
    const items = iterate(oneArg('enumerate', a.slice(0, 1), []));
    const first = asIndex(start);
    return new IteratorObj(
      'enumerate',
      (function* () {
        let i = first;
        for (const x of items) yield new PyTuple([i++, x]);
      })(),
    );
  },
  zip: (a, k) => {
    noKw('zip', k);
    const its = a.map((x) => iterate(x)[Symbol.iterator]());
    return new IteratorObj(
      'zip',
      (function* () {
        if (!its.length) return;
        for (;;) {
          const row: Value[] = [];
          for (const it of its) {
            const r = it.next();
            if (r.done) return;
            row.push(r.value);
          }
          yield new PyTuple(row);
        }
      })(),
    );
  },
  map: (a, k) => {
    noKw('map', k);
    if (a.length < 2) throw new PyTypeError('map() must have at least two arguments.');
    const [f, ...rest] = a;
    const its = rest.map((x) => iterate(x)[Symbol.iterator]());
    return new IteratorObj(
      'map',
      (function* () {
        for (;;) {
          const row: Value[] = [];
          for (const it of its) {
            const r = it.next();
            if (r.done) return;
            row.push(r.value);
          }
          yield callValue(f as Value, row, []);
        }
      })(),
    );
  },
  filter: (a, k) => {
    noKw('filter', k);
    between('filter', 2, 2, a, []);
    const [f, src] = a as [Value, Value];
    const items = iterate(src);
    return new IteratorObj(
      'filter',
      (function* () {
        for (const x of items) if (truthy(f === null ? x : callValue(f, [x], []))) yield x;
      })(),
    );
  },
  reversed: (a, k) => {
    const v = oneArg('reversed', a, k);
    if (
      v instanceof PyDict ||
      v instanceof PyView ||
      v instanceof RangeObj ||
      Array.isArray(v) ||
      v instanceof PyTuple ||
      typeof v === 'string'
    ) {
      const items = toList(v).reverse();
      const kind = Array.isArray(v)
        ? 'list_reverseiterator'
        : v instanceof RangeObj
          ? 'range_iterator'
          : v instanceof PyDict
            ? 'dict_reversekeyiterator'
            : 'reversed';
      return new IteratorObj(kind, items);
    }
    throw new PyTypeError(`'${tpName(v)}' object is not reversible`);
  },
};

function textArg(name: string, v: Value): string {
  if (typeof v !== 'string')
    throw new PyTypeError(`${name} must be None or a string, not ${tpName(v)}`);
  return v;
}

function attrName(v: Value): string {
  if (typeof v !== 'string')
    throw new PyTypeError("attribute name must be string, not '" + tpName(v) + "'");
  return v;
}

function radix(v: Value, base: number, prefix: string): string {
  const n = asIndex(v);
  return (n < 0n ? '-' : '') + prefix + (n < 0n ? -n : n).toString(base);
}

function classes_(spec: Value, fn: string): PyClass[] {
  if (spec instanceof PyClass) return [spec];
  if (spec instanceof PyTuple) return spec.items.flatMap((x) => classes_(x, fn));
  throw new PyTypeError(`${fn}() arg 2 must be a type, a tuple of types, or a union`);
}

function isInstance(v: Value, spec: Value): boolean {
  const cls = classOf(v);
  return classes_(spec, 'isinstance').some(
    (c) => cls.isSubclassOf(c) || (c.name === 'int' && cls.name === 'bool') || c.name === 'object',
  );
}

// The classes, callable as constructors.
const BUILTIN_CLASSES: Record<string, PyClass> = {};
const defineClass = (name: string, construct?: Impl) => {
  BUILTIN_CLASSES[name] = typeClass(name, construct);
};
defineClass('int', (a, k) => {
  if (a.length > 2) throw new PyTypeError(`int() takes at most 2 arguments (${a.length} given)`);
  const base = a[1] ?? k.find(([n]) => n === 'base')?.[1];
  if (!a.length) return 0n;
  return toInt(a[0] as Value, base);
});
BUILTIN_CLASSES.bool = typeClass(
  'bool',
  (a, k) => {
    const v = optional('bool', a, k);
    return v === undefined ? false : truthy(v);
  },
  [BUILTIN_CLASSES.int as PyClass],
);
defineClass('float', (a, k) => {
  const v = optional('float', a, k);
  return v === undefined ? 0 : toFloat(v);
});
defineClass('str', (a, k) => {
  if (k.length || a.length > 1) {
    const [v, encoding] = a;
    if (v instanceof PyBytes && (encoding !== undefined || k.length)) return decodeUtf8(v.data);
    throw new PyTypeError(`str() takes at most 3 arguments (${a.length} given)`);
  }
  return a.length ? str(a[0] as Value) : '';
});
defineClass('list', (a, k) => {
  const v = optional('list', a, k);
  return v === undefined ? [] : toList(v);
});
defineClass('tuple', (a, k) => {
  const v = optional('tuple', a, k);
  return new PyTuple(v === undefined ? [] : toList(v));
});
defineClass('dict', (a, k) => {
  if (a.length > 1) throw new PyTypeError(`dict expected at most 1 argument, got ${a.length}`);
  const out = new PyDict();
  if (a.length) {
    const src = a[0] as Value;
    if (src instanceof PyObj && !(src instanceof IteratorObj)) dictUpdate(out, toList(src));
    else dictUpdate(out, src instanceof IteratorObj ? toList(src) : src);
  }
  for (const [name, v] of k) out.set(name, v);
  return out;
});
defineClass('set', (a, k) => {
  const v = optional('set', a, k);
  return new PySet(v === undefined ? [] : toList(v));
});
defineClass('bytes', (a, k) => {
  noKw('bytes', k);
  const [v, encoding] = a;
  if (v === undefined) return new PyBytes(new Uint8Array());
  if (typeof v === 'string') {
    if (encoding === undefined) throw new PyTypeError('string argument without an encoding');
    return new PyBytes(new TextEncoder().encode(v));
  }
  const n = asInt(v);
  if (n !== undefined) {
    if (n < 0n) throw new PyValueError('negative count');
    if (n > 50_000_000n) throw new ConsoleUnsupported('tooMuchWork');
    return new PyBytes(new Uint8Array(Number(n)));
  }
  return new PyBytes(
    Uint8Array.from(toList(v), (x) => {
      const b = asIndex(x);
      if (b < 0n || b > 255n) throw new PyValueError('bytes must be in range(0, 256)');
      return Number(b);
    }),
  );
});
defineClass('range', (a, k) => {
  noKw('range', k);
  if (!a.length) throw new PyTypeError('range expected at least 1 argument, got 0');
  if (a.length > 3) throw new PyTypeError(`range expected at most 3 arguments, got ${a.length}`);
  const n = a.map((x) => asIndex(x));
  const [start, stop, step] =
    n.length === 1 ? [0n, n[0] as bigint, 1n] : [n[0] as bigint, n[1] as bigint, n[2] ?? 1n];
  if (step === 0n) throw new PyValueError('range() arg 3 must not be zero');
  return new RangeObj(start, stop, step);
});
defineClass('slice', (a, k) => {
  noKw('slice', k);
  if (!a.length) throw new PyTypeError('slice expected at least 1 argument, got 0');
  if (a.length === 1) return new SliceValue(null, a[0] as Value, null);
  return new SliceValue(a[0] as Value, a[1] as Value, a[2] ?? null);
});
defineClass('type', (a, k) => {
  if (a.length === 1 && !k.length) return classOf(a[0] as Value);
  if (a.length !== 3) throw new PyTypeError('type() takes 1 or 3 arguments');
  throw new ConsoleUnsupported('builtin', { name: 'type(name, bases, dict)' });
});
defineClass('object', (a, k) => {
  if (a.length || k.length) throw new PyTypeError('object() takes no arguments');
  return new (class extends PyObj {
    readonly pyType = 'object';
  })();
});
defineClass('NoneType');
for (const name of [
  'frozenset',
  'complex',
  'bytearray',
  'memoryview',
  'property',
  'classmethod',
  'staticmethod',
  'super',
])
  defineClass(name, () => {
    throw new ConsoleUnsupported('builtin', { name });
  });

/** `help`, `exit`, `quit`: objects whose repr is their usage. */
const SPECIAL: Record<string, () => Value> = {
  help: () =>
    new Repr(
      '_Helper',
      'Type help() for interactive help, or help(object) for help about object.',
      () => {
        throw new ConsoleUnsupported('terminal', { name: 'help' });
      },
    ),
  exit: () => new Repr('Quitter', 'Use exit() or Ctrl-D (i.e. EOF) to exit', exitCall),
  quit: () => new Repr('Quitter', 'Use quit() or Ctrl-D (i.e. EOF) to exit', exitCall),
  Ellipsis: () => ELLIPSIS,
  NotImplemented: () => NOT_IMPLEMENTED,
  __debug__: () => true,
  __name__: () => 'builtins',
  __package__: () => '',
};

const builtinCache = new Map<string, Value>();

/** The builtin of that name, or undefined (then: NameError). */
export function builtin(name: string): Value | undefined {
  if (!BUILTIN_NAMES.includes(name) || ['True', 'False', 'None'].includes(name)) return undefined;
  const cached = builtinCache.get(name);
  if (cached !== undefined) return cached;
  let value: Value;
  if (Object.hasOwn(BUILTIN_CLASSES, name)) value = BUILTIN_CLASSES[name] as PyClass;
  else if (Object.hasOwn(SPECIAL, name)) value = (SPECIAL[name] as () => Value)();
  else if (isExceptionName(name))
    value = exceptionClass(name === 'EnvironmentError' || name === 'IOError' ? 'OSError' : name);
  else {
    const impl =
      FUNCTIONS[name] ??
      (() => {
        throw new ConsoleUnsupported(
          name === 'input' || name === 'breakpoint' ? 'terminal' : 'builtin',
          { name },
        );
      });
    value = new BuiltinFunction(name, (a, k) => {
      tick();
      return impl(a, k);
    });
  }
  builtinCache.set(name, value);
  return value;
}

/** `raise X` / `raise X(...)`: the exception to throw. */
export function exceptionToRaise(v: Value): PyException {
  if (v instanceof ExceptionObj) return v.toException();
  if (v instanceof PyClass && v.isSubclassOf(exceptionClass('BaseException')))
    return new ExceptionObj(v, []).toException();
  return new PyTypeError('exceptions must derive from BaseException');
}

/** `unaryOp` re-exported so that builtins' users need one import. */
export { unaryOp, intRepr, TzObj };
