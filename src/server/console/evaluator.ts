/**
 * The console's two views, with the Python they need (loaded on demand, see views.ts).
 *
 * `run_line`, for `POST /__session__/console`: runs one line of Python in a view, as the
 * conformance reference app's `run_line` does, with `request`, `timezone`, `timedelta` and
 * `datetime` at hand. The line runs against the real `request.session`, so the middleware then
 * saves and sets the cookie as after any view. The answer is {"output": TEXT}: what Python's
 * prompt prints for the line. A line this console cannot run (valid Python it does not model,
 * such as a `for` loop) is answered 501 Not Implemented with {"unsupported": REASON, ...details}:
 * the page explains it.
 */
import type { HttpRequest } from '../../django/http/request';
import { JsonResponse, type HttpResponse } from '../../django/http/response';
import { PyAttributeError, PyDict, loads, typeName } from '../../python';
import { ConsoleUnsupported, runLine, type Value } from '../../python/parser';
import { DATETIME_CLASS, TIMEDELTA_CLASS } from '../../python/parser/datetimes';
import { noteView } from '../observe/views';
import { RequestObj } from './request';
import { timezoneModule, viewModules } from './timezone';

/** What the view printed (print() goes to runserver's terminal), logged on `stdout`. */
function printer(request: HttpRequest): (text: string) => void {
  return (text) =>
    request.runtime.log({ logger: 'stdout', level: 'INFO', message: text.replace(/\n$/, '') });
}

export function run_line(request: HttpRequest): HttpResponse {
  // `json.loads(request.body or b'{}').get('line', '')`: a body that is not JSON, or not an
  // object, fails here as in the reference view (a 500 with the exception).
  const body = loads(request.body || '{}');
  if (!(body instanceof PyDict))
    throw new PyAttributeError(`'${typeName(body)}' object has no attribute 'get'`);
  const line = body.get('line') ?? '';
  const version = request.runtime.settings.DJANGO_VERSION;
  const requestObj = new RequestObj(request, version);
  const timezone = timezoneModule(request.runtime, version);
  const globals = new Map<string, Value>([
    ['request', requestObj],
    ['timezone', timezone],
    ['timedelta', TIMEDELTA_CLASS],
    ['datetime', DATETIME_CLASS],
  ]);
  const context = {
    nowMicroseconds: () => BigInt(Math.round(request.runtime.clock.now() * 1000)),
    stdout: printer(request),
  };
  let response: HttpResponse;
  try {
    const output =
      typeof line === 'string'
        ? runLine(line, { globals, modules: viewModules(timezone), context })
        : 'TypeError: compile() arg 1 must be a string, bytes or AST object';
    response = new JsonResponse(PyDict.of({ output }));
  } catch (e) {
    if (!(e instanceof ConsoleUnsupported)) throw e;
    const answer = PyDict.of({ unsupported: e.reason });
    for (const [k, v] of Object.entries(e.params)) answer.set(k, v);
    response = new JsonResponse(answer, { status: 501 });
  }
  noteView(request, {
    view: 'console',
    sessionCalls: requestObj.session ? [...requestObj.session.calls] : [],
  });
  return response;
}

export { call } from './callView';
