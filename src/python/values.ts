/**
 * Python values as the session machinery sees them. Django sessions hold whatever Python put in
 * them, and the difference between `1` and `1.0`, a list and a tuple, or `{1: 'a'}` and
 * `{'1': 'a'}` shows up in the stored JSON. So ints are `bigint`, floats are `number`, lists are
 * arrays, and dicts keep Python's insertion order and key equality (`1 == 1.0 == True`).
 */
import { PyKeyError, PyTypeError, PyValueError } from './errors';
import type { PyDateTime, PyTimeDelta } from './datetime';

export type PyValue =
  | null
  | boolean
  | bigint
  | number
  | string
  | PyValue[]
  | PyTuple
  | PyDict
  | PyDateTime
  | PyTimeDelta
  | PyView;

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

/** Runtime type tags shared by the classes that live in other modules. */
export interface PyObjectLike {
  readonly pyType: string;
}

export function isPyObject(value: unknown): value is PyObjectLike {
  return typeof value === 'object' && value !== null && 'pyType' in value;
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
  return (value as PyObjectLike).pyType;
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
  if (value instanceof PyDict) return value.size > 0;
  if (typeName(value) === 'timedelta') return !(value as PyTimeDelta).isZero();
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
  const name = typeName(key);
  if (name === 'datetime' || name === 'timedelta') return `${name}${String(key)}`;
  throw new PyTypeError(`unhashable type: '${name}'`);
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
 * A deep copy that keeps every Python type, as pickling through a cache does (the cache backends
 * store copies, so changing a session after saving it never changes the stored value).
 */
export function deepCopy<T extends PyValue>(value: T): T {
  if (Array.isArray(value)) return value.map(deepCopy) as T;
  if (value instanceof PyTuple) return new PyTuple(value.items.map(deepCopy)) as T;
  if (value instanceof PyDict) {
    return new PyDict(value.entries().map(([k, v]) => [deepCopy(k), deepCopy(v)])) as T;
  }
  return value; // immutable: None, bool, int, float, str, datetime, timedelta, views
}

/** `d.update(arg)`: another dict, or an iterable of key/value pairs, as Python accepts. */
export function dictUpdate(target: PyDict, arg: PyValue): void {
  if (arg instanceof PyDict) {
    for (const [k, v] of arg.entries()) target.set(k, v);
    return;
  }
  const items = Array.isArray(arg)
    ? arg
    : arg instanceof PyTuple || arg instanceof PyView
      ? arg.items
      : undefined;
  if (items === undefined) {
    if (typeof arg === 'string')
      throw new PyTypeError('cannot convert dictionary update sequence element #0 to a sequence');
    throw new PyTypeError(`'${typeName(arg)}' object is not iterable`);
  }
  items.forEach((item, i) => {
    const pair = Array.isArray(item) ? item : item instanceof PyTuple ? item.items : undefined;
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
