/**
 * The names a Django view's code sees: its local `request` (given by the caller), the module's
 * imports (`datetime`, `timedelta`, `timezone`) and the builtins.
 */
import { builtin } from './builtins';
import { DATETIME_CLASS_OBJ, DJANGO_TIMEZONE, TIMEDELTA_CLASS } from './namespaces';
import { ConsoleUnsupported } from './errors';
import type { Env } from './evaluate';
import { BUILTIN_NAMES } from './names';
import type { Value } from './objects';

/** A views.py module's globals, in the order Python creates them. */
export const VIEW_GLOBALS: readonly string[] = [
  '__name__',
  '__doc__',
  '__package__',
  '__loader__',
  '__spec__',
  '__file__',
  '__cached__',
  '__builtins__',
  'datetime',
  'timedelta',
  'timezone',
];

const IMPORTS: Record<string, Value> = {
  datetime: DATETIME_CLASS_OBJ,
  timedelta: TIMEDELTA_CLASS,
  timezone: DJANGO_TIMEZONE,
};

/** The environment of a view function whose locals are `locals`. */
export function viewEnv(locals: ReadonlyMap<string, Value>): Env {
  return {
    lookup(name) {
      if (locals.has(name)) return locals.get(name);
      if (Object.hasOwn(IMPORTS, name)) return IMPORTS[name];
      if (VIEW_GLOBALS.includes(name))
        throw new ConsoleUnsupported(`${name} is not available in this console`);
      return builtin(name);
    },
    scopes: [[...locals.keys()], VIEW_GLOBALS, BUILTIN_NAMES],
  };
}
