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

export interface Clock {
  /** Epoch milliseconds, possibly fractional: `time.time() * 1000`. */
  now(): number;
}

export interface RandomSource {
  /** Fills the array with cryptographically strong random bytes. */
  fill(bytes: Uint8Array<ArrayBuffer>): void;
}

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

/** A CSPRNG from the platform (browsers and Node 20 both have crypto.getRandomValues). */
export const cryptoRandom: RandomSource = {
  fill(bytes) {
    globalThis.crypto.getRandomValues(bytes);
  },
};

/** A clock that can be set and moved, for tests and scenario replays. */
export class ManualClock implements Clock {
  constructor(private ms: number) {}
  now(): number {
    return this.ms;
  }
  set(ms: number): void {
    this.ms = ms;
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}
