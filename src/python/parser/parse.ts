/**
 * `compile(source, '<console>', 'exec')` up to the point where Python would report a
 * SyntaxError: tokenize, parse (a first pass, then a second with the `invalid_*` rules to find
 * the specific message), then the compiler's own checks.
 */
import { PyValueError } from '../errors';
import type { Stmt } from './ast';
import { checkModule } from './compile';
import { PyIndentationError, PySyntaxError } from './errors';
import { Parser } from './state';
import { file } from './statements';
import { tokenize, type Token } from './tokenizer';

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
