/**
 * `import_module(settings.SESSION_ENGINE)`: the engines Django ships, by their module path.
 */
import { PyException } from '../../../../python';
import type { SessionEngine } from './base';
import * as cache from './cache';
import * as cached_db from './cached_db';
import * as db from './db';
import * as file from './file';
import * as signed_cookies from './signed_cookies';

export const ENGINES: Record<string, SessionEngine> = {
  'django.contrib.sessions.backends.db': db,
  'django.contrib.sessions.backends.cache': cache,
  'django.contrib.sessions.backends.cached_db': cached_db,
  'django.contrib.sessions.backends.file': file,
  'django.contrib.sessions.backends.signed_cookies': signed_cookies,
};

export class ModuleNotFoundError extends PyException {
  override get pyName() {
    return 'ModuleNotFoundError';
  }
}

export function import_engine(path: string): SessionEngine {
  const engine = ENGINES[path];
  if (!engine) throw new ModuleNotFoundError(`No module named '${path}'`);
  return engine;
}
