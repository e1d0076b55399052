/**
 * Saving the world across page reloads: versioned, validated when read back. A value that is not
 * ours, from another version, or damaged is reported and replaced by a fresh world, never half
 * used. A reload is not a browser close: jars, history and database rows survive; the cache,
 * being server memory, does not.
 */
import { DJANGO_VERSIONS } from '../django/conf/global_settings';
import { ENGINES } from './settings';
import type { WorldSnapshotBody } from './snapshot';

export const SCHEMA = 'django-session-playground/world';
export const VERSION = 1;
export const STORAGE_KEY = 'django-session-playground:world';

export interface SavedWorld {
  schema: typeof SCHEMA;
  version: number;
  savedAt: number;
  world: WorldSnapshotBody;
}

export type LoadResult =
  | { status: 'empty' }
  | { status: 'ok'; world: WorldSnapshotBody }
  | { status: 'invalid'; reason: string };

export function encodeSaved(world: WorldSnapshotBody, savedAt: number): string {
  const saved: SavedWorld = { schema: SCHEMA, version: VERSION, savedAt, world };
  return JSON.stringify(saved);
}

/** Where the validation stopped, for the notice and for whoever debugs it. */
class Invalid extends Error {}

type Check = (v: unknown, at: string) => void;
const fail = (at: string, what: string): never => {
  throw new Invalid(`${at}: ${what}`);
};
const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const str: Check = (v, at) => void (typeof v === 'string' || fail(at, 'expected text'));
const num: Check = (v, at) =>
  void ((typeof v === 'number' && Number.isFinite(v)) || fail(at, 'expected a number'));
const bool: Check = (v, at) => void (typeof v === 'boolean' || fail(at, 'expected true/false'));
const nullable =
  (c: Check): Check =>
  (v, at) =>
    v === null || c(v, at);
/** A field that worlds saved by an earlier release do not have. */
const optional =
  (c: Check): Check =>
  (v, at) =>
    v === undefined || c(v, at);
const list =
  (c: Check, max = 100_000): Check =>
  (v, at) => {
    if (!Array.isArray(v)) fail(at, 'expected a list');
    if ((v as unknown[]).length > max) fail(at, 'too many items');
    (v as unknown[]).forEach((x, i) => c(x, `${at}[${i}]`));
  };
const shape =
  (fields: Record<string, Check>): Check =>
  (v, at) => {
    if (!isObj(v)) fail(at, 'expected an object');
    for (const [k, c] of Object.entries(fields)) c((v as Record<string, unknown>)[k], `${at}.${k}`);
  };
const oneOf =
  (values: readonly unknown[]): Check =>
  (v, at) =>
    void (values.includes(v) || fail(at, `expected one of ${values.map(String).join(', ')}`));

const cookie = shape({
  name: str,
  value: str,
  domain: str,
  path: str,
  expiresAt: nullable(num),
  hostOnly: bool,
  secure: bool,
  httpOnly: bool,
  sameSite: nullable(oneOf(['Strict', 'Lax', 'None'])),
  creation: num,
  lastAccess: num,
});

const request = shape({ method: oneOf(['GET', 'POST']), path: str });

/** A ScriptReport (browser/scripts.ts): its fields depend on its outcome. */
const scriptReport: Check = (v, at) => {
  shape({ outcome: oneOf(['not-run', 'read-cookie']) })(v, at);
  const report = v as Record<string, unknown>;
  if (report.outcome === 'not-run')
    shape({ reason: oneOf(['external', 'unrecognised']), src: str })(v, at);
  else shape({ cookie: str, hidden: list(str, 100), sent: list(str, 100) })(v, at);
};

const historyEntry = shape({
  request,
  status: num,
  body: str,
  contentType: str,
  networkId: num,
  scripts: optional(list(scriptReport, 100)),
});

const networkEntry = shape({
  id: num,
  browser: str,
  time: num,
  method: str,
  url: str,
  path: str,
  requestHeaders: list(list(str, 2)),
  requestBody: nullable(str),
  response: shape({
    status: num,
    reason: str,
    headers: list(list(str, 2)),
    setCookies: list(str),
    body: str,
    contentType: str,
    logs: list(shape({ logger: str, level: str, message: str })),
  }),
  cookieResults: list(
    shape({ header: str, name: str, outcome: oneOf(['stored', 'deleted', 'rejected']) }),
  ),
  via: oneOf(['service-worker', 'in-page', 'node', 'pending', 'simulated']),
});

const settings = shape({
  // Absent in worlds saved before the version switch: they were 5.2's (the default).
  DJANGO_VERSION: optional(oneOf(DJANGO_VERSIONS)),
  SESSION_ENGINE: oneOf(ENGINES),
  SESSION_COOKIE_AGE: num,
  SESSION_COOKIE_NAME: str,
  SESSION_COOKIE_PATH: str,
  SESSION_COOKIE_DOMAIN: nullable(str),
  SESSION_COOKIE_SECURE: bool,
  SESSION_COOKIE_HTTPONLY: bool,
  SESSION_COOKIE_SAMESITE: oneOf(['Lax', 'Strict', 'None', false]),
  SESSION_EXPIRE_AT_BROWSER_CLOSE: bool,
  SESSION_SAVE_EVERY_REQUEST: bool,
  sessionMiddleware: bool,
  sessionsApp: bool,
  DEBUG: bool,
});

const isoDate: Check = (v, at) => {
  str(v, at);
  if (Number.isNaN(Date.parse(v as string))) fail(at, 'expected an ISO date');
};

const body = shape({
  clock: shape({ virtual: num, speed: num, paused: bool }),
  settings,
  secretKey: str,
  server: shape({
    migrated: bool,
    rows: list(shape({ session_key: str, session_data: str, expire_date: isoDate })),
    files: list(shape({ path: str, content: str, mtime: num })),
    guestbook: optional(list(shape({ id: num, text: str }))),
  }),
  activeTab: str,
  tabs: list(
    shape({
      id: str,
      name: str,
      cookies: list(cookie, 1000),
      history: list(historyEntry, 1000),
      index: num,
      consoleHistory: list(str, 1000),
      consoleLog: list(
        shape({ input: str, output: str, error: bool, networkId: nullable(num) }),
        1000,
      ),
    }),
    2000,
  ),
  network: list(networkEntry, 1000),
  stolen: optional(list(shape({ time: num, fromTab: str, url: str, cookie: str }), 1000)),
});

/** Reads a saved world: `empty` when there is none, `invalid` (with why) when it is unusable. */
export function decodeSaved(text: string | null): LoadResult {
  if (text === null) return { status: 'empty' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { status: 'invalid', reason: 'not JSON' };
  }
  if (!isObj(parsed) || parsed.schema !== SCHEMA)
    return { status: 'invalid', reason: 'not a playground world' };
  if (parsed.version !== VERSION)
    return {
      status: 'invalid',
      reason: `saved by version ${String(parsed.version)}, this is ${VERSION}`,
    };
  const reason = validateWorldBody(parsed.world);
  if (reason !== null) return { status: 'invalid', reason };
  return { status: 'ok', world: parsed.world as WorldSnapshotBody };
}

/**
 * Checks that `value` is a usable world snapshot body: null when it is, else where and why not
 * (`world.tabs[0].name: expected text`). Shared with importing a world from a file.
 */
export function validateWorldBody(value: unknown): string | null {
  try {
    body(value, 'world');
  } catch (e) {
    if (e instanceof Invalid) return e.message;
    throw e;
  }
  for (const t of (value as WorldSnapshotBody).tabs) {
    if (t.index < -1 || t.index >= t.history.length)
      return `world.tabs(${t.id}).index: out of range`;
  }
  return null;
}
