/**
 * What the server holds, decoded once per change of the world and shared by every view that
 * shows it (the store panel and the at-a-glance view): with a class of 1,000 browsers, decoding
 * every row is the costly part, and a clock tick changes nothing stored.
 */
import type { DjangoServer, StoredSession } from '../../server/server';
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

/** The stored session for one key (server.storedSession), decoded once per change of the world. */
export function storedSessionFor(
  server: DjangoServer,
  version: number,
  key: string,
): StoredSession | undefined {
  const hit = oneRow.get(server);
  if (hit && hit.version === version && hit.key === key) return hit.row;
  const row = server.storedSession(key);
  oneRow.set(server, { version, key, row });
  return row;
}

export function useStoredSession(key: string | undefined): StoredSession | undefined {
  const world = useWorld();
  return key === undefined ? undefined : storedSessionFor(world.server, world.version, key);
}
