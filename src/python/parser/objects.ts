/**
 * The objects a console line works with besides plain data: anything that answers attribute
 * access, calls, subscripts, `in` and iteration the way the Python object it stands for does,
 * with Python's error messages. Plain data (src/python's PyValue) and these objects are one
 * `Value` type: a session can be handed either.
 */
import { PyDateTime, PyTimeDelta } from '../datetime';
import { PyAttributeError, PyTypeError } from '../errors';
import { repr as reprData } from '../repr';
import { PyObject, truthy as truthyData, typeName, type PyValue } from '../values';

export type Value = PyValue;
/** Keyword arguments in call order. */
export type Kwargs = [string, Value][];

/**
 * A stand-in for the addresses in reprs such as `<... object at 0x7f5e2c3b1d50>`: CPython's
 * differ in every process, so no transcript can hold them.
 */
export const ADDRESS = '0x7f5e2c3b1d50';

export abstract class PyObj extends PyObject {
  /** What `dir()` lists; undefined when this console does not know. */
  attributeNames(): readonly string[] | undefined {
    return undefined;
  }

  repr(): string {
    return `<${this.tpName} object at ${ADDRESS}>`;
  }

  /** The AttributeError for a missing attribute. */
  protected noAttribute(name: string): PyAttributeError {
    return new PyAttributeError(`'${this.pyType}' object has no attribute '${name}'`);
  }

  getattr(name: string): Value {
    throw this.noAttribute(name);
  }
  setattr(name: string, _value: Value): void {
    throw this.noAttribute(name);
  }
  delattr(name: string): void {
    throw this.noAttribute(name);
  }
  call(_args: Value[], _kwargs: Kwargs): Value {
    throw new PyTypeError(`'${this.pyType}' object is not callable`);
  }
  getitem(_key: Value): Value {
    throw new PyTypeError(`'${this.pyType}' object is not subscriptable`);
  }
  setitem(_key: Value, _value: Value): void {
    throw new PyTypeError(`'${this.pyType}' object does not support item assignment`);
  }
  delitem(_key: Value): void {
    throw new PyTypeError(`'${this.pyType}' object doesn't support item deletion`);
  }
  /** `item in self`; by default through iteration, as Python falls back to it. */
  contains(item: Value): boolean {
    for (const x of this.iter()) if (x === item || equalValues(x, item)) return true;
    return false;
  }
  /** `iter(self)` */
  iter(): Iterable<Value> {
    throw new PyTypeError(`'${this.pyType}' object is not iterable`);
  }
  len(): bigint {
    throw new PyTypeError(`object of type '${this.pyType}' has no len()`);
  }
}

/** Set by protocol.ts: equality as `==` decides it (objects may define their own). */
let equalValues: (a: Value, b: Value) => boolean = (a, b) => a === b;
export function setEquality(fn: (a: Value, b: Value) => boolean): void {
  equalValues = fn;
}

/** `tp_name` of any value, as C-level messages print it ('datetime.datetime'). */
export function tpName(v: Value): string {
  if (v instanceof PyObject) return v.tpName;
  if (v instanceof PyDateTime || v instanceof PyTimeDelta) return `datetime.${v.pyType}`;
  return typeName(v);
}

export function reprValue(v: Value): string {
  return reprData(v);
}

export function truthy(v: Value): boolean {
  return truthyData(v);
}

/** `Ellipsis` and `NotImplemented`: singletons, hashable, printed by name. */
class Singleton extends PyObj {
  constructor(
    readonly pyType: string,
    private readonly text: string,
  ) {
    super();
  }
  override repr(): string {
    return this.text;
  }
}
export const ELLIPSIS = new Singleton('ellipsis', 'Ellipsis');
export const NOT_IMPLEMENTED = new Singleton('NotImplementedType', 'NotImplemented');

/** A builtin function, or a method implemented in TypeScript. */
export class BuiltinFunction extends PyObj {
  constructor(
    readonly name: string,
    private readonly impl: (args: Value[], kwargs: Kwargs) => Value,
    private readonly reprText = `<built-in function ${name}>`,
    readonly pyType = 'builtin_function_or_method',
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

/**
 * A class as a value: `<class 'int'>`. Calling it constructs; its attributes are what the
 * class offers (`datetime.now`, `timedelta.max`).
 */
export class PyClass extends PyObj {
  readonly pyType = 'type';
  constructor(
    /** `__name__` */
    readonly name: string,
    /** `__module__.__qualname__` as the repr shows it ('datetime.timedelta'). */
    readonly qualified: string,
    private readonly construct?: (args: Value[], kwargs: Kwargs) => Value,
    private readonly members: Record<string, () => Value> = {},
    private readonly dir?: readonly string[],
    /** The base classes, for `isinstance`. */
    readonly bases: readonly PyClass[] = [],
  ) {
    super();
  }
  override repr(): string {
    return `<class '${this.qualified}'>`;
  }
  override attributeNames(): readonly string[] | undefined {
    return this.dir;
  }
  override getattr(name: string): Value {
    if (name === '__name__' || name === '__qualname__') return this.name;
    const member = Object.hasOwn(this.members, name) ? this.members[name] : undefined;
    if (member) return member();
    throw new PyAttributeError(`type object '${this.qualified}' has no attribute '${name}'`);
  }
  override call(args: Value[], kwargs: Kwargs): Value {
    if (!this.construct) throw new PyTypeError(`cannot create '${this.qualified}' instances`);
    return this.construct(args, kwargs);
  }
  /** `issubclass(self, other)` */
  isSubclassOf(other: PyClass): boolean {
    return this === other || this.bases.some((b) => b.isSubclassOf(other));
  }
}

/** A module as a value: `<module 'datetime' from '...'>`. */
export class PyModule extends PyObj {
  readonly pyType = 'module';
  constructor(
    readonly name: string,
    private readonly text: string,
    private readonly members: Record<string, () => Value>,
    private readonly dir: readonly string[],
    /** `__file__`, as ImportError messages print it. */
    readonly file = '',
  ) {
    super();
  }
  override repr(): string {
    return this.text;
  }
  override attributeNames(): readonly string[] {
    return this.dir;
  }
  /** A name `from module import name` finds (or refuses as not offered here). */
  exports(name: string): boolean {
    return this.has(name) || this.dir.includes(name);
  }
  has(name: string): boolean {
    return Object.hasOwn(this.members, name);
  }
  override getattr(name: string): Value {
    const member = Object.hasOwn(this.members, name) ? this.members[name] : undefined;
    if (member) return member();
    throw new PyAttributeError(`module '${this.name}' has no attribute '${name}'`);
  }
}
