/**
 * Python 3.11's primary expressions and atoms: attribute access, calls and their arguments,
 * subscripts and slices, literals, displays, comprehensions and lambdas.
 */
import type { Comprehension, Expr } from './ast';
import { argumentsRule, starredExpression, type CallArgs } from './arguments';
import {
  bitwiseOr,
  disjunction,
  expression,
  namedExpression,
  namedOrPlain,
  starNamedExpression,
  starNamedExpressions,
  yieldExpr,
} from './expressions';
import {
  invalidComprehension,
  invalidDictComprehension,
  invalidDoubleStarredKvpairs,
  invalidForTarget,
  invalidGroup,
} from './invalid';
import { number } from './numbers';
import type { Parser } from './state';
import { ConsoleUnsupported } from './errors';
import { decodeUnicodeEscapes, parseStringToken } from './strings';
import { parseFString, type FPiece } from './fstrings';
import { parseFieldSource } from './parse';

/** An f-string's literal text: escapes decoded; `\N{...}` cannot be known here. */
function literalText(text: string): string {
  const decoded = decodeUnicodeEscapes(text);
  if (decoded.unsupported) throw new ConsoleUnsupported('unicodeName');
  return decoded.value;
}
import { starTargets } from './targets';

export function primary(p: Parser): Expr | null {
  return p.memo('primary', () => {
    const first = p.mark;
    let a = atom(p);
    if (!a) return null;
    for (;;) {
      const next = trailer(p, first, a);
      if (!next) return a;
      a = next;
    }
  });
}

/** One step of `primary`: `.name`, a generator argument, `(arguments)` or `[slices]`. */
export function trailer(p: Parser, first: number, a: Expr): Expr | null {
  const m = p.mark;
  if (p.op('.')) {
    const name = p.name();
    if (name) return p.node(first, { kind: 'Attribute', value: a, attr: name.string });
    p.reset(m);
  }
  const g = genexp(p);
  if (g) return p.node(first, { kind: 'Call', func: a, ...genArgs(g) });
  p.reset(m);
  if (p.op('(')) {
    const call = argumentsRule(p);
    if (p.op(')')) return p.node(first, { kind: 'Call', func: a, ...(call ?? noArgs()) });
    p.reset(m);
  }
  if (p.op('[')) {
    const s = slices(p);
    if (s && p.op(']')) return p.node(first, { kind: 'Subscript', value: a, slice: s });
    p.reset(m);
  }
  return null;
}

const noArgs = (): CallArgs => ({ args: [], keywords: [] });

/** `f(x for x in y)`: the generator is the only argument. */
export const genArgs = (g: Expr): CallArgs => ({ args: [g], keywords: [] });

export function slices(p: Parser): Expr | null {
  const first = p.mark;
  const a = slice(p);
  if (a && !p.ahead(() => p.op(','))) return a;
  p.reset(first);
  const elts = p.gather(() => slice(p) ?? starredExpression(p));
  if (!elts.length) return null;
  p.op(',');
  return p.node(first, { kind: 'Tuple', elts });
}

function slice(p: Parser): Expr | null {
  const first = p.mark;
  const lower = expression(p);
  if (p.op(':')) {
    const upper = expression(p);
    let step: Expr | null = null;
    const m = p.mark;
    if (p.op(':')) step = expression(p);
    else p.reset(m);
    return p.node(first, { kind: 'Slice', lower, upper, step });
  }
  p.reset(first);
  return namedExpression(p);
}

export function atom(p: Parser): Expr | null {
  const first = p.mark;
  const tok = p.peek();
  if (tok.type === 'NAME') {
    const constants: Record<string, boolean | null> = { True: true, False: false, None: null };
    if (tok.string in constants) {
      p.mark++;
      return p.node(first, { kind: 'Constant', value: constants[tok.string] as boolean | null });
    }
    const name = p.name();
    return name && p.node(first, { kind: 'Name', id: name.string.normalize('NFKC') });
  }
  if (tok.type === 'STRING') return strings(p);
  if (tok.type === 'NUMBER') {
    p.mark++;
    return p.node(first, number(tok.string));
  }
  if (p.op('...')) return p.node(first, { kind: 'Constant', value: null, special: 'ellipsis' });
  if (tok.type !== 'OP') return null;
  const rules =
    tok.string === '('
      ? [tuple, group, genexp]
      : tok.string === '['
        ? [list, listcomp]
        : tok.string === '{'
          ? [dict, set, dictcomp, setcomp]
          : [];
  for (const rule of rules) {
    const e = rule(p);
    if (e) return e;
    p.reset(first);
  }
  return null;
}

/** `STRING+`: adjacent literals concatenated, bytes and str never mixed. */
function strings(p: Parser): Expr | null {
  return p.memo('strings', () => {
    const first = p.mark;
    const tokens = [];
    for (let tok = p.token('STRING'); tok; tok = p.token('STRING')) tokens.push(tok);
    const pieces = [];
    for (const tok of tokens) {
      const piece = parseStringToken(tok.string);
      if (pieces.length && piece.bytes !== (pieces[0] as { bytes: boolean }).bytes)
        p.raise('cannot mix bytes and nonbytes literals');
      pieces.push(piece);
    }
    if (!pieces.length) return null;
    if (pieces.some((s) => s.fstring)) {
      const parts: FPiece[] = [];
      for (const s of pieces) {
        if (!s.fstring) parts.push(s.value);
        else parts.push(...parseFString(s.value, s.raw ? (t) => t : literalText, parseFieldSource));
      }
      return p.node(first, { kind: 'JoinedStr', pieces: parts });
    }
    const value = pieces.map((s) => s.value).join('');
    const unsupported = pieces.find((s) => s.unsupported)?.unsupported;
    const bytes = (pieces[0] as { bytes: boolean }).bytes;
    return p.node(first, {
      kind: 'Constant',
      value,
      ...(bytes ? { special: 'bytes' as const } : {}),
      ...(unsupported ? { unsupported } : {}),
    });
  });
}

export function tuple(p: Parser): Expr | null {
  const first = p.mark;
  if (!p.op('(')) return null;
  let elts: Expr[] = [];
  const m = p.mark;
  const a = starNamedExpression(p);
  if (a && p.op(',')) elts = [a, ...(starNamedExpressions(p) ?? [])];
  else p.reset(m);
  if (!p.op(')')) return null;
  return p.node(first, { kind: 'Tuple', elts });
}

function group(p: Parser): Expr | null {
  const first = p.mark;
  if (p.op('(')) {
    const a = yieldExpr(p) ?? namedExpression(p);
    if (a && p.op(')')) return a;
  }
  p.reset(first);
  if (p.callInvalid) invalidGroup(p);
  return null;
}

/** A comprehension in `open ... close`, with `head` parsing the part before `for`. */
function comprehension(
  p: Parser,
  open: string,
  close: string,
  kind: 'GeneratorExp' | 'ListComp' | 'SetComp',
  head: (p: Parser) => Expr | null,
): Expr | null {
  const first = p.mark;
  if (p.op(open)) {
    const elt = head(p);
    const generators = elt && forIfClauses(p);
    if (elt && generators && p.op(close)) return p.node(first, { kind, elt, generators });
  }
  p.reset(first);
  if (p.callInvalid) invalidComprehension(p);
  return null;
}

export function genexp(p: Parser): Expr | null {
  return comprehension(p, '(', ')', 'GeneratorExp', namedOrPlain);
}
function listcomp(p: Parser): Expr | null {
  return comprehension(p, '[', ']', 'ListComp', namedExpression);
}
function setcomp(p: Parser): Expr | null {
  return comprehension(p, '{', '}', 'SetComp', namedExpression);
}

export function list(p: Parser): Expr | null {
  const first = p.mark;
  if (!p.op('[')) return null;
  const elts = starNamedExpressions(p) ?? [];
  return p.op(']') ? p.node(first, { kind: 'List', elts }) : null;
}

function set(p: Parser): Expr | null {
  const first = p.mark;
  if (!p.op('{')) return null;
  const elts = starNamedExpressions(p);
  return elts && p.op('}') ? p.node(first, { kind: 'Set', elts }) : null;
}

interface KeyValue {
  key: Expr | null;
  value: Expr;
}

export function kvpair(p: Parser): KeyValue | null {
  const first = p.mark;
  const key = expression(p);
  if (key && p.op(':')) {
    const value = expression(p);
    if (value) return { key, value };
  }
  p.reset(first);
  return null;
}

export function doubleStarredKvpair(p: Parser): KeyValue | null {
  const first = p.mark;
  if (p.op('**')) {
    const value = bitwiseOr(p);
    if (value) return { key: null, value };
    p.reset(first);
  }
  return kvpair(p);
}

/** `','.double_starred_kvpair+ [',']` */
export function doubleStarredKvpairs(p: Parser, trailingComma = true): KeyValue[] | null {
  const items = p.gather(() => doubleStarredKvpair(p));
  if (!items.length) return null;
  if (trailingComma) p.op(',');
  return items;
}

function dict(p: Parser): Expr | null {
  const first = p.mark;
  if (p.op('{')) {
    const items = doubleStarredKvpairs(p) ?? [];
    if (p.op('}'))
      return p.node(first, {
        kind: 'Dict',
        keys: items.map((i) => i.key),
        values: items.map((i) => i.value),
      });
  }
  p.reset(first);
  // Not only in the second pass: pegen gates an alternative on the error pass only when it is
  // nothing but an invalid_ rule, and this one also has the braces. So `{'a': 1, 'b' 2}` says
  // "':' expected after dictionary key" from the first pass.
  if (p.op('{')) {
    invalidDoubleStarredKvpairs(p);
    p.reset(first);
  }
  return null;
}

function dictcomp(p: Parser): Expr | null {
  const first = p.mark;
  if (p.op('{')) {
    const kv = kvpair(p);
    const generators = kv && forIfClauses(p);
    if (kv && generators && p.op('}'))
      return p.node(first, { kind: 'DictComp', key: kv.key as Expr, elt: kv.value, generators });
  }
  p.reset(first);
  if (p.callInvalid) invalidDictComprehension(p);
  return null;
}

export function forIfClauses(p: Parser): Comprehension[] | null {
  const clauses: Comprehension[] = [];
  for (let c = forIfClause(p); c; c = forIfClause(p)) clauses.push(c);
  return clauses.length ? clauses : null;
}

function forIfClause(p: Parser): Comprehension | null {
  const first = p.mark;
  p.keyword('async');
  if (p.keyword('for')) {
    const target = starTargets(p);
    if (target && p.keyword('in')) {
      // The cut (`~`): after `in`, no other alternative is tried.
      const iter = disjunction(p);
      if (!iter) {
        p.reset(first);
        return null;
      }
      const ifs: Expr[] = [];
      for (;;) {
        const m = p.mark;
        const cond = p.keyword('if') ? disjunction(p) : null;
        if (!cond) {
          p.reset(m);
          break;
        }
        ifs.push(cond);
      }
      return { target, iter, ifs };
    }
  }
  p.reset(first);
  if (p.callInvalid) invalidForTarget(p);
  return null;
}
