/**
 * Python exceptions, so that what the engine raises reads exactly as Python would print it
 * (`KeyError: 'k'`, `TypeError: ...`). Django's own exceptions subclass these.
 */
export class PyException extends Error {
  /** The Python class name, e.g. `KeyError`. Subclasses override it. */
  get pyName(): string {
    return 'Exception';
  }
  /** What `str(exc)` gives in Python. */
  get pyStr(): string {
    return this.message;
  }
  /** The last line of a Python traceback: `KeyError: 'k'`. */
  toPython(): string {
    const text = this.pyStr;
    return text ? `${this.pyName}: ${text}` : this.pyName;
  }
}

function named(name: string) {
  return class extends PyException {
    override get pyName() {
      return name;
    }
  };
}

export class PyTypeError extends named('TypeError') {}
export class PyValueError extends named('ValueError') {}
export class PyAttributeError extends named('AttributeError') {}
export class PyOverflowError extends named('OverflowError') {}
export class PyNotImplementedError extends named('NotImplementedError') {}
export class PyRuntimeError extends named('RuntimeError') {}
export class PyZeroDivisionError extends named('ZeroDivisionError') {}
export class PyIndexError extends named('IndexError') {}

/** `KeyError(key)`: its `str()` is the key's repr, set by whoever raises it. */
export class PyKeyError extends PyException {
  constructor(readonly keyRepr: string) {
    super(keyRepr);
  }
  override get pyName() {
    return 'KeyError';
  }
}

/** json.decoder.JSONDecodeError, a ValueError: `Expecting value: line 1 column 1 (char 0)`. */
export class JSONDecodeError extends PyValueError {
  constructor(
    readonly msg: string,
    readonly doc: string,
    readonly pos: number,
  ) {
    const before = doc.slice(0, pos);
    const lineno = before.split('\n').length;
    const colno = pos - (before.lastIndexOf('\n') + 1) + 1;
    super(`${msg}: line ${lineno} column ${colno} (char ${pos})`);
  }
  override get pyName() {
    return 'JSONDecodeError';
  }
}

/** OSError and the two subclasses the file session backend catches. */
export class PyOSError extends PyException {
  override get pyName() {
    return 'OSError';
  }
}
export class FileNotFoundError extends PyOSError {
  constructor(readonly filename: string) {
    super(`[Errno 2] No such file or directory: '${filename}'`);
  }
  override get pyName() {
    return 'FileNotFoundError';
  }
}
export class FileExistsError extends PyOSError {
  constructor(readonly filename: string) {
    super(`[Errno 17] File exists: '${filename}'`);
  }
  override get pyName() {
    return 'FileExistsError';
  }
}
