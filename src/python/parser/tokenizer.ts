/**
 * Python 3.11's tokenizer (Parser/tokenizer.c), for source compiled in 'exec' mode: the same
 * tokens and the same error messages.
 *
 * Its errors come in two kinds, and which one wins decides what Python prints:
 * - "hard" ones (unterminated string, invalid character, bad number, unmatched bracket) are raised
 *   as soon as the tokenizer meets them, and after a parser error Python tokenizes the rest of
 *   the line to look for them, so they always win. `tokenize` throws them.
 * - "soft" ones (end of input inside brackets, a stray backslash) are raised only if the parser
 *   asks for that token. `tokenize` ends the list with an ERROR token carrying them.
 */
import type { PyException } from '../errors';
import { PyIndentationError, PySyntaxError } from './errors';

export type TokenType =
  'NAME' | 'NUMBER' | 'STRING' | 'OP' | 'NEWLINE' | 'INDENT' | 'DEDENT' | 'ENDMARKER' | 'ERROR';

export interface Token {
  type: TokenType;
  string: string;
  /** Offsets into the (newline-normalised) source. */
  start: number;
  end: number;
  line: number;
  /** The bracket depth after this token, as the parser's "forgot a comma" check reads it. */
  level: number;
  /** On an ERROR token: the exception that fetching it raises. */
  error?: PyException;
}

const TWO_CHAR = new Set('!= %= &= ** *= += -= -> // /= := << <= <> == >= >> @= ^= |='.split(' '));
const THREE_CHAR = new Set(['**=', '//=', '<<=', '>>=']);
const OPEN = '([{';
const CLOSE = ')]}';
const MAXLEVEL = 200;
const MAXINDENT = 100;

const isDigit = (c: string) => c >= '0' && c <= '9';
const isHex = (c: string) => /^[0-9a-fA-F]$/.test(c);
const isIdStart = (c: string) =>
  (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_' || c >= '\x80';
const isIdChar = (c: string) => isIdStart(c) || isDigit(c);

// Py_UNICODE_ISPRINTABLE is false for these categories (the ASCII space excepted).
const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;
export function isPrintable(ch: string): boolean {
  return ch === ' ' || !NON_PRINTABLE.test(ch);
}

export function hex4(cp: number): string {
  return cp.toString(16).toUpperCase().padStart(4, '0');
}

/** `_PyUnicode_ScanIdentifier`: the index of the first character that breaks the identifier. */
function firstInvalidIdentifierChar(word: string): number {
  const chars = [...word];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    const ok = i === 0 ? ch === '_' || /\p{XID_Start}/u.test(ch) : /\p{XID_Continue}/u.test(ch);
    if (!ok) return i;
  }
  return chars.length;
}

/** Normalise newlines as Python's string tokenizer does, and end the source with one. */
export function normaliseSource(source: string): string {
  const text = source.replace(/\r\n?/g, '\n');
  return text.endsWith('\n') ? text : text + '\n';
}

export function tokenize(source: string): Token[] {
  return new Tokenizer(normaliseSource(source)).run();
}

class Tokenizer {
  private pos = 0;
  private line = 1;
  private level = 0;
  private readonly parens: { ch: string; line: number }[] = [];
  private readonly indents: number[] = [0];
  private readonly tokens: Token[] = [];
  private atLineStart = true;

  constructor(private readonly src: string) {}

  private at(i: number): string {
    return this.src[i] ?? '';
  }

  private push(type: TokenType, start: number, end = this.pos): void {
    this.tokens.push({
      type,
      string: this.src.slice(start, end),
      start,
      end,
      line: this.line,
      level: this.level,
    });
  }

  private hard(message: string): never {
    throw new PySyntaxError(message);
  }

  /** End the token list with a soft error. */
  private soft(error: PyException): Token[] {
    this.tokens.push({
      type: 'ERROR',
      string: '',
      start: this.pos,
      end: this.pos,
      line: this.line,
      level: this.level,
      error,
    });
    return this.tokens;
  }

  private eofError(): PyException {
    const open = this.parens[this.parens.length - 1];
    return open
      ? new PySyntaxError(`'${open.ch}' was never closed`)
      : new PySyntaxError('unexpected EOF while parsing');
  }

  run(): Token[] {
    for (;;) {
      if (this.atLineStart) {
        const stop = this.indentation();
        if (stop) return stop;
      }
      const c = this.at(this.pos);
      if (c === ' ' || c === '\t' || c === '\f') {
        this.pos++;
        continue;
      }
      if (c === '#') {
        while (this.at(this.pos) !== '\n' && this.pos < this.src.length) this.pos++;
        continue;
      }
      if (this.pos >= this.src.length) {
        if (this.level > 0) return this.soft(this.eofError());
        this.dedentTo(0);
        this.push('ENDMARKER', this.pos);
        return this.tokens;
      }
      if (c === '\n') {
        this.pos++;
        if (this.level === 0) this.push('NEWLINE', this.pos - 1);
        this.line++;
        this.atLineStart = this.level === 0;
        continue;
      }
      if (c === '\\') {
        if (this.at(this.pos + 1) !== '\n')
          return this.soft(
            new PySyntaxError('unexpected character after line continuation character'),
          );
        this.pos += 2;
        this.line++;
        if (this.pos >= this.src.length) return this.soft(this.eofError());
        continue;
      }
      this.token(c);
    }
  }

  /** INDENT/DEDENT at the start of a logical line; blank and comment lines do not count. */
  private indentation(): Token[] | undefined {
    let col = 0;
    let i = this.pos;
    for (;;) {
      const c = this.at(i);
      if (c === ' ') col++;
      else if (c === '\t') col = (Math.floor(col / 8) + 1) * 8;
      else if (c === '\f') col = 0;
      else break;
      i++;
    }
    if (this.at(i) === '#') while (i < this.src.length && this.at(i) !== '\n') i++;
    if (i >= this.src.length) {
      this.pos = i;
      this.atLineStart = false;
      return undefined;
    }
    if (this.at(i) === '\n') {
      // A blank or comment-only line: no indentation change and no NEWLINE.
      this.pos = i + 1;
      this.line++;
      return undefined;
    }
    this.pos = i;
    this.atLineStart = false;
    const current = this.indents[this.indents.length - 1] as number;
    if (col > current) {
      if (this.indents.length >= MAXINDENT)
        return this.soft(new PyIndentationError('too many levels of indentation'));
      this.indents.push(col);
      this.push('INDENT', this.pos - col, this.pos);
    } else if (col < current) {
      if (!this.indents.includes(col))
        return this.soft(
          new PyIndentationError('unindent does not match any outer indentation level'),
        );
      this.dedentTo(col);
    }
    return undefined;
  }

  private dedentTo(col: number): void {
    while ((this.indents[this.indents.length - 1] as number) > col) {
      this.indents.pop();
      this.push('DEDENT', this.pos, this.pos);
    }
  }

  private token(c: string): void {
    const start = this.pos;
    if (isIdStart(c)) return this.nameOrString(start);
    if (c === '.') {
      if (isDigit(this.at(start + 1))) {
        this.pos = start + 1;
        return this.number(start, 'fraction');
      }
      this.pos = start + (this.src.startsWith('...', start) ? 3 : 1);
      return this.push('OP', start);
    }
    if (isDigit(c)) return this.number(start, 'start');
    if (c === "'" || c === '"') return this.string(start, start);
    const two = this.src.slice(start, start + 2);
    if (TWO_CHAR.has(two)) {
      const three = this.src.slice(start, start + 3);
      this.pos = start + (THREE_CHAR.has(three) ? 3 : 2);
      return this.push('OP', start);
    }
    this.bracket(c);
    const cp = this.src.codePointAt(start) as number;
    if (!isPrintable(c)) this.hard(`invalid non-printable character U+${hex4(cp)}`);
    this.pos = start + 1;
    this.push('OP', start);
  }

  private bracket(c: string): void {
    if (OPEN.includes(c)) {
      if (this.level >= MAXLEVEL) this.hard('too many nested parentheses');
      this.parens.push({ ch: c, line: this.line });
      this.level++;
    } else if (CLOSE.includes(c)) {
      const open = this.parens.pop();
      if (!open) this.hard(`unmatched '${c}'`);
      this.level--;
      if (OPEN.indexOf(open.ch) !== CLOSE.indexOf(c)) {
        const where = open.line !== this.line ? ` on line ${open.line}` : '';
        this.hard(
          `closing parenthesis '${c}' does not match opening parenthesis '${open.ch}'${where}`,
        );
      }
    }
  }

  private nameOrString(start: number): void {
    // String prefixes: b, r, u, f and the combinations Python accepts (br, rb, fr, rf).
    let sawB = false;
    let sawR = false;
    let sawU = false;
    let sawF = false;
    let i = start;
    for (;;) {
      const c = this.at(i).toLowerCase();
      if (c === 'b' && !(sawB || sawU || sawF)) sawB = true;
      else if (c === 'u' && !(sawB || sawU || sawR || sawF)) sawU = true;
      else if (c === 'r' && !(sawR || sawU)) sawR = true;
      else if (c === 'f' && !(sawF || sawB || sawU)) sawF = true;
      else break;
      i++;
      const q = this.at(i);
      if (q === "'" || q === '"') return this.string(start, i);
    }
    while (isIdChar(this.at(i))) i++;
    const word = this.src.slice(start, i);
    if (/[^\x00-\x7f]/.test(word)) {
      const chars = [...word];
      const bad = firstInvalidIdentifierChar(word);
      if (bad < chars.length) {
        const ch = chars[bad] as string;
        const hex = hex4(ch.codePointAt(0) as number);
        this.hard(
          isPrintable(ch)
            ? `invalid character '${ch}' (U+${hex})`
            : `invalid non-printable character U+${hex}`,
        );
      }
    }
    this.pos = i;
    this.push('NAME', start);
  }

  private string(start: number, quoteAt: number): void {
    const quote = this.at(quoteAt);
    const triple = this.at(quoteAt + 1) === quote && this.at(quoteAt + 2) === quote;
    const size = triple ? 3 : 1;
    let i = quoteAt + size;
    if (!triple && this.at(quoteAt + 1) === quote) {
      this.pos = quoteAt + 2; // ''
      return this.push('STRING', start);
    }
    let run = 0;
    for (;;) {
      if (i >= this.src.length || (!triple && this.at(i) === '\n')) {
        // At the end of input the line counter is already past the final newline.
        const detected = i >= this.src.length ? this.line - 1 : this.line;
        this.hard(
          `unterminated ${triple ? 'triple-quoted ' : ''}string literal (detected at line ${detected})`,
        );
      }
      const c = this.at(i);
      if (c === '\n') this.line++;
      if (c === quote) {
        run++;
        i++;
        if (run === size) break;
        continue;
      }
      run = 0;
      if (c === '\\') {
        if (this.at(i + 1) === '\n') this.line++;
        i += 2;
      } else i++;
    }
    this.pos = i;
    this.push('STRING', start);
  }

  /** Number literals with Python 3.11's checks and messages. */
  private number(start: number, state: 'start' | 'fraction'): void {
    let i = this.pos;
    const c0 = this.at(i);
    const err = (msg: string): never => this.hard(msg);
    const decimalTail = (): void => {
      for (;;) {
        while (isDigit(this.at(i))) i++;
        if (this.at(i) !== '_') return;
        i++;
        if (!isDigit(this.at(i))) err('invalid decimal literal');
      }
    };
    const endOfNumber = (kind: string): void => {
      const rest = this.src.slice(i);
      // A keyword that may follow a number in valid code only warns (and ends the number).
      if (/^(and|else|for|if|in|is|or|not)(?![A-Za-z0-9_\x80-\uffff])/.test(rest)) return;
      if (/^i[fns]/.test(rest)) return;
      if (isIdChar(this.at(i))) err(`invalid ${kind} literal`);
    };
    const radix = (digit: (c: string) => boolean, kind: string, decimalDigitsError: boolean) => {
      i += 2; // 0x, 0o, 0b
      do {
        if (this.at(i) === '_') i++;
        const c = this.at(i);
        if (!digit(c)) {
          if (decimalDigitsError && isDigit(c)) err(`invalid digit '${c}' in ${kind} literal`);
          err(`invalid ${kind} literal`);
        }
        while (digit(this.at(i))) i++;
      } while (this.at(i) === '_');
      if (decimalDigitsError && isDigit(this.at(i)))
        err(`invalid digit '${this.at(i)}' in ${kind} literal`);
      endOfNumber(kind);
    };
    const exponentAndImaginary = (): void => {
      const e = this.at(i);
      if (e === 'e' || e === 'E') {
        const sign = this.at(i + 1);
        if (sign === '+' || sign === '-') {
          if (!isDigit(this.at(i + 2))) {
            i += 2;
            err('invalid decimal literal');
          }
          i += 2;
        } else if (!isDigit(sign)) {
          // `1e` is an error unless a keyword (`1else`) follows: then the number is `1`.
          endOfNumber('decimal');
          return;
        } else i++;
        decimalTail();
      }
      if (this.at(i) === 'j' || this.at(i) === 'J') {
        i++;
        endOfNumber('imaginary');
      } else endOfNumber('decimal');
    };
    if (state === 'fraction') {
      decimalTail();
      exponentAndImaginary();
    } else if (c0 === '0' && /[xX]/.test(this.at(i + 1))) {
      radix(isHex, 'hexadecimal', false);
    } else if (c0 === '0' && /[oO]/.test(this.at(i + 1))) {
      radix((c) => c >= '0' && c <= '7', 'octal', true);
    } else if (c0 === '0' && /[bB]/.test(this.at(i + 1))) {
      radix((c) => c === '0' || c === '1', 'binary', true);
    } else if (c0 === '0') {
      // Zeros, then maybe a float; other digits make an old-style octal, which is an error.
      i++;
      for (;;) {
        if (this.at(i) === '_') {
          i++;
          if (!isDigit(this.at(i))) err('invalid decimal literal');
        }
        if (this.at(i) !== '0') break;
        i++;
      }
      let nonzero = false;
      if (isDigit(this.at(i))) {
        nonzero = true;
        decimalTail();
      }
      const c = this.at(i);
      if (c === '.') {
        i++;
        if (isDigit(this.at(i))) decimalTail();
        exponentAndImaginary();
      } else if (c === 'e' || c === 'E' || c === 'j' || c === 'J') {
        exponentAndImaginary();
      } else if (nonzero) {
        err(
          'leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers',
        );
      } else endOfNumber('decimal');
    } else {
      decimalTail();
      if (this.at(i) === '.') {
        i++;
        if (isDigit(this.at(i))) decimalTail();
      }
      exponentAndImaginary();
    }
    this.pos = i;
    this.push('NUMBER', start);
  }
}
