/**
 * Numbers, times and durations in the reader's language: Bangla digits in Bangla, 24-hour clocks.
 * Protocol text (headers, HTTP dates, cookie values) is never passed through here.
 */
const numberFormats = new Map<string, Intl.NumberFormat>();

function locale(lang: string): string {
  return lang === 'bn' ? 'bn-BD' : 'en-GB';
}

export function formatNumber(n: number, lang: string): string {
  let f = numberFormats.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(locale(lang), { useGrouping: false });
    numberFormats.set(lang, f);
  }
  return f.format(n);
}

/** Digits of a string (e.g. `23:59:58`) in the reader's script. */
export function localDigits(text: string, lang: string): string {
  if (lang !== 'bn') return text;
  return text.replace(/\d/g, (d) => String.fromCharCode(0x09e6 + Number(d)));
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** `25 Nov 2026, 17:31:09` (UTC, as the server's clock), in the reader's language. */
export function formatDateTime(ms: number, lang: string): string {
  let f = dateTimeFormats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(locale(lang), {
      timeZone: 'UTC',
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    dateTimeFormats.set(lang, f);
  }
  return f.format(new Date(ms)) + ' UTC';
}

/** Parts of a duration, for a countdown: days and h:mm:ss. */
export function durationParts(ms: number): { negative: boolean; days: number; clock: string } {
  const negative = ms < 0;
  let s = Math.floor(Math.abs(ms) / 1000);
  const days = Math.floor(s / 86400);
  s -= days * 86400;
  const clock = `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
  return { negative, days, clock };
}

const unitFormats = new Map<string, Intl.NumberFormat>();

/** `14 days 1 minute`, `৫ মিনিট`: a span of seconds in words, largest units first. */
export function formatDuration(seconds: number, lang: string): string {
  const units = [
    ['day', 86400],
    ['hour', 3600],
    ['minute', 60],
    ['second', 1],
  ] as const;
  let left = Math.max(0, Math.round(seconds));
  const parts: string[] = [];
  for (const [unit, size] of units) {
    const n = Math.floor(left / size);
    left -= n * size;
    if (n === 0 && !(unit === 'second' && parts.length === 0)) continue;
    const key = `${lang}:${unit}`;
    let f = unitFormats.get(key);
    if (!f) {
      f = new Intl.NumberFormat(locale(lang), { style: 'unit', unit, unitDisplay: 'long' });
      unitFormats.set(key, f);
    }
    parts.push(f.format(n));
  }
  return parts.join(' ');
}
