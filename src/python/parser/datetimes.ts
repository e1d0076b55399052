/**
 * The date and time names a Django view has at hand: `timedelta(...)`, `datetime(...)` (also
 * spelled `datetime.datetime(...)`), `timezone.now()`, `timezone.utc` / `datetime.timezone.utc`.
 * Datetimes computed from `timezone.now()` stay relative (an offset from the server's clock), so
 * that the console can send them as "seconds from now"; other datetimes are absolute.
 */
import { PyDateTime, PyTimeDelta } from '../datetime';
import { PyAttributeError, PyOverflowError, PyTypeError, PyValueError } from '../errors';
import { ConsoleUnsupported } from './errors';
import { ADDRESS, BuiltinFunction, PyObj, tpName, type Kwargs, type Value } from './objects';
import { withSuggestion } from './suggest';

/** A tzinfo: Django 3.2's `timezone.utc` is pytz's UTC, `datetime.timezone.utc` the stdlib's. */
export class UtcTimezone extends PyObj {
  constructor(
    readonly tpName: string,
    private readonly text: string,
  ) {
    super();
  }
  override repr(): string {
    return this.text;
  }
}
export const PYTZ_UTC = new UtcTimezone('UTC', '<UTC>');
export const STD_UTC = new UtcTimezone('datetime.timezone', 'datetime.timezone.utc');

/** `timezone.now() + offset`: an aware datetime that only the server can resolve. */
export class RelativeDateTime extends PyObj {
  readonly tpName = 'datetime.datetime';
  constructor(
    readonly offset: PyTimeDelta,
    readonly tz: UtcTimezone = PYTZ_UTC,
  ) {
    super();
  }
  override repr(): string {
    throw new ConsoleUnsupported(
      "that is the server's current time, which only the server knows: use it as an argument, e.g. " +
        'request.session.set_expiry(timezone.now() + timedelta(minutes=5))',
    );
  }
  plus(delta: PyTimeDelta): RelativeDateTime {
    return new RelativeDateTime(this.offset.add(delta), this.tz);
  }
}

/** An absolute datetime, naive or aware. */
export class DateTimeValue extends PyObj {
  readonly tpName = 'datetime.datetime';
  constructor(
    readonly dt: PyDateTime,
    readonly tz: UtcTimezone | null,
  ) {
    super();
  }
  override repr(): string {
    const text = this.dt.repr();
    return this.tz ? text.replace(/tzinfo=.*\)$/, `tzinfo=${this.tz.repr()})`) : text;
  }
  plus(delta: PyTimeDelta): DateTimeValue {
    return new DateTimeValue(this.dt.add(delta), this.tz);
  }
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
  }
  const total = sumMicroseconds(parts);
  const days = total / 86_400_000_000n - (total % 86_400_000_000n < 0n ? 1n : 0n);
  if (days > INT_MAX || days < -INT_MAX - 1n)
    throw new PyOverflowError('Python int too large to convert to C int');
  return PyTimeDelta.of(parts);
}

/** The total in microseconds, only to tell C-int overflow from timedelta's own range error. */
function sumMicroseconds(parts: Record<string, number | bigint>): bigint {
  const unit: Record<string, number> = {
    days: 86_400e6,
    seconds: 1e6,
    microseconds: 1,
    milliseconds: 1e3,
    minutes: 60e6,
    hours: 3_600e6,
    weeks: 604_800e6,
  };
  let total = 0n;
  for (const [name, v] of Object.entries(parts)) {
    const u = unit[name] as number;
    total += typeof v === 'bigint' ? v * BigInt(u) : BigInt(Math.round(v * u));
  }
  return total;
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

/** `datetime(year, month, day, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0)` */
export function makeDateTime(args: Value[], kwargs: Kwargs): DateTimeValue {
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
  const fields = {
    year: field('year'),
    month: field('month'),
    day: field('day'),
    hour: field('hour'),
    minute: field('minute'),
    second: field('second'),
    microsecond: field('microsecond'),
  };
  const tz = bound.get('tzinfo') ?? null;
  if (tz !== null && !(tz instanceof UtcTimezone))
    throw new PyTypeError(
      `tzinfo argument must be None or of a tzinfo subclass, not type '${tpName(tz)}'`,
    );
  const fold = field('fold');
  if (fold !== 0 && fold !== 1) throw new PyValueError('fold must be either 0 or 1');
  if (fold) throw new ConsoleUnsupported('fold=1 is not supported by this console');
  return new DateTimeValue(PyDateTime.of(fields, tz ? 0 : null), tz);
}

/** `datetime.now(tz=None)`: only the aware form can be sent to the server. */
export const datetimeNow = new BuiltinFunction(
  'now',
  (args, kwargs) => {
    const bound = bind(
      {
        fn: 'now()',
        params: ['tz'],
        required: 0,
        maxPositional: 1,
        tooMany: (n) => `now() takes at most 1 argument (${n} given)`,
        badKeyword: (name) => `'${name}' is an invalid keyword argument for now()`,
      },
      args,
      kwargs,
    );
    const tz = bound.get('tz') ?? null;
    if (tz instanceof UtcTimezone) return new RelativeDateTime(PyTimeDelta.of({}), tz);
    if (tz !== null)
      throw new PyTypeError(
        `tzinfo argument must be None or of a tzinfo subclass, not type '${tpName(tz)}'`,
      );
    throw new ConsoleUnsupported(
      "datetime.now() is a naive datetime in the server's time zone; use timezone.now()",
    );
  },
  'builtin_function_or_method',
  '<built-in method now of type object at 0x7f5e2d6a4c40>',
);

/** `django.utils.timezone.now()` */
export const timezoneNow = new BuiltinFunction(
  'now',
  (args, kwargs) => {
    if (args.length)
      throw new PyTypeError(
        `now() takes 0 positional arguments but ${args.length} ${args.length === 1 ? 'was' : 'were'} given`,
      );
    if (kwargs.length)
      throw new PyTypeError(`now() got an unexpected keyword argument '${kwargs[0]?.[0]}'`);
    return new RelativeDateTime(PyTimeDelta.of({}));
  },
  'function',
  `<function now at ${ADDRESS}>`,
);

/** A class or module the view's code names: its attributes, and a call if it is a class. */
export class Namespace extends PyObj {
  constructor(
    /** The name the view's code uses for it, for messages. */
    readonly label: string,
    readonly tpName: string,
    private readonly text: string,
    /** The AttributeError message for a missing name, before any hint. */
    private readonly missing: (name: string) => string,
    private readonly members: Record<string, () => Value>,
    private readonly dir: readonly string[],
    private readonly construct?: (args: Value[], kwargs: Kwargs) => Value,
  ) {
    super();
  }
  override attributeNames(): readonly string[] {
    return this.dir;
  }
  override repr(): string {
    return this.text;
  }
  override getattr(name: string): Value {
    const member = Object.hasOwn(this.members, name) ? this.members[name] : undefined;
    if (member) return member();
    if (this.dir.includes(name))
      throw new ConsoleUnsupported(`${this.label}.${name} is not available in this console`);
    throw new PyAttributeError(withSuggestion(this.missing(name), name, this.dir));
  }
  override call(args: Value[], kwargs: Kwargs): Value {
    return this.construct ? this.construct(args, kwargs) : super.call(args, kwargs);
  }
}
