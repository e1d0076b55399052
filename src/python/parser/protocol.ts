/**
 * Python's object protocols over every Value: attribute access, calls, subscripts (with slices),
 * `in`, iteration and `len()`, with CPython's TypeError messages. Objects (PyObj) answer for
 * themselves; the built-in types are handled here and in methods.ts.
 */
import { PyDateTime, PyTimeDelta } from '../datetime';
import { PyAttributeError, PyIndexError, PyTypeError, PyValueError } from '../errors';
import { repr as reprData } from '../repr';
import { pyLen } from '../text';
import {
  PyBytes,
  PyDict,
  PyObject,
  PySet,
  PyTuple,
  PyView,
  asInt,
  hashKey,
  iterItems,
  pyEquals,
  typeName,
} from '../values';
import { ConsoleUnsupported } from './errors';
import { builtinAttribute, builtinDir } from './methods';
import { PyObj, setEquality, tpName, type Kwargs, type Value } from './objects';

setEquality(pyEquals);

/** How many steps (items iterated, elements built) one line may take. */
const WORK_LIMIT = 5_000_000;
let work = 0;

/** Counts `n` steps of work; past the limit the line is refused rather than freezing the page. */
export function tick(n = 1): void {
  work += n;
  if (work > WORK_LIMIT) throw new ConsoleUnsupported('tooMuchWork');
}
export function resetWork(): void {
  work = 0;
}

/** `slice(start, stop, step)` as a subscript key. */
export class SliceValue extends PyObj {
  readonly pyType = 'slice';
  constructor(
    readonly start: Value,
    readonly stop: Value,
    readonly step: Value,
  ) {
    super();
  }
  override get hashable(): boolean {
    return false;
  }
  override repr(): string {
    return `slice(${[this.start, this.stop, this.step].map(reprData).join(', ')})`;
  }

  /** `slice.indices(length)`: the positions a slice of a sequence that long selects. */
  positions(length: number): number[] {
    const bound = (v: Value): bigint | null => {
      if (v === null) return null;
      const n = asInt(v);
      if (n === undefined)
        throw new PyTypeError('slice indices must be integers or None or have an __index__ method');
      return n;
    };
    const stepN = bound(this.step) ?? 1n;
    if (stepN === 0n) throw new PyValueError('slice step cannot be zero');
    const len = BigInt(length);
    const clamp = (v: bigint | null, dflt: bigint, lo: bigint, hi: bigint) => {
      if (v === null) return dflt;
      const x = v < 0n ? v + len : v;
      return x < lo ? lo : x > hi ? hi : x;
    };
    const out: number[] = [];
    if (stepN > 0n) {
      const start = clamp(bound(this.start), 0n, 0n, len);
      const stop = clamp(bound(this.stop), len, 0n, len);
      for (let i = start; i < stop; i += stepN) out.push(Number(i));
    } else {
      const start = clamp(bound(this.start), len - 1n, -1n, len - 1n);
      const stop = clamp(bound(this.stop), -1n, -1n, len - 1n);
      for (let i = start; i > stop; i += stepN) out.push(Number(i));
    }
    tick(out.length);
    return out;
  }
}

// --- attributes ---------------------------------------------------------------------------------

/** `dir(value)` as this console knows it, or undefined. */
export function dirOf(v: Value): readonly string[] | undefined {
  if (v instanceof PyObj) return v.attributeNames();
  return builtinDir(v);
}

/**
 * `value.name`. An attribute Python has but this console does not offer is refused in the
 * page's words; one Python does not have is its AttributeError.
 */
export function getattr(obj: Value, name: string): Value {
  try {
    if (obj instanceof PyObj) return obj.getattr(name);
    const found = builtinAttribute(obj, name);
    if (found !== undefined) return found;
    throw new PyAttributeError(`'${typeName(obj)}' object has no attribute '${name}'`);
  } catch (e) {
    if (e instanceof PyAttributeError && dirOf(obj)?.includes(name))
      throw new ConsoleUnsupported('attribute', { object: objectLabel(obj), name });
    throw e;
  }
}

/** How the page names an object when it explains what the console cannot do. */
function objectLabel(v: Value): string {
  if (v instanceof PyObj && 'name' in v && typeof v.name === 'string') return v.name;
  return tpName(v);
}

export function setattr(obj: Value, name: string, value: Value): void {
  if (obj instanceof PyObj) return obj.setattr(name, value);
  const builtin = typeName(obj);
  if (dirOf(obj)?.includes(name))
    throw new PyAttributeError(`'${builtin}' object attribute '${name}' is read-only`);
  throw new PyAttributeError(`'${builtin}' object has no attribute '${name}'`);
}

export function delattr(obj: Value, name: string): void {
  if (obj instanceof PyObj) return obj.delattr(name);
  setattr(obj, name, null);
}

// --- calls --------------------------------------------------------------------------------------

export function callValue(func: Value, args: Value[], kwargs: Kwargs): Value {
  if (func instanceof PyObj) return func.call(args, kwargs);
  throw new PyTypeError(`'${typeName(func)}' object is not callable`);
}

// --- subscripts ---------------------------------------------------------------------------------

function index(key: Value, len: number, what: string, message: string): number {
  const i = asInt(key);
  if (i === undefined) throw new PyTypeError(message);
  const at = i < 0n ? i + BigInt(len) : i;
  if (at < 0n || at >= BigInt(len)) throw new PyIndexError(`${what} index out of range`);
  return Number(at);
}

const indicesMessage = (kind: string, key: Value) =>
  `${kind} indices must be integers or slices, not ${typeName(key)}`;

/** `obj[key]` */
export function getitem(obj: Value, key: Value): Value {
  if (obj instanceof PyObj) return obj.getitem(key);
  if (obj instanceof PyDict) return obj.getItem(key, reprData);
  if (typeof obj === 'string') {
    const chars = [...obj];
    if (key instanceof SliceValue)
      return key
        .positions(chars.length)
        .map((i) => chars[i])
        .join('');
    const message = `string indices must be integers, not '${typeName(key)}'`;
    return chars[index(key, chars.length, 'string', message)] as string;
  }
  if (Array.isArray(obj) || obj instanceof PyTuple) {
    const items = Array.isArray(obj) ? obj : obj.items;
    const kind = Array.isArray(obj) ? 'list' : 'tuple';
    if (key instanceof SliceValue) {
      const picked = key.positions(items.length).map((i) => items[i] as Value);
      return kind === 'list' ? picked : new PyTuple(picked);
    }
    return items[index(key, items.length, kind, indicesMessage(kind, key))] as Value;
  }
  if (obj instanceof PyBytes) {
    if (key instanceof SliceValue)
      return new PyBytes(Uint8Array.from(key.positions(obj.data.length).map((i) => obj.data[i]!)));
    const message = `byte indices must be integers or slices, not ${typeName(key)}`;
    return BigInt(obj.data[index(key, obj.data.length, 'index', message)]!);
  }
  throw new PyTypeError(`'${typeName(obj)}' object is not subscriptable`);
}

/** `obj[key] = value` */
export function setitem(obj: Value, key: Value, value: Value): void {
  if (obj instanceof PyObj) return obj.setitem(key, value);
  if (obj instanceof PyDict) return obj.set(key, value);
  if (Array.isArray(obj)) {
    if (key instanceof SliceValue) {
      const items = toList(value);
      const positions = key.positions(obj.length);
      const step = key.step === null ? 1n : asInt(key.step);
      if (step === 1n) {
        const start = positions[0] ?? sliceStart(key, obj.length);
        obj.splice(start, positions.length, ...items);
        return;
      }
      if (items.length !== positions.length)
        throw new PyValueError(
          `attempt to assign sequence of size ${items.length} to extended slice of size ${positions.length}`,
        );
      positions.forEach((p, i) => (obj[p] = items[i] as Value));
      return;
    }
    obj[index(key, obj.length, 'list assignment', indicesMessage('list', key))] = value;
    return;
  }
  throw new PyTypeError(`'${typeName(obj)}' object does not support item assignment`);
}

/** Where an empty step-1 slice of a list starts, for `l[5:2] = [...]` (inserts there). */
function sliceStart(key: SliceValue, len: number): number {
  const start = key.start === null ? 0n : (asInt(key.start) ?? 0n);
  const at = start < 0n ? start + BigInt(len) : start;
  return Number(at < 0n ? 0n : at > BigInt(len) ? BigInt(len) : at);
}

/** `del obj[key]` */
export function delitem(obj: Value, key: Value): void {
  if (obj instanceof PyObj) return obj.delitem(key);
  if (obj instanceof PyDict) {
    if (!obj.delete(key)) obj.getItem(key, reprData);
    return;
  }
  if (Array.isArray(obj)) {
    if (key instanceof SliceValue) {
      const gone = new Set(key.positions(obj.length));
      const kept = obj.filter((_, i) => !gone.has(i));
      obj.splice(0, obj.length, ...kept);
      return;
    }
    obj.splice(index(key, obj.length, 'list assignment', indicesMessage('list', key)), 1);
    return;
  }
  throw new PyTypeError(`'${typeName(obj)}' object doesn't support item deletion`);
}

// --- containment, iteration, length -------------------------------------------------------------

/** `item in container` */
export function contains(container: Value, item: Value): boolean {
  if (container instanceof PyObj) return container.contains(item);
  if (typeof container === 'string') {
    if (typeof item !== 'string')
      throw new PyTypeError(`'in <string>' requires string as left operand, not ${typeName(item)}`);
    return container.includes(item);
  }
  if (container instanceof PyDict || container instanceof PySet) {
    hashKey(item);
    return container.has(item);
  }
  if (container instanceof PyView && container.kind === 'dict_keys') {
    hashKey(item);
    return container.items.some((x) => pyEquals(x, item));
  }
  if (container instanceof PyBytes) {
    const n = asInt(item);
    if (n !== undefined) {
      if (n < 0n || n > 255n) throw new PyValueError('byte must be in range(0, 256)');
      return container.data.includes(Number(n));
    }
    if (item instanceof PyBytes) return container.text.includes(item.text);
    throw new PyTypeError(`a bytes-like object is required, not '${typeName(item)}'`);
  }
  const items = iterItems(container);
  if (items === undefined)
    throw new PyTypeError(`argument of type '${typeName(container)}' is not iterable`);
  return items.some((x) => x === item || pyEquals(x, item));
}

/** `iter(value)`: lazily for objects that produce their items (generators, ranges). */
export function iterate(v: Value): Iterable<Value> {
  if (v instanceof PyObj) return v.iter();
  const items = iterItems(v);
  if (items === undefined) throw new PyTypeError(`'${typeName(v)}' object is not iterable`);
  return items;
}

/** `list(value)`, counting the work. */
export function toList(v: Value): Value[] {
  const out: Value[] = [];
  for (const x of iterate(v)) {
    tick();
    out.push(x);
  }
  return out;
}

/** `len(value)` */
export function len(v: Value): bigint {
  if (v instanceof PyObj) return v.len();
  if (typeof v === 'string') return BigInt(pyLen(v));
  if (Array.isArray(v)) return BigInt(v.length);
  if (v instanceof PyTuple || v instanceof PyView) return BigInt(v.items.length);
  if (v instanceof PyDict || v instanceof PySet) return BigInt(v.size);
  if (v instanceof PyBytes) return BigInt(v.data.length);
  throw new PyTypeError(`object of type '${typeName(v)}' has no len()`);
}

/** The value as a Python int for `int`-taking C functions, with their message. */
export function asIndex(v: Value): bigint {
  const n = asInt(v);
  if (n === undefined)
    throw new PyTypeError(`'${typeName(v)}' object cannot be interpreted as an integer`);
  return n;
}

/** True for values that stand for a time: used by operators and builtins. */
export function isTime(v: Value): v is PyDateTime | PyTimeDelta {
  return v instanceof PyDateTime || v instanceof PyTimeDelta;
}

/** Re-exported for modules that only need the base class check. */
export { PyObject };
