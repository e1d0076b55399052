/**
 * Python 3.11's call arguments (`arguments`, `args`, `kwargs`) and lambdas, the rules with the
 * most specific error messages ("positional argument follows keyword argument", ...).
 */
import type { Expr, Keyword } from './ast';
import { expression, namedOrPlain } from './expressions';
import { invalidArguments, invalidKwarg } from './invalid';
import type { Parser } from './state';

export interface CallArgs {
  args: Expr[];
  keywords: Keyword[];
}

/** `arguments`: `args [','] &')'`, or `invalid_arguments`. */
export function argumentsRule(p: Parser): CallArgs | null {
  return p.memo('arguments', () => {
    const first = p.mark;
    const a = args(p);
    if (a) {
      p.op(',');
      if (p.ahead(() => p.op(')'))) return a;
    }
    p.reset(first);
    if (p.callInvalid) invalidArguments(p);
    return null;
  });
}

function positionalArg(p: Parser): Expr | null {
  const s = starredExpression(p);
  if (s) return s;
  const m = p.mark;
  const e = namedOrPlain(p);
  if (e && !p.ahead(() => p.op('='))) return e;
  p.reset(m);
  return null;
}

export function args(p: Parser): CallArgs | null {
  const first = p.mark;
  const positional = p.gather(() => positionalArg(p));
  if (positional.length) {
    const m = p.mark;
    const kw = p.op(',') ? kwargs(p) : null;
    if (!kw) {
      p.reset(m);
      return { args: positional, keywords: [] };
    }
    return { args: [...positional, ...kw.args], keywords: kw.keywords };
  }
  p.reset(first);
  return kwargs(p);
}

type KwItem = { starred: Expr } | Keyword;

function kwargGather(p: Parser, item: (p: Parser) => KwItem | null): KwItem[] | null {
  const items = p.gather(() => item(p));
  return items.length ? items : null;
}

function kwargs(p: Parser): CallArgs | null {
  const first = p.mark;
  let items = kwargGather(p, kwargOrStarred);
  if (items) {
    const m = p.mark;
    const more = p.op(',') ? kwargGather(p, kwargOrDoubleStarred) : null;
    if (more) items = [...items, ...more];
    else p.reset(m);
  } else {
    p.reset(first);
    items = kwargGather(p, kwargOrDoubleStarred);
  }
  if (!items) return null;
  const out: CallArgs = { args: [], keywords: [] };
  for (const i of items) {
    if ('starred' in i) out.args.push(i.starred);
    else out.keywords.push(i);
  }
  return out;
}

function keywordArg(p: Parser): Keyword | null {
  const m = p.mark;
  const name = p.name();
  if (name && p.op('=')) {
    const value = expression(p);
    if (value) return { arg: name.string.normalize('NFKC'), value };
  }
  p.reset(m);
  return null;
}

function kwargOrStarred(p: Parser): KwItem | null {
  if (p.callInvalid) {
    const m = p.mark;
    invalidKwarg(p);
    p.reset(m);
  }
  const kw = keywordArg(p);
  if (kw) return kw;
  const s = starredExpression(p);
  return s && { starred: s };
}

function kwargOrDoubleStarred(p: Parser): KwItem | null {
  if (p.callInvalid) {
    const m = p.mark;
    invalidKwarg(p);
    p.reset(m);
  }
  const kw = keywordArg(p);
  if (kw) return kw;
  const m = p.mark;
  if (p.op('**')) {
    const value = expression(p);
    if (value) return { arg: null, value };
  }
  p.reset(m);
  return null;
}

export function starredExpression(p: Parser): Expr | null {
  const first = p.mark;
  if (p.op('*')) {
    const value = expression(p);
    if (value) return p.node(first, { kind: 'Starred', value });
  }
  p.reset(first);
  return null;
}

/** `lambda [params]: body`. Parameters are checked loosely: the console never runs a lambda. */
export function lambdef(p: Parser): Expr | null {
  const first = p.mark;
  if (!p.keyword('lambda')) return null;
  for (let n = 0; ; n++) {
    const m = p.mark;
    if (n && !p.op(',')) break;
    const ok =
      p.op('/') ||
      (p.op('**') && p.name()) ||
      (p.op('*') && (p.name() ?? true)) ||
      (p.name() && (p.op('=') ? expression(p) : true));
    if (!ok) {
      p.reset(m);
      if (n) p.op(',');
      break;
    }
  }
  if (p.op(':')) {
    const body = expression(p);
    if (body) return p.node(first, { kind: 'Lambda', body });
  }
  p.reset(first);
  return null;
}
