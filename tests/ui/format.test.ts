/**
 * The hand-written formats (src/ui/format.ts) say exactly what ICU says for en-GB and bn-BD:
 * compared here with Node's own Intl, over every month, odd hours, and awkward numbers.
 */
import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDuration, formatNumber } from '../../src/ui/format';

const locale = { en: 'en-GB', bn: 'bn-BD' } as const;

describe.each(['en', 'bn'] as const)('formats in %s match Intl', (lang) => {
  it('dates and times, every month, hours on both sides of noon', () => {
    const intl = new Intl.DateTimeFormat(locale[lang], {
      timeZone: 'UTC',
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    const times = [0, Date.UTC(1999, 11, 31, 23, 59, 59), Date.UTC(2038, 0, 19, 3, 14, 7)];
    for (let m = 0; m < 12; m++)
      for (const [day, hour] of [
        [1, 0],
        [9, 7],
        [28, 12],
        [30, 23],
      ])
        times.push(Date.UTC(2026, m, day!, hour!, m * 5, 59 - m));
    for (const ms of times) expect(formatDateTime(ms, lang)).toBe(`${intl.format(ms)} UTC`);
  });

  it('numbers: integers, negatives, fractions, the very large and the odd', () => {
    const intl = new Intl.NumberFormat(locale[lang], { useGrouping: false });
    for (const n of [
      0,
      -0,
      1,
      7,
      10,
      1234567,
      -3,
      0.5,
      1.25,
      2.0005,
      -0.0004,
      1 / 3,
      86400,
      2 ** 53,
      1e21,
      4e22,
      NaN,
      Infinity,
      -Infinity,
    ])
      expect(formatNumber(n, lang), String(n)).toBe(intl.format(n));
  });

  it('durations in words', () => {
    const unit = (u: string, n: number) =>
      new Intl.NumberFormat(locale[lang], { style: 'unit', unit: u, unitDisplay: 'long' }).format(
        n,
      );
    expect(formatDuration(0, lang)).toBe(unit('second', 0));
    expect(formatDuration(1, lang)).toBe(unit('second', 1));
    expect(formatDuration(61, lang)).toBe(`${unit('minute', 1)} ${unit('second', 1)}`);
    expect(formatDuration(14 * 86400 + 60, lang)).toBe(`${unit('day', 14)} ${unit('minute', 1)}`);
    expect(formatDuration(2 * 3600 + 0.4, lang)).toBe(unit('hour', 2));
    expect(formatDuration(86400 + 3600 * 3 + 120 + 5, lang)).toBe(
      [unit('day', 1), unit('hour', 3), unit('minute', 2), unit('second', 5)].join(' '),
    );
    expect(formatDuration(-5, lang)).toBe(unit('second', 0));
  });
});
