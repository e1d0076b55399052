/**
 * Not in Django: what the server holds for sessions, whatever the engine, as the store panel
 * lists it: the django_session rows (expired ones too, until clear_expired()), the live cache
 * entries, the session files with the moment the file backend will treat each as expired.
 */
import { PyDateTime, PyDict, type PyValue } from '../../python';
import { engineName } from '../../django/contrib/sessions/backends/engines';
import { SessionStore as DbStore } from '../../django/contrib/sessions/backends/db';
import { TEMP_DIR } from '../../django/contrib/sessions/backends/file';
import { KEY_PREFIX as CACHE_PREFIX } from '../../django/contrib/sessions/backends/cache';
import { KEY_PREFIX as CACHED_DB_PREFIX } from '../../django/contrib/sessions/backends/cached_db';
import { SESSION_TABLE, type Session } from '../../django/contrib/sessions/models';
import type { Database } from '../../django/db/database';
import type { CacheHandler } from '../../django/core/cache';
import type { MemoryFileSystem } from '../../django/core/files/fs';
import type { Runtime } from '../../django/runtime';

/** A row of the store panel, whatever the engine. */
export interface StoredSession {
  key: string;
  data: PyDict;
  /** db/cached_db/file: the encoded string as stored. */
  sessionData?: string;
  /** Epoch milliseconds; null: never (a cache entry without timeout). */
  expiresAt: number | null;
  /** A db row past its expire_date still sits in the table until clear_expired(). */
  expired: boolean;
  /** Where this row lives. */
  where: 'db' | 'cache' | 'file';
}

/** What the store panel reads from the site. */
export interface SessionHolder {
  readonly runtime: Runtime;
  readonly db: Database;
  readonly files: MemoryFileSystem;
  readonly caches: CacheHandler;
  readonly migrated: boolean;
}

export function storedSessions(server: SessionHolder): StoredSession[] {
  const settings = server.runtime.settings;
  const engine = engineName(settings.SESSION_ENGINE);
  const decoder = new DbStore(server.runtime);
  const out: StoredSession[] = [];
  if ((engine === 'db' || engine === 'cached_db') && server.migrated)
    for (const row of server.db.table<Session>(SESSION_TABLE).all())
      out.push(rowOf(server, decoder, row));
  if (engine === 'cache' || engine === 'cached_db') {
    const { cache, prefix } = sessionCache(server);
    for (const entry of cache.entries()) {
      if (!entry.key.startsWith(prefix)) continue;
      const stored = entryOf(entry.key.slice(prefix.length), entry);
      if (stored) out.push(stored);
    }
  }
  if (engine === 'file') {
    const dir = settings.SESSION_FILE_PATH || TEMP_DIR;
    const prefix = settings.SESSION_COOKIE_NAME;
    for (const f of server.files.entries()) {
      const name = f.path.slice(dir.length + 1);
      if (!f.path.startsWith(dir + '/') || !name.startsWith(prefix)) continue;
      out.push(fileOf(server, decoder, name.slice(prefix.length), f));
    }
  }
  return out;
}

/**
 * The row of `key` alone, as storedSessions() would list it, without decoding every other row:
 * the at-a-glance view asks on every change of the world, and a class of 1,000 browsers would
 * make each click wait for 1,000 signatures. db and cached_db read the row by its primary key,
 * cache looks up one entry, the file engine reads one file.
 */
export function storedSession(server: SessionHolder, key: string): StoredSession | undefined {
  const settings = server.runtime.settings;
  const engine = engineName(settings.SESSION_ENGINE);
  const decoder = new DbStore(server.runtime);
  if ((engine === 'db' || engine === 'cached_db') && server.migrated) {
    const row = server.db.table<Session>(SESSION_TABLE).get(key);
    if (row) return rowOf(server, decoder, row);
  }
  if (engine === 'cache' || engine === 'cached_db') {
    const { cache, prefix } = sessionCache(server);
    const entry = cache.entries().find((e) => e.key === prefix + key);
    return entry && entryOf(key, entry);
  }
  if (engine === 'file') {
    const path = `${settings.SESSION_FILE_PATH || TEMP_DIR}/${settings.SESSION_COOKIE_NAME}${key}`;
    const f = server.files.entries().find((e) => e.path === path);
    return f && fileOf(server, decoder, key, f);
  }
  return undefined;
}

function rowOf(server: SessionHolder, decoder: DbStore, row: Session): StoredSession {
  const expiresAt = Number(row.expire_date.epochMicroseconds) / 1000;
  return {
    key: row.session_key,
    data: decoder.decode(row.session_data),
    sessionData: row.session_data,
    expiresAt,
    expired: expiresAt <= server.runtime.clock.now(),
    where: 'db',
  };
}

function sessionCache(server: SessionHolder) {
  const engine = engineName(server.runtime.settings.SESSION_ENGINE);
  const cache = server.caches.get(server.runtime.settings.SESSION_CACHE_ALIAS);
  return { cache, prefix: cache.make_key(engine === 'cache' ? CACHE_PREFIX : CACHED_DB_PREFIX) };
}

type CacheEntry = ReturnType<ReturnType<CacheHandler['get']>['entries']>[number];

function entryOf(key: string, entry: CacheEntry): StoredSession | undefined {
  if (!(entry.value instanceof PyDict)) return undefined;
  return {
    key,
    data: entry.value,
    expiresAt: entry.expiresAt === null ? null : entry.expiresAt * 1000,
    expired: false,
    where: 'cache',
  };
}

type FileEntry = ReturnType<MemoryFileSystem['entries']>[number];

function fileOf(server: SessionHolder, decoder: DbStore, key: string, f: FileEntry): StoredSession {
  const settings = server.runtime.settings;
  const data = f.content ? decoder.decode(f.content) : new PyDict();
  const expiresAt = fileExpiry(data.get('_session_expiry'), f.mtime, settings.SESSION_COOKIE_AGE);
  return {
    key,
    data,
    sessionData: f.content,
    expiresAt,
    expired: expiresAt !== null && expiresAt <= server.runtime.clock.now(),
    where: 'file',
  };
}

/**
 * When the file backend will treat a file as expired (`_expiry_date()`): a stored date, else
 * the file's mtime plus SESSION_COOKIE_AGE. A number of seconds never runs down there: it is
 * measured from "now" each time the file is read, so it never expires (null).
 */
export function fileExpiry(
  expiry: PyValue | undefined,
  mtime: number,
  cookieAge: number,
): number | null {
  if (expiry instanceof PyDateTime) return Number(expiry.epochMicroseconds) / 1000;
  if (typeof expiry === 'string') {
    try {
      return Number(PyDateTime.fromisoformat(expiry).epochMicroseconds) / 1000;
    } catch {
      return null;
    }
  }
  if (typeof expiry === 'bigint' || typeof expiry === 'number' || typeof expiry === 'boolean') {
    const seconds = Number(expiry);
    if (seconds > 0) return null;
    // A negative age is past at once; 0 (or None) falls back to the file's own age.
    if (seconds < 0) return mtime;
  }
  return mtime + cookieAge * 1000;
}
