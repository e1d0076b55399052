/**
 * The exceptions the parser and the evaluator raise on top of src/python/errors.ts:
 * SyntaxError and its IndentationError subclass, NameError, exceptions raised by a line's own
 * `raise`, and the console's own "valid Python, but not something this console can do".
 */
import { PyException } from '../errors';
import type { PyValue } from '../values';

export class PySyntaxError extends PyException {
  override get pyName(): string {
    return 'SyntaxError';
  }
}

export class PyIndentationError extends PySyntaxError {
  override get pyName(): string {
    return 'IndentationError';
  }
}

export class PyNameError extends PyException {
  override get pyName(): string {
    return 'NameError';
  }
}

export class PyAssertionError extends PyException {
  override get pyName(): string {
    return 'AssertionError';
  }
}

export class PyImportError extends PyException {
  override get pyName(): string {
    return 'ImportError';
  }
}

export class PyStopIteration extends PyException {
  override get pyName(): string {
    return 'StopIteration';
  }
}

export class PyMemoryError extends PyException {
  override get pyName(): string {
    return 'MemoryError';
  }
}

export class PyRecursionError extends PyException {
  override get pyName(): string {
    return 'RecursionError';
  }
}

/** An exception a line raised itself (`raise KeyError('k')`), of any built-in class. */
export class RaisedException extends PyException {
  constructor(
    private readonly className: string,
    /** `exc.args` */
    readonly args: readonly PyValue[],
    /** `str(exc)` */
    text: string,
  ) {
    super(text);
  }
  override get pyName(): string {
    return this.className;
  }
}

/** What the console cannot do, and what the playground says about it. */
export type UnsupportedReason =
  /** A compound statement (`if`, `for`, `def`...): {keyword}. */
  | 'statement'
  | 'lambda'
  | 'fstring'
  /** `\N{...}` in a string: the Unicode name database is not here. */
  | 'unicodeName'
  /** An import other than the few this console knows: {module}. */
  | 'import'
  /** An attribute Python has that this console does not offer: {object, name}. */
  | 'attribute'
  /** A builtin this console does not offer: {name}. */
  | 'builtin'
  /** `help()`, `input()`: they talk to the server's terminal. */
  | 'terminal'
  /** More steps than a console line may take (a loop over a huge range). */
  | 'tooMuchWork'
  /** `is` between values whose identity CPython leaves to chance. */
  | 'identity'
  | 'complex';

/**
 * Python would run this, but the console cannot. Not a Python exception: the server answers
 * with the reason, and the page explains it in the student's language.
 */
export class ConsoleUnsupported extends PyException {
  constructor(
    readonly reason: UnsupportedReason,
    readonly params: Record<string, string> = {},
  ) {
    super(`${reason}${Object.keys(params).length ? ' ' + JSON.stringify(params) : ''}`);
  }
  override get pyName(): string {
    return 'ConsoleUnsupported';
  }
}
