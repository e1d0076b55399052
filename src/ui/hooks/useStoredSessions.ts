/**
 * What the server holds, decoded once per change of the world and shared by every view that
 * shows it (the store panel and the at-a-glance view): with a class of 1,000 browsers, decoding
 * every row is the costly part, and a clock tick changes nothing stored.
 */
import type { DjangoServer, StoredSession } from '../../server/server';
import { SESSION_TABLE, type Session } from '../../django/contrib/sessions/models';
import { SessionStore as DbStore } from '../../django/contrib/sessions/backends/db';
import { KEY_PREFIX as CACHE_PREFIX } from '../../django/contrib/sessions/backends/cache';
import { KEY_PREFIX as CACHED_DB_PREFIX } from '../../django/contrib/sessions/backends/cached_db';
import { PyDict } from '../../python';
import { useWorld } from './useWorld';

const cache = new WeakMap<DjangoServer, { version: number; rows: StoredSession[] }>();

export function storedSessionsOf(server: DjangoServer, version: number): StoredSession[] {
  const hit = cache.get(server);
  if (hit && hit.version === version) return hit.rows;
  const rows = server.storedSessions();
  cache.set(server, { version, rows });
  return rows;
}

export function useStoredSessions(): StoredSession[] {
  const world = useWorld();
  return storedSessionsOf(world.server, world.version);
}

const oneRow = new WeakMap<DjangoServer, { version: number; key: string; row?: StoredSession }>();

/**
 * The stored session for one key, as the store panel lists it, without decoding every row: the
 * at-a-glance view asks on every change of the world, and a class of 1,000 would make each
 * click wait for 1,000 signatures. db and cached_db read the row by its primary key; cache looks
 * up one entry; the file engine (rarely more than a few files) takes the full list.
 */
export function storedSessionFor(
  server: DjangoServer,
  version: number,
  key: string,
): StoredSession | undefined {
  const hit = oneRow.get(server);
  if (hit && hit.version === version && hit.key === key) return hit.row;
  const row = lookUp(server, version, key);
  oneRow.set(server, { version, key, row });
  return row;
}

function lookUp(server: DjangoServer, version: number, key: string): StoredSession | undefined {
  const engine = server.settings.SESSION_ENGINE.replace('django.contrib.sessions.backends.', '');
  const now = server.runtime.clock.now();
  if ((engine === 'db' || engine === 'cached_db') && server.migrated) {
    const row = server.db.table<Session>(SESSION_TABLE).get(key);
    if (row) {
      const expiresAt = Number(row.expire_date.epochMicroseconds) / 1000;
      return {
        key,
        data: new DbStore(server.runtime).decode(row.session_data),
        sessionData: row.session_data,
        expiresAt,
        expired: expiresAt <= now,
        where: 'db',
      };
    }
  }
  if (engine === 'cache' || engine === 'cached_db') {
    const cache = server.caches.get(server.settings.SESSION_CACHE_ALIAS);
    const wanted = cache.make_key(engine === 'cache' ? CACHE_PREFIX : CACHED_DB_PREFIX) + key;
    const entry = server.cacheEntries().find((e) => e.key === wanted);
    if (entry && entry.value instanceof PyDict)
      return {
        key,
        data: entry.value,
        expiresAt: entry.expiresAt === null ? null : entry.expiresAt * 1000,
        expired: false,
        where: 'cache',
      };
    return undefined;
  }
  if (engine === 'file') return storedSessionsOf(server, version).find((r) => r.key === key);
  return undefined;
}

export function useStoredSession(key: string | undefined): StoredSession | undefined {
  const world = useWorld();
  return key === undefined ? undefined : storedSessionFor(world.server, world.version, key);
}
