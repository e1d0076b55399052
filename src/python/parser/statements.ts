/**
 * Python 3.11's statement rules for one or more simple statements. Compound statements (`if`,
 * `for`, `def`, ...) are recognised by their keyword and not parsed.
 */
import type { Alias, Expr, Stmt } from './ast';
import { expression, namedExpression, starExpressions, yieldExpr } from './expressions';
import { augassign, invalidAssignment, invalidDelStmt } from './invalid';
import type { Parser } from './state';
import { delTargets, singleSubscriptAttributeTarget, singleTarget, starTargets } from './targets';

const COMPOUND = new Set(['if', 'for', 'while', 'def', 'class', 'with', 'try', 'async']);

export function file(p: Parser): Stmt[] | null {
  const body: Stmt[] = [];
  for (let s = statement(p); s; s = statement(p)) body.push(...s);
  return p.token('ENDMARKER') ? body : null;
}

function statement(p: Parser): Stmt[] | null {
  const first = p.mark;
  const t = p.peek();
  if (t.type === 'OP' && t.string === '@') return decorated(p);
  if (t.type === 'NAME' && COMPOUND.has(t.string)) {
    while (p.peek().type !== 'ENDMARKER') p.mark++;
    return [p.node(first, { kind: 'Compound', keyword: t.string })];
  }
  return simpleStmts(p);
}

/**
 * `('@' named_expression NEWLINE)+` and then a `def` or `class`, which is not parsed. One line
 * never gets that far, but its decorator's errors are Python's (`@x['n'] = 1`).
 */
function decorated(p: Parser): Stmt[] | null {
  const first = p.mark;
  const fail = () => (p.reset(first), null);
  while (p.op('@')) if (!namedExpression(p) || !p.token('NEWLINE')) return fail();
  const t = p.peek();
  if (t.type !== 'NAME' || !['def', 'class', 'async'].includes(t.string)) return fail();
  while (p.peek().type !== 'ENDMARKER') p.mark++;
  return [p.node(first, { kind: 'Compound', keyword: '@' })];
}

function simpleStmts(p: Parser): Stmt[] | null {
  const first = p.mark;
  const a = simpleStmt(p);
  if (a && !p.ahead(() => p.op(';')) && p.token('NEWLINE')) return [a];
  p.reset(first);
  const out = p.gather(() => simpleStmt(p), ';');
  if (!out.length) return null;
  p.op(';');
  if (p.token('NEWLINE')) return out;
  p.reset(first);
  return null;
}

function simpleStmt(p: Parser): Stmt | null {
  return p.memo('simple_stmt', () => {
    const first = p.mark;
    const a = assignment(p);
    if (a) return a;
    p.reset(first);
    const e = starExpressions(p);
    if (e) return p.node(first, { kind: 'Expr', value: e });
    p.reset(first);
    const t = p.peek();
    if (t.type !== 'NAME') return null;
    const rule = KEYWORD_STATEMENTS[t.string];
    if (!rule) return null;
    const s = rule(p, first);
    if (!s) p.reset(first);
    return s;
  });
}

type StmtRule = (p: Parser, first: number) => Stmt | null;

const KEYWORD_STATEMENTS: Record<string, StmtRule> = {
  return: (p, first) => {
    p.mark++;
    return p.node(first, { kind: 'Return', value: starExpressions(p) });
  },
  import: (p, first) => importName(p, first),
  from: (p, first) => importFrom(p, first),
  raise: (p, first) => {
    p.mark++;
    const m = p.mark;
    const exc = expression(p);
    if (exc) {
      const m2 = p.mark;
      if (p.keyword('from')) {
        const cause = expression(p);
        if (cause) return p.node(first, { kind: 'Raise', exc, cause });
      }
      p.reset(m2);
      return p.node(first, { kind: 'Raise', exc, cause: null });
    }
    p.reset(m);
    return p.node(first, { kind: 'Raise', exc: null, cause: null });
  },
  pass: (p, first) => (p.mark++, p.node(first, { kind: 'Pass' })),
  break: (p, first) => (p.mark++, p.node(first, { kind: 'Break' })),
  continue: (p, first) => (p.mark++, p.node(first, { kind: 'Continue' })),
  del: (p, first) => {
    p.mark++;
    const targets = delTargets(p);
    if (targets && p.ahead(() => p.op(';') ?? p.token('NEWLINE')))
      return p.node(first, { kind: 'Delete', targets });
    p.reset(first);
    if (p.callInvalid) invalidDelStmt(p);
    return null;
  },
  yield: (p, first) => {
    const y = yieldExpr(p);
    return y && p.node(first, { kind: 'Expr', value: y });
  },
  assert: (p, first) => {
    p.mark++;
    const test = expression(p);
    if (!test) return null;
    const m = p.mark;
    const msg = p.op(',') ? expression(p) : null;
    if (!msg) p.reset(m);
    return p.node(first, { kind: 'Assert', test, msg });
  },
  global: (p, first) => names(p, first, 'Global'),
  nonlocal: (p, first) => names(p, first, 'Nonlocal'),
};

function names(p: Parser, first: number, kind: 'Global' | 'Nonlocal'): Stmt | null {
  p.mark++;
  const list = p.gather(() => p.name()).map((n) => n.string);
  return list.length ? p.node(first, { kind, names: list }) : null;
}

function annotatedRhs(p: Parser): Expr | null {
  return yieldExpr(p) ?? starExpressions(p);
}

function assignment(p: Parser): Stmt | null {
  const first = p.mark;
  // NAME ':' expression ['=' annotated_rhs]
  const name = p.name();
  if (name && p.op(':')) {
    const annotation = expression(p);
    if (annotation) {
      const target: Expr = { kind: 'Name', id: name.string, first, last: first };
      return p.node(first, { kind: 'AnnAssign', target, annotation, value: annAssignValue(p) });
    }
  }
  p.reset(first);
  // ('(' single_target ')' | single_subscript_attribute_target) ':' expression ['=' annotated_rhs]
  let target: Expr | null = null;
  if (p.op('(')) {
    target = singleTarget(p);
    if (!target || !p.op(')')) target = null;
  }
  if (!target) {
    p.reset(first);
    target = singleSubscriptAttributeTarget(p);
  }
  if (target && p.op(':')) {
    const annotation = expression(p);
    if (annotation)
      return p.node(first, { kind: 'AnnAssign', target, annotation, value: annAssignValue(p) });
  }
  p.reset(first);
  // (star_targets '=')+ (yield_expr | star_expressions) !'='
  const targets: Expr[] = [];
  for (;;) {
    const m = p.mark;
    const t = starTargets(p);
    if (!t || !p.op('=')) {
      p.reset(m);
      break;
    }
    targets.push(t);
  }
  if (targets.length) {
    const value = annotatedRhs(p);
    if (value && !p.ahead(() => p.op('=')))
      return p.node(first, { kind: 'Assign', targets, value });
  }
  p.reset(first);
  // single_target augassign ~ (yield_expr | star_expressions)
  const single = singleTarget(p);
  const op = single && augassign(p);
  if (single && op) {
    const value = annotatedRhs(p);
    if (value) return p.node(first, { kind: 'AugAssign', target: single, op, value });
    p.reset(first);
    return null; // the cut: no other alternative
  }
  p.reset(first);
  if (p.callInvalid) invalidAssignment(p);
  return null;
}

function annAssignValue(p: Parser): Expr | null {
  const m = p.mark;
  if (p.op('=')) {
    const v = annotatedRhs(p);
    if (v) return v;
  }
  p.reset(m);
  return null;
}

function dottedName(p: Parser): string | null {
  const first = p.name();
  if (!first) return null;
  let name = first.string;
  for (;;) {
    const m = p.mark;
    const next = p.op('.') ? p.name() : null;
    if (!next) {
      p.reset(m);
      return name;
    }
    name += '.' + next.string;
  }
}

function aliases(p: Parser, item: () => string | null): Alias[] | null {
  const out = p.gather((): Alias | null => {
    const name = item();
    if (!name) return null;
    const m = p.mark;
    const as = p.keyword('as') ? p.name() : null;
    if (!as) p.reset(m);
    return { name, asname: as?.string ?? null };
  });
  return out.length ? out : null;
}

function importName(p: Parser, first: number): Stmt | null {
  p.mark++;
  const list = aliases(p, () => dottedName(p));
  return list && p.node(first, { kind: 'Import', names: list });
}

function importFrom(p: Parser, first: number): Stmt | null {
  p.mark++;
  let level = 0;
  for (let dots = p.op('.') ?? p.op('...'); dots; dots = p.op('.') ?? p.op('...'))
    level += dots.string.length;
  const m = p.mark;
  let module = dottedName(p);
  if (!module || !p.keyword('import')) {
    p.reset(m);
    module = null;
    if (!level || !p.keyword('import')) return null;
  }
  const targets = importFromTargets(p);
  return targets && p.node(first, { kind: 'ImportFrom', module, names: targets, level });
}

function importFromTargets(p: Parser): Alias[] | null {
  const first = p.mark;
  if (p.op('(')) {
    const list = aliases(p, () => p.name()?.string ?? null);
    if (list) {
      p.op(',');
      if (p.op(')')) return list;
    }
  }
  p.reset(first);
  const list = aliases(p, () => p.name()?.string ?? null);
  if (list && !p.ahead(() => p.op(','))) return list;
  p.reset(first);
  if (p.op('*')) return [{ name: '*', asname: null }];
  if (p.callInvalid) {
    const l = aliases(p, () => p.name()?.string ?? null);
    if (l && p.op(',') && p.token('NEWLINE'))
      p.raise('trailing comma not allowed without surrounding parentheses');
  }
  p.reset(first);
  return null;
}
