/**
 * Python 3.11's expression rules, from `star_expressions` down to `power` (Grammar/python.gram).
 * Left-recursive rules are loops; the rules Python memoises are memoised here too, because the
 * second pass's error messages depend on what is re-parsed and what is not.
 */
import type { BinOperator, CmpOperator, Expr } from './ast';
import { invalidExpression, invalidLegacyExpression, invalidNamedExpression } from './invalid';
import { lambdef } from './arguments';
import { primary } from './primary';
import type { Parser } from './state';

/** `item (',' item)* [',']` once the first item `a` parsed: a tuple, or just the item. */
function tupleOf(p: Parser, first: number, a: Expr, item: (p: Parser) => Expr | null): Expr {
  let parsed: Expr | null = a;
  const elts = p.gather(() => {
    const next = parsed ?? item(p);
    parsed = null;
    return next;
  });
  if (elts.length > 1 || p.ahead(() => p.op(','))) {
    p.op(',');
    return p.node(first, { kind: 'Tuple', elts });
  }
  return a;
}

/** `expressions`: what 'eval' mode accepts. */
export function expressions(p: Parser): Expr | null {
  const first = p.mark;
  const a = expression(p);
  return a && tupleOf(p, first, a, expression);
}

export function starExpressions(p: Parser): Expr | null {
  const first = p.mark;
  const a = starExpression(p);
  return a && tupleOf(p, first, a, starExpression);
}

export function starExpression(p: Parser): Expr | null {
  return p.memo('star_expression', () => {
    const first = p.mark;
    if (p.op('*')) {
      const a = bitwiseOr(p);
      if (a) return p.node(first, { kind: 'Starred', value: a });
      p.reset(first);
    }
    return expression(p);
  });
}

export function expression(p: Parser): Expr | null {
  return p.memo('expression', () => {
    if (p.callInvalid) {
      const first = p.mark;
      invalidExpression(p);
      p.reset(first);
      invalidLegacyExpression(p);
      p.reset(first);
    }
    return conditional(p);
  });
}

/** `expression_without_invalid`: the same, with the `invalid_*` rules off. */
export function expressionWithoutInvalid(p: Parser): Expr | null {
  return p.withoutInvalid(() => conditional(p));
}

/** `disjunction 'if' disjunction 'else' expression | disjunction | lambdef` */
function conditional(p: Parser): Expr | null {
  const first = p.mark;
  const a = disjunction(p);
  if (a) {
    if (p.keyword('if')) {
      const test = disjunction(p);
      if (test && p.keyword('else')) {
        const orelse = expression(p);
        if (orelse) return p.node(first, { kind: 'IfExp', test, body: a, orelse });
      }
    }
    p.reset(first);
    return disjunction(p);
  }
  p.reset(first);
  return lambdef(p);
}

export function yieldExpr(p: Parser): Expr | null {
  const first = p.mark;
  if (!p.keyword('yield')) return null;
  if (p.keyword('from')) {
    const a = expression(p);
    if (a) return p.node(first, { kind: 'YieldFrom', value: a });
    p.reset(first + 1);
  }
  const value = starExpressions(p);
  return p.node(first, { kind: 'Yield', value });
}

export function starNamedExpressions(p: Parser): Expr[] | null {
  const items = p.gather(() => starNamedExpression(p));
  if (!items.length) return null;
  p.op(',');
  return items;
}

export function starNamedExpression(p: Parser): Expr | null {
  const first = p.mark;
  if (p.op('*')) {
    const a = bitwiseOr(p);
    if (a) return p.node(first, { kind: 'Starred', value: a });
    p.reset(first);
  }
  return namedExpression(p);
}

export function assignmentExpression(p: Parser): Expr | null {
  const first = p.mark;
  const name = p.name();
  if (!name || !p.op(':=')) {
    p.reset(first);
    return null;
  }
  const value = expression(p);
  if (!value) {
    p.reset(first);
    return null;
  }
  const target: Expr = { kind: 'Name', id: name.string, first, last: first };
  return p.node(first, { kind: 'NamedExpr', target, value });
}

/** `named_expression`: `assignment_expression | invalid_named_expression | expression !':='` */
export function namedExpression(p: Parser): Expr | null {
  return named(p, true);
}

/** `assignment_expression | expression !':='`, used by arguments and genexps. */
export function namedOrPlain(p: Parser): Expr | null {
  return named(p, false);
}

function named(p: Parser, withInvalid: boolean): Expr | null {
  const first = p.mark;
  const a = assignmentExpression(p);
  if (a) return a;
  if (withInvalid && p.callInvalid) {
    invalidNamedExpression(p);
    p.reset(first);
  }
  const e = expression(p);
  if (e && !p.ahead(() => p.op(':='))) return e;
  p.reset(first);
  return null;
}

function boolOp(p: Parser, key: string, op: 'and' | 'or', operand: (p: Parser) => Expr | null) {
  return p.memo(key, () => {
    const first = p.mark;
    const values: Expr[] = [];
    for (;;) {
      const m = p.mark;
      const b = values.length && !p.keyword(op) ? null : operand(p);
      if (!b) {
        p.reset(m);
        break;
      }
      values.push(b);
    }
    if (values.length > 1) return p.node(first, { kind: 'BoolOp', op, values });
    return values[0] ?? null;
  });
}

export function disjunction(p: Parser): Expr | null {
  return boolOp(p, 'disjunction', 'or', conjunction);
}

export function conjunction(p: Parser): Expr | null {
  return boolOp(p, 'conjunction', 'and', inversion);
}

export function inversion(p: Parser): Expr | null {
  return p.memo('inversion', () => {
    const first = p.mark;
    if (p.keyword('not')) {
      const a = inversion(p);
      if (a) return p.node(first, { kind: 'UnaryOp', op: 'not', operand: a });
      p.reset(first);
    }
    return comparison(p);
  });
}

function compareOp(p: Parser): CmpOperator | null {
  for (const op of ['==', '!=', '<=', '<', '>=', '>'] as const) if (p.op(op)) return op;
  const m = p.mark;
  if (p.keyword('not')) {
    if (p.keyword('in')) return 'not in';
    p.reset(m);
  }
  if (p.keyword('in')) return 'in';
  if (p.keyword('is')) return p.keyword('not') ? 'is not' : 'is';
  return null;
}

export function comparison(p: Parser): Expr | null {
  const first = p.mark;
  const a = bitwiseOr(p);
  if (!a) return null;
  const ops: CmpOperator[] = [];
  const comparators: Expr[] = [];
  for (;;) {
    const m = p.mark;
    const op = compareOp(p);
    const b = op ? bitwiseOr(p) : null;
    if (!op || !b) {
      p.reset(m);
      break;
    }
    ops.push(op);
    comparators.push(b);
  }
  return ops.length ? p.node(first, { kind: 'Compare', left: a, ops, comparators }) : a;
}

/** A left-recursive binary level: `level (op next)*`. */
function binary(
  p: Parser,
  key: string,
  ops: readonly BinOperator[],
  next: (p: Parser) => Expr | null,
): Expr | null {
  return p.memo(key, () => {
    const first = p.mark;
    let a = next(p);
    if (!a) return null;
    for (;;) {
      const m = p.mark;
      const op = ops.find((o) => p.op(o));
      const b = op ? next(p) : null;
      if (!op || !b) {
        p.reset(m);
        return a;
      }
      a = p.node(first, { kind: 'BinOp', left: a, op, right: b });
    }
  });
}

export const bitwiseOr = (p: Parser) => binary(p, 'bitwise_or', ['|'], bitwiseXor);
const bitwiseXor = (p: Parser) => binary(p, 'bitwise_xor', ['^'], bitwiseAnd);
const bitwiseAnd = (p: Parser) => binary(p, 'bitwise_and', ['&'], shiftExpr);
const shiftExpr = (p: Parser) => binary(p, 'shift_expr', ['<<', '>>'], sum);
const sum = (p: Parser) => binary(p, 'sum', ['+', '-'], term);
const term = (p: Parser) => binary(p, 'term', ['*', '/', '//', '%', '@'], factor);

export function factor(p: Parser): Expr | null {
  return p.memo('factor', () => {
    const first = p.mark;
    for (const op of ['+', '-', '~'] as const) {
      if (p.op(op)) {
        const a = factor(p);
        if (a) return p.node(first, { kind: 'UnaryOp', op, operand: a });
        p.reset(first);
      }
    }
    return power(p);
  });
}

function power(p: Parser): Expr | null {
  const first = p.mark;
  const a = awaitPrimary(p);
  if (!a) return null;
  const m = p.mark;
  if (p.op('**')) {
    const b = factor(p);
    if (b) return p.node(first, { kind: 'BinOp', left: a, op: '**', right: b });
  }
  p.reset(m);
  return a;
}

function awaitPrimary(p: Parser): Expr | null {
  return p.memo('await_primary', () => {
    const first = p.mark;
    if (p.keyword('await')) {
      const a = primary(p);
      if (a) return p.node(first, { kind: 'Await', value: a });
      p.reset(first);
    }
    return primary(p);
  });
}
