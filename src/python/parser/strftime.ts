/**
 * `datetime.strftime(format)` as CPython 3.11 on glibc writes it, in the C locale (the server's),
 * for the directives glibc knows; an unknown directive stays as written.
 */
import { PyDateTime } from '../datetime';

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const pad = (n: number, width = 2, fill = '0') => String(n).padStart(width, fill);

/** Days since 0001-01-01 is a Monday: weekday() 0..6. */
function weekday(dt: PyDateTime): number {
  const day = 86_400_000_000n;
  const days = Number((dt.wall - (((dt.wall % day) + day) % day)) / day);
  return (((days + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

function dayOfYear(f: { year: number; month: number; day: number }): number {
  const at = (month: number, day: number) => new Date(0).setUTCFullYear(f.year, month, day);
  return Math.round((at(f.month - 1, f.day) - at(0, 1)) / 86_400_000) + 1;
}

/** ISO 8601 year and week. */
function isoWeek(f: { year: number; month: number; day: number }, wd: number): [number, number] {
  const yday = dayOfYear(f);
  const thursday = yday - wd + 3; // the Thursday of this week, as a day of this year
  const yearDays = (y: number) => (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 366 : 365);
  if (thursday < 1) {
    const prev = f.year - 1;
    return [prev, Math.floor((thursday + yearDays(prev) - 1) / 7) + 1];
  }
  if (thursday > yearDays(f.year)) return [f.year + 1, 1];
  return [f.year, Math.floor((thursday - 1) / 7) + 1];
}

export function strftime(dt: PyDateTime, format: string): string {
  const f = dt.fields();
  const wd = weekday(dt);
  const yday = dayOfYear(f);
  const hour12 = f.hour % 12 === 0 ? 12 : f.hour % 12;
  const offset = dt.offsetMinutes;
  const directive = (c: string): string | undefined => {
    switch (c) {
      case 'Y':
        return String(f.year);
      case 'm':
        return pad(f.month);
      case 'd':
        return pad(f.day);
      case 'H':
        return pad(f.hour);
      case 'M':
        return pad(f.minute);
      case 'S':
        return pad(f.second);
      case 'f':
        return pad(f.microsecond, 6);
      case 'a':
        return (DAYS[wd] as string).slice(0, 3);
      case 'A':
        return DAYS[wd];
      case 'b':
      case 'h':
        return (MONTHS[f.month - 1] as string).slice(0, 3);
      case 'B':
        return MONTHS[f.month - 1];
      case 'j':
        return pad(yday, 3);
      case 'p':
        return f.hour < 12 ? 'AM' : 'PM';
      case 'P':
        return f.hour < 12 ? 'am' : 'pm';
      case 'y':
        return pad(f.year % 100);
      case 'C':
        return pad(Math.floor(f.year / 100));
      case 'I':
        return pad(hour12);
      case 'l':
        return pad(hour12, 2, ' ');
      case 'k':
        return pad(f.hour, 2, ' ');
      case 'e':
        return pad(f.day, 2, ' ');
      case 'w':
        return String((wd + 1) % 7);
      case 'u':
        return String(wd + 1);
      case 'U':
        return pad(Math.floor((yday + 6 - ((wd + 1) % 7)) / 7));
      case 'W':
        return pad(Math.floor((yday + 6 - wd) / 7));
      case 'G':
        return String(isoWeek(f, wd)[0]);
      case 'V':
        return pad(isoWeek(f, wd)[1]);
      case 'z': {
        if (offset === null) return '';
        const abs = Math.abs(offset);
        return `${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
      }
      case 'Z':
        return dt.tzinfo?.name ?? '';
      case 'c':
        return `${directive('a')} ${directive('b')} ${directive('e')} ${directive('H')}:${directive('M')}:${directive('S')} ${f.year}`;
      case 'x':
      case 'D':
        return `${pad(f.month)}/${pad(f.day)}/${pad(f.year % 100)}`;
      case 'X':
      case 'T':
        return `${pad(f.hour)}:${pad(f.minute)}:${pad(f.second)}`;
      case 'R':
        return `${pad(f.hour)}:${pad(f.minute)}`;
      case 'F':
        return `${f.year}-${pad(f.month)}-${pad(f.day)}`;
      case 's':
        return String(Number(dt.epochMicroseconds / 1_000_000n));
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case '%':
        return '%';
      default:
        return undefined;
    }
  };
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const c = format[i] as string;
    if (c !== '%' || i + 1 >= format.length) {
      out += c;
      continue;
    }
    const d = format[i + 1] as string;
    const text = directive(d);
    out += text ?? `%${d}`;
    i++;
  }
  return out;
}
