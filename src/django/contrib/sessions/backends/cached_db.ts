/**
 * django/contrib/sessions/backends/cached_db.py: write-through. Every save goes to the database
 * and the cache; reads try the cache first. A restart empties the cache, and the database still
 * has everything.
 */
import { PyDict, PyException, type PyValue } from '../../../../python';
import type { LocMemCache } from '../../../core/cache';
import type { Runtime } from '../../../runtime';
import { cacheTimeout } from './cache';
import { SessionStore as DBStore } from './db';
import { at_least } from '../../../version';

export const KEY_PREFIX = 'django.contrib.sessions.cached_db';

export class SessionStore extends DBStore {
  readonly cache_key_prefix: string = KEY_PREFIX;
  protected readonly _cache: LocMemCache;

  constructor(runtime: Runtime, session_key: string | null = null) {
    super(runtime, session_key);
    this._cache = runtime.caches.get(runtime.settings.SESSION_CACHE_ALIAS);
  }

  get cache_key(): string {
    return this.cache_key_prefix + this._get_or_create_session_key();
  }

  override load(): PyDict {
    let data: PyValue | undefined;
    try {
      data = this._cache.get(this.cache_key);
    } catch {
      data = undefined;
    }
    if (data !== undefined && data !== null) return data as PyDict;
    const row = this._get_session_from_db();
    if (!row) return new PyDict();
    const decoded = this.decode(row.session_data);
    this._cache.set(
      this.cache_key,
      decoded,
      cacheTimeout(this.get_expiry_age({ expiry: row.expire_date })),
    );
    return decoded;
  }

  /** The cache answers first, so a cached session costs no query. */
  override exists(session_key: string | null): boolean {
    return (
      (!!session_key && this._cache.has_key(this.cache_key_prefix + session_key)) ||
      super.exists(session_key)
    );
  }

  override save(must_create = false): void {
    super.save(must_create);
    try {
      this._cache.set(this.cache_key, this._session, cacheTimeout(this.get_expiry_age()));
    } catch (e) {
      // Django 5.1 (#34806): a failing cache is logged, not fatal; the database has the data.
      if (!at_least(this.runtime.settings, 5, 1)) throw e;
      // `logger.exception("Error saving to cache (%s)", self._cache)`: the message names the
      // cache; the exception follows as the traceback's last line.
      const last = e instanceof PyException ? e.toPython() : String(e);
      this.runtime.log({
        logger: 'django.contrib.sessions',
        level: 'ERROR',
        message: `Error saving to cache (${String(this._cache)})\n${last}`,
      });
    }
  }

  override delete(session_key: string | null = null): void {
    super.delete(session_key);
    const key = session_key ?? this.session_key;
    if (key === null) return;
    this._cache.delete(this.cache_key_prefix + key);
  }

  override flush(): void {
    this.clear();
    this.delete(this.session_key);
    this._session_key = null;
  }
}
