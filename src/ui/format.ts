/**
 * Numbers, times and durations in the reader's language: Bangla digits in Bangla, 24-hour clocks.
 * Protocol text (headers, HTTP dates, cookie values) is never passed through here.
 *
 * Written out by hand rather than with Intl: the page's first Intl object costs ~20 ms while the
 * browser loads its locale data (~80 ms on a slow phone), on the very first render. The output is
 * ICU's own for en-GB and bn-BD (tests/ui/format.test.ts holds it to Intl's).
 */

/** Digits of a string (e.g. `23:59:58`) in the reader's script. */
export function localDigits(text: string, lang: string): string {
  if (lang !== 'bn') return text;
  return text.replace(/\d/g, (d) => String.fromCharCode(0x09e6 + Number(d)));
}

/** Like Intl.NumberFormat without grouping: up to three decimals, half away from zero. */
export function formatNumber(n: number, lang: string): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return (n < 0 ? '-' : '') + '∞';
  const rounded = Number.isInteger(n) ? n : Math.sign(n) * (Math.round(Math.abs(n) * 1000) / 1000);
  // toLocaleString-free and without exponents (String(1e21) is "1e+21").
  const text = Math.abs(rounded) < 1e21 ? String(rounded) : BigInt(rounded).toString();
  return localDigits(Object.is(rounded, -0) ? '-0' : text, lang);
}

const MONTHS: Record<'en' | 'bn', readonly string[]> = {
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'],
  bn: ['জানু', 'ফেব', 'মার্চ', 'এপ্রি', 'মে', 'জুন', 'জুল', 'আগ', 'সেপ', 'অক্টো', 'নভে', 'ডিসে'],
};

const two = (n: number) => String(n).padStart(2, '0');

/** `25 Nov 2026, 17:31:09 UTC` (the server's clock is UTC), in the reader's language. */
export function formatDateTime(ms: number, lang: string): string {
  const d = new Date(ms);
  const time = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
  const day = d.getUTCDate();
  const year = d.getUTCFullYear();
  const text =
    lang === 'bn'
      ? `${day} ${MONTHS.bn[d.getUTCMonth()]}, ${year}, ${time}`
      : `${day} ${MONTHS.en[d.getUTCMonth()]} ${year}, ${time}`;
  return localDigits(text, lang) + ' UTC';
}

/** Parts of a duration, for a countdown: days and h:mm:ss. */
export function durationParts(ms: number): { negative: boolean; days: number; clock: string } {
  const negative = ms < 0;
  let s = Math.floor(Math.abs(ms) / 1000);
  const days = Math.floor(s / 86400);
  s -= days * 86400;
  const clock = `${two(Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}`;
  return { negative, days, clock };
}

const UNITS = [
  ['day', 86400],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
] as const;

/** Bangla has one form for every count; English adds -s to all but one. */
const UNIT_WORDS: Record<(typeof UNITS)[number][0], { bn: string; en: string }> = {
  day: { bn: 'দিন', en: 'day' },
  hour: { bn: 'ঘণ্টা', en: 'hour' },
  minute: { bn: 'মিনিট', en: 'minute' },
  second: { bn: 'সেকেন্ড', en: 'second' },
};

/** `14 days 1 minute`, `৫ মিনিট`: a span of seconds in words, largest units first. */
export function formatDuration(seconds: number, lang: string): string {
  let left = Math.max(0, Math.round(seconds));
  const parts: string[] = [];
  for (const [unit, size] of UNITS) {
    const n = Math.floor(left / size);
    left -= n * size;
    if (n === 0 && !(unit === 'second' && parts.length === 0)) continue;
    const word = lang === 'bn' ? UNIT_WORDS[unit].bn : UNIT_WORDS[unit].en + (n === 1 ? '' : 's');
    parts.push(`${formatNumber(n, lang)} ${word}`);
  }
  return parts.join(' ');
}
