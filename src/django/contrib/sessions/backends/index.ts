/**
 * `import_module(settings.SESSION_ENGINE)`: the package django.contrib.sessions.backends and the
 * engines Django ships in it (their names: engines.ts).
 */
import { PyException } from '../../../../python';
import type { SessionEngine } from './base';
import * as cache from './cache';
import * as cached_db from './cached_db';
import * as db from './db';
import * as file from './file';
import * as signed_cookies from './signed_cookies';
import { engineName, type EngineName } from './engines';

const MODULES = { db, cache, cached_db, file, signed_cookies } satisfies Record<
  EngineName,
  SessionEngine
>;

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
