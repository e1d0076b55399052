/**
 * f-strings as Python 3.11 reads them (Parser/string_parser.c): literal text with `{{`/`}}`,
 * and replacement fields `{expression!conversion:spec}` (the spec may hold fields of its own,
 * one level deep), `{expression=}` for debugging. The expression is parsed like any other, and
 * its syntax errors say "f-string: ...".
 */
import type { Expr } from './ast';
import { PySyntaxError } from './errors';

export interface FieldPiece {
  expr: Expr;
  conversion: string | null;
  spec: FPiece[] | null;
  /** `f'{x=}'`: the text printed before the value. */
  debug: string;
}
export type FPiece = string | FieldPiece;

const fail = (message: string): never => {
  throw new PySyntaxError(message);
};

/**
 * The pieces of an f-string's body. `decode` turns literal text into its value (escapes);
 * `parse` parses an expression's source.
 */
export function parseFString(
  body: string,
  decode: (text: string) => string,
  parse: (source: string) => Expr,
  depth = 0,
): FPiece[] {
  const pieces: FPiece[] = [];
  let literal = '';
  const flush = () => {
    if (literal) pieces.push(decode(literal));
    literal = '';
  };
  let i = 0;
  while (i < body.length) {
    const c = body[i] as string;
    if (c === '{' && body[i + 1] === '{' && depth === 0) {
      literal += '{';
      i += 2;
      continue;
    }
    if (c === '}') {
      if (body[i + 1] === '}' && depth === 0) {
        literal += '}';
        i += 2;
        continue;
      }
      fail("f-string: single '}' is not allowed");
    }
    if (c !== '{') {
      literal += c;
      i++;
      continue;
    }
    flush();
    if (depth >= 2) fail('f-string: expressions nested too deeply');
    const [field, end] = readField(body, i + 1, decode, parse, depth);
    pieces.push(field);
    i = end;
  }
  flush();
  return pieces;
}

/** One `{...}` field starting after its `{`: the piece and the index after its `}`. */
function readField(
  body: string,
  start: number,
  decode: (text: string) => string,
  parse: (source: string) => Expr,
  depth: number,
): [FieldPiece, number] {
  let i = start;
  let nesting = 0;
  let quote: string | null = null;
  for (; i < body.length; i++) {
    const c = body[i] as string;
    if (c === '\\') fail('f-string expression part cannot include a backslash');
    if (quote) {
      if (body.startsWith(quote, i)) {
        i += quote.length - 1;
        quote = null;
      }
      continue;
    }
    if (c === "'" || c === '"') {
      quote = body.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
      i += quote.length - 1;
      continue;
    }
    if (c === '#') fail("f-string expression part cannot include '#'");
    if ('([{'.includes(c)) nesting++;
    else if (')]}'.includes(c)) {
      if (nesting === 0) break;
      nesting--;
    } else if (nesting === 0) {
      if (c === '!' && body[i + 1] !== '=') break;
      if (c === ':') break;
      if (c === '=' && !'=!<>'.includes(body[i - 1] ?? '') && body[i + 1] !== '=') break;
    }
  }
  if (quote) fail('f-string: unterminated string');
  if (i >= body.length) fail("f-string: expecting '}'");
  const source = body.slice(start, i);
  if (!source.trim()) fail('f-string: empty expression not allowed');
  const expr = parse(source);
  let debug = '';
  let conversion: string | null = null;
  let spec: FPiece[] | null = null;
  if (body[i] === '=') {
    debug = source + '=';
    i++;
    while (body[i] === ' ') debug += body[i++];
  }
  if (body[i] === '!') {
    const k = body[i + 1];
    if (k === undefined) fail("f-string: expecting '}'");
    if (!['s', 'r', 'a'].includes(k as string))
      fail("f-string: invalid conversion character: expected 's', 'r', or 'a'");
    conversion = k as string;
    i += 2;
  }
  if (body[i] === ':') {
    let j = i + 1;
    let inner = 0;
    for (; j < body.length; j++) {
      if (body[j] === '{') inner++;
      else if (body[j] === '}') {
        if (inner === 0) break;
        inner--;
      }
    }
    spec = parseFString(body.slice(i + 1, j), decode, parse, depth + 1);
    i = j;
  }
  if (body[i] !== '}') fail("f-string: expecting '}'");
  // `{x=}` prints the repr unless a conversion or a spec says otherwise.
  if (debug && conversion === null && spec === null) conversion = 'r';
  return [{ expr, conversion, spec, debug }, i + 1];
}
