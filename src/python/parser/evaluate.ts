/**
 * Runs parsed statements the way CPython would, in CPython's order of evaluation: a line's
 * names live in its module globals (a view's `request`, `timezone`, ... plus what the line
 * assigns), comprehensions have their own scope, and what Python could do but this console
 * cannot (lambdas, compound statements, most imports) raises ConsoleUnsupported.
 */
import { PyDict, PySet, PyTuple, PyBytes, hashKey } from '../values';
import { PyRuntimeError, PyTypeError, PyValueError } from '../errors';
import { repr, str } from '../repr';
import type { Comprehension, Expr, Keyword, Stmt } from './ast';
import { GeneratorObj, builtin, exceptionToRaise, setScopeNames } from './builtins';
import { ConsoleUnsupported, PyAssertionError, PyImportError, PyNameError } from './errors';
import { formatValue } from './format';
import { setCaller } from './methods';
import { ELLIPSIS, PyModule, PyObj, tpName, truthy, type Kwargs, type Value } from './objects';
import { binaryOp, compare, inplaceOp, not, unaryOp } from './operators';
import {
  SliceValue,
  callValue,
  delattr,
  delitem,
  getattr,
  getitem,
  iterate,
  setattr,
  setitem,
  tick,
  toList,
} from './protocol';
import type { FPiece } from './fstrings';

/** The modules `import` may bring in, by dotted name. */
export type Modules = Record<string, PyModule>;

/** A line's names: the module's globals, and a comprehension's own names inside it. */
export class Scope {
  constructor(
    readonly globals: Map<string, Value>,
    readonly modules: Modules = {},
    private readonly locals: Map<string, Value> | null = null,
    private readonly parent: Scope | null = null,
  ) {}

  child(): Scope {
    return new Scope(this.globals, this.modules, new Map(), this);
  }

  lookup(name: string): Value {
    for (const s of this.chain()) if (s.locals?.has(name)) return s.locals.get(name) as Value;
    if (this.globals.has(name)) return this.globals.get(name) as Value;
    const b = builtin(name);
    if (b !== undefined) return b;
    throw new PyNameError(`name '${name}' is not defined`);
  }

  store(name: string, value: Value): void {
    (this.locals ?? this.globals).set(name, value);
  }

  /** `:=` binds in the scope that contains the comprehension. */
  storeOuter(name: string, value: Value): void {
    this.globals.set(name, value);
  }

  /** This scope and the ones that contain it, innermost first. */
  private *chain(): Generator<Scope> {
    for (let s: Scope | null = this as Scope; s; s = s.parent) yield s;
  }

  delete(name: string): void {
    const table = this.locals ?? this.globals;
    if (!table.delete(name)) throw new PyNameError(`name '${name}' is not defined`);
  }

  names(): string[] {
    return [...(this.locals ?? this.globals).keys()];
  }
}

/** How error messages name a callable: `len()`, `SessionBase.get()`. */
function callLabel(func: Value): string {
  if (func instanceof PyObj && 'name' in func && typeof func.name === 'string') {
    const q = (func as PyObj & { qualname?: string }).qualname;
    return `${q ?? func.name}()`;
  }
  return `${tpName(func)} object`;
}

export function evaluate(e: Expr, scope: Scope): Value {
  switch (e.kind) {
    case 'Constant':
      if (e.special === 'ellipsis') return ELLIPSIS;
      if (e.special === 'bytes') return PyBytes.latin1(e.value as string);
      if (e.special === 'complex') throw new ConsoleUnsupported('complex');
      if (e.unsupported) throw new ConsoleUnsupported('unicodeName');
      return e.value;
    case 'JoinedStr':
      return joinedStr(e.pieces, scope);
    case 'Name':
      return scope.lookup(e.id);
    case 'Attribute':
      return getattr(evaluate(e.value, scope), e.attr);
    case 'Subscript': {
      const obj = evaluate(e.value, scope);
      return getitem(obj, evaluate(e.slice, scope));
    }
    case 'Call': {
      const func = evaluate(e.func, scope);
      const args: Value[] = [];
      for (const a of e.args) {
        if (a.kind !== 'Starred') {
          args.push(evaluate(a, scope));
          continue;
        }
        const v = evaluate(a.value, scope);
        try {
          args.push(...toList(v));
        } catch (err) {
          if (err instanceof PyTypeError && /is not iterable$/.test(err.message))
            throw new PyTypeError(
              `${callLabel(func)} argument after * must be an iterable, not ${tpName(v)}`,
            );
          throw err;
        }
      }
      return callValue(func, args, keywords(func, e.keywords, scope));
    }
    case 'BinOp':
      return binaryOp(e.op, evaluate(e.left, scope), evaluate(e.right, scope));
    case 'UnaryOp': {
      const v = evaluate(e.operand, scope);
      return e.op === 'not' ? not(v) : unaryOp(e.op, v);
    }
    case 'BoolOp': {
      let v: Value = null;
      for (const part of e.values) {
        v = evaluate(part, scope);
        if (truthy(v) === (e.op === 'or')) return v;
      }
      return v;
    }
    case 'Compare': {
      let left = evaluate(e.left, scope);
      let result: Value = true;
      for (let i = 0; i < e.ops.length; i++) {
        const right = evaluate(e.comparators[i] as Expr, scope);
        result = compare(e.ops[i]!, left, right);
        if (i < e.ops.length - 1 && !truthy(result)) return result;
        left = right;
      }
      return result;
    }
    case 'List':
    case 'Tuple':
    case 'Set': {
      const items: Value[] = [];
      for (const x of e.elts) {
        if (x.kind !== 'Starred') items.push(evaluate(x, scope));
        else {
          const v = evaluate(x.value, scope);
          try {
            items.push(...toList(v));
          } catch (err) {
            if (err instanceof PyTypeError && /is not iterable$/.test(err.message))
              throw new PyTypeError(`Value after * must be an iterable, not ${tpName(v)}`);
            throw err;
          }
        }
      }
      tick(items.length);
      if (e.kind === 'List') return items;
      return e.kind === 'Tuple' ? new PyTuple(items) : new PySet(items);
    }
    case 'Dict': {
      const d = new PyDict();
      e.keys.forEach((k, i) => {
        if (k === null) {
          const m = evaluate(e.values[i] as Expr, scope);
          if (!(m instanceof PyDict))
            throw new PyTypeError(`'${tpName(m)}' object is not a mapping`);
          for (const [key, v] of m.entries()) d.set(key, v);
          return;
        }
        const key = evaluate(k, scope);
        const v = evaluate(e.values[i] as Expr, scope);
        d.set(key, v);
      });
      return d;
    }
    case 'IfExp':
      return evaluate(truthy(evaluate(e.test, scope)) ? e.body : e.orelse, scope);
    case 'Slice':
      return new SliceValue(
        e.lower ? evaluate(e.lower, scope) : null,
        e.upper ? evaluate(e.upper, scope) : null,
        e.step ? evaluate(e.step, scope) : null,
      );
    case 'NamedExpr': {
      const v = evaluate(e.value, scope);
      scope.storeOuter((e.target as Extract<Expr, { kind: 'Name' }>).id, v);
      return v;
    }
    case 'ListComp':
      return [...comprehension(e.generators, scope, (s) => evaluate(e.elt, s))];
    case 'SetComp':
      return new PySet(comprehension(e.generators, scope, (s) => evaluate(e.elt, s)));
    case 'DictComp': {
      const d = new PyDict();
      for (const [k, v] of comprehension(
        e.generators,
        scope,
        (s) => [evaluate(e.key, s), evaluate(e.elt, s)] as const,
      ))
        d.set(k, v);
      return d;
    }
    case 'GeneratorExp':
      return new GeneratorObj(comprehension(e.generators, scope, (s) => evaluate(e.elt, s)));
    case 'Lambda':
      throw new ConsoleUnsupported('lambda');
    default:
      // Starred, Await, Yield: the compiler refused them before anything ran.
      throw new ConsoleUnsupported('statement', { keyword: e.kind });
  }
}

/** An f-string's value: literal text and formatted fields. */
function joinedStr(pieces: FPiece[], scope: Scope): string {
  let out = '';
  for (const piece of pieces) {
    if (typeof piece === 'string') {
      out += piece;
      continue;
    }
    let v = evaluate(piece.expr, scope);
    if (piece.conversion === 's') v = str(v);
    else if (piece.conversion === 'r') v = repr(v);
    else if (piece.conversion === 'a') v = callValue(builtin('ascii') as Value, [v], []);
    const spec = piece.spec === null ? '' : joinedStr(piece.spec, scope);
    out += piece.debug + formatValue(v, spec);
  }
  return out;
}

/**
 * The items a comprehension yields, lazily. As in CPython, the first iterable is evaluated in
 * the enclosing scope when the comprehension starts; everything else in the comprehension's own.
 */
function comprehension<T>(
  generators: Comprehension[],
  scope: Scope,
  produce: (s: Scope) => T,
): Iterable<T> {
  const inner = scope.child();
  const first = iterate(evaluate((generators[0] as Comprehension).iter, scope));
  function* level(i: number, items: Iterable<Value>): Generator<T> {
    const g = generators[i] as Comprehension;
    for (const item of items) {
      tick();
      assign(g.target, item, inner);
      if (!g.ifs.every((cond) => truthy(evaluate(cond, inner)))) continue;
      if (i + 1 < generators.length)
        yield* level(i + 1, iterate(evaluate((generators[i + 1] as Comprehension).iter, inner)));
      else yield produce(inner);
    }
  }
  return level(0, first);
}

function keywords(func: Value, list: Keyword[], scope: Scope): Kwargs {
  const out: Kwargs = [];
  const add = (name: string, v: Value) => {
    if (out.some(([n]) => n === name))
      throw new PyTypeError(
        `${callLabel(func)} got multiple values for keyword argument '${name}'`,
      );
    out.push([name, v]);
  };
  for (const k of list) {
    const v = evaluate(k.value, scope);
    if (k.arg !== null) {
      add(k.arg, v);
      continue;
    }
    if (!(v instanceof PyDict))
      throw new PyTypeError(
        `${callLabel(func)} argument after ** must be a mapping, not ${tpName(v)}`,
      );
    for (const [key, item] of v.entries()) {
      if (typeof key !== 'string') throw new PyTypeError('keywords must be strings');
      add(key, item);
    }
  }
  return out;
}

/** `target = value` */
export function assign(target: Expr, value: Value, scope: Scope): void {
  switch (target.kind) {
    case 'Name':
      return scope.store(target.id, value);
    case 'Subscript': {
      const obj = evaluate(target.value, scope);
      return setitem(obj, evaluate(target.slice, scope), value);
    }
    case 'Attribute':
      return setattr(evaluate(target.value, scope), target.attr, value);
    case 'Tuple':
    case 'List':
      return unpack(target.elts, value, scope);
    case 'Starred':
      return assign(target.value, value, scope);
    default:
      throw new ConsoleUnsupported('statement', { keyword: target.kind });
  }
}

function unpack(targets: Expr[], value: Value, scope: Scope): void {
  let items: Value[];
  try {
    items = toList(value);
  } catch (e) {
    if (e instanceof PyTypeError && /is not iterable$/.test(e.message))
      throw new PyTypeError(`cannot unpack non-iterable ${tpName(value)} object`);
    throw e;
  }
  const star = targets.findIndex((t) => t.kind === 'Starred');
  if (star < 0) {
    if (items.length > targets.length)
      throw new PyValueError(`too many values to unpack (expected ${targets.length})`);
    if (items.length < targets.length)
      throw new PyValueError(
        `not enough values to unpack (expected ${targets.length}, got ${items.length})`,
      );
    targets.forEach((t, i) => assign(t, items[i] as Value, scope));
    return;
  }
  const after = targets.length - star - 1;
  if (items.length < targets.length - 1)
    throw new PyValueError(
      `not enough values to unpack (expected at least ${targets.length - 1}, got ${items.length})`,
    );
  targets.slice(0, star).forEach((t, i) => assign(t, items[i] as Value, scope));
  assign(targets[star] as Expr, items.slice(star, items.length - after), scope);
  targets
    .slice(star + 1)
    .forEach((t, i) => assign(t, items[items.length - after + i] as Value, scope));
}

function remove(target: Expr, scope: Scope): void {
  switch (target.kind) {
    case 'Name':
      return scope.delete(target.id);
    case 'Subscript': {
      const obj = evaluate(target.value, scope);
      return delitem(obj, evaluate(target.slice, scope));
    }
    case 'Attribute':
      return delattr(evaluate(target.value, scope), target.attr);
    case 'Tuple':
    case 'List':
      for (const t of target.elts) remove(t, scope);
      return;
    default:
      throw new ConsoleUnsupported('statement', { keyword: 'del' });
  }
}

function augAssign(s: Extract<Stmt, { kind: 'AugAssign' }>, scope: Scope): void {
  const op = s.op.slice(0, -1) as Parameters<typeof binaryOp>[0];
  const t = s.target;
  if (t.kind === 'Name') {
    const current = scope.lookup(t.id);
    return scope.store(t.id, inplaceOp(op, current, evaluate(s.value, scope)));
  }
  if (t.kind === 'Subscript') {
    const obj = evaluate(t.value, scope);
    const key = evaluate(t.slice, scope);
    const current = getitem(obj, key);
    return setitem(obj, key, inplaceOp(op, current, evaluate(s.value, scope)));
  }
  if (t.kind === 'Attribute') {
    const obj = evaluate(t.value, scope);
    const current = getattr(obj, t.attr);
    return setattr(obj, t.attr, inplaceOp(op, current, evaluate(s.value, scope)));
  }
  throw new ConsoleUnsupported('statement', { keyword: t.kind });
}

function importStmt(s: Extract<Stmt, { kind: 'Import' | 'ImportFrom' }>, scope: Scope): void {
  if (s.kind === 'Import') {
    for (const alias of s.names) {
      const module = scope.modules[alias.name];
      if (!module || alias.name.includes('.'))
        throw new ConsoleUnsupported('import', { module: alias.name });
      scope.store(alias.asname ?? alias.name, module);
    }
    return;
  }
  const name = s.module ?? '';
  const module = s.level === 0 ? scope.modules[name] : undefined;
  if (!module) throw new ConsoleUnsupported('import', { module: '.'.repeat(s.level) + name });
  for (const alias of s.names) {
    if (alias.name === '*') throw new ConsoleUnsupported('import', { module: `${name} import *` });
    if (!module.exports(alias.name))
      throw new PyImportError(
        `cannot import name '${alias.name}' from '${name}'${module.file ? ` (${module.file})` : ''}`,
      );
    scope.store(alias.asname ?? alias.name, getattr(module, alias.name));
  }
}

/** Runs one statement. */
export function execute(s: Stmt, scope: Scope): void {
  tick();
  switch (s.kind) {
    case 'Expr':
      evaluate(s.value, scope);
      return;
    case 'Assign': {
      const value = evaluate(s.value, scope);
      for (const t of s.targets) assign(t, value, scope);
      return;
    }
    case 'AugAssign':
      return augAssign(s, scope);
    case 'AnnAssign':
      if (s.value) assign(s.target, evaluate(s.value, scope), scope);
      else if (s.target.kind === 'Attribute' || s.target.kind === 'Subscript')
        evaluate(s.target.value, scope);
      evaluate(s.annotation, scope);
      return;
    case 'Delete':
      for (const t of s.targets) remove(t, scope);
      return;
    case 'Pass':
    case 'Global':
    case 'Nonlocal':
      return;
    case 'Import':
    case 'ImportFrom':
      return importStmt(s, scope);
    case 'Raise': {
      if (!s.exc) throw new PyRuntimeError('No active exception to reraise');
      const exc = evaluate(s.exc, scope);
      if (s.cause) evaluate(s.cause, scope);
      throw exceptionToRaise(exc);
    }
    case 'Assert': {
      if (truthy(evaluate(s.test, scope))) return;
      throw new PyAssertionError(s.msg ? str(evaluate(s.msg, scope)) : '');
    }
    case 'Compound':
      throw new ConsoleUnsupported('statement', { keyword: s.keyword });
    default:
      // return, break, continue: the compiler refused them.
      throw new ConsoleUnsupported('statement', { keyword: s.kind.toLowerCase() });
  }
}

// The builtins that call back into the evaluator.
setCaller((f, x) => callValue(f, [x], []));
let activeScope: Scope | null = null;
setScopeNames(() => activeScope?.names() ?? []);
export function withScope<T>(scope: Scope, fn: () => T): T {
  const saved = activeScope;
  activeScope = scope;
  try {
    return fn();
  } finally {
    activeScope = saved;
  }
}

/** Keys must be hashable before anything is stored: used by displays and the session. */
export { hashKey };
