/**
 * The `datetime` module's classes as a view sees them: `datetime` (the class, as
 * `from datetime import datetime` gives it), `timedelta`, `timezone`, and the attributes and
 * methods of their instances, with CPython's argument checks and messages.
 */
import { PyDateTime, PyTimeDelta, TzInfo, UTC, type DateTimeFields } from '../datetime';
import { PyOverflowError, PyTypeError, PyValueError } from '../errors';
import { asInt, type PyValue } from '../values';
import { lineContext } from './context';
import { ConsoleUnsupported } from './errors';
import { TYPE_DIRS, words } from './names';
import {
  ADDRESS,
  BuiltinFunction,
  PyClass,
  PyModule,
  PyObj,
  tpName,
  type Kwargs,
  type Value,
} from './objects';
import { strftime } from './strftime';

/** A tzinfo as a value: `datetime.timezone.utc`, `<UTC>`... One object per tzinfo. */
export class TzObj extends PyObj {
  constructor(readonly tz: TzInfo) {
    super();
  }
  get pyType(): string {
    return this.tz.pyType;
  }
  override get tpName(): string {
    return this.tz.pyType === 'timezone' ? 'datetime.timezone' : this.tz.pyType;
  }
  override repr(): string {
    return this.tz.repr();
  }
  override attributeNames(): readonly string[] | undefined {
    return this.tz.pyType === 'timezone' ? TYPE_DIRS.timezone : undefined;
  }
  override equals(other: unknown): boolean {
    return other instanceof TzObj && other.tz.offsetMinutes === this.tz.offsetMinutes;
  }
  override getattr(name: string): Value {
    if (name === 'utc' && this.tz.pyType === 'timezone') return tzValue(UTC);
    if (name === 'zone' && this.tz.pyType === 'UTC') return 'UTC';
    if (name === 'key' && this.tz.pyType === 'ZoneInfo') return 'UTC';
    return super.getattr(name);
  }
}

const tzObjects = new Map<TzInfo, TzObj>();
export function tzValue(tz: TzInfo): TzObj {
  let obj = tzObjects.get(tz);
  if (!obj) tzObjects.set(tz, (obj = new TzObj(tz)));
  return obj;
}

const INT_MAX = 2n ** 31n - 1n;

/** An int argument as C's `i` format reads it. */
function cInt(v: Value): number {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v !== 'bigint')
    throw new PyTypeError(`'${tpName(v)}' object cannot be interpreted as an integer`);
  if (v >= 2n ** 63n || v < -(2n ** 63n))
    throw new PyOverflowError('Python int too large to convert to C long');
  if (v > INT_MAX) throw new PyOverflowError('signed integer is greater than maximum');
  if (v < -INT_MAX - 1n) throw new PyOverflowError('signed integer is less than minimum');
  return Number(v);
}

interface Binding {
  fn: string;
  params: string[];
  required: number;
  maxPositional: number;
  tooMany: (n: number) => string;
  badKeyword: (name: string) => string;
}

/** C-style argument parsing (`PyArg_ParseTupleAndKeywords`), with its messages. */
function bind(b: Binding, args: Value[], kwargs: Kwargs): Map<string, Value> {
  if (args.length > b.maxPositional) throw new PyTypeError(b.tooMany(args.length));
  const out = new Map<string, Value>();
  args.forEach((a, i) => out.set(b.params[i] as string, a));
  for (const [name, v] of kwargs) {
    const pos = b.params.indexOf(name);
    if (pos < 0) throw new PyTypeError(b.badKeyword(name));
    if (out.has(name))
      throw new PyTypeError(
        `argument for ${b.fn} given by name ('${name}') and position (${pos + 1})`,
      );
    out.set(name, v);
  }
  b.params.slice(0, b.required).forEach((name, i) => {
    if (!out.has(name))
      throw new PyTypeError(`function missing required argument '${name}' (pos ${i + 1})`);
  });
  return out;
}

const TIMEDELTA_PARAMS = [
  'days',
  'seconds',
  'microseconds',
  'milliseconds',
  'minutes',
  'hours',
  'weeks',
];
const UNIT_US: Record<string, number> = {
  days: 86_400e6,
  seconds: 1e6,
  microseconds: 1,
  milliseconds: 1e3,
  minutes: 60e6,
  hours: 3_600e6,
  weeks: 604_800e6,
};

/** `timedelta(days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0)` */
export function makeTimedelta(args: Value[], kwargs: Kwargs): PyTimeDelta {
  const bound = bind(
    {
      fn: '__new__()',
      params: TIMEDELTA_PARAMS,
      required: 0,
      maxPositional: 7,
      tooMany: (n) => `__new__() takes at most 7 arguments (${n} given)`,
      badKeyword: (name) => `'${name}' is an invalid keyword argument for __new__()`,
    },
    args,
    kwargs,
  );
  const parts: Record<string, number | bigint> = {};
  let total = 0n;
  for (const name of TIMEDELTA_PARAMS) {
    if (!bound.has(name)) continue;
    let v = bound.get(name) as Value;
    if (typeof v === 'boolean') v = v ? 1n : 0n;
    if (typeof v !== 'bigint' && typeof v !== 'number')
      throw new PyTypeError(`unsupported type for timedelta ${name} component: ${tpName(v)}`);
    if (Number.isNaN(v)) throw new PyValueError('cannot convert float NaN to integer');
    if (v === Infinity || v === -Infinity)
      throw new PyOverflowError('cannot convert float infinity to integer');
    parts[name] = v;
    const unit = UNIT_US[name] as number;
    total += typeof v === 'bigint' ? v * BigInt(unit) : BigInt(Math.round(v * unit));
  }
  // CPython normalises days in a C int first: past it, the message is C's, not timedelta's.
  const days = total / 86_400_000_000n - (total % 86_400_000_000n < 0n ? 1n : 0n);
  if (days > INT_MAX || days < -INT_MAX - 1n)
    throw new PyOverflowError('Python int too large to convert to C int');
  return PyTimeDelta.of(parts);
}

const DATETIME_PARAMS = [
  'year',
  'month',
  'day',
  'hour',
  'minute',
  'second',
  'microsecond',
  'tzinfo',
  'fold',
];

function tzArg(v: Value | undefined): TzInfo | null {
  if (v === undefined || v === null) return null;
  if (v instanceof TzObj) return v.tz;
  throw new PyTypeError(
    `tzinfo argument must be None or of a tzinfo subclass, not type '${tpName(v)}'`,
  );
}

/** `datetime(year, month, day, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0)` */
export function makeDateTime(args: Value[], kwargs: Kwargs): PyDateTime {
  const bound = bind(
    {
      fn: 'function',
      params: DATETIME_PARAMS,
      required: 3,
      maxPositional: 8,
      tooMany: (n) => `function takes at most 8 positional arguments (${n} given)`,
      badKeyword: (name) => `'${name}' is an invalid keyword argument for this function`,
    },
    args,
    kwargs,
  );
  const field = (name: string) => (bound.has(name) ? cInt(bound.get(name) as Value) : 0);
  const fields: DateTimeFields = {
    year: field('year'),
    month: field('month'),
    day: field('day'),
    hour: field('hour'),
    minute: field('minute'),
    second: field('second'),
    microsecond: field('microsecond'),
  };
  const tz = tzArg(bound.get('tzinfo'));
  const fold = field('fold');
  if (fold !== 0 && fold !== 1) throw new PyValueError('fold must be either 0 or 1');
  return PyDateTime.of(fields, tz);
}

function method(owner: string, name: string, impl: (a: Value[], k: Kwargs) => Value) {
  return new BuiltinFunction(
    name,
    impl,
    `<built-in method ${name} of ${owner} object at ${ADDRESS}>`,
  );
}

function noArgs(name: string, a: Value[], k: Kwargs): void {
  if (k.length) throw new PyTypeError(`${name}() takes no keyword arguments`);
  if (a.length) throw new PyTypeError(`${name}() takes no arguments (${a.length} given)`);
}

/** Seconds as a float argument, with Python's conversion errors. */
function seconds(v: Value, fn: string): number {
  if (typeof v === 'number') return v;
  const n = asInt(v);
  if (n === undefined)
    throw new PyTypeError(`'${tpName(v)}' object cannot be interpreted as an integer`);
  const x = Number(n);
  if (!Number.isFinite(x)) throw new PyOverflowError(`int too large to convert to float`);
  void fn;
  return x;
}

const now = () => lineContext().nowMicroseconds();

/** `datetime.fromtimestamp(t, tz=None)`: naive times are the server's local time (UTC). */
function fromtimestamp(a: Value[], k: Kwargs): PyDateTime {
  const bound = bind(
    {
      fn: 'fromtimestamp()',
      params: ['timestamp', 'tz'],
      required: 1,
      maxPositional: 2,
      tooMany: (n) => `fromtimestamp() takes at most 2 arguments (${n} given)`,
      badKeyword: (name) => `'${name}' is an invalid keyword argument for fromtimestamp()`,
    },
    a,
    k,
  );
  const t = seconds(bound.get('timestamp') as Value, 'fromtimestamp');
  const tz = tzArg(bound.get('tz'));
  const dt = PyDateTime.fromtimestamp(t, tz ?? UTC);
  return tz ? dt : PyDateTime.fromEpochMicroseconds(dt.epochMicroseconds, null);
}

/** The class `datetime.datetime`. */
export const DATETIME_CLASS: PyClass = new PyClass(
  'datetime',
  'datetime.datetime',
  makeDateTime,
  {
    now: () =>
      new BuiltinFunction(
        'now',
        (a, k) => {
          const bound = bind(
            {
              fn: 'now()',
              params: ['tz'],
              required: 0,
              maxPositional: 1,
              tooMany: (n) => `now() takes at most 1 argument (${n} given)`,
              badKeyword: (name) => `'${name}' is an invalid keyword argument for now()`,
            },
            a,
            k,
          );
          return PyDateTime.fromEpochMicroseconds(now(), tzArg(bound.get('tz')));
        },
        `<built-in method now of type object at ${ADDRESS}>`,
      ),
    utcnow: () =>
      new BuiltinFunction(
        'utcnow',
        (a, k) => (noArgs('utcnow', a, k), PyDateTime.fromEpochMicroseconds(now(), null)),
        `<built-in method utcnow of type object at ${ADDRESS}>`,
      ),
    today: () =>
      new BuiltinFunction(
        'today',
        (a, k) => (noArgs('today', a, k), PyDateTime.fromEpochMicroseconds(now(), null)),
        `<built-in method today of type object at ${ADDRESS}>`,
      ),
    fromisoformat: () =>
      new BuiltinFunction(
        'fromisoformat',
        (a, k) => {
          if (k.length) throw new PyTypeError('fromisoformat() takes no keyword arguments');
          if (a.length !== 1)
            throw new PyTypeError(`fromisoformat() takes exactly one argument (${a.length} given)`);
          const text = a[0] as Value;
          if (typeof text !== 'string')
            throw new PyTypeError('fromisoformat: argument must be str');
          return PyDateTime.fromisoformat(text);
        },
        `<built-in method fromisoformat of type object at ${ADDRESS}>`,
      ),
    fromtimestamp: () =>
      new BuiltinFunction(
        'fromtimestamp',
        fromtimestamp,
        `<built-in method fromtimestamp of type object at ${ADDRESS}>`,
      ),
    utcfromtimestamp: () =>
      new BuiltinFunction(
        'utcfromtimestamp',
        (a, k) => {
          if (k.length) throw new PyTypeError('utcfromtimestamp() takes no keyword arguments');
          if (a.length !== 1)
            throw new PyTypeError(
              `utcfromtimestamp() takes exactly one argument (${a.length} given)`,
            );
          const dt = PyDateTime.fromtimestamp(seconds(a[0] as Value, 'utcfromtimestamp'), UTC);
          return PyDateTime.fromEpochMicroseconds(dt.epochMicroseconds, null);
        },
        `<built-in method utcfromtimestamp of type object at ${ADDRESS}>`,
      ),
    min: () => PyDateTime.of({ year: 1, month: 1, day: 1 }),
    max: () =>
      PyDateTime.of({
        year: 9999,
        month: 12,
        day: 31,
        hour: 23,
        minute: 59,
        second: 59,
        microsecond: 999999,
      }),
    resolution: () => PyTimeDelta.fromMicroseconds(1n),
  },
  TYPE_DIRS.datetime,
);

const MAX_TD_US = (999_999_999n * 86_400n + 86_399n) * 1_000_000n + 999_999n;

/** The class `datetime.timedelta`. */
export const TIMEDELTA_CLASS = new PyClass(
  'timedelta',
  'datetime.timedelta',
  makeTimedelta,
  {
    min: () => PyTimeDelta.fromMicroseconds(-999_999_999n * 86_400_000_000n),
    max: () => PyTimeDelta.fromMicroseconds(MAX_TD_US),
    resolution: () => PyTimeDelta.fromMicroseconds(1n),
  },
  TYPE_DIRS.timedelta,
);

/** The class `datetime.timezone`: `timezone(timedelta(hours=1))`, `timezone.utc`. */
export const TIMEZONE_CLASS = new PyClass(
  'timezone',
  'datetime.timezone',
  (a, k) => {
    if (k.length || a.length !== 1 || !(a[0] instanceof PyTimeDelta))
      throw new ConsoleUnsupported('attribute', { object: 'datetime.timezone', name: '__new__' });
    const td = a[0];
    if (td.totalMicroseconds % 60_000_000n !== 0n)
      throw new ConsoleUnsupported('attribute', { object: 'datetime.timezone', name: '__new__' });
    const minutes = Number(td.totalMicroseconds / 60_000_000n);
    if (Math.abs(minutes) >= 24 * 60)
      throw new PyValueError(
        'offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24), not ' +
          td.repr() +
          '.',
      );
    return tzValue(TzInfo.fixed(minutes));
  },
  { utc: () => tzValue(UTC) },
  TYPE_DIRS.timezone,
);

/** `dt.replace(year=..., ..., tzinfo=...)` */
function replace(dt: PyDateTime, a: Value[], k: Kwargs): PyDateTime {
  if (a.length) throw new ConsoleUnsupported('attribute', { object: 'datetime', name: 'replace' });
  const f = dt.fields();
  const fields: Record<string, number> = { ...f };
  let tz: TzInfo | null = dt.tzinfo;
  for (const [name, v] of k) {
    if (name === 'tzinfo') tz = tzArg(v);
    else if (name in f) fields[name] = cInt(v);
    else if (name !== 'fold')
      throw new PyTypeError(`'${name}' is an invalid keyword argument for replace()`);
  }
  return PyDateTime.of(fields as unknown as DateTimeFields, tz);
}

/** Attributes and methods of a datetime; undefined when this console has none. */
export function datetimeAttribute(dt: PyDateTime, name: string): Value | undefined {
  const f = dt.fields();
  const owner = 'datetime.datetime';
  switch (name) {
    case 'year':
    case 'month':
    case 'day':
    case 'hour':
    case 'minute':
    case 'second':
    case 'microsecond':
      return BigInt(f[name]);
    case 'fold':
      return 0n;
    case 'tzinfo':
      return dt.tzinfo ? tzValue(dt.tzinfo) : null;
    case 'isoformat':
      return method(owner, name, (a, k) => {
        const bound = bind(
          {
            fn: 'isoformat()',
            params: ['sep', 'timespec'],
            required: 0,
            maxPositional: 2,
            tooMany: (n) => `isoformat() takes at most 2 arguments (${n} given)`,
            badKeyword: (n) => `'${n}' is an invalid keyword argument for isoformat()`,
          },
          a,
          k,
        );
        const sep = bound.get('sep') ?? 'T';
        if (typeof sep !== 'string' || [...sep].length !== 1)
          throw new PyTypeError(
            'isoformat() argument 1 must be a unicode character, not ' + tpName(sep),
          );
        if (bound.has('timespec'))
          throw new ConsoleUnsupported('attribute', {
            object: 'datetime',
            name: 'isoformat(timespec=...)',
          });
        return dt.isoformat(sep);
      });
    case 'timestamp':
      return method(owner, name, (a, k) => (noArgs('timestamp', a, k), dt.timestamp()));
    case 'utcoffset':
      return method(owner, name, (a, k) => {
        noArgs('utcoffset', a, k);
        return dt.tzinfo ? PyTimeDelta.of({ minutes: dt.tzinfo.offsetMinutes }) : null;
      });
    case 'tzname':
      return method(
        owner,
        name,
        (a, k) => (noArgs('tzname', a, k), dt.tzinfo ? dt.tzinfo.name : null),
      );
    case 'weekday':
    case 'isoweekday':
      return method(owner, name, (a, k) => {
        noArgs(name, a, k);
        const wd = BigInt(Number(strftime(dt, '%u')) - 1);
        return name === 'weekday' ? wd : wd + 1n;
      });
    case 'strftime':
      return method(owner, name, (a, k) => {
        if (k.length || a.length !== 1)
          throw new PyTypeError(`strftime() takes exactly 1 argument (${a.length} given)`);
        const fmt = a[0] as Value;
        if (typeof fmt !== 'string')
          throw new PyTypeError(`strftime() argument 1 must be str, not ${tpName(fmt)}`);
        return strftime(dt, fmt);
      });
    case 'ctime':
      return method(
        owner,
        name,
        (a, k) => (noArgs('ctime', a, k), strftime(dt, '%a %b %e %H:%M:%S %Y')),
      );
    case 'replace':
      return method(owner, name, (a, k) => replace(dt, a, k));
    case 'astimezone':
      return method(owner, name, (a, k) => {
        if (k.length || a.length > 1)
          throw new PyTypeError(`astimezone() takes at most 1 argument (${a.length} given)`);
        const tz = tzArg(a[0]) ?? UTC;
        return PyDateTime.fromEpochMicroseconds(dt.epochMicroseconds, tz);
      });
    default:
      return undefined;
  }
}

/** Attributes and methods of a timedelta. */
export function timedeltaAttribute(td: PyTimeDelta, name: string): PyValue | undefined {
  switch (name) {
    case 'days':
      return td.days;
    case 'seconds':
      return td.seconds;
    case 'microseconds':
      return td.microseconds;
    case 'total_seconds':
      return method('datetime.timedelta', name, (a, k) => {
        noArgs('total_seconds', a, k);
        return td.totalSeconds();
      });
    default:
      return undefined;
  }
}

/** The `datetime` module, for `import datetime` and `from datetime import ...`. */
export const DATETIME_MODULE = new PyModule(
  'datetime',
  "<module 'datetime' from '/usr/lib/python3.11/datetime.py'>",
  {
    datetime: () => DATETIME_CLASS,
    timedelta: () => TIMEDELTA_CLASS,
    timezone: () => TIMEZONE_CLASS,
    UTC: () => tzValue(UTC),
    MINYEAR: () => 1n,
    MAXYEAR: () => 9999n,
  },
  words(`MAXYEAR MINYEAR UTC __all__ __builtins__ __cached__ __doc__ __file__ __loader__ __name__
__package__ __spec__ date datetime datetime_CAPI sys time timedelta timezone tzinfo`),
  '/usr/lib/python3.11/datetime.py',
);
