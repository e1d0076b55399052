/**
 * A tokenizer, parser and evaluator for the Python a learner types into the session console:
 * CPython 3.11's grammar and error messages, and a value tree in which datetimes computed from
 * `timezone.now()` stay relative to the server's clock.
 */
export { parseModule } from './parse';
export { tokenize, type Token, type TokenType } from './tokenizer';
export type { Expr, Stmt } from './ast';
export { evaluate, execute, type Env } from './evaluate';
export { viewEnv, VIEW_GLOBALS } from './scope';
export { PyObj, reprValue, truthy, type Kwargs, type Value } from './objects';
export { DateTimeValue, RelativeDateTime, UtcTimezone } from './datetimes';
export { suggest } from './suggest';
export { ConsoleUnsupported, PyIndentationError, PyNameError, PySyntaxError } from './errors';
