/**
 * RFC 6265 §5.1.1: how a browser reads the date in `expires=...`. Deliberately forgiving (any
 * delimiters, any order), as browsers are; returns epoch milliseconds or null when unusable.
 */
const DELIMITER = /[\x09\x20-\x2f\x3b-\x40\x5b-\x60\x7b-\x7e]+/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export function parseCookieDate(text: string): number | null {
  let time: [number, number, number] | null = null;
  let day: number | null = null;
  let month: number | null = null;
  let year: number | null = null;
  for (const token of text.split(DELIMITER)) {
    if (!token) continue;
    const t: RegExpExecArray | null = /^(\d{1,2}):(\d{1,2}):(\d{1,2})(?:\D.*)?$/.exec(token);
    if (time === null && t) {
      time = [Number(t[1]), Number(t[2]), Number(t[3])];
      continue;
    }
    const d: RegExpExecArray | null = /^(\d{1,2})(?:\D.*)?$/.exec(token);
    if (day === null && d) {
      day = Number(d[1]);
      continue;
    }
    const m: number = MONTHS.indexOf(token.slice(0, 3).toLowerCase());
    if (month === null && m >= 0) {
      month = m;
      continue;
    }
    const y: RegExpExecArray | null = /^(\d{2,4})(?:\D.*)?$/.exec(token);
    if (year === null && y) year = Number(y[1]);
  }
  if (time === null || day === null || month === null || year === null) return null;
  if (year >= 70 && year <= 99) year += 1900;
  else if (year >= 0 && year <= 69) year += 2000;
  const [h, mi, s] = time;
  if (day < 1 || day > 31 || year < 1601 || h > 23 || mi > 59 || s > 59) return null;
  const ms = Date.UTC(year, month, day, h, mi, s);
  // Date.UTC rolls 31 Feb into March; a browser rejects such a date.
  if (new Date(ms).getUTCDate() !== day) return null;
  return ms;
}
