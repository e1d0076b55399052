/**
 * `POST /__session__/call`: applies one `request.session` method, as the conformance reference
 * app's console view does, so that the console in the playground is a real request: the session
 * middleware runs, saves and sets the cookie exactly as it would after a view.
 *
 * Body: {"method": NAME, "args": [...], "kwargs": {...}?, "detail": true?}. Python JSON (ints and
 * floats kept apart). A datetime argument is {"datetimeIn": SECONDS_FROM_NOW} or (playground)
 * {"datetime": ISO}; a timedelta {"timedelta": SECONDS}. The answer is {"result": ...} or
 * {"error": "KeyError"}; with "detail", also "repr" (the result as Python prints it) or "message"
 * (the exception's last traceback line).
 */
import {
  JSONDecodeError,
  PyDateTime,
  PyDict,
  PyException,
  PyIndexError,
  PyTimeDelta,
  PyTuple,
  PyView,
  loads,
  repr,
  type PyValue,
} from '../../python';
import type { HttpRequest } from '../../django/http/request';
import { JsonResponse, type HttpResponse } from '../../django/http/response';
import { SessionBase, type ExpiryArgs } from '../../django/contrib/sessions/backends/base';
import { import_engine } from '../../django/contrib/sessions/backends';
import * as timezone from '../../django/utils/timezone';
import { noteView } from '../observe/views';
import { bindArguments, type Param } from './arguments';

import { CONSOLE_METHODS, type ConsoleMethod } from './methods';

export { CONSOLE_METHODS, type ConsoleMethod };

const NO_DEFAULT = Symbol('no default');

function isDictWith(value: PyValue, key: string): value is PyDict {
  return value instanceof PyDict && value.size === 1 && value.has(key);
}

/** `_arg()` of the reference: the wire forms of datetime and timedelta arguments. */
export function decodeArgument(value: PyValue, request: HttpRequest): PyValue {
  const now = () => timezone.now(request.runtime);
  if (isDictWith(value, 'datetimeIn'))
    return now().add(PyTimeDelta.of({ seconds: numberOf(value.get('datetimeIn')) }));
  if (isDictWith(value, 'timedelta'))
    return PyTimeDelta.of({ seconds: numberOf(value.get('timedelta')) });
  if (isDictWith(value, 'datetime')) return PyDateTime.fromisoformat(String(value.get('datetime')));
  return value;
}

function numberOf(v: PyValue | undefined): number | bigint {
  if (typeof v === 'bigint' || typeof v === 'number') return v;
  throw new BadConsoleCall('datetimeIn and timedelta take a number of seconds');
}

/** `_out()` of the reference: datetimes as seconds from now, views and tuples as lists. */
export function encodeResult(value: PyValue, request: HttpRequest): PyValue {
  if (value instanceof PyDateTime) {
    const delta = value.minus(timezone.now(request.runtime));
    return PyDict.of({ datetimeIn: delta.wholeSeconds() });
  }
  if (Array.isArray(value) || value instanceof PyTuple || value instanceof PyView) {
    const items = Array.isArray(value) ? value : value.items;
    return items.map((v) => encodeResult(v, request));
  }
  if (value instanceof PyDict) {
    return new PyDict(value.entries().map(([k, v]) => [k, encodeResult(v, request)]));
  }
  return value;
}

/** The qualified name Python would print: overridden methods belong to the backend's class. */
function qualname(session: SessionBase, method: string): string {
  let proto = Object.getPrototypeOf(session);
  while (proto && proto !== SessionBase.prototype) {
    if (Object.prototype.hasOwnProperty.call(proto, method)) return `SessionStore.${method}`;
    proto = Object.getPrototypeOf(proto);
  }
  return `SessionBase.${method}`;
}

type Invoke = (
  session: SessionBase,
  args: PyValue[],
  kwargs: Record<string, PyValue>,
  request: HttpRequest,
) => PyValue;

const item = (args: PyValue[], i: number): PyValue => {
  if (i >= args.length) throw new PyIndexError('list index out of range');
  return args[i] as PyValue;
};

/** A SessionBase method called with Python's binding rules. */
function method(
  name: string,
  params: Param[],
  body: (s: SessionBase, v: Map<string, PyValue>, kw: Map<string, PyValue>) => PyValue,
  varKeywords = false,
): Invoke {
  return (s, args, kwargs) => {
    const bound = bindArguments({ qualname: qualname(s, name), params, varKeywords }, args, kwargs);
    return body(s, bound.values, bound.kwargs);
  };
}

const v = (m: Map<string, PyValue>, name: string) => m.get(name) as PyValue;

function expiryArgs(kw: Map<string, PyValue>): ExpiryArgs {
  const out: ExpiryArgs = {};
  if (kw.has('modification')) out.modification = kw.get('modification') as PyDateTime;
  if (kw.has('expiry')) out.expiry = kw.get('expiry') as PyValue;
  return out;
}

const INVOKE: Record<ConsoleMethod, Invoke> = {
  // Operators, as the reference writes them: s[args[0]] etc.
  getitem: (s, a) => s.getitem(item(a, 0)),
  setitem: (s, a) => (s.setitem(item(a, 0), item(a, 1)), null),
  delitem: (s, a) => (s.delitem(item(a, 0)), null),
  contains: (s, a) => s.contains(item(a, 0)),
  session_key: (s) => s.session_key,
  exists: (s) => s.exists(s.session_key),
  clear_expired: (_s, _a, _k, request) => {
    import_engine(request.runtime.settings.SESSION_ENGINE).SessionStore.clear_expired(
      request.runtime,
    );
    return null;
  },
  // Methods, with Python's argument checks.
  get: method('get', [{ name: 'key' }, { name: 'default', default: null }], (s, m) =>
    s.get(v(m, 'key'), v(m, 'default')),
  ),
  pop: method(
    'pop',
    [{ name: 'key' }, { name: 'default', default: NO_DEFAULT as unknown as PyValue }],
    (s, m) => {
      const d = m.get('default');
      return (d as unknown) === NO_DEFAULT ? s.pop(v(m, 'key')) : s.pop(v(m, 'key'), d as PyValue);
    },
  ),
  setdefault: method('setdefault', [{ name: 'key' }, { name: 'value' }], (s, m) =>
    s.setdefault(v(m, 'key'), v(m, 'value')),
  ),
  update: method('update', [{ name: 'dict_' }], (s, m) => (s.update(v(m, 'dict_')), null)),
  keys: method('keys', [], (s) => s.keys()),
  values: method('values', [], (s) => s.values()),
  items: method('items', [], (s) => s.items()),
  clear: method('clear', [], (s) => (s.clear(), null)),
  is_empty: method('is_empty', [], (s) => s.is_empty()),
  flush: method('flush', [], (s) => (s.flush(), null)),
  cycle_key: method('cycle_key', [], (s) => (s.cycle_key(), null)),
  set_expiry: method(
    'set_expiry',
    [{ name: 'value' }],
    (s, m) => (s.set_expiry(v(m, 'value')), null),
  ),
  get_expiry_age: method(
    'get_expiry_age',
    [],
    (s, _m, kw) => s.get_expiry_age(expiryArgs(kw)),
    true,
  ),
  get_expiry_date: method(
    'get_expiry_date',
    [],
    (s, _m, kw) => s.get_expiry_date(expiryArgs(kw)),
    true,
  ),
  get_expire_at_browser_close: method('get_expire_at_browser_close', [], (s) =>
    s.get_expire_at_browser_close(),
  ),
  set_test_cookie: method('set_test_cookie', [], (s) => (s.set_test_cookie(), null)),
  test_cookie_worked: method('test_cookie_worked', [], (s) => s.test_cookie_worked()),
  delete_test_cookie: method('delete_test_cookie', [], (s) => (s.delete_test_cookie(), null)),
};

/** A request the console cannot make sense of: a 400 that says what was wrong. */
export class BadConsoleCall extends Error {}

interface ParsedCall {
  method: string;
  args: PyValue[];
  kwargs: Record<string, PyValue>;
  detail: boolean;
}

function parseCall(request: HttpRequest): ParsedCall {
  let body: PyValue;
  try {
    body = loads(request.body || '{}');
  } catch (e) {
    if (e instanceof JSONDecodeError)
      throw new BadConsoleCall(`The request body is not JSON: ${e.message}`);
    throw e;
  }
  if (!(body instanceof PyDict))
    throw new BadConsoleCall(
      'The request body must be a JSON object: {"method": ..., "args": [...]}',
    );
  const method = body.get('method');
  const args = body.get('args') ?? [];
  const kwargs = body.get('kwargs') ?? new PyDict();
  if (typeof method !== 'string')
    throw new BadConsoleCall('"method" must be a string, one of: ' + CONSOLE_METHODS.join(', '));
  if (!Array.isArray(args)) throw new BadConsoleCall('"args" must be a list');
  if (!(kwargs instanceof PyDict) || !kwargs.keys().every((k) => typeof k === 'string')) {
    throw new BadConsoleCall('"kwargs" must be an object');
  }
  const kw: Record<string, PyValue> = {};
  for (const [k, val] of kwargs.entries()) kw[k as string] = decodeArgument(val, request);
  return {
    method,
    args: args.map((a) => decodeArgument(a, request)),
    kwargs: kw,
    detail: body.get('detail') === true,
  };
}

export function call(request: HttpRequest): HttpResponse {
  let parsed: ParsedCall;
  try {
    if (request.method !== 'POST')
      throw new BadConsoleCall('Use POST with a JSON body: {"method": ..., "args": [...]}');
    parsed = parseCall(request);
  } catch (e) {
    if (!(e instanceof BadConsoleCall || e instanceof PyException)) throw e;
    noteView(request, { view: 'console' });
    return new JsonResponse(PyDict.of({ error: 'BadRequest', message: e.message }), {
      status: 400,
    });
  }
  noteView(request, { view: 'console' });
  const invoke = INVOKE[parsed.method as ConsoleMethod];
  if (!(CONSOLE_METHODS as readonly string[]).includes(parsed.method) || !invoke) {
    const answer = PyDict.of({ error: 'UnknownMethod' });
    if (parsed.detail)
      answer.set(
        'message',
        `Unknown method ${repr(parsed.method)}; the console knows: ${CONSOLE_METHODS.join(', ')}`,
      );
    return new JsonResponse(answer, { status: 400 });
  }
  const session = request.session; // without SessionMiddleware: AttributeError, a 500, as in Django
  try {
    const result = invoke(session, parsed.args, parsed.kwargs, request);
    const answer = PyDict.of({ result: encodeResult(result, request) });
    if (parsed.detail) answer.set('repr', repr(result));
    return new JsonResponse(answer);
  } catch (e) {
    // The class name is what a learner would see at the end of the traceback.
    if (!(e instanceof PyException)) throw e;
    const answer = PyDict.of({ error: e.pyName });
    if (parsed.detail) answer.set('message', e.toPython());
    return new JsonResponse(answer);
  }
}
