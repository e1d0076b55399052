/**
 * Python 3.11's `invalid_*` rules: tried only in the second pass, each either raises the specific
 * SyntaxError or gives up (returns null). As in pegen, an alternative that matches but decides not
 * to raise ends the rule: the later alternatives are not tried.
 */
import { exprName, invalidTarget, type Expr, type TargetsType } from './ast';
import {
  bitwiseOr,
  disjunction,
  expression,
  expressionWithoutInvalid,
  starExpressions,
  starNamedExpression,
  starNamedExpressions,
  yieldExpr,
} from './expressions';
import { args, starredExpression, type CallArgs } from './arguments';
import { doubleStarredKvpair, forIfClauses, genexp, list, tuple } from './primary';
import { SOFT_KEYWORDS, type Parser } from './state';
import { starTargets } from './targets';

const AUGASSIGN = [
  '+=',
  '-=',
  '*=',
  '@=',
  '/=',
  '%=',
  '&=',
  '|=',
  '^=',
  '<<=',
  '>>=',
  '**=',
  '//=',
];

const isLegacy = (e: Expr) => e.kind === 'Name' && (e.id === 'print' || e.id === 'exec');

/** RAISE_SYNTAX_ERROR_INVALID_TARGET */
function raiseInvalidTarget(p: Parser, type: TargetsType, e: Expr): never {
  const bad = invalidTarget(e, type);
  if (!bad) p.raise('invalid syntax');
  p.raise(`cannot ${type === 'del' ? 'delete' : 'assign to'} ${exprName(bad)}`);
}

export function augassign(p: Parser): string | null {
  for (const op of AUGASSIGN) if (p.op(op)) return op;
  return null;
}

export function invalidLegacyExpression(p: Parser): null {
  const a = p.name();
  if (!a || p.ahead(() => p.op('('))) return null;
  const b = starExpressions(p);
  if (!b) return null;
  if (a.string === 'print' || a.string === 'exec')
    p.raise(`Missing parentheses in call to '${a.string}'. Did you mean ${a.string}(...)?`);
  return null;
}

export function invalidExpression(p: Parser): null {
  const first = p.mark;
  const nameThenString = () => {
    const t = p.name();
    return t !== null && p.token('STRING') !== null;
  };
  const softKeyword = () => {
    const t = p.peek();
    return t.type === 'NAME' && SOFT_KEYWORDS.has(t.string);
  };
  if (!p.ahead(nameThenString) && !softKeyword()) {
    const a = disjunction(p);
    const b = a && expressionWithoutInvalid(p);
    if (a && b) {
      if (isLegacy(a) || p.previous().level === 0) return null;
      p.raise('invalid syntax. Perhaps you forgot a comma?');
    }
  }
  p.reset(first);
  const a = disjunction(p);
  if (a && p.keyword('if') && disjunction(p)) {
    if (!p.ahead(() => p.keyword('else') ?? p.op(':')))
      p.raise("expected 'else' after 'if' expression");
  }
  return null;
}

export function invalidNamedExpression(p: Parser): null {
  return p.memo('invalid_named_expression', () => {
    const first = p.mark;
    const a = expression(p);
    if (a && p.op(':=') && expression(p))
      p.raise(`cannot use assignment expressions with ${exprName(a)}`);
    p.reset(first);
    const notEqOrWalrus = () => !p.ahead(() => p.op('=') ?? p.op(':='));
    if (p.name() && p.op('=') && bitwiseOr(p) && notEqOrWalrus())
      p.raise("invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    p.reset(first);
    const t = p.peek();
    const excluded =
      (t.type === 'NAME' && ['True', 'None', 'False'].includes(t.string)) ||
      p.ahead(() => list(p) ?? tuple(p) ?? genexp(p));
    if (!excluded) {
      const b = bitwiseOr(p);
      if (b && p.op('=') && bitwiseOr(p) && notEqOrWalrus())
        p.raise(`cannot assign to ${exprName(b)} here. Maybe you meant '==' instead of '='?`);
    }
    return null;
  });
}

export function invalidAssignment(p: Parser): null {
  const first = p.mark;
  const annTarget = invalidAnnAssignTarget(p);
  if (annTarget && p.op(':') && expression(p))
    p.raise(`only single target (not ${exprName(annTarget)}) can be annotated`);
  p.reset(first);
  if (starNamedExpression(p) && p.op(',')) {
    while (starNamedExpressions(p));
    if (p.op(':') && expression(p)) p.raise('only single target (not tuple) can be annotated');
  }
  p.reset(first);
  if (expression(p) && p.op(':') && expression(p)) p.raise('illegal target for annotation');
  p.reset(first);
  starTargetsEquals(p);
  const a = starExpressions(p);
  if (a && p.op('=')) raiseInvalidTarget(p, 'star', a);
  p.reset(first);
  starTargetsEquals(p);
  if (yieldExpr(p) && p.op('=')) p.raise('assignment to yield expression not possible');
  p.reset(first);
  const c = starExpressions(p);
  if (c && augassign(p) && (yieldExpr(p) ?? starExpressions(p)))
    p.raise(`'${exprName(c)}' is an illegal expression for augmented assignment`);
  return null;
}

/** `(star_targets '=')*` */
function starTargetsEquals(p: Parser): void {
  for (;;) {
    const m = p.mark;
    if (!(starTargets(p) && p.op('='))) {
      p.reset(m);
      return;
    }
  }
}

/** `list | tuple | '(' invalid_ann_assign_target ')'` */
function invalidAnnAssignTarget(p: Parser): Expr | null {
  const first = p.mark;
  const e = list(p) ?? tuple(p);
  if (e) return e;
  p.reset(first);
  if (p.op('(')) {
    const inner = invalidAnnAssignTarget(p);
    if (inner && p.op(')')) return inner;
  }
  p.reset(first);
  return null;
}

export function invalidDelStmt(p: Parser): null {
  if (!p.keyword('del')) return null;
  const a = starExpressions(p);
  if (a) raiseInvalidTarget(p, 'del', a);
  return null;
}

export function invalidComprehension(p: Parser): null {
  const first = p.mark;
  const open = p.op('[') ?? p.op('(') ?? p.op('{');
  if (!open) return null;
  if (starredExpression(p) && forIfClauses(p))
    p.raise('iterable unpacking cannot be used in comprehension');
  if (open.string === '(') return null;
  p.reset(first + 1);
  const a = starNamedExpression(p);
  if (a && p.op(',')) {
    const m = p.mark;
    if (starNamedExpressions(p) && forIfClauses(p))
      p.raise('did you forget parentheses around the comprehension target?');
    p.reset(m);
    if (forIfClauses(p)) p.raise('did you forget parentheses around the comprehension target?');
  }
  return null;
}

export function invalidDictComprehension(p: Parser): null {
  if (p.op('{') && p.op('**') && bitwiseOr(p) && forIfClauses(p) && p.op('}'))
    p.raise('dict unpacking cannot be used in dict comprehension');
  return null;
}

export function invalidForTarget(p: Parser): null {
  p.keyword('async');
  if (!p.keyword('for')) return null;
  const a = starExpressions(p);
  if (a) raiseInvalidTarget(p, 'for', a);
  return null;
}

export function invalidGroup(p: Parser): null {
  const first = p.mark;
  if (p.op('(') && starredExpression(p) && p.op(')')) p.raise('cannot use starred expression here');
  p.reset(first);
  if (p.op('(') && p.op('**') && expression(p) && p.op(')'))
    p.raise('cannot use double starred expression here');
  return null;
}

export function invalidKwarg(p: Parser): null {
  const first = p.mark;
  const t = p.peek();
  if (t.type === 'NAME' && ['True', 'False', 'None'].includes(t.string)) {
    p.mark++;
    if (p.op('=')) p.raise(`cannot assign to ${t.string}`);
  }
  p.reset(first);
  if (p.name() && p.op('=') && expression(p) && forIfClauses(p))
    p.raise("invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
  p.reset(first);
  const nameEquals = () => p.name() !== null && p.op('=') !== null;
  if (!p.ahead(nameEquals) && expression(p) && p.op('='))
    p.raise('expression cannot contain assignment, perhaps you meant "=="?');
  return null;
}

export function invalidArguments(p: Parser): null {
  const first = p.mark;
  let a: CallArgs | null = args(p);
  if (a && p.op(',') && p.op('*'))
    p.raise('iterable argument unpacking follows keyword argument unpacking');
  p.reset(first);
  if (expression(p) && forIfClauses(p) && p.op(','))
    p.raise('Generator expression must be parenthesized');
  p.reset(first);
  if (p.name() && p.op('=') && expression(p) && forIfClauses(p))
    p.raise("invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
  p.reset(first);
  a = args(p);
  if (a && forIfClauses(p)) {
    if (a.args.length <= 1) return null;
    p.raise('Generator expression must be parenthesized');
  }
  p.reset(first);
  if (args(p) && p.op(',') && expression(p) && forIfClauses(p))
    p.raise('Generator expression must be parenthesized');
  p.reset(first);
  a = args(p);
  if (a && p.op(',') && args(p)) {
    const unpacking = a.keywords.some((k) => k.arg === null);
    p.raise(
      unpacking
        ? 'positional argument follows keyword argument unpacking'
        : 'positional argument follows keyword argument',
    );
  }
  return null;
}

export function invalidDoubleStarredKvpairs(p: Parser): null {
  const first = p.mark;
  let n = 0;
  for (;;) {
    const m = p.mark;
    if (n && !p.op(',')) break;
    if (!doubleStarredKvpair(p)) {
      p.reset(m);
      break;
    }
    n++;
  }
  if (n && p.op(',')) invalidKvpair(p);
  p.reset(first);
  return invalidKvpairTail(p);
}

function invalidKvpair(p: Parser): null {
  const first = p.mark;
  if (expression(p) && !p.ahead(() => p.op(':'))) p.raise("':' expected after dictionary key");
  p.reset(first);
  return invalidKvpairTail(p);
}

/** The two alternatives `invalid_kvpair` and `invalid_double_starred_kvpairs` share. */
function invalidKvpairTail(p: Parser): null {
  const first = p.mark;
  if (expression(p) && p.op(':') && p.op('*') && bitwiseOr(p))
    p.raise('cannot use a starred expression in a dictionary value');
  p.reset(first);
  if (expression(p) && p.op(':') && p.ahead(() => p.op('}') ?? p.op(',')))
    p.raise("expression expected after dictionary key and ':'");
  return null;
}
