/** Assignment and `del` targets (Python 3.11's `star_targets`, `single_target`, `del_targets`). */
import type { Expr } from './ast';
import { argumentsRule } from './arguments';
import { atom, genArgs, genexp, slices } from './primary';
import type { Parser } from './state';

const tLookahead = (p: Parser) => p.ahead(() => p.op('(') ?? p.op('[') ?? p.op('.'));

/** `t_primary`: a primary that a `.name` or `[...]` target is taken from. */
function tPrimary(p: Parser): Expr | null {
  return p.memo('t_primary', () => {
    const first = p.mark;
    let a = atom(p);
    if (!a || !tLookahead(p)) return null;
    for (;;) {
      const m = p.mark;
      const next = tTrailer(p, first, a);
      if (!next || !tLookahead(p)) {
        p.reset(m);
        return a;
      }
      a = next;
    }
  });
}

function tTrailer(p: Parser, first: number, a: Expr): Expr | null {
  const m = p.mark;
  if (p.op('.')) {
    const name = p.name();
    if (name && tLookahead(p))
      return p.node(first, { kind: 'Attribute', value: a, attr: name.string });
    p.reset(m);
  }
  if (p.op('[')) {
    const s = slices(p);
    if (s && p.op(']') && tLookahead(p))
      return p.node(first, { kind: 'Subscript', value: a, slice: s });
    p.reset(m);
  }
  const g = genexp(p);
  if (g && tLookahead(p)) return p.node(first, { kind: 'Call', func: a, ...genArgs(g) });
  p.reset(m);
  if (p.op('(')) {
    const call = argumentsRule(p) ?? { args: [], keywords: [] };
    if (p.op(')') && tLookahead(p)) return p.node(first, { kind: 'Call', func: a, ...call });
    p.reset(m);
  }
  return null;
}

/** `t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead` */
export function singleSubscriptAttributeTarget(p: Parser): Expr | null {
  const first = p.mark;
  const a = tPrimary(p);
  if (!a) return null;
  const m = p.mark;
  if (p.op('.')) {
    const name = p.name();
    if (name && !tLookahead(p))
      return p.node(first, { kind: 'Attribute', value: a, attr: name.string });
  }
  p.reset(m);
  if (p.op('[')) {
    const s = slices(p);
    if (s && p.op(']') && !tLookahead(p))
      return p.node(first, { kind: 'Subscript', value: a, slice: s });
  }
  p.reset(first);
  return null;
}

export function singleTarget(p: Parser): Expr | null {
  const first = p.mark;
  const a = singleSubscriptAttributeTarget(p);
  if (a) return a;
  const name = p.name();
  if (name) return p.node(first, { kind: 'Name', id: name.string.normalize('NFKC') });
  if (p.op('(')) {
    const inner = singleTarget(p);
    if (inner && p.op(')')) return inner;
  }
  p.reset(first);
  return null;
}

export function starTargets(p: Parser): Expr | null {
  const first = p.mark;
  const a = starTarget(p);
  if (!a) return null;
  if (!p.ahead(() => p.op(','))) return a;
  const elts = [a];
  for (;;) {
    const m = p.mark;
    const e = p.op(',') ? starTarget(p) : null;
    if (!e) {
      p.reset(m);
      break;
    }
    elts.push(e);
  }
  p.op(',');
  return p.node(first, { kind: 'Tuple', elts });
}

/** `','.star_target+ [',']`, and the tuple form that needs a comma. */
function starTargetSeq(p: Parser, needComma: boolean): Expr[] | null {
  const first = p.mark;
  const elts = p.gather(() => starTarget(p));
  const comma = p.op(',');
  if (!elts.length || (needComma && elts.length === 1 && !comma)) {
    p.reset(first);
    return null;
  }
  return elts;
}

function starTarget(p: Parser): Expr | null {
  return p.memo('star_target', () => {
    const first = p.mark;
    if (p.op('*')) {
      const inner = p.ahead(() => p.op('*')) ? null : starTarget(p);
      if (inner) return p.node(first, { kind: 'Starred', value: inner });
      p.reset(first);
    }
    return targetWithStarAtom(p);
  });
}

function targetWithStarAtom(p: Parser): Expr | null {
  return p.memo('target_with_star_atom', () => {
    const a = singleSubscriptAttributeTarget(p);
    return a ?? starAtom(p);
  });
}

function starAtom(p: Parser): Expr | null {
  const first = p.mark;
  const name = p.name();
  if (name) return p.node(first, { kind: 'Name', id: name.string.normalize('NFKC') });
  if (p.op('(')) {
    const inner = targetWithStarAtom(p);
    if (inner && p.op(')')) return inner;
    p.reset(first + 1);
    const elts = starTargetSeq(p, true) ?? [];
    if (p.op(')')) return p.node(first, { kind: 'Tuple', elts });
  }
  p.reset(first);
  if (p.op('[')) {
    const elts = starTargetSeq(p, false) ?? [];
    if (p.op(']')) return p.node(first, { kind: 'List', elts });
  }
  p.reset(first);
  return null;
}

export function delTargets(p: Parser): Expr[] | null {
  const elts = p.gather(() => delTarget(p));
  if (!elts.length) return null;
  p.op(',');
  return elts;
}

function delTarget(p: Parser): Expr | null {
  return p.memo('del_target', () => {
    const a = singleSubscriptAttributeTarget(p);
    return a ?? delTAtom(p);
  });
}

function delTAtom(p: Parser): Expr | null {
  const first = p.mark;
  const name = p.name();
  if (name) return p.node(first, { kind: 'Name', id: name.string.normalize('NFKC') });
  for (const [open, close, kind] of [
    ['(', ')', 'Tuple'],
    ['[', ']', 'List'],
  ] as const) {
    p.reset(first);
    if (!p.op(open)) continue;
    if (open === '(') {
      const inner = delTarget(p);
      if (inner && p.op(')')) return inner;
      p.reset(first + 1);
    }
    const elts = delTargets(p) ?? [];
    if (p.op(close)) return p.node(first, { kind, elts });
  }
  p.reset(first);
  return null;
}
