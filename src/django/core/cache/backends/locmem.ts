/**
 * django/core/cache/backends/locmem.py: the per-process memory cache, with its real limits. Values
 * are stored as deep copies (Django pickles them); entries expire on the clock; past MAX_ENTRIES
 * (300 by default) a third of the least recently used entries are culled.
 */
import { deepCopy, type PyValue } from '../../../../python';
import type { Clock } from '../../../clock';

/** `DEFAULT_TIMEOUT`: "use the cache's own TIMEOUT". */
export const DEFAULT_TIMEOUT = Symbol('DEFAULT_TIMEOUT');
export type Timeout = number | null | typeof DEFAULT_TIMEOUT;

export interface LocMemParams {
  TIMEOUT?: number | null;
  KEY_PREFIX?: string;
  VERSION?: number;
  OPTIONS?: { MAX_ENTRIES?: number; CULL_FREQUENCY?: number };
}

export interface CacheEntry {
  /** The key as stored, with the prefix and version: `:1:django.contrib.sessions.cache<key>`. */
  key: string;
  value: PyValue;
  /** Epoch seconds when it stops being served; null for never. */
  expiresAt: number | null;
}

export class LocMemCache {
  // Map order is least recently used first (Django's OrderedDict keeps the reverse order).
  private readonly cache = new Map<string, PyValue>();
  private readonly expireInfo = new Map<string, number | null>();
  private readonly listeners = new Set<() => void>();
  readonly defaultTimeout: number | null;
  readonly keyPrefix: string;
  readonly version: number;
  readonly maxEntries: number;
  readonly cullFrequency: number;

  constructor(
    private readonly clock: Clock,
    params: LocMemParams = {},
  ) {
    this.defaultTimeout = params.TIMEOUT === undefined ? 300 : params.TIMEOUT;
    this.keyPrefix = params.KEY_PREFIX ?? '';
    this.version = params.VERSION ?? 1;
    this.maxEntries = params.OPTIONS?.MAX_ENTRIES ?? 300;
    this.cullFrequency = params.OPTIONS?.CULL_FREQUENCY ?? 3;
  }

  make_key(key: string): string {
    return `${this.keyPrefix}:${this.version}:${key}`;
  }

  private now(): number {
    return this.clock.now() / 1000;
  }

  get_backend_timeout(timeout: Timeout): number | null {
    let t = timeout === DEFAULT_TIMEOUT ? this.defaultTimeout : timeout;
    if (t === 0) t = -1; // Django's guard against time.time() precision issues (ticket 21147)
    return t === null ? null : this.now() + t;
  }

  private hasExpired(key: string): boolean {
    const exp = this.expireInfo.has(key) ? (this.expireInfo.get(key) as number | null) : -1;
    return exp !== null && exp <= this.now();
  }

  private touchOrder(key: string, value: PyValue): void {
    this.cache.delete(key);
    this.cache.set(key, value);
  }

  private setRaw(key: string, value: PyValue, timeout: Timeout): void {
    if (this.cache.size >= this.maxEntries) this.cull();
    this.touchOrder(key, deepCopy(value));
    this.expireInfo.set(key, this.get_backend_timeout(timeout));
    this.changed();
  }

  private cull(): void {
    if (this.cullFrequency === 0) {
      this.cache.clear();
      this.expireInfo.clear();
      return;
    }
    const count = Math.floor(this.cache.size / this.cullFrequency);
    const victims = [...this.cache.keys()].slice(0, count);
    for (const key of victims) {
      this.cache.delete(key);
      this.expireInfo.delete(key);
    }
  }

  private deleteRaw(key: string): boolean {
    const had = this.cache.delete(key);
    this.expireInfo.delete(key);
    if (had) this.changed();
    return had;
  }

  /** `cache.add()`: stores only when the key is absent (or expired); says whether it stored. */
  add(key: string, value: PyValue, timeout: Timeout = DEFAULT_TIMEOUT): boolean {
    const k = this.make_key(key);
    if (!this.hasExpired(k)) return false;
    this.setRaw(k, value, timeout);
    return true;
  }

  get(key: string): PyValue | undefined {
    const k = this.make_key(key);
    if (this.hasExpired(k)) {
      this.deleteRaw(k);
      return undefined;
    }
    const value = this.cache.get(k) as PyValue;
    this.touchOrder(k, value);
    return deepCopy(value);
  }

  set(key: string, value: PyValue, timeout: Timeout = DEFAULT_TIMEOUT): void {
    this.setRaw(this.make_key(key), value, timeout);
  }

  /** `key in cache` */
  has_key(key: string): boolean {
    const k = this.make_key(key);
    if (this.hasExpired(k)) {
      this.deleteRaw(k);
      return false;
    }
    return true;
  }

  delete(key: string): boolean {
    return this.deleteRaw(this.make_key(key));
  }

  clear(): void {
    this.cache.clear();
    this.expireInfo.clear();
    this.changed();
  }

  /** What the cache holds now, expired entries left out (they are never served again). */
  entries(): CacheEntry[] {
    const now = this.now();
    const out: CacheEntry[] = [];
    for (const [key, value] of this.cache) {
      const expiresAt = this.expireInfo.get(key) ?? null;
      if (expiresAt === null || expiresAt > now) out.push({ key, value, expiresAt });
    }
    return out;
  }

  /** `str(cache)`: Python's default repr, without the memory address. */
  toString(): string {
    return '<django.core.cache.backends.locmem.LocMemCache object>';
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }
}
