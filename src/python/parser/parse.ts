/**
 * `compile(source, '<console>', 'exec')` up to the point where Python would report a
 * SyntaxError: tokenize, parse (a first pass, then a second with the `invalid_*` rules to find
 * the specific message), then the compiler's own checks.
 */
import { PyValueError } from '../errors';
import type { Expr, Stmt } from './ast';
import { expressions } from './expressions';
import { checkModule } from './compile';
import { PyIndentationError, PySyntaxError } from './errors';
import { Parser } from './state';
import { file } from './statements';
import { tokenize, type Token } from './tokenizer';

/**
 * Whether the source is also valid in 'eval' mode (`expressions NEWLINE* ENDMARKER`): then the
 * console prints its value. Called after parseModule accepted the source.
 */
export function evalExpression(source: string): Expr | null {
  const p = new Parser(tokenize(source));
  const e = expressions(p);
  if (!e) return null;
  while (p.token('NEWLINE'));
  return p.token('ENDMARKER') ? e : null;
}

/** An f-string field's expression, parsed as Python does: in parentheses, errors "f-string: ...". */
export function parseFieldSource(source: string): Expr {
  try {
    const body = parseModule(`(${source})`);
    const only = body[0];
    if (body.length !== 1 || only?.kind !== 'Expr') throw new PySyntaxError('invalid syntax');
    return only.value;
  } catch (e) {
    if (e instanceof PySyntaxError && !e.message.startsWith('f-string'))
      throw new PySyntaxError(`f-string: ${e.message}`);
    throw e;
  }
}

export function parseModule(source: string): Stmt[] {
  if (source.includes('\0')) throw new PyValueError('source code string cannot contain null bytes');
  const tokens = tokenize(source);
  const p = new Parser(tokens);
  const body = file(p);
  if (!body) {
    const last = tokens[p.fill - 1] as Token;
    p.startErrorPass();
    file(p);
    if (last.type === 'INDENT') throw new PyIndentationError('unexpected indent');
    if (last.type === 'DEDENT') throw new PyIndentationError('unexpected unindent');
    throw new PySyntaxError('invalid syntax');
  }
  checkModule(body);
  return body;
}
