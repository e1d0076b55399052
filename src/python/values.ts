/**
 * Python values as the session machinery sees them. Django sessions hold whatever Python put in
 * them, and the difference between `1` and `1.0`, a list and a tuple, or `{1: 'a'}` and
 * `{'1': 'a'}` shows up in the stored JSON. So ints are `bigint`, floats are `number`, lists are
 * arrays, and dicts keep Python's insertion order and key equality (`1 == 1.0 == True`).
 */
import { PyKeyError, PyTypeError, PyValueError } from './errors';
import { PyDateTime, PyTimeDelta } from './datetime';
import { SetTable, hashFloat, hashInt, hashText, hashTuple } from './hash';

export type PyValue =
  | null
  | boolean
  | bigint
  | number
  | string
  | PyValue[]
  | PyTuple
  | PyDict
  | PySet
  | PyBytes
  | PyDateTime
  | PyTimeDelta
  | PyView
  | PyObject;

let nextId = 1;
const ids = new WeakMap<object, number>();
/** `id(obj)`: a number unique to the object for its lifetime. */
export function objectId(obj: object): number {
  let id = ids.get(obj);
  if (id === undefined) ids.set(obj, (id = nextId++));
  return id;
}

/**
 * Any other Python object a session may be handed (the request, a module, a function,
 * Ellipsis...): it has a type and a repr, compares and hashes by identity unless it says
 * otherwise, and JSON cannot store it.
 */
export abstract class PyObject {
  /** `type(obj).__name__` ('WSGIRequest', 'ellipsis'). */
  abstract readonly pyType: string;
  /** The type's `tp_name`, as C-level messages print it ('datetime.datetime', 'ellipsis'). */
  get tpName(): string {
    return this.pyType;
  }
  /** False for mutable objects, which `hash()` refuses. */
  get hashable(): boolean {
    return true;
  }
  abstract repr(): string;
  /** `bool(obj)` */
  truthy(): boolean {
    return true;
  }
  /** `obj == other`: identity, unless the type defines equality. */
  equals(other: unknown): boolean {
    return other === this;
  }
}

/** `bytes`: immutable, hashable; JSON cannot store it. */
export class PyBytes {
  readonly pyType = 'bytes';
  constructor(readonly data: Uint8Array) {}
  static latin1(text: string): PyBytes {
    return new PyBytes(Uint8Array.from(text, (c) => c.charCodeAt(0)));
  }
  get text(): string {
    return String.fromCharCode(...this.data);
  }
  equals(other: unknown): boolean {
    return other instanceof PyBytes && other.text === this.text;
  }
  repr(): string {
    const t = this.text;
    const quote = t.includes("'") && !t.includes('"') ? '"' : "'";
    let out = 'b' + quote;
    for (const b of this.data) {
      const ch = String.fromCharCode(b);
      if (ch === quote || ch === '\\') out += '\\' + ch;
      else if (ch === '\t') out += '\\t';
      else if (ch === '\n') out += '\\n';
      else if (ch === '\r') out += '\\r';
      else if (b < 0x20 || b >= 0x7f) out += '\\x' + b.toString(16).padStart(2, '0');
      else out += ch;
    }
    return out + quote;
  }
}

export class PyTuple {
  constructor(readonly items: readonly PyValue[]) {}
}

/** The views `keys()`, `values()` and `items()` return; a console prints them as Python does. */
export class PyView {
  constructor(
    readonly kind: 'dict_keys' | 'dict_values' | 'dict_items',
    readonly items: readonly PyValue[],
  ) {}
}

/** `type(value).__name__` */
export function typeName(value: PyValue): string {
  if (value === null) return 'NoneType';
  switch (typeof value) {
    case 'boolean':
      return 'bool';
    case 'bigint':
      return 'int';
    case 'number':
      return 'float';
    case 'string':
      return 'str';
  }
  if (Array.isArray(value)) return 'list';
  if (value instanceof PyTuple) return 'tuple';
  if (value instanceof PyDict) return 'dict';
  if (value instanceof PyView) return value.kind;
  return value.pyType;
}

/** Python's `bool(value)`. */
export function truthy(value: PyValue): boolean {
  if (value === null) return false;
  switch (typeof value) {
    case 'boolean':
      return value;
    case 'bigint':
      return value !== 0n;
    case 'number':
      return value !== 0;
    case 'string':
      return value.length > 0;
  }
  if (Array.isArray(value)) return value.length > 0;
  if (value instanceof PyTuple || value instanceof PyView) return value.items.length > 0;
  if (value instanceof PyDict || value instanceof PySet) return value.size > 0;
  if (value instanceof PyBytes) return value.data.length > 0;
  if (value instanceof PyTimeDelta) return !value.isZero();
  if (value instanceof PyObject) return value.truthy();
  return true;
}

/** An int or a bool (a bool *is* an int in Python) as a bigint, or undefined. */
export function asInt(value: PyValue): bigint | undefined {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'boolean') return value ? 1n : 0n;
  return undefined;
}

/** A Python number (bool, int or float) as a JS number, or undefined. */
export function asNumber(value: PyValue): number | undefined {
  if (typeof value === 'number') return value;
  const n = asInt(value);
  return n === undefined ? undefined : Number(n);
}

/** Python's `a == b`. */
export function pyEquals(a: PyValue, b: PyValue): boolean {
  const an = asNumber(a);
  const bn = asNumber(b);
  if (an !== undefined || bn !== undefined) {
    if (an === undefined || bn === undefined) return false;
    const ai = asInt(a);
    const bi = asInt(b);
    if (ai !== undefined && bi !== undefined) return ai === bi;
    return an === bn;
  }
  if (a === null || b === null) return a === b;
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && sequenceEquals(a, b);
  }
  if (a instanceof PyTuple || b instanceof PyTuple) {
    return a instanceof PyTuple && b instanceof PyTuple && sequenceEquals(a.items, b.items);
  }
  if (a instanceof PyDict || b instanceof PyDict) {
    if (!(a instanceof PyDict && b instanceof PyDict) || a.size !== b.size) return false;
    for (const [k, v] of a.entries()) {
      if (!b.has(k) || !pyEquals(v, b.get(k) as PyValue)) return false;
    }
    return true;
  }
  if (a instanceof PySet || b instanceof PySet) {
    return (
      a instanceof PySet &&
      b instanceof PySet &&
      a.size === b.size &&
      a.items().every((x) => b.has(x))
    );
  }
  if (a instanceof PyObject) return a.equals(b);
  if (b instanceof PyObject) return b.equals(a);
  if (typeName(a) !== typeName(b)) return false;
  return (a as { equals(o: unknown): boolean }).equals(b);
}

function sequenceEquals(a: readonly PyValue[], b: readonly PyValue[]): boolean {
  return a.length === b.length && a.every((x, i) => pyEquals(x, b[i] as PyValue));
}

/** A string that is equal for keys Python treats as the same dict key, or a TypeError. */
export function hashKey(key: PyValue): string {
  if (key === null) return 'None';
  switch (typeof key) {
    case 'boolean':
      return key ? 'i1' : 'i0';
    case 'bigint':
      return `i${key}`;
    case 'number':
      return Number.isInteger(key) ? `i${BigInt(key)}` : `f${key}`;
    case 'string':
      return `s${key}`;
  }
  if (key instanceof PyTuple) return `t(${key.items.map(hashKey).join(',')})`;
  if (key instanceof PyBytes) return `b${key.text}`;
  if (key instanceof PyDateTime) return `datetime${key.epochMicroseconds}${key.aware}`;
  if (key instanceof PyTimeDelta) return `timedelta${key.totalMicroseconds}`;
  if (key instanceof PyObject && key.hashable) return `o${objectId(key)}`;
  throw new PyTypeError(`unhashable type: '${typeName(key)}'`);
}

/** `hash(value)` where CPython's is the same in every process; a stable stand-in elsewhere. */
export function pyHash(value: PyValue): bigint {
  if (typeof value === 'boolean') return value ? 1n : 0n;
  if (typeof value === 'bigint') return hashInt(value);
  if (typeof value === 'number') return hashFloat(value);
  if (value instanceof PyTuple) return hashTuple(value.items.map(pyHash));
  return hashText(hashKey(value));
}

/** A Python dict: insertion-ordered, keys compared the way Python compares them. */
export class PyDict {
  private readonly map = new Map<string, [PyValue, PyValue]>();

  constructor(entries: Iterable<readonly [PyValue, PyValue]> = []) {
    for (const [k, v] of entries) this.set(k, v);
  }

  /** A dict with string keys, the common case. */
  static of(record: Record<string, PyValue>): PyDict {
    return new PyDict(Object.entries(record));
  }

  get size(): number {
    return this.map.size;
  }
  has(key: PyValue): boolean {
    return this.map.has(hashKey(key));
  }
  /** `d.get(key)`: undefined when missing (so that a stored None is told apart). */
  get(key: PyValue): PyValue | undefined {
    return this.map.get(hashKey(key))?.[1];
  }
  /** `d[key]`, raising KeyError as Python does. */
  getItem(key: PyValue, repr: (v: PyValue) => string): PyValue {
    const entry = this.map.get(hashKey(key));
    if (!entry) throw new PyKeyError(repr(key));
    return entry[1];
  }
  /** `d[key] = value`: an existing key keeps its original key object and position. */
  set(key: PyValue, value: PyValue): void {
    const h = hashKey(key);
    const existing = this.map.get(h);
    if (existing) existing[1] = value;
    else this.map.set(h, [key, value]);
  }
  delete(key: PyValue): boolean {
    return this.map.delete(hashKey(key));
  }
  clear(): void {
    this.map.clear();
  }
  keys(): PyValue[] {
    return [...this.map.values()].map(([k]) => k);
  }
  values(): PyValue[] {
    return [...this.map.values()].map(([, v]) => v);
  }
  entries(): [PyValue, PyValue][] {
    return [...this.map.values()].map(([k, v]) => [k, v]);
  }
}

/**
 * A Python set: members compared as dict keys are, iterated in the order of CPython's hash
 * table (so a set of numbers prints as Python prints it).
 */
export class PySet {
  readonly pyType = 'set';
  private readonly members = new Map<string, PyValue>();
  private readonly table = new SetTable<PyValue>();

  constructor(items: Iterable<PyValue> = []) {
    for (const item of items) this.add(item);
  }
  get size(): number {
    return this.members.size;
  }
  has(item: PyValue): boolean {
    return this.members.has(hashKey(item));
  }
  add(item: PyValue): void {
    const h = hashKey(item);
    if (this.members.has(h)) return;
    this.members.set(h, item);
    this.table.add(pyHash(item), item);
  }
  /** Removes the item; false when it was not there. */
  delete(item: PyValue): boolean {
    const h = hashKey(item);
    const member = this.members.get(h);
    if (member === undefined && !this.members.has(h)) return false;
    this.members.delete(h);
    this.table.delete(member as PyValue);
    return true;
  }
  clear(): void {
    this.members.clear();
    this.table.clear();
  }
  items(): PyValue[] {
    return this.table.items();
  }
}

/**
 * A deep copy that keeps every Python type, as pickling through a cache does (the cache backends
 * store copies, so changing a session after saving it never changes the stored value).
 */
export function deepCopy<T extends PyValue>(value: T): T {
  if (Array.isArray(value)) return value.map(deepCopy) as T;
  if (value instanceof PyTuple) return new PyTuple(value.items.map(deepCopy)) as T;
  if (value instanceof PyDict) {
    return new PyDict(value.entries().map(([k, v]) => [deepCopy(k), deepCopy(v)])) as T;
  }
  if (value instanceof PySet) return new PySet(value.items().map(deepCopy)) as T;
  // Immutable (None, bool, int, float, str, bytes, datetime, timedelta, views), or an object
  // that stays itself.
  return value;
}

/** The items `for x in value` gives for the built-in iterables, or undefined. */
export function iterItems(value: PyValue): PyValue[] | undefined {
  if (typeof value === 'string') return [...value];
  if (Array.isArray(value)) return [...value];
  if (value instanceof PyTuple || value instanceof PyView) return [...value.items];
  if (value instanceof PyDict) return value.keys();
  if (value instanceof PySet) return value.items();
  if (value instanceof PyBytes) return [...value.data].map((b) => BigInt(b));
  return undefined;
}

/** `d.update(arg)`: another dict, or an iterable of key/value pairs, as Python accepts. */
export function dictUpdate(target: PyDict, arg: PyValue): void {
  if (arg instanceof PyDict) {
    for (const [k, v] of arg.entries()) target.set(k, v);
    return;
  }
  const items = iterItems(arg);
  if (items === undefined) throw new PyTypeError(`'${typeName(arg)}' object is not iterable`);
  items.forEach((item, i) => {
    const pair = iterItems(item);
    if (pair === undefined) {
      throw new PyTypeError(
        `cannot convert dictionary update sequence element #${i} to a sequence`,
      );
    }
    if (pair.length !== 2) {
      throw new PyValueError(
        `dictionary update sequence element #${i} has length ${pair.length}; 2 is required`,
      );
    }
    target.set(pair[0] as PyValue, pair[1] as PyValue);
  });
}
