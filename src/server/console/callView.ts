/**
 * `POST /__session__/call`: applies one `request.session` method, exactly as the conformance
 * reference app's `call` view does (../shared/conformance/django_ref/myapp/console.py), so that
 * the conformance scenarios' `call` steps can be replayed here as there.
 *
 * Body: {"method": NAME, "args": [...]}. A datetime argument is {"datetimeIn": SECONDS_FROM_NOW},
 * a timedelta {"timedelta": SECONDS}. The answer is {"result": ...} or {"error": "KeyError"} (the
 * exception's class name); datetimes in results come back as {"datetimeIn": SECONDS_FROM_NOW}.
 * What the reference does not catch (a body that is not JSON, a date out of range) is a 500.
 */
import type { HttpRequest } from '../../django/http/request';
import { JsonResponse, type HttpResponse } from '../../django/http/response';
import * as timezone from '../../django/utils/timezone';
import {
  PyAttributeError,
  PyDateTime,
  PyDict,
  PyException,
  PyIndexError,
  PyTuple,
  PyView,
  loads,
  typeName,
  type PyValue,
} from '../../python';
import { callValue, toList } from '../../python/parser/protocol';
import { makeTimedelta } from '../../python/parser/datetimes';
import { noteView } from '../observe/views';
import { CONSOLE_METHODS, type ConsoleMethod } from './methods';
import { SessionObj } from './session';

export { CONSOLE_METHODS, type ConsoleMethod };

function isDictWith(value: PyValue, key: string): value is PyDict {
  return value instanceof PyDict && value.size === 1 && value.has(key);
}

/** `_arg()`: the wire forms of datetime and timedelta arguments. */
function decodeArgument(value: PyValue, request: HttpRequest): PyValue {
  const seconds = (v: PyValue | undefined) => makeTimedelta([], [['seconds', v ?? null]]);
  if (isDictWith(value, 'datetimeIn'))
    return timezone.now(request.runtime).add(seconds(value.get('datetimeIn')));
  if (isDictWith(value, 'timedelta')) return seconds(value.get('timedelta'));
  return value;
}

/** `_out()`: datetimes as whole seconds from now, views and tuples as lists. */
function encodeResult(value: PyValue, request: HttpRequest): PyValue {
  if (value instanceof PyDateTime) {
    const delta = value.minus(timezone.now(request.runtime));
    return PyDict.of({ datetimeIn: delta.days * 86400n + delta.seconds });
  }
  if (Array.isArray(value) || value instanceof PyTuple || value instanceof PyView) {
    const items = Array.isArray(value) ? value : value.items;
    return items.map((v) => encodeResult(v, request));
  }
  if (value instanceof PyDict)
    return new PyDict(value.entries().map(([k, v]) => [k, encodeResult(v, request)]));
  return value;
}

/** `args[i]`, with Python's IndexError when the call sent fewer. */
function arg(args: PyValue[], i: number): PyValue {
  if (i >= args.length) throw new PyIndexError('list index out of range');
  return args[i] as PyValue;
}

export function call(request: HttpRequest): HttpResponse {
  const body = loads(request.body || '{}');
  if (!(body instanceof PyDict))
    throw new PyAttributeError(`'${typeName(body)}' object has no attribute 'get'`);
  const method = body.get('method') ?? null;
  const args = toList(body.get('args') ?? []).map((a) => decodeArgument(a, request));
  noteView(request, { view: 'console' });
  if (typeof method !== 'string' || !(CONSOLE_METHODS as readonly string[]).includes(method))
    return new JsonResponse(PyDict.of({ error: 'UnknownMethod' }), { status: 400 });
  const s = new SessionObj(request.session, request.runtime.settings.DJANGO_VERSION);
  try {
    let result: PyValue;
    switch (method as ConsoleMethod) {
      case 'getitem':
        result = s.getitem(arg(args, 0));
        break;
      case 'setitem':
        s.setitem(arg(args, 0), arg(args, 1));
        result = null;
        break;
      case 'delitem':
        s.delitem(arg(args, 0));
        result = null;
        break;
      case 'contains':
        result = s.contains(arg(args, 0));
        break;
      case 'session_key':
        result = s.store.session_key;
        break;
      case 'exists':
        result = s.store.exists(s.store.session_key);
        break;
      default:
        result = callValue(s.getattr(method), args, []);
    }
    return new JsonResponse(PyDict.of({ result: encodeResult(result, request) }));
  } catch (e) {
    // The class name is what a learner would see at the end of the traceback.
    if (!(e instanceof PyException)) throw e;
    return new JsonResponse(PyDict.of({ error: e.pyName }));
  }
}
