/**
 * `django.utils.timezone` as a view imports it, for the Django version the server runs:
 * `now()` on the server's clock, and the version differences a console shows:
 * - 3.2 uses pytz: `timezone.utc` and `now().tzinfo` print `<UTC>`, the current time zone too;
 * - 4.x uses the standard library and zoneinfo (Django 4.0, "zoneinfo default time zone
 *   implementation"): `now().tzinfo` is `datetime.timezone.utc`, the current time zone
 *   `zoneinfo.ZoneInfo(key='UTC')`, and `timezone.utc` an alias kept until 5.0;
 * - 5.x removed `timezone.utc` (deprecated in 4.1): an AttributeError.
 */
import type { DjangoVersion } from '../../django/conf/global_settings';
import type { Runtime } from '../../django/runtime';
import * as djangoTimezone from '../../django/utils/timezone';
import {
  PYTZ_UTC,
  PyDateTime,
  PyTypeError,
  PyValueError,
  UTC,
  ZONEINFO_UTC,
  type TzInfo,
} from '../../python';
import { ADDRESS, BuiltinFunction, PyModule, type Kwargs, type Value } from '../../python/parser';
import {
  DATETIME_CLASS,
  DATETIME_MODULE,
  TIMEDELTA_CLASS,
  TIMEZONE_CLASS,
  TzObj,
  tzValue,
} from '../../python/parser/datetimes';
import { bindArguments, type Param } from './arguments';
import { DIRS } from './dirs';

/** `django.utils.timezone.__file__` as Debian installs it. */
const FILE = '/usr/lib/python3/dist-packages/django/utils/timezone.py';

/** A module-level function of django.utils.timezone, bound with Python's rules. */
function fn(
  name: string,
  params: Param[],
  body: (v: (name: string) => Value) => Value,
): BuiltinFunction {
  return new BuiltinFunction(
    name,
    (args: Value[], kwargs: Kwargs) => {
      const kw: Record<string, Value> = {};
      for (const [k, v] of kwargs)
        Object.defineProperty(kw, k, { value: v, enumerable: true, writable: true });
      const bound = bindArguments({ qualname: name, params }, args, kw);
      return body((n) => bound.values.get(n) as Value);
    },
    `<function ${name} at ${ADDRESS}>`,
    'function',
  );
}

function datetimeArg(v: Value, fnName: string): PyDateTime {
  if (!(v instanceof PyDateTime))
    throw new PyTypeError(`${fnName}() needs a datetime, not ${String(v)}`);
  return v;
}

function zoneArg(v: Value, fallback: TzInfo): TzInfo {
  if (v === null) return fallback;
  if (v instanceof TzObj) return v.tz;
  throw new PyTypeError(`tzinfo argument must be None or of a tzinfo subclass`);
}

/** The module for one request: its `now()` reads that request's world clock. */
export function timezoneModule(runtime: Runtime, version: DjangoVersion): PyModule {
  const pytz = version === '3.2';
  const current = pytz ? PYTZ_UTC : ZONEINFO_UTC;
  const now = () => {
    const dt = djangoTimezone.now(runtime);
    return dt.aware
      ? PyDateTime.fromEpochMicroseconds(dt.epochMicroseconds, pytz ? PYTZ_UTC : UTC)
      : dt;
  };
  const members: Record<string, () => Value> = {
    now: () => fn('now', [], () => now()),
    get_current_timezone: () => fn('get_current_timezone', [], () => tzValue(current)),
    get_default_timezone: () => fn('get_default_timezone', [], () => tzValue(current)),
    get_current_timezone_name: () => fn('get_current_timezone_name', [], () => 'UTC'),
    get_default_timezone_name: () => fn('get_default_timezone_name', [], () => 'UTC'),
    is_aware: () =>
      fn('is_aware', [{ name: 'value' }], (v) => datetimeArg(v('value'), 'is_aware').aware),
    is_naive: () =>
      fn('is_naive', [{ name: 'value' }], (v) => !datetimeArg(v('value'), 'is_naive').aware),
    localtime: () =>
      fn(
        'localtime',
        [
          { name: 'value', default: null },
          { name: 'timezone', default: null },
        ],
        (v) => {
          const value = v('value') === null ? now() : datetimeArg(v('value'), 'localtime');
          if (!value.aware)
            throw new PyValueError('localtime() cannot be applied to a naive datetime');
          return PyDateTime.fromEpochMicroseconds(
            value.epochMicroseconds,
            zoneArg(v('timezone'), current),
          );
        },
      ),
    make_aware: () =>
      fn(
        'make_aware',
        [
          { name: 'value' },
          { name: 'timezone', default: null },
          ...(version === '5.2' ? [] : [{ name: 'is_dst', default: null }]),
        ],
        (v) => {
          const value = datetimeArg(v('value'), 'make_aware');
          if (value.aware) throw new PyValueError('Not naive datetime (tzinfo is already set)');
          const tz = zoneArg(v('timezone'), current);
          return PyDateTime.fromEpochMicroseconds(
            value.wall - BigInt(tz.offsetMinutes) * 60_000_000n,
            tz,
          );
        },
      ),
    make_naive: () =>
      fn('make_naive', [{ name: 'value' }, { name: 'timezone', default: null }], (v) => {
        const value = datetimeArg(v('value'), 'make_naive');
        if (!value.aware)
          throw new PyValueError('make_naive() cannot be applied to a naive datetime');
        const tz = zoneArg(v('timezone'), current);
        const local = PyDateTime.fromEpochMicroseconds(value.epochMicroseconds, tz);
        return PyDateTime.fromEpochMicroseconds(local.wall, null);
      }),
    // django/utils/timezone.py: `from datetime import datetime, timedelta, timezone, tzinfo`
    datetime: () => DATETIME_CLASS,
    timedelta: () => TIMEDELTA_CLASS,
    timezone: () => TIMEZONE_CLASS,
  };
  // Removed in Django 5.0 (deprecated in 4.1): refs #32365.
  if (version !== '5.2') members.utc = () => tzValue(pytz ? PYTZ_UTC : UTC);
  return new PyModule(
    'django.utils.timezone',
    `<module 'django.utils.timezone' from '${FILE}'>`,
    members,
    DIRS[version].timezone,
    FILE,
  );
}

/** What `import` finds in the view's process. */
export function viewModules(timezone: PyModule): Record<string, PyModule> {
  const utils = new PyModule(
    'django.utils',
    "<module 'django.utils' from '/usr/lib/python3/dist-packages/django/utils/__init__.py'>",
    { timezone: () => timezone },
    [],
    '/usr/lib/python3/dist-packages/django/utils/__init__.py',
  );
  return { datetime: DATETIME_MODULE, 'django.utils': utils, 'django.utils.timezone': timezone };
}
