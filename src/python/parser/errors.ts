/**
 * The exceptions the parser and the console's evaluator raise on top of src/python/errors.ts:
 * SyntaxError and its IndentationError subclass, NameError, and the console's own "valid Python,
 * but not something this console can do" error.
 */
import { PyException } from '../errors';

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

/**
 * Python would run this, but the console cannot: it sends one request per line and has no
 * variables. Not a Python exception; `toPython()` gives the explanation to print.
 */
export class ConsoleUnsupported extends PyException {
  override get pyName(): string {
    return 'ConsoleError';
  }
}
