/** django/core/cache/__init__.py: `caches[alias]`. */
import { PyException } from '../../../python';
import type { Clock } from '../../clock';
import { LocMemCache, type LocMemParams } from './backends/locmem';

export class InvalidCacheBackendError extends PyException {
  override get pyName() {
    return 'InvalidCacheBackendError';
  }
}

export type CacheSettings = Record<string, LocMemParams & { BACKEND?: string }>;

export const DEFAULT_CACHES: CacheSettings = {
  default: { BACKEND: 'django.core.cache.backends.locmem.LocMemCache' },
};

export class CacheHandler {
  private readonly instances = new Map<string, LocMemCache>();

  constructor(
    private readonly clock: Clock,
    private readonly config: CacheSettings = DEFAULT_CACHES,
  ) {}

  get(alias: string): LocMemCache {
    let cache = this.instances.get(alias);
    if (!cache) {
      const params = this.config[alias];
      if (!params) {
        // django.utils.connection.BaseConnectionHandler (Django 3.2 and later).
        throw new InvalidCacheBackendError(`The connection '${alias}' doesn't exist.`);
      }
      cache = new LocMemCache(this.clock, params);
      this.instances.set(alias, cache);
    }
    return cache;
  }

  /** A process restart: every in-memory cache is lost. */
  clearAll(): void {
    for (const cache of this.instances.values()) cache.clear();
  }
}

export { LocMemCache, DEFAULT_TIMEOUT, type CacheEntry } from './backends/locmem';
