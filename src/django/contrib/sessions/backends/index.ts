/**
 * `import_module(settings.SESSION_ENGINE)`: the package django.contrib.sessions.backends and the
 * engines Django ships in it. A module's name in the package is the short name the playground
 * uses (`db`, `signed_cookies`); its dotted path is what SESSION_ENGINE holds. This is the one
 * place that lists them: settings, the conformance scenarios and the panels import it.
 */
import { PyException } from '../../../../python';
import type { SessionEngine } from './base';
import * as cache from './cache';
import * as cached_db from './cached_db';
import * as db from './db';
import * as file from './file';
import * as signed_cookies from './signed_cookies';

export const ENGINE_PREFIX = 'django.contrib.sessions.backends.';

const MODULES = { db, cache, cached_db, file, signed_cookies } satisfies Record<
  string,
  SessionEngine
>;

/** A module of the package, by its name there. */
export type EngineName = keyof typeof MODULES;
/** In the order Django's documentation lists them. */
export const ENGINE_NAMES: readonly EngineName[] = [
  'db',
  'cache',
  'cached_db',
  'file',
  'signed_cookies',
];

/** `'db'` -> `'django.contrib.sessions.backends.db'` */
export function enginePath(name: EngineName): string {
  return ENGINE_PREFIX + name;
}

export function isEngineName(name: unknown): name is EngineName {
  return typeof name === 'string' && Object.hasOwn(MODULES, name);
}

/** `'django.contrib.sessions.backends.db'` -> `'db'`; null for a module Django does not ship. */
export function engineName(path: string): EngineName | null {
  const name = path.startsWith(ENGINE_PREFIX) ? path.slice(ENGINE_PREFIX.length) : '';
  return isEngineName(name) ? name : null;
}

export class ModuleNotFoundError extends PyException {
  override get pyName() {
    return 'ModuleNotFoundError';
  }
}

export function import_engine(path: string): SessionEngine {
  const name = engineName(path);
  if (name === null) throw new ModuleNotFoundError(`No module named '${path}'`);
  return MODULES[name];
}
