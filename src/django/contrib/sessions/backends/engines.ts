/**
 * The engines Django ships in django.contrib.sessions.backends, by name: a module's name in the
 * package is the short name the playground uses (`db`, `signed_cookies`); its dotted path is what
 * SESSION_ENGINE holds. Names only, without the engines' code (index.ts imports that), so that
 * the settings and the first screen can name an engine without loading Django.
 */

export const ENGINE_PREFIX = 'django.contrib.sessions.backends.';

/** In the order Django's documentation lists them. */
export const ENGINE_NAMES = ['db', 'cache', 'cached_db', 'file', 'signed_cookies'] as const;

/** A module of the package, by its name there. */
export type EngineName = (typeof ENGINE_NAMES)[number];

/** `'db'` -> `'django.contrib.sessions.backends.db'` */
export function enginePath(name: EngineName): string {
  return ENGINE_PREFIX + name;
}

export function isEngineName(name: unknown): name is EngineName {
  return typeof name === 'string' && (ENGINE_NAMES as readonly string[]).includes(name);
}

/** `'django.contrib.sessions.backends.db'` -> `'db'`; null for a module Django does not ship. */
export function engineName(path: string): EngineName | null {
  const name = path.startsWith(ENGINE_PREFIX) ? path.slice(ENGINE_PREFIX.length) : '';
  return isEngineName(name) ? name : null;
}
