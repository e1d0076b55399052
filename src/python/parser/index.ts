/**
 * A tokenizer, parser and evaluator for the Python a learner types into the session console:
 * CPython 3.11's grammar and error messages, and an evaluator for the lines a view could run.
 */
export { parseModule, evalExpression } from './parse';
export { tokenize, type Token, type TokenType } from './tokenizer';
export type { Expr, Stmt } from './ast';
export { runLine, type Line } from './run';
export { Scope, type Modules } from './evaluate';
export { type LineContext } from './context';
export {
  ADDRESS,
  BuiltinFunction,
  PyClass,
  PyModule,
  PyObj,
  tpName,
  type Kwargs,
  type Value,
} from './objects';
export { suggest } from './suggest';
export {
  ConsoleUnsupported,
  PyIndentationError,
  PyNameError,
  PySyntaxError,
  type UnsupportedReason,
} from './errors';
