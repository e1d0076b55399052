/**
 * The parts of Python's `datetime` module that sessions use: aware (UTC or a fixed offset) and
 * naive datetimes with microseconds, timedeltas, `isoformat()` / `fromisoformat()` and reprs.
 * Times are kept as exact bigint microseconds so that years 1..9999 stay exact.
 */
import { PyOSError, PyOverflowError, PyTypeError, PyValueError } from './errors';

const US_PER_SECOND = 1_000_000n;
const US_PER_DAY = 86_400n * US_PER_SECOND;
const MAX_DAYS = 999_999_999n;

/** floor division for bigints (Python's `//`) */
function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}
function floorMod(a: bigint, b: bigint): bigint {
  return a - floorDiv(a, b) * b;
}

/** Round half to even, as Python rounds a float timedelta to microseconds. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

export interface TimeDeltaParts {
  days?: number | bigint;
  seconds?: number | bigint;
  microseconds?: number | bigint;
  milliseconds?: number | bigint;
  minutes?: number | bigint;
  hours?: number | bigint;
  weeks?: number | bigint;
}

const PART_US: Record<keyof TimeDeltaParts, bigint> = {
  weeks: 7n * US_PER_DAY,
  days: US_PER_DAY,
  hours: 3600n * US_PER_SECOND,
  minutes: 60n * US_PER_SECOND,
  seconds: US_PER_SECOND,
  milliseconds: 1000n,
  microseconds: 1n,
};

export class PyTimeDelta {
  readonly pyType = 'timedelta';

  private constructor(readonly totalMicroseconds: bigint) {
    const days = floorDiv(totalMicroseconds, US_PER_DAY);
    if (days > MAX_DAYS || days < -MAX_DAYS) {
      throw new PyOverflowError(`days=${days}; must have magnitude <= ${MAX_DAYS}`);
    }
  }

  static fromMicroseconds(us: bigint): PyTimeDelta {
    return new PyTimeDelta(us);
  }

  /** `timedelta(days=..., seconds=..., ...)`; float parts are rounded to microseconds. */
  static of(parts: TimeDeltaParts): PyTimeDelta {
    let exact = 0n;
    let fractional = 0;
    for (const [name, value] of Object.entries(parts) as [
      keyof TimeDeltaParts,
      number | bigint,
    ][]) {
      if (typeof value === 'bigint') exact += value * PART_US[name];
      else if (Number.isInteger(value)) exact += BigInt(value) * PART_US[name];
      else if (!Number.isFinite(value))
        throw new PyValueError(`cannot convert float ${value} to integer`);
      else fractional += value * Number(PART_US[name]);
    }
    return new PyTimeDelta(exact + BigInt(roundHalfEven(fractional)));
  }

  get days(): bigint {
    return floorDiv(this.totalMicroseconds, US_PER_DAY);
  }
  get seconds(): bigint {
    return floorDiv(floorMod(this.totalMicroseconds, US_PER_DAY), US_PER_SECOND);
  }
  get microseconds(): bigint {
    return floorMod(this.totalMicroseconds, US_PER_SECOND);
  }
  /** `td.total_seconds()` */
  totalSeconds(): number {
    return Number(this.totalMicroseconds) / 1e6;
  }
  /** `td.days * 86400 + td.seconds`: whole seconds, floored, as Django computes expiry ages. */
  wholeSeconds(): bigint {
    return this.days * 86400n + this.seconds;
  }
  isZero(): boolean {
    return this.totalMicroseconds === 0n;
  }
  negate(): PyTimeDelta {
    return new PyTimeDelta(-this.totalMicroseconds);
  }
  add(other: PyTimeDelta): PyTimeDelta {
    return new PyTimeDelta(this.totalMicroseconds + other.totalMicroseconds);
  }
  equals(other: unknown): boolean {
    return other instanceof PyTimeDelta && other.totalMicroseconds === this.totalMicroseconds;
  }

  repr(): string {
    const parts: string[] = [];
    if (this.days !== 0n) parts.push(`days=${this.days}`);
    if (this.seconds !== 0n) parts.push(`seconds=${this.seconds}`);
    if (this.microseconds !== 0n) parts.push(`microseconds=${this.microseconds}`);
    return `datetime.timedelta(${parts.length ? parts.join(', ') : '0'})`;
  }

  /** `str(td)`: `14 days, 0:00:00`, `-1 day, 23:59:50`, `0:05:00.500000` */
  toString(): string {
    const s = Number(this.seconds);
    const hms = `${Math.floor(s / 3600)}:${pad2(Math.floor(s / 60) % 60)}:${pad2(s % 60)}`;
    const us = this.microseconds === 0n ? '' : '.' + String(this.microseconds).padStart(6, '0');
    const d = this.days;
    const dayText = d === 0n ? '' : `${d} day${d === 1n || d === -1n ? '' : 's'}, `;
    return dayText + hms + us;
  }
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

// Days since 1970-01-01 <-> proleptic Gregorian date (H. Hinnant's civil algorithms).
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}
function civilFromDays(z: number): [number, number, number] {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return [era * 400 + yoe + (m <= 2 ? 1 : 0), m, d];
}
function daysInMonth(y: number, m: number): number {
  return [
    31,
    y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ][m - 1] as number;
}

/**
 * A tzinfo. Which object it is shows in reprs: the standard library's `datetime.timezone.utc`,
 * pytz's `<UTC>` (what Django 3.2's `timezone.now()` uses), zoneinfo's `ZoneInfo(key='UTC')`
 * (Django 4+'s default time zone) or a fixed offset.
 */
export class TzInfo {
  constructor(
    readonly offsetMinutes: number,
    /** `repr(tz)` */
    private readonly text: string,
    /** `type(tz).__name__` */
    readonly pyType: string,
    /** `dt.tzname()` */
    readonly name: string,
  ) {}
  repr(): string {
    return this.text;
  }
  /** `datetime.timezone(timedelta(minutes=m))`: UTC itself for 0, as Python gives it. */
  static fixed(minutes: number): TzInfo {
    if (minutes === 0) return UTC;
    const sign = minutes < 0 ? '-' : '+';
    const abs = Math.abs(minutes);
    const name = `UTC${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
    const delta = PyTimeDelta.of({ minutes }).repr();
    return new TzInfo(minutes, `datetime.timezone(${delta})`, 'timezone', name);
  }
}
/** `datetime.timezone.utc` */
export const UTC = new TzInfo(0, 'datetime.timezone.utc', 'timezone', 'UTC');
/** `pytz.utc`, Django 3.2's `timezone.utc` and the tzinfo of its `timezone.now()` */
export const PYTZ_UTC = new TzInfo(0, '<UTC>', 'UTC', 'UTC');
/** `zoneinfo.ZoneInfo('UTC')`, Django 4+'s current time zone when TIME_ZONE is 'UTC' */
export const ZONEINFO_UTC = new TzInfo(0, "zoneinfo.ZoneInfo(key='UTC')", 'ZoneInfo', 'UTC');

function tzOf(tz: TzInfo | number | null): TzInfo | null {
  return typeof tz === 'number' ? TzInfo.fixed(tz) : tz;
}

export interface DateTimeFields {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  second?: number;
  microsecond?: number;
}

/**
 * A datetime. `wall` is the local wall-clock time as microseconds since 1970-01-01T00:00
 * (naive arithmetic); `tzinfo` is null for a naive datetime. Where a time zone is given as a
 * number of minutes, it is the standard library's fixed offset (`datetime.timezone.utc` for 0).
 */
export class PyDateTime {
  readonly pyType = 'datetime';
  readonly tzinfo: TzInfo | null;

  private constructor(
    readonly wall: bigint,
    tz: TzInfo | number | null,
  ) {
    this.tzinfo = tzOf(tz);
    const [year] = civilFromDays(Number(floorDiv(wall, US_PER_DAY)));
    if (year < 1 || year > 9999) throw new PyOverflowError('date value out of range');
  }

  /** Minutes east of UTC; null for a naive datetime. */
  get offsetMinutes(): number | null {
    return this.tzinfo?.offsetMinutes ?? null;
  }

  /** `datetime(year, month, day, ...)`, checked as Python checks it. */
  static of(f: DateTimeFields, tz: TzInfo | number | null = null): PyDateTime {
    const { year, month, day, hour = 0, minute = 0, second = 0, microsecond = 0 } = f;
    const check = (ok: boolean, msg: string) => {
      if (!ok) throw new PyValueError(msg);
    };
    check(year >= 1 && year <= 9999, `year ${year} is out of range`);
    check(month >= 1 && month <= 12, 'month must be in 1..12');
    check(day >= 1 && day <= daysInMonth(year, month), 'day is out of range for month');
    check(hour >= 0 && hour <= 23, 'hour must be in 0..23');
    check(minute >= 0 && minute <= 59, 'minute must be in 0..59');
    check(second >= 0 && second <= 59, 'second must be in 0..59');
    check(microsecond >= 0 && microsecond <= 999999, 'microsecond must be in 0..999999');
    const days = BigInt(daysFromCivil(year, month, day));
    const wall =
      days * US_PER_DAY +
      BigInt((hour * 60 + minute) * 60 + second) * US_PER_SECOND +
      BigInt(microsecond);
    return new PyDateTime(wall, tz);
  }

  /** The datetime at a UTC epoch time in microseconds, in `tz` (naive: UTC's wall clock). */
  static fromEpochMicroseconds(us: bigint, tz: TzInfo | number | null = 0): PyDateTime {
    const zone = tzOf(tz);
    return new PyDateTime(us + BigInt(zone?.offsetMinutes ?? 0) * 60n * US_PER_SECOND, zone);
  }

  /**
   * `datetime.fromtimestamp(t, tz)` for a float `t`, with CPython's errors on Linux: NaN, a
   * value outside time_t, a year gmtime() cannot hold, a year outside 1..9999.
   */
  static fromtimestamp(t: number, tz: TzInfo | number | null): PyDateTime {
    if (Number.isNaN(t)) throw new PyValueError('Invalid value NaN (not a number)');
    // _PyTime_DoubleToDenominator: whole seconds and microseconds rounded half to even.
    let whole = Math.trunc(t);
    let fraction = Number.isFinite(t) ? roundHalfEven((t - whole) * 1e6) : 0;
    if (fraction >= 1e6) {
      fraction -= 1e6;
      whole += 1;
    } else if (fraction < 0) {
      fraction += 1e6;
      whole -= 1;
    }
    if (!(whole >= -(2 ** 63) && whole < 2 ** 63))
      throw new PyOverflowError('timestamp out of range for platform time_t');
    const seconds = BigInt(whole);
    const us = seconds * US_PER_SECOND + BigInt(fraction);
    const zone = tzOf(tz);
    const local = seconds + BigInt(zone?.offsetMinutes ?? 0) * 60n;
    const [year] = civilFromDays(Number(floorDiv(local, 86_400n)));
    // glibc's gmtime_r keeps the year in an int (tm_year = year - 1900): EOVERFLOW beyond it.
    if (year - 1900 > 2 ** 31 - 1 || year - 1900 < -(2 ** 31))
      throw new PyOSError('[Errno 75] Value too large for defined data type');
    if (year < 1 || year > 9999) throw new PyValueError(`year ${year} is out of range`);
    return PyDateTime.fromEpochMicroseconds(us, zone);
  }

  /** `datetime.fromisoformat(text)` (Python 3.11: also `Z`, a space separator, short forms). */
  static fromisoformat(text: string): PyDateTime {
    const m =
      /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2})(?::?(\d{2})(?::?(\d{2})(?:[.,](\d{1,6})\d*)?)?)?(Z|[+-]\d{2}(?::?\d{2}(?::?\d{2})?)?)?)?$/.exec(
        text,
      );
    if (!m) throw new PyValueError(`Invalid isoformat string: '${text}'`);
    const num = (s: string | undefined) => (s === undefined ? 0 : Number(s));
    let offset: number | null = null;
    const tz = m[8];
    if (tz === 'Z') offset = 0;
    else if (tz) {
      const sign = tz[0] === '-' ? -1 : 1;
      const digits = tz.slice(1).replace(/:/g, '');
      offset = sign * (Number(digits.slice(0, 2)) * 60 + num(digits.slice(2, 4) || undefined));
    }
    return PyDateTime.of(
      {
        year: num(m[1]),
        month: num(m[2]),
        day: num(m[3]),
        hour: num(m[4]),
        minute: num(m[5]),
        second: num(m[6]),
        microsecond: m[7] ? Number(m[7].padEnd(6, '0')) : 0,
      },
      offset,
    );
  }

  get aware(): boolean {
    return this.offsetMinutes !== null;
  }
  /** UTC epoch microseconds (a naive datetime is read as UTC, as Django does with TIME_ZONE='UTC'). */
  get epochMicroseconds(): bigint {
    return this.wall - BigInt(this.offsetMinutes ?? 0) * 60n * US_PER_SECOND;
  }
  /** `dt.timestamp()` */
  timestamp(): number {
    return Number(this.epochMicroseconds) / 1e6;
  }

  fields(): Required<DateTimeFields> {
    const days = floorDiv(this.wall, US_PER_DAY);
    const [year, month, day] = civilFromDays(Number(days));
    const inDay = Number(this.wall - days * US_PER_DAY);
    const seconds = Math.floor(inDay / 1e6);
    return {
      year,
      month,
      day,
      hour: Math.floor(seconds / 3600),
      minute: Math.floor(seconds / 60) % 60,
      second: seconds % 60,
      microsecond: inDay % 1e6,
    };
  }

  add(delta: PyTimeDelta): PyDateTime {
    return new PyDateTime(this.wall + delta.totalMicroseconds, this.tzinfo);
  }

  /** `self - other` for two datetimes: a timedelta, or Python's TypeError when they mix kinds. */
  minus(other: PyDateTime): PyTimeDelta {
    if (this.aware !== other.aware) {
      throw new PyTypeError("can't subtract offset-naive and offset-aware datetimes");
    }
    return PyTimeDelta.fromMicroseconds(this.epochMicroseconds - other.epochMicroseconds);
  }

  equals(other: unknown): boolean {
    return (
      other instanceof PyDateTime &&
      other.aware === this.aware &&
      other.epochMicroseconds === this.epochMicroseconds
    );
  }

  private offsetText(sep: string): string {
    if (this.offsetMinutes === null) return '';
    const sign = this.offsetMinutes < 0 ? '-' : '+';
    const abs = Math.abs(this.offsetMinutes);
    return `${sign}${pad2(Math.floor(abs / 60))}${sep}${pad2(abs % 60)}`;
  }

  /** `dt.isoformat(sep='T')`: microseconds only when non-zero, offset only when aware. */
  isoformat(sep = 'T'): string {
    const f = this.fields();
    const us = f.microsecond ? '.' + String(f.microsecond).padStart(6, '0') : '';
    const date = `${String(f.year).padStart(4, '0')}-${pad2(f.month)}-${pad2(f.day)}`;
    return `${date}${sep}${pad2(f.hour)}:${pad2(f.minute)}:${pad2(f.second)}${us}${this.offsetText(':')}`;
  }

  /** `str(dt)` */
  toString(): string {
    return this.isoformat(' ');
  }

  repr(): string {
    const f = this.fields();
    const parts = [f.year, f.month, f.day, f.hour, f.minute];
    if (f.second || f.microsecond) parts.push(f.second);
    if (f.microsecond) parts.push(f.microsecond);
    const tz = this.tzinfo ? `, tzinfo=${this.tzinfo.repr()}` : '';
    return `datetime.datetime(${parts.join(', ')}${tz})`;
  }
}
