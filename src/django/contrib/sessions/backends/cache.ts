/**
 * django/contrib/sessions/backends/cache.py: sessions only in the cache. Fast, but a server
 * restart (or the cache filling up) loses them. The cache holds the dict itself, not encoded.
 */
import { PyDict, PyRuntimeError, type PyValue } from '../../../../python';
import type { LocMemCache } from '../../../core/cache';
import type { Runtime } from '../../../runtime';
import { CreateError, SessionBase, UpdateError } from './base';

export const KEY_PREFIX = 'django.contrib.sessions.cache';

/** A session's timeout in the cache: its expiry age in seconds (negative: already gone). */
export function cacheTimeout(age: PyValue): number {
  return Number(age);
}

export class SessionStore extends SessionBase {
  readonly cache_key_prefix: string = KEY_PREFIX;
  protected readonly _cache: LocMemCache;

  constructor(runtime: Runtime, session_key: string | null = null) {
    super(runtime, session_key);
    this._cache = runtime.caches.get(runtime.settings.SESSION_CACHE_ALIAS);
  }

  /** Prefix and key with no separator; reading it gives the session a key if it had none. */
  get cache_key(): string {
    return this.cache_key_prefix + this._get_or_create_session_key();
  }

  override load(): PyDict {
    let data: PyValue | undefined;
    try {
      data = this._cache.get(this.cache_key);
    } catch {
      data = undefined; // an unusable key (too long for memcached, say) is a miss
    }
    if (data !== undefined && data !== null) return data as PyDict;
    this._session_key = null;
    return new PyDict();
  }

  override create(): void {
    // Bounded: if the cache refuses every add, it is not working.
    for (let i = 0; i < 10000; i++) {
      this._session_key = this._get_new_session_key();
      try {
        this.save(true);
      } catch (e) {
        if (e instanceof CreateError) continue;
        throw e;
      }
      this.modified = true;
      return;
    }
    throw new PyRuntimeError(
      'Unable to create a new session key. It is likely that the cache is unavailable.',
    );
  }

  override save(must_create = false): void {
    if (this.session_key === null) return this.create();
    const key = this.cache_key;
    let store: (k: string, v: PyValue, t: number) => boolean | void;
    if (must_create) store = (k, v, t) => this._cache.add(k, v, t);
    else if (this._cache.get(key) !== undefined) store = (k, v, t) => this._cache.set(k, v, t);
    else throw new UpdateError();
    const result = store(key, this._get_session(must_create), cacheTimeout(this.get_expiry_age()));
    if (must_create && !result) throw new CreateError();
  }

  override exists(session_key: string | null): boolean {
    return !!session_key && this._cache.has_key(this.cache_key_prefix + session_key);
  }

  override delete(session_key: string | null = null): void {
    const key = session_key ?? this.session_key;
    if (key === null) return;
    this._cache.delete(this.cache_key_prefix + key);
  }

  /** Nothing to do: the cache drops expired entries itself. */
  static override clear_expired(_runtime: Runtime): void {}
}
