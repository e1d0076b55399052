/**
 * Evaluates parsed statements the way Python would, in Python's order, on plain values and on
 * the objects an environment provides. What Python could do but this console cannot (variables,
 * loops, lambdas, ...) raises ConsoleUnsupported.
 */
import { PyTimeDelta } from '../datetime';
import { PyAttributeError, PyIndexError, PyTypeError } from '../errors';
import { repr as reprData } from '../repr';
import { PyDict, PyTuple, asInt, hashKey, type PyValue } from '../values';
import type { CmpOperator, Expr, Keyword, Stmt } from './ast';
import { ConsoleUnsupported, PyNameError } from './errors';
import { TIMEDELTA_DIR } from './names';
import {
  Display,
  ELLIPSIS,
  PyObj,
  isData,
  tpName,
  truthy,
  type Kwargs,
  type Value,
} from './objects';
import { binaryOp, compare, unaryOp, use } from './operators';
import { suggest } from './suggest';

export interface Env {
  /** The value a name refers to, or undefined when it is not defined. */
  lookup(name: string): Value | undefined;
  /** The names NameError hints come from, in Python's order: locals, globals, builtins. */
  scopes: readonly (readonly string[])[];
}

const unsupported = (what: string): never => {
  throw new ConsoleUnsupported(what);
};

/** `slice(a, b, c)`: only ever a subscript key. */
class SliceValue extends PyObj {
  readonly tpName = 'slice';
  constructor(readonly parts: Value[]) {
    super();
  }
  override repr(): string {
    return `slice(${this.parts.map((p) => (p instanceof PyObj ? p.repr() : reprData(p))).join(', ')})`;
  }
}

export function evaluate(e: Expr, env: Env): Value {
  switch (e.kind) {
    case 'Constant':
      if (e.special === 'ellipsis') return ELLIPSIS;
      if (e.special === 'bytes')
        return unsupported("bytes literals (b'...') are not supported here");
      if (e.special === 'complex') return unsupported('complex numbers are not supported here');
      if (e.unsupported) return unsupported(`${e.unsupported} is not supported here`);
      return e.value;
    case 'JoinedStr':
      return unsupported("f-strings are not supported here: write the text out, e.g. 'cart'");
    case 'Name': {
      const v = env.lookup(e.id);
      if (v !== undefined) return v;
      let message = `name '${e.id}' is not defined`;
      for (const names of env.scopes) {
        const hint = suggest(e.id, names);
        if (hint !== undefined) {
          message += `. Did you mean: '${hint}'?`;
          break;
        }
      }
      throw new PyNameError(message);
    }
    case 'Attribute':
      return getattr(evaluate(e.value, env), e.attr);
    case 'Subscript': {
      const obj = evaluate(e.value, env);
      return getitem(obj, evaluate(e.slice, env));
    }
    case 'Call': {
      const func = evaluate(e.func, env);
      const args = e.args.flatMap((a) =>
        a.kind === 'Starred' ? iterate(evaluate(a.value, env), 'star') : [evaluate(a, env)],
      );
      const kwargs = keywords(e.keywords, env);
      if (func instanceof PyObj) return func.call(args, kwargs);
      throw new PyTypeError(`'${tpName(func)}' object is not callable`);
    }
    case 'BinOp':
      return binaryOp(e.op, evaluate(e.left, env), evaluate(e.right, env));
    case 'UnaryOp': {
      const v = evaluate(e.operand, env);
      if (e.op !== 'not') return unaryOp(e.op, v);
      return v instanceof PyObj ? v.not() : !truthy(v);
    }
    case 'BoolOp': {
      let v: Value = null;
      for (const part of e.values) {
        v = evaluate(part, env);
        use(v);
        if (truthy(v) === (e.op === 'or')) return v;
      }
      return v;
    }
    case 'Compare': {
      let left = evaluate(e.left, env);
      let result: Value = true;
      for (let i = 0; i < e.ops.length; i++) {
        const right = evaluate(e.comparators[i] as Expr, env);
        result = compare(e.ops[i] as CmpOperator, left, right);
        if (i < e.ops.length - 1) {
          use(result);
          if (!truthy(result)) return result;
        }
        left = right;
      }
      return result;
    }
    case 'List':
    case 'Tuple':
    case 'Set':
      return display(e.kind, e.elts, env);
    case 'Dict':
      return dictDisplay(e.keys, e.values, env);
    case 'IfExp': {
      const test = evaluate(e.test, env);
      use(test);
      return evaluate(truthy(test) ? e.body : e.orelse, env);
    }
    case 'Slice':
      return new SliceValue([e.lower, e.upper, e.step].map((p) => (p ? evaluate(p, env) : null)));
    case 'NamedExpr':
      return unsupported('this console keeps no variables, so := cannot be used');
    case 'Lambda':
      return unsupported('lambda is not supported here');
    case 'ListComp':
    case 'SetComp':
    case 'DictComp':
    case 'GeneratorExp':
      return unsupported('comprehensions are not supported here');
    default:
      return unsupported(`${e.kind} is not supported here`);
  }
}

function keywords(list: Keyword[], env: Env): Kwargs {
  const out: Kwargs = [];
  const add = (name: string, v: Value) => {
    if (out.some(([n]) => n === name))
      throw new PyTypeError(`got multiple values for keyword argument '${name}'`);
    out.push([name, v]);
  };
  for (const k of list) {
    const v = evaluate(k.value, env);
    if (k.arg !== null) {
      add(k.arg, v);
      continue;
    }
    if (!(v instanceof PyDict)) {
      use(v);
      throw new PyTypeError(`argument after ** must be a mapping, not ${tpName(v)}`);
    }
    for (const [key, item] of v.entries()) {
      if (typeof key !== 'string') throw new PyTypeError('keywords must be strings');
      add(key, item);
    }
  }
  return out;
}

/** The items of `*value` in a call or a display. */
function iterate(v: Value, where: 'star' | 'display'): Value[] {
  use(v);
  if (typeof v === 'string') return [...v];
  if (Array.isArray(v)) return [...v];
  if (v instanceof PyTuple) return [...v.items];
  if (v instanceof PyDict) return v.keys();
  if (v instanceof Display && v.tpName !== 'dict') return [...v.items];
  throw new PyTypeError(
    where === 'star'
      ? `argument after * must be an iterable, not ${tpName(v)}`
      : `Value after * must be an iterable, not ${tpName(v)}`,
  );
}

function display(kind: 'List' | 'Tuple' | 'Set', elts: Expr[], env: Env): Value {
  const items = elts.flatMap((x) =>
    x.kind === 'Starred' ? iterate(evaluate(x.value, env), 'display') : [evaluate(x, env)],
  );
  if (kind === 'Set') {
    const seen = new Set<string>();
    const unique = items.filter((v) => {
      if (!isData(v)) return true;
      const h = hashKey(v);
      return seen.has(h) ? false : (seen.add(h), true);
    });
    return new Display('set', unique);
  }
  if (!items.every(isData)) return new Display(kind === 'List' ? 'list' : 'tuple', items);
  return kind === 'List' ? items : new PyTuple(items);
}

function dictDisplay(keys: (Expr | null)[], values: Expr[], env: Env): Value {
  const pairs: [Value, Value][] = [];
  keys.forEach((k, i) => {
    if (k === null) {
      const m = evaluate(values[i] as Expr, env);
      use(m);
      if (!(m instanceof PyDict)) throw new PyTypeError(`'${tpName(m)}' object is not a mapping`);
      pairs.push(...m.entries());
      return;
    }
    const key = evaluate(k, env);
    pairs.push([key, evaluate(values[i] as Expr, env)]);
  });
  for (const [k] of pairs) if (isData(k)) hashKey(k);
  if (pairs.every(([k, v]) => isData(k) && isData(v)))
    return new PyDict(pairs as [PyValue, PyValue][]);
  const out = new Display('dict', [], []);
  for (const [k, v] of pairs) {
    const at = out.items.findIndex(
      (x) => x === k || (isData(x) && isData(k) && hashKey(x) === hashKey(k)),
    );
    if (at >= 0) out.values[at] = v;
    else {
      out.items.push(k);
      out.values.push(v);
    }
  }
  return out;
}

function getattr(obj: Value, name: string): Value {
  if (obj instanceof PyObj) return obj.getattr(name);
  if (obj instanceof PyTimeDelta) {
    if (name === 'days') return obj.days;
    if (name === 'seconds') return obj.seconds;
    if (name === 'microseconds') return obj.microseconds;
    if (!TIMEDELTA_DIR.includes(name)) {
      const hint = suggest(name, TIMEDELTA_DIR);
      const message = `'datetime.timedelta' object has no attribute '${name}'`;
      throw new PyAttributeError(hint ? `${message}. Did you mean: '${hint}'?` : message);
    }
  }
  return unsupported(`attributes and methods of ${tpName(obj)} values are not supported here`);
}

function sequenceIndex(key: Value, len: number, kind: string): number {
  if (key instanceof SliceValue) return unsupported('slicing is not supported here');
  const i = isData(key) ? asInt(key) : undefined;
  if (i === undefined) {
    if (kind === 'string')
      throw new PyTypeError(`string indices must be integers, not '${tpName(key)}'`);
    throw new PyTypeError(`${kind} indices must be integers or slices, not ${tpName(key)}`);
  }
  const index = Number(i < 0n ? i + BigInt(len) : i);
  if (index < 0 || index >= len) throw new PyIndexError(`${kind} index out of range`);
  return index;
}

function getitem(obj: Value, key: Value): Value {
  if (obj instanceof PyObj) return obj.getitem(key);
  use(key);
  if (Array.isArray(obj)) return obj[sequenceIndex(key, obj.length, 'list')] as PyValue;
  if (obj instanceof PyTuple)
    return obj.items[sequenceIndex(key, obj.items.length, 'tuple')] as PyValue;
  if (typeof obj === 'string') {
    const chars = [...obj];
    return chars[sequenceIndex(key, chars.length, 'string')] as string;
  }
  if (obj instanceof PyDict) {
    if (key instanceof PyObj) throw new PyTypeError(`unhashable type: '${key.tpName}'`);
    return obj.getItem(key, reprData);
  }
  throw new PyTypeError(`'${tpName(obj)}' object is not subscriptable`);
}

function assign(target: Expr, value: Value, env: Env): Value | undefined {
  switch (target.kind) {
    case 'Subscript': {
      const obj = evaluate(target.value, env);
      const key = evaluate(target.slice, env);
      if (obj instanceof PyObj) return obj.setitem(key, value);
      use(key);
      if (Array.isArray(obj)) {
        if (key instanceof SliceValue) return unsupported('slicing is not supported here');
        const i = isData(key) ? asInt(key) : undefined;
        if (i === undefined)
          throw new PyTypeError(`list indices must be integers or slices, not ${tpName(key)}`);
        const index = Number(i < 0n ? i + BigInt(obj.length) : i);
        if (index < 0 || index >= obj.length)
          throw new PyIndexError('list assignment index out of range');
        return undefined;
      }
      if (obj instanceof PyDict) {
        if (key instanceof PyObj) throw new PyTypeError(`unhashable type: '${key.tpName}'`);
        hashKey(key);
        return undefined;
      }
      throw new PyTypeError(`'${tpName(obj)}' object does not support item assignment`);
    }
    case 'Attribute': {
      const obj = evaluate(target.value, env);
      if (obj instanceof PyObj) return obj.setattr(target.attr, value);
      throw new PyAttributeError(`'${tpName(obj)}' object has no attribute '${target.attr}'`);
    }
    case 'Name':
      return unsupported(
        `this console keeps no variables between lines; to keep a value, store it in the ` +
          `session: request.session['${target.id}'] = ...`,
      );
    default:
      return unsupported('unpacking assignments are not supported here: one request per line');
  }
}

function remove(target: Expr, env: Env): Value | undefined {
  switch (target.kind) {
    case 'Subscript': {
      const obj = evaluate(target.value, env);
      const key = evaluate(target.slice, env);
      if (obj instanceof PyObj) return obj.delitem(key);
      if (obj instanceof PyDict) {
        getitem(obj, key);
        return undefined;
      }
      if (Array.isArray(obj)) {
        getitem(obj, key);
        return undefined;
      }
      use(key);
      throw new PyTypeError(`'${tpName(obj)}' object doesn't support item deletion`);
    }
    case 'Attribute': {
      const obj = evaluate(target.value, env);
      if (obj instanceof PyObj) return obj.delattr(target.attr);
      throw new PyAttributeError(`'${tpName(obj)}' object has no attribute '${target.attr}'`);
    }
    default:
      return unsupported('this console keeps no variables, so there is nothing to delete');
  }
}

/** Runs one statement: its value (for an expression statement) or what an operation returned. */
export function execute(s: Stmt, env: Env): Value | undefined {
  switch (s.kind) {
    case 'Expr':
      return evaluate(s.value, env);
    case 'Assign': {
      if (s.targets.length > 1)
        return unsupported('chained assignment (a = b = ...) is not supported here');
      const value = evaluate(s.value, env);
      return assign(s.targets[0] as Expr, value, env);
    }
    case 'AugAssign': {
      // Python evaluates the target's parts first: their errors come before anything else.
      if (s.target.kind === 'Subscript' || s.target.kind === 'Attribute') {
        evaluate(s.target.value, env);
        if (s.target.kind === 'Subscript') evaluate(s.target.slice, env);
      }
      return unsupported(
        `${s.op} reads and then writes: that is two requests. Read the value first, ` +
          'then assign the new value on its own line',
      );
    }
    case 'Delete':
      if (s.targets.length > 1) return unsupported('delete one thing per line: one request each');
      return remove(s.targets[0] as Expr, env);
    case 'Pass':
    case 'Global':
      return undefined;
    case 'Import':
    case 'ImportFrom':
      return unsupported(
        'imports are not needed here: request, timezone, timedelta and datetime are already available',
      );
    case 'Compound':
      return unsupported(
        `'${s.keyword}' statements are not supported here: one operation per line`,
      );
    case 'AnnAssign':
      return unsupported('annotated assignments are not supported here');
    default:
      return unsupported(`'${s.kind.toLowerCase()}' is not supported here`);
  }
}
