import { describe, expect, it } from 'vitest';
import { PyDateTime, PyTimeDelta } from '../../src/python';

// Expected strings printed by CPython 3.11.
describe('datetime', () => {
  const t0 = PyDateTime.fromEpochMicroseconds(1767225600n * 1_000_000n); // 2026-01-01T00:00:00Z

  it('writes isoformat as Django stores a datetime expiry', () => {
    expect(t0.isoformat()).toBe('2026-01-01T00:00:00+00:00');
    expect(t0.add(PyTimeDelta.of({ microseconds: 123456 })).isoformat()).toBe(
      '2026-01-01T00:00:00.123456+00:00',
    );
    expect(PyDateTime.of({ year: 2026, month: 3, day: 1, hour: 5 }).isoformat()).toBe(
      '2026-03-01T05:00:00',
    );
  });

  it('reads isoformat back, including Python 3.11 short forms', () => {
    expect(PyDateTime.fromisoformat('2026-01-01T00:00:00+00:00').equals(t0)).toBe(true);
    expect(PyDateTime.fromisoformat('2026-01-01T06:00:00+06:00').equals(t0)).toBe(true);
    expect(PyDateTime.fromisoformat('2026-01-01T00:00Z').equals(t0)).toBe(true);
    expect(() => PyDateTime.fromisoformat('yesterday')).toThrow(
      "Invalid isoformat string: 'yesterday'",
    );
  });

  it('prints reprs like Python', () => {
    expect(t0.repr()).toBe('datetime.datetime(2026, 1, 1, 0, 0, tzinfo=datetime.timezone.utc)');
    expect(PyDateTime.of({ year: 2026, month: 1, day: 15, second: 5, microsecond: 7 }).repr()).toBe(
      'datetime.datetime(2026, 1, 15, 0, 0, 5, 7)',
    );
    expect(PyDateTime.fromisoformat('2026-01-01T06:00:00+06:00').repr()).toBe(
      'datetime.datetime(2026, 1, 1, 6, 0, tzinfo=datetime.timezone(datetime.timedelta(seconds=21600)))',
    );
  });

  it('checks fields as Python does', () => {
    expect(() => PyDateTime.of({ year: 2026, month: 2, day: 29 })).toThrow(
      'day is out of range for month',
    );
    expect(() => PyDateTime.of({ year: 2026, month: 13, day: 1 })).toThrow(
      'month must be in 1..12',
    );
    expect(() => t0.add(PyTimeDelta.of({ days: 3_000_000 }))).toThrow('date value out of range');
  });

  it('refuses to subtract naive from aware', () => {
    const naive = PyDateTime.of({ year: 2026, month: 1, day: 1 });
    expect(() => naive.minus(t0)).toThrow("can't subtract offset-naive and offset-aware datetimes");
  });

  it('floors ages to whole seconds as days*86400 + seconds does', () => {
    // Observed in Django: 90 s minus a few microseconds gives 89; -10 s - 1 us gives -11.
    expect(PyTimeDelta.of({ seconds: 90, microseconds: -3 }).wholeSeconds()).toBe(89n);
    expect(PyTimeDelta.of({ seconds: -10, microseconds: -1 }).wholeSeconds()).toBe(-11n);
  });
});

describe('timedelta', () => {
  it('normalises and prints like Python', () => {
    expect(PyTimeDelta.of({ seconds: -10 }).repr()).toBe(
      'datetime.timedelta(days=-1, seconds=86390)',
    );
    expect(PyTimeDelta.of({ seconds: -10 }).toString()).toBe('-1 day, 23:59:50');
    expect(PyTimeDelta.of({ weeks: 2 }).repr()).toBe('datetime.timedelta(days=14)');
    expect(PyTimeDelta.of({ weeks: 2 }).toString()).toBe('14 days, 0:00:00');
    expect(PyTimeDelta.of({ minutes: 5, microseconds: 500000 }).toString()).toBe('0:05:00.500000');
    expect(PyTimeDelta.of({}).repr()).toBe('datetime.timedelta(0)');
    expect(PyTimeDelta.of({ seconds: 1.5 }).repr()).toBe(
      'datetime.timedelta(seconds=1, microseconds=500000)',
    );
  });

  it('refuses more than 999999999 days', () => {
    expect(() => PyTimeDelta.of({ days: 1_000_000_000 })).toThrow(
      'days=1000000000; must have magnitude <= 999999999',
    );
  });
});
