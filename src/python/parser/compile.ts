/**
 * The checks Python's symbol table and compiler make after a successful parse, for module-level
 * code (`python3 -c`, `compile(src, '<console>', 'exec')`): `return` outside a function, starred
 * expressions out of place, repeated keyword arguments and the like.
 */
import type { Expr, Stmt } from './ast';
import { PySyntaxError } from './errors';

interface Scope {
  /** Inside a lambda: `yield` and `await` are allowed there (the console never runs them). */
  inFunction: boolean;
}

function fail(message: string): never {
  throw new PySyntaxError(message);
}

export function checkModule(body: Stmt[]): void {
  for (const s of body)
    if (s.kind === 'Nonlocal') fail('nonlocal declaration not allowed at module level');
  for (const s of body) checkStmt(s);
}

function checkStmt(s: Stmt): void {
  const scope: Scope = { inFunction: false };
  switch (s.kind) {
    case 'Expr':
      return value(s.value, scope);
    case 'Assign':
      value(s.value, scope);
      for (const t of s.targets) target(t, scope);
      return;
    case 'AugAssign':
      value(s.value, scope);
      return target(s.target, scope);
    case 'AnnAssign':
      if (s.value) value(s.value, scope);
      target(s.target, scope);
      return value(s.annotation, scope);
    case 'Delete':
      for (const t of s.targets) target(t, scope);
      return;
    case 'Return':
      return fail("'return' outside function");
    case 'Break':
      return fail("'break' outside loop");
    case 'Continue':
      return fail("'continue' not properly in loop");
    case 'Raise':
      if (s.exc) value(s.exc, scope);
      if (s.cause) value(s.cause, scope);
      return;
    case 'Assert':
      value(s.test, scope);
      if (s.msg) value(s.msg, scope);
      return;
    default:
      return;
  }
}

/** An expression in a place where a plain value is expected. */
function value(e: Expr, scope: Scope): void {
  if (e.kind === 'Starred') fail("can't use starred expression here");
  expr(e, scope);
}

/** An assignment or `del` target. */
function target(e: Expr, scope: Scope): void {
  if (e.kind === 'Starred') fail('starred assignment target must be in a list or tuple');
  if (e.kind === 'List' || e.kind === 'Tuple') {
    if (e.elts.filter((x) => x.kind === 'Starred').length > 1)
      fail('multiple starred expressions in assignment');
    for (const x of e.elts) target(x.kind === 'Starred' ? x.value : x, scope);
    return;
  }
  expr(e, scope);
}

/** Sequence elements and call arguments may be starred. */
function items(list: Expr[], scope: Scope): void {
  for (const x of list) expr(x.kind === 'Starred' ? x.value : x, scope);
}

function expr(e: Expr, scope: Scope): void {
  switch (e.kind) {
    case 'Attribute':
      return value(e.value, scope);
    case 'Subscript':
      value(e.value, scope);
      if (e.slice.kind === 'Tuple') return items(e.slice.elts, scope);
      return value(e.slice, scope);
    case 'Call': {
      value(e.func, scope);
      const seen = new Set<string>();
      for (const k of e.keywords) {
        if (k.arg === null) continue;
        if (seen.has(k.arg)) fail(`keyword argument repeated: ${k.arg}`);
        seen.add(k.arg);
      }
      items(e.args, scope);
      for (const k of e.keywords) value(k.value, scope);
      return;
    }
    case 'BinOp':
      value(e.left, scope);
      return value(e.right, scope);
    case 'UnaryOp':
      return value(e.operand, scope);
    case 'BoolOp':
      for (const v of e.values) value(v, scope);
      return;
    case 'Compare':
      value(e.left, scope);
      for (const c of e.comparators) value(c, scope);
      return;
    case 'List':
    case 'Tuple':
    case 'Set':
      return items(e.elts, scope);
    case 'Dict':
      e.keys.forEach((k, i) => {
        if (k) value(k, scope);
        value(e.values[i] as Expr, scope);
      });
      return;
    case 'Starred':
      return fail("can't use starred expression here");
    case 'Slice':
      for (const part of [e.lower, e.upper, e.step]) if (part) value(part, scope);
      return;
    case 'IfExp':
      value(e.test, scope);
      value(e.body, scope);
      return value(e.orelse, scope);
    case 'NamedExpr':
      return value(e.value, scope);
    case 'Lambda':
      return value(e.body, { inFunction: true });
    case 'ListComp':
    case 'SetComp':
    case 'GeneratorExp':
    case 'DictComp':
      for (const g of e.generators) {
        value(g.iter, scope);
        for (const cond of g.ifs) value(cond, scope);
      }
      if (e.kind === 'DictComp') value(e.key, scope);
      return value(e.elt, scope);
    case 'Await':
      if (!scope.inFunction) fail("'await' outside function");
      return e.value ? value(e.value, scope) : undefined;
    case 'Yield':
    case 'YieldFrom':
      if (!scope.inFunction) fail("'yield' outside function");
      return e.value ? value(e.value, scope) : undefined;
    default:
      return;
  }
}
