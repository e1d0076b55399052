/**
 * The PEG parser's machinery, as Python 3.11's generated parser has it: a token cursor with
 * backtracking, per-rule memoisation, and a second pass in which the `invalid_*` rules are active
 * and raise Python's specific SyntaxError messages.
 */
import { PySyntaxError } from './errors';
import type { Token } from './tokenizer';

export const KEYWORDS = new Set(
  (
    'False None True and as assert async await break class continue def del elif else except ' +
    'finally for from global if import in is lambda nonlocal not or pass raise return try ' +
    'while with yield'
  ).split(' '),
);

/** Names that are keywords only in some places; `invalid_expression` looks out for them. */
export const SOFT_KEYWORDS = new Set(['_', 'case', 'match']);

interface MemoEntry {
  value: unknown;
  end: number;
}

export class Parser {
  mark = 0;
  /** How many tokens the parser has asked for (pegen's `fill`). */
  fill = 0;
  /** The second pass: `invalid_*` rules are tried. */
  callInvalid = false;
  private memos = new Map<string, Map<number, MemoEntry>>();

  constructor(readonly tokens: Token[]) {}

  /** The token at the cursor. Asking for the tokenizer's soft error raises it. */
  peek(): Token {
    const tok = this.tokens[Math.min(this.mark, this.tokens.length - 1)] as Token;
    this.fill = Math.max(this.fill, this.mark + 1);
    if (tok.type === 'ERROR') throw tok.error;
    return tok;
  }

  /** The token just consumed. */
  previous(): Token {
    return this.tokens[this.mark - 1] as Token;
  }

  reset(mark: number): void {
    this.mark = mark;
  }

  /** Start the error pass: forget the memo, rewind, turn on the `invalid_*` rules. */
  startErrorPass(): void {
    this.memos.clear();
    this.mark = 0;
    this.callInvalid = true;
  }

  private take(ok: (t: Token) => boolean): Token | null {
    const tok = this.peek();
    if (!ok(tok)) return null;
    this.mark++;
    return tok;
  }

  /** An operator or delimiter, e.g. `op('(')`. */
  op(s: string): Token | null {
    return this.take((t) => t.type === 'OP' && t.string === s);
  }
  keyword(s: string): Token | null {
    return this.take((t) => t.type === 'NAME' && t.string === s);
  }
  /** A NAME that is not a keyword. */
  name(): Token | null {
    return this.take((t) => t.type === 'NAME' && !KEYWORDS.has(t.string));
  }
  token(type: Token['type']): Token | null {
    return this.take((t) => t.type === type);
  }

  /** `&e` / `!e`: try `rule` without consuming input. */
  ahead(rule: () => unknown): boolean {
    const m = this.mark;
    const result = rule();
    this.mark = m;
    return result !== null && result !== false;
  }

  /**
   * `sep.item+`: items separated by `sep`, as many as parse; the cursor stays after the last
   * item (a separator that no item follows is not consumed). Empty when the first fails.
   */
  gather<T>(item: () => T | null, sep = ','): T[] {
    const items: T[] = [];
    for (;;) {
      const m = this.mark;
      if (items.length && !this.op(sep)) break;
      const e = item();
      if (!e) {
        this.reset(m);
        break;
      }
      items.push(e);
    }
    return items;
  }

  /** Memoise `rule` at the current position. */
  memo<T>(key: string, rule: () => T | null): T | null {
    let table = this.memos.get(key);
    if (!table) this.memos.set(key, (table = new Map()));
    const hit = table.get(this.mark);
    if (hit) {
      this.mark = hit.end;
      return hit.value as T | null;
    }
    const start = this.mark;
    const value = rule();
    if (value === null) this.mark = start;
    table.set(start, { value, end: this.mark });
    return value;
  }

  /** Run `rule` with the `invalid_*` rules off (pegen's `_without_invalid` rules). */
  withoutInvalid<T>(rule: () => T): T {
    const saved = this.callInvalid;
    this.callInvalid = false;
    try {
      return rule();
    } finally {
      this.callInvalid = saved;
    }
  }

  raise(message: string): never {
    throw new PySyntaxError(message);
  }

  /** A node spanning the tokens from `first` to the last one consumed. */
  node<const T extends object>(first: number, fields: T): T & { first: number; last: number } {
    return { ...fields, first, last: this.mark - 1 };
  }
}
