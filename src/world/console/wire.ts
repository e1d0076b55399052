/**
 * The console endpoint's argument format: plain JSON data, except that a datetime or timedelta
 * argument travels as {"datetimeIn": seconds from now}, {"datetime": iso} or {"timedelta": seconds}.
 * Only whole arguments can be datetimes; anything else that JSON cannot carry is refused here,
 * with the TypeError Django itself would raise when the value is stored.
 */
import { PyDict, PyTimeDelta, PyTuple, PyTypeError, type PyValue } from '../../python';
import { DateTimeValue, RelativeDateTime } from '../../python/parser/datetimes';
import { ConsoleUnsupported } from '../../python/parser/errors';
import { Display, PyObj, tpName, type Value } from '../../python/parser/objects';
import { PendingCall } from './session';

/** Seconds as the endpoint reads them: an int when whole, else a float. */
function seconds(delta: PyTimeDelta): PyValue {
  const us = delta.totalMicroseconds;
  return us % 1_000_000n === 0n ? us / 1_000_000n : Number(us) / 1e6;
}

/** Why a value cannot be sent: the TypeError `json.dumps` would raise on it. */
class NotJson {
  constructor(readonly error: PyTypeError) {}
}

function notSerializable(type: string): NotJson {
  return new NotJson(new PyTypeError(`Object of type ${type} is not JSON serializable`));
}

/**
 * `type(v).__name__`, as json's "Object of type ..." message prints it ('timezone'); its C
 * encoder's message about keys uses the full `tp_name` instead ('datetime.timedelta').
 */
const typeName = (v: Value) => tpName(v).split('.').pop() as string;

/** A dict key as `json.dumps` accepts it. */
function jsonKey(k: Value): void {
  const ok = k === null || ['string', 'bigint', 'number', 'boolean'].includes(typeof k);
  if (!ok)
    throw new NotJson(
      new PyTypeError(`keys must be str, int, float, bool or None, not ${tpName(k)}`),
    );
}

/** Plain JSON data inside an argument (where no datetime may appear), checked in dumps' order. */
function nested(v: Value): PyValue {
  if (v instanceof PendingCall) v.use();
  if (v instanceof Display) {
    if (v.tpName === 'set') throw notSerializable('set');
    v.items.forEach((x, i) => {
      if (v.tpName !== 'dict') return nested(x);
      jsonKey(x);
      nested(v.values[i] as Value);
    });
  }
  if (v instanceof DateTimeValue || v instanceof RelativeDateTime)
    throw notSerializable('datetime');
  if (v instanceof PyObj) throw notSerializable(typeName(v));
  if (Array.isArray(v)) return v.map(nested);
  if (v instanceof PyTuple) return new PyTuple(v.items.map(nested));
  if (v instanceof PyDict)
    return new PyDict(v.entries().map(([k, x]) => (jsonKey(k), [k, nested(x)] as const)));
  if (v instanceof PyTimeDelta) throw notSerializable('timedelta');
  return v;
}

/** One argument in the endpoint's format. */
function argument(v: Value): PyValue {
  if (v instanceof RelativeDateTime) return PyDict.of({ datetimeIn: seconds(v.offset) });
  if (v instanceof DateTimeValue) return PyDict.of({ datetime: v.dt.isoformat() });
  if (v instanceof PyTimeDelta) return PyDict.of({ timedelta: seconds(v) });
  return nested(v);
}

/** Methods that store their argument: a value JSON cannot hold fails when Django saves it. */
const STORING = new Set(['setitem', 'update', 'set_expiry']);

/** A hashable key that cannot make the trip (a tuple would arrive as a list). */
function checkKey(call: PendingCall): void {
  if (
    !['getitem', 'setitem', 'delitem', 'contains', 'get', 'pop', 'setdefault'].includes(call.method)
  )
    return;
  const key = call.args[0] ?? call.kwargs.find(([k]) => k === 'key')?.[1];
  if (key instanceof PyObj && key.tpName === 'slice')
    throw new PyTypeError("unhashable type: 'slice'");
  if (key instanceof Display && key.tpName === 'set')
    throw new PyTypeError("unhashable type: 'set'");
  if (key instanceof PyTuple) {
    if (call.method === 'setitem')
      throw new PyTypeError('keys must be str, int, float, bool or None, not tuple');
    throw new ConsoleUnsupported('a tuple key cannot be sent to the server by this console');
  }
}

/** The call's arguments in the endpoint's format. */
export function wireArguments(call: PendingCall): { args: PyValue[]; kwargs: [string, PyValue][] } {
  checkKey(call);
  try {
    return {
      args: call.args.map(argument),
      kwargs: call.kwargs.map(([k, v]) => [k, argument(v)]),
    };
  } catch (e) {
    if (!(e instanceof NotJson)) throw e;
    if (STORING.has(call.method)) throw e.error;
    throw new ConsoleUnsupported(
      `this console sends arguments as JSON, and ${e.error.message.replace(/^Object/, 'an object')}`,
    );
  }
}
