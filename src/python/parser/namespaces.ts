/** The classes and the module behind the names `datetime`, `timedelta` and `timezone`. */
import { DATETIME_DIR, DATETIME_TIMEZONE_DIR, DJANGO_TIMEZONE_DIR, TIMEDELTA_DIR } from './names';
import { ConsoleUnsupported } from './errors';
import {
  Namespace,
  PYTZ_UTC,
  STD_UTC,
  datetimeNow,
  makeDateTime,
  makeTimedelta,
  timezoneNow,
} from './datetimes';

const typeMissing = (cls: string) => (name: string) =>
  `type object '${cls}' has no attribute '${name}'`;

export const TIMEDELTA_CLASS = new Namespace(
  'timedelta',
  'type',
  "<class 'datetime.timedelta'>",
  typeMissing('datetime.timedelta'),
  {},
  TIMEDELTA_DIR,
  makeTimedelta,
);

const DATETIME_TIMEZONE_CLASS = new Namespace(
  'datetime.timezone',
  'type',
  "<class 'datetime.timezone'>",
  typeMissing('datetime.timezone'),
  { utc: () => STD_UTC },
  DATETIME_TIMEZONE_DIR,
  () => {
    throw new ConsoleUnsupported('only timezone.utc is supported here');
  },
);

/**
 * `datetime`: the class, so that `datetime(2026, 1, 1)` works, but also answering
 * `datetime.datetime`, `datetime.timedelta` and `datetime.timezone` as the module would, since a
 * view may have done either `import datetime` or `from datetime import datetime`.
 */
export const DATETIME_CLASS_OBJ: Namespace = new Namespace(
  'datetime',
  'type',
  "<class 'datetime.datetime'>",
  typeMissing('datetime.datetime'),
  {
    now: () => datetimeNow,
    datetime: () => DATETIME_CLASS_OBJ,
    timedelta: () => TIMEDELTA_CLASS,
    timezone: () => DATETIME_TIMEZONE_CLASS,
  },
  DATETIME_DIR,
  makeDateTime,
);

export const DJANGO_TIMEZONE = new Namespace(
  'timezone',
  'module',
  "<module 'django.utils.timezone' from '/usr/lib/python3/dist-packages/django/utils/timezone.py'>",
  (name) => `module 'django.utils.timezone' has no attribute '${name}'`,
  {
    now: () => timezoneNow,
    utc: () => PYTZ_UTC,
    // django/utils/timezone.py does `from datetime import datetime, timedelta, timezone, tzinfo`.
    datetime: () => DATETIME_CLASS_OBJ,
    timedelta: () => TIMEDELTA_CLASS,
    timezone: () => DATETIME_TIMEZONE_CLASS,
  },
  DJANGO_TIMEZONE_DIR,
);
