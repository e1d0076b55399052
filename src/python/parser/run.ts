/**
 * One console line, run as the reference's console view runs it: compiled in 'eval' mode when it
 * is an expression (the answer is its repr, nothing for None), else in 'exec' mode (nothing to
 * print), and any exception answered by the last line of its traceback (`KeyError: 'k'`; a
 * SyntaxError's message alone). The page must survive any line: JavaScript's own limits (deep
 * nesting, huge values) come back as Python's RecursionError and MemoryError.
 */
import { PyException } from '../errors';
import { repr } from '../repr';
import { withContext, type LineContext } from './context';
import { ConsoleUnsupported } from './errors';
import { Scope, evaluate, execute, withScope, type Modules } from './evaluate';
import { PyObj, type Value } from './objects';

/** `__builtins__`: a dict of everything built in, too long to print here. */
class BuiltinsDict extends PyObj {
  readonly pyType = 'dict';
  override repr(): string {
    throw new ConsoleUnsupported('builtin', { name: '__builtins__' });
  }
}
const BUILTINS_DICT = new BuiltinsDict();
import { evalExpression, parseModule } from './parse';
import { resetWork } from './protocol';

export interface Line {
  /** The module globals the line runs in (a view's names); assignments land here. */
  globals: Map<string, Value>;
  /** What `import` may bring in. */
  modules?: Modules;
  context: LineContext;
}

/** What Python's prompt prints for the exception, as the reference formats it. */
export function exceptionLine(e: PyException): string {
  return e.toPython();
}

function fromJavaScript(e: RangeError, compiling: boolean): string {
  if (/call stack/i.test(e.message))
    return compiling
      ? 'RecursionError: maximum recursion depth exceeded during compilation'
      : 'RecursionError: maximum recursion depth exceeded';
  return 'MemoryError';
}

/**
 * The output of one line. ConsoleUnsupported escapes (the server answers it differently);
 * anything that is not a Python exception is a bug and escapes too.
 */
export function runLine(source: string, line: Line): string {
  resetWork();
  // eval() and exec() put the builtins module's dict into the globals they are given.
  if (!line.globals.has('__builtins__')) line.globals.set('__builtins__', BUILTINS_DICT);
  const scope = new Scope(line.globals, line.modules);
  let compiling = true;
  return withContext(line.context, () =>
    withScope(scope, () => {
      try {
        const statements = parseModule(source);
        const expression = evalExpression(source);
        compiling = false;
        if (expression) {
          const value = evaluate(expression, scope);
          return value === null ? '' : repr(value);
        }
        for (const s of statements) execute(s, scope);
        return '';
      } catch (e) {
        if (e instanceof ConsoleUnsupported) throw e;
        if (e instanceof PyException) return exceptionLine(e);
        if (e instanceof RangeError) return fromJavaScript(e, compiling);
        throw e;
      }
    }),
  );
}
