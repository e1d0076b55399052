/**
 * Values the console's evaluator works with: the plain data of src/python (`PyValue`) plus
 * objects (`PyObj`) that answer attribute access, calls, subscripts and `in` the way the Python
 * objects they stand for do, with Python's error messages.
 */
import { PyAttributeError, PyTypeError } from '../errors';
import { repr as reprData } from '../repr';
import { truthy as truthyData, typeName, type PyValue } from '../values';
import { withSuggestion } from './suggest';

export type Value = PyValue | PyObj;
/** Keyword arguments in call order. */
export type Kwargs = [string, Value][];

/** A fake but stable-looking address for reprs such as `<... object at 0x7f5e2c3b1d50>`. */
export const ADDRESS = '0x7f5e2c3b1d50';

export abstract class PyObj {
  /** The type's `tp_name`, as error messages print it ('int', 'datetime.datetime', ...). */
  abstract readonly tpName: string;

  /** What `dir()` lists, for "Did you mean" hints; undefined when unknown. */
  attributeNames(): readonly string[] | undefined {
    return undefined;
  }

  repr(): string {
    return `<${this.tpName} object at ${ADDRESS}>`;
  }

  /** The AttributeError for a missing attribute, with Python's hint. */
  protected noAttribute(name: string): PyAttributeError {
    const message = `'${this.tpName}' object has no attribute '${name}'`;
    return new PyAttributeError(withSuggestion(message, name, this.attributeNames()));
  }

  /** Called before an operator or a builtin uses this object: a pending server result refuses. */
  use(): void {}

  getattr(name: string): Value {
    throw this.noAttribute(name);
  }
  setattr(name: string, _value: Value): Value | undefined {
    throw this.noAttribute(name);
  }
  delattr(name: string): Value | undefined {
    throw this.noAttribute(name);
  }
  call(_args: Value[], _kwargs: Kwargs): Value {
    throw new PyTypeError(`'${this.tpName}' object is not callable`);
  }
  getitem(_key: Value): Value {
    throw new PyTypeError(`'${this.tpName}' object is not subscriptable`);
  }
  setitem(_key: Value, _value: Value): Value | undefined {
    throw new PyTypeError(`'${this.tpName}' object does not support item assignment`);
  }
  delitem(_key: Value): Value | undefined {
    throw new PyTypeError(`'${this.tpName}' object doesn't support item deletion`);
  }
  /** `item in self` */
  contains(_item: Value): Value {
    throw new PyTypeError(`argument of type '${this.tpName}' is not iterable`);
  }
  len(): Value {
    throw new PyTypeError(`object of type '${this.tpName}' has no len()`);
  }
  truthy(): boolean {
    return true;
  }
  /** `not self`, for objects whose truth is not known here. */
  not(): Value {
    return !this.truthy();
  }
}

/** `tp_name` of any value. */
export function tpName(v: Value): string {
  if (v instanceof PyObj) return v.tpName;
  const name = typeName(v);
  return name === 'datetime' || name === 'timedelta' ? `datetime.${name}` : name;
}

export function reprValue(v: Value): string {
  return v instanceof PyObj ? v.repr() : reprData(v);
}

export function truthy(v: Value): boolean {
  return v instanceof PyObj ? v.truthy() : truthyData(v);
}

/** Plain data (not an object standing for something of the view's). */
export function isData(v: Value): v is PyValue {
  return !(v instanceof PyObj);
}

/** `...` */
class EllipsisObj extends PyObj {
  readonly tpName = 'ellipsis';
  override repr(): string {
    return 'Ellipsis';
  }
}
export const ELLIPSIS = new EllipsisObj();

/**
 * A list, tuple, dict or set display that holds something other than plain data (or any set):
 * it can be printed, but never sent.
 */
export class Display extends PyObj {
  constructor(
    readonly tpName: 'list' | 'tuple' | 'dict' | 'set',
    readonly items: Value[],
    /** For dicts: the values, parallel to `items` (the keys). */
    readonly values: Value[] = [],
  ) {
    super();
  }
  override repr(): string {
    const r = this.items.map(reprValue);
    switch (this.tpName) {
      case 'list':
        return `[${r.join(', ')}]`;
      case 'tuple':
        return r.length === 1 ? `(${r[0]},)` : `(${r.join(', ')})`;
      case 'dict':
        return `{${r.map((k, i) => `${k}: ${reprValue(this.values[i] as Value)}`).join(', ')}}`;
      case 'set':
        return r.length ? `{${r.join(', ')}}` : 'set()';
    }
  }
  override len(): Value {
    return BigInt(this.items.length);
  }
  override truthy(): boolean {
    return this.items.length > 0;
  }
}

/** A builtin function or a method implemented in TypeScript. */
export class BuiltinFunction extends PyObj {
  constructor(
    readonly name: string,
    private readonly impl: (args: Value[], kwargs: Kwargs) => Value,
    readonly tpName = 'builtin_function_or_method',
    private readonly reprText = `<built-in function ${name}>`,
  ) {
    super();
  }
  override repr(): string {
    return this.reprText;
  }
  override call(args: Value[], kwargs: Kwargs): Value {
    return this.impl(args, kwargs);
  }
}
