/**
 * `parseConsoleInput`: one line of Python, as if written in a view with `request` at hand, to
 * one endpoint call or a local answer. Errors are thrown as Python exceptions: `toPython()` is the
 * line to print (a SyntaxError, NameError, AttributeError, TypeError... or, for valid Python the
 * console cannot run, a ConsoleUnsupported explanation).
 */
import { PyDict, dumps, pyStrip, truthy, type PyValue } from '../../python';
import { ConsoleUnsupported } from '../../python/parser/errors';
import { execute } from '../../python/parser/evaluate';
import { reprValue } from '../../python/parser/objects';
import { parseModule } from '../../python/parser/parse';
import { viewEnv } from '../../python/parser/scope';
import type { ConsoleMethod } from '../../server/console/call';
import { DEFAULT_ENGINE, PendingCall, RequestObj, SessionObj } from './session';
import { wireArguments } from './wire';

export interface CallCommand {
  kind: 'call';
  method: ConsoleMethod;
  /** In the endpoint's format (datetimes as {"datetimeIn": ...} and so on). */
  args: PyValue[];
  kwargs: Record<string, PyValue>;
  /** `not ...` / `not in`: print `not result` instead of the result. */
  negate?: boolean;
}

export interface LocalCommand {
  kind: 'local';
  /** What Python's REPL would print ('' for None or a statement). */
  output: string;
}

export type ConsoleCommand = CallCommand | LocalCommand;

export interface ConsoleOptions {
  /** settings.SESSION_ENGINE (default: the database engine). */
  engine?: string;
  /** What `request` prints as. */
  requestRepr?: string;
}

export const CONSOLE_HELP = [
  'Type Python as you would in a view; `request` is the current request. One request per line:',
  "  request.session['k']            request.session['k'] = value     del request.session['k']",
  "  'k' in request.session          'k' not in request.session       request.session.has_key('k')",
  "  request.session.get('k', default)   .pop('k'[, default])   .setdefault('k', value)",
  "  request.session.update({'k': value})   .keys()   .values()   .items()   .clear()",
  '  request.session.is_empty()   .flush()   .cycle_key()   request.session.session_key',
  '  request.session.set_expiry(300 | 0 | None | timedelta(days=1) | timezone.now() + timedelta(hours=1))',
  '  request.session.get_expiry_age()   .get_expiry_date()   .get_expire_at_browser_close()',
  '  request.session.set_test_cookie()   .test_cookie_worked()   .delete_test_cookie()',
  '  request.session.exists(request.session.session_key)   request.session.clear_expired()',
  'Also available: timezone.now(), timedelta(...), datetime(...), timezone.utc.',
].join('\n');

const local = (output: string): ConsoleCommand => ({ kind: 'local', output });

export function parseConsoleInput(text: string, options: ConsoleOptions = {}): ConsoleCommand {
  const source = pyStrip(text);
  if (!source) return local('');
  if (/^help\s*(\(.*\))?$/.test(source)) return local(CONSOLE_HELP);
  try {
    return run(source, options);
  } catch (e) {
    if (e instanceof RangeError)
      throw new ConsoleUnsupported('this line is nested too deeply for the console');
    throw e;
  }
}

function run(source: string, options: ConsoleOptions): ConsoleCommand {
  const statements = parseModule(source).filter((s) => s.kind !== 'Pass');
  if (!statements.length) return local('');
  if (statements.length > 1)
    throw new ConsoleUnsupported('one statement per line, please: each line is one request');
  const session = new SessionObj(options.engine ?? DEFAULT_ENGINE);
  const request = new RequestObj(
    session,
    options.requestRepr ?? "<WSGIRequest: POST '/__session__/call'>",
  );
  const env = viewEnv(new Map([['request', request]]));
  const before = PendingCall.made;
  let result;
  try {
    result = execute(statements[0]!, env);
  } catch (e) {
    // Python would have made the request before this error, and its outcome decides what
    // happens next: that takes two steps here.
    if (PendingCall.made > before && !(e instanceof ConsoleUnsupported))
      throw new ConsoleUnsupported(
        'this line goes on after its request to the server, and its outcome depends on that ' +
          "request's result: run the request on its own line first",
      );
    throw e;
  }
  if (result instanceof PendingCall) return command(result);
  if (result === undefined || result === null) return local('');
  return local(reprValue(result));
}

function command(call: PendingCall): CallCommand {
  const wire = wireArguments(call);
  const kwargs: Record<string, PyValue> = {};
  for (const [k, v] of wire.kwargs)
    Object.defineProperty(kwargs, k, {
      value: v,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  const cmd: CallCommand = { kind: 'call', method: call.method, args: wire.args, kwargs };
  if (call.negate) cmd.negate = true;
  return cmd;
}

/** The request body for `POST /__session__/call`. */
export function toWireBody(cmd: CallCommand): string {
  const kwargs = new PyDict(Object.entries(cmd.kwargs));
  return dumps(PyDict.of({ method: cmd.method, args: cmd.args, kwargs, detail: true }));
}

/** What to print for a `negate` command, given the call's result. */
export function negatedRepr(result: PyValue): string {
  return truthy(result) ? 'False' : 'True';
}
