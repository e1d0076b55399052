/**
 * What Django reads from its process: settings, the clock, randomness, the database, the caches,
 * the file system, the loggers. Django reaches them through module globals (`settings`,
 * `time.time()`, `caches['default']`); the port passes one Runtime around instead, so that
 * several independent worlds (and tests) can live in one page, each on its own virtual clock.
 */
import type { Settings } from './conf/global_settings';
import type { Database } from './db/database';
import type { CacheHandler } from './core/cache';
import type { FileSystem } from './core/files/fs';
import type { Clock, RandomSource } from './clock';

export { cryptoRandom, ManualClock, type Clock, type RandomSource } from './clock';

export type LogLevel = 'DEBUG' | 'INFO' | 'WARNING' | 'ERROR';

export interface LogRecord {
  logger: string;
  level: LogLevel;
  message: string;
}

export interface Runtime {
  settings: Settings;
  clock: Clock;
  random: RandomSource;
  db: Database;
  caches: CacheHandler;
  files: FileSystem;
  /** `logging.getLogger(name).<level>(message)` */
  log(record: LogRecord): void;
}
