/**
 * Saving the world across page reloads: versioned, validated when read back. A value that is not
 * ours, from another version, or damaged is reported and replaced by a fresh world, never half
 * used. A reload is not a browser close: jars, history and database rows survive; the cache,
 * being server memory, does not.
 *
 * The world's schema (valibot, see schema.ts) is shared with imported files. Every time in it is
 * checked against the ranges that exist: the virtual clock and the times of rows and requests
 * within Python's datetime (years 1970 to 9999 for the playground), cookie expiries within that
 * plus a browser's 400 days; so nothing restored can make a Date throw on screen.
 */
import * as v from 'valibot';
import { MAX_COOKIE_AGE_MS, fitsCookieLimit } from '../browser/cookieJar';
import { DJANGO_VERSIONS } from '../django/conf/global_settings';
import { PyDateTime } from '../python/datetime';
import { EARLIEST, LATEST, MAX_SPEED } from './clock';
import {
  checkInput,
  finite,
  integer,
  list,
  problem,
  text,
  time,
  type Checked,
  type InputProblem,
} from './schema';
import { ENGINES, validateSettings } from './settings';
import type { WorldSnapshotBody } from './snapshot';

export const SCHEMA = 'django-session-playground/world';
export const VERSION = 1;
export const STORAGE_KEY = 'django-session-playground:world';

/** Stated limits: a saved or imported world above them is refused, with where. */
export const LIMITS = {
  browsers: 2000,
  cookiesPerBrowser: 1000,
  historyPerBrowser: 1000,
  consoleLines: 1000,
  network: 1000,
  rows: 100_000,
  files: 100_000,
  guestbook: 100_000,
  stolen: 1000,
  browserName: 100,
  secretKey: 10_000,
} as const;

export interface SavedWorld {
  schema: typeof SCHEMA;
  version: number;
  savedAt: number;
  world: WorldSnapshotBody;
}

export type LoadResult =
  | { status: 'empty' }
  | { status: 'ok'; world: WorldSnapshotBody; savedAt: number }
  | { status: 'invalid'; reason: string; problem: InputProblem };

export function encodeSaved(world: WorldSnapshotBody, savedAt: number): string {
  const saved: SavedWorld = { schema: SCHEMA, version: VERSION, savedAt, world };
  return JSON.stringify(saved);
}

const str = v.string();
const bool = v.boolean();
/** A moment of virtual time: what the clock can show (1970 to the end of 9999). */
const moment = time(EARLIEST, LATEST);
const status = integer(100, 599);
const id = integer(0, Number.MAX_SAFE_INTEGER);

const cookie = v.pipe(
  v.object({
    name: str,
    value: str,
    domain: text(1024),
    path: text(1024),
    // A browser caps a cookie's life at 400 days from when it was set.
    expiresAt: v.nullable(time(EARLIEST, LATEST + MAX_COOKIE_AGE_MS)),
    hostOnly: bool,
    secure: bool,
    httpOnly: bool,
    sameSite: v.nullable(v.picklist(['Strict', 'Lax', 'None'])),
    creation: moment,
    lastAccess: moment,
  }),
  v.check(
    (c) => fitsCookieLimit(c.name, c.value),
    // The browser would never have kept it.
    'input.cookieTooBig',
  ),
);

const request = v.object({
  method: v.picklist(['GET', 'POST']),
  path: str,
  form: v.optional(v.union([v.array(v.tuple([str, str])), v.record(v.string(), v.string())])),
  json: v.optional(str),
});

/** A ScriptReport (browser/scripts.ts): its fields depend on its outcome. */
const scriptReport = v.variant('outcome', [
  v.object({
    outcome: v.literal('not-run'),
    reason: v.picklist(['external', 'unrecognised']),
    src: str,
  }),
  v.object({
    outcome: v.literal('read-cookie'),
    cookie: str,
    hidden: list(str, 100),
    sent: list(str, 100),
  }),
]);

const historyEntry = v.object({
  request,
  status,
  body: str,
  contentType: str,
  networkId: id,
  scripts: v.optional(list(scriptReport, 100)),
});

/**
 * What a response carries for the panels' "why" (the middleware's trace, the view's note) is the
 * playground's own record, not the world: one that does not read is dropped, not the world.
 */
const sessionTrace = v.looseObject({
  engine: str,
  cookieName: str,
  cookieIn: v.nullable(str),
  decision: str,
  modified: bool,
  maxAge: v.nullable(v.number()),
  browserClose: bool,
  varyCookie: bool,
  events: list(v.looseObject({ kind: str }), 100),
});
const viewNote = v.looseObject({
  view: str,
  form: v.optional(v.object({ valid: bool, errors: v.record(v.string(), v.array(v.string())) })),
});

const header = v.tuple([str, str]);

const networkEntry = v.object({
  id,
  browser: str,
  time: moment,
  method: str,
  url: str,
  path: str,
  requestHeaders: list(header, 100),
  requestBody: v.nullable(str),
  response: v.object({
    status,
    reason: str,
    headers: list(header, 100),
    setCookies: list(str, 100),
    body: str,
    contentType: str,
    // A 5xx's exception line (issue 11); absent in worlds saved before it existed.
    serverError: v.optional(v.nullable(str), null),
    logs: list(v.object({ logger: str, level: str, message: str }), 1000),
    session: v.fallback(v.optional(sessionTrace), undefined),
    view: v.fallback(v.optional(viewNote), undefined),
  }),
  cookieResults: list(
    v.object({
      header: str,
      name: str,
      outcome: v.picklist(['stored', 'deleted', 'rejected']),
      reason: v.optional(str),
    }),
    100,
  ),
  via: v.picklist(['service-worker', 'in-page', 'node', 'pending', 'simulated']),
});

/**
 * The settings, as the Settings panel would accept them (validateSettings: a cookie name Django
 * refuses, an age past ten years): an import cannot set what the panel cannot.
 */
const settings = v.pipe(
  v.object({
    // Absent in worlds saved before the version switch: they were 5.2's (the default).
    DJANGO_VERSION: v.optional(v.picklist(DJANGO_VERSIONS), '5.2'),
    SESSION_ENGINE: v.picklist(ENGINES),
    SESSION_COOKIE_AGE: v.number(),
    SESSION_COOKIE_NAME: str,
    SESSION_COOKIE_PATH: str,
    SESSION_COOKIE_DOMAIN: v.nullable(str),
    SESSION_COOKIE_SECURE: bool,
    SESSION_COOKIE_HTTPONLY: bool,
    SESSION_COOKIE_SAMESITE: v.union([v.picklist(['Lax', 'Strict', 'None']), v.literal(false)]),
    SESSION_EXPIRE_AT_BROWSER_CLOSE: bool,
    SESSION_SAVE_EVERY_REQUEST: bool,
    sessionMiddleware: bool,
    sessionsApp: bool,
    DEBUG: bool,
  }),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const first = validateSettings(dataset.value as Record<string, unknown>)[0];
    if (first)
      addIssue({
        message: `settings.error.${first.code}`,
        path: [
          {
            type: 'object',
            origin: 'value',
            input: dataset.value as Record<string, unknown>,
            key: first.setting,
            value: dataset.value[first.setting],
          },
        ],
      });
  }),
);

/** `expire_date` as the table stores it: a datetime Python itself can read back. */
const isoDateTime = v.pipe(
  text(64),
  v.check((s) => {
    try {
      PyDateTime.fromisoformat(s);
      return true;
    } catch {
      return false;
    }
  }, 'input.pythonDate'),
);

const body = v.object({
  clock: v.object({ virtual: moment, speed: finite(Number.MIN_VALUE, MAX_SPEED), paused: bool }),
  settings,
  // Django refuses to start with an empty SECRET_KEY (ImproperlyConfigured).
  secretKey: v.pipe(str, v.minLength(1, 'input.secretKeyEmpty'), v.maxLength(LIMITS.secretKey)),
  server: v.object({
    migrated: bool,
    rows: list(
      v.object({ session_key: text(1024), session_data: str, expire_date: isoDateTime }),
      LIMITS.rows,
    ),
    files: list(v.object({ path: text(4096), content: str, mtime: moment }), LIMITS.files),
    guestbook: v.optional(list(v.object({ id, text: str }), LIMITS.guestbook)),
  }),
  activeTab: text(16),
  tabs: list(
    v.object({
      id: text(16),
      name: text(LIMITS.browserName),
      cookies: list(cookie, LIMITS.cookiesPerBrowser),
      history: list(historyEntry, LIMITS.historyPerBrowser),
      index: integer(-1, LIMITS.historyPerBrowser),
      consoleHistory: list(str, LIMITS.consoleLines),
      consoleLog: list(
        v.object({
          input: str,
          output: str,
          error: bool,
          networkId: v.nullable(id),
          // The playground's explanation beside Python's output (absent in older saves).
          note: v.optional(
            v.object({ key: text(200), values: v.optional(v.record(v.string(), str)) }),
          ),
        }),
        LIMITS.consoleLines,
      ),
    }),
    LIMITS.browsers,
  ),
  network: list(networkEntry, LIMITS.network),
  stolen: v.optional(
    list(v.object({ time: moment, fromTab: str, url: str, cookie: str }), LIMITS.stolen),
  ),
});

/** The world snapshot's schema, for whoever reads one (saved worlds, imported files). */
export const worldBodySchema = body;

/** Reads a saved world: `empty` when there is none, `invalid` (with why) when it is unusable. */
export function decodeSaved(text: string | null): LoadResult {
  if (text === null) return { status: 'empty' };
  const invalid = (p: InputProblem, reason: string): LoadResult => ({
    status: 'invalid',
    reason,
    problem: p,
  });
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return invalid(problem('saved', 'input.notJson'), 'not JSON');
  }
  const top = parsed as Partial<SavedWorld> | null;
  if (typeof top !== 'object' || top === null || Array.isArray(top) || top.schema !== SCHEMA)
    return invalid(problem('saved', 'input.notOurs'), 'not a playground world');
  if (top.version !== VERSION)
    return invalid(
      problem('saved.version', 'input.otherVersion', { found: String(top.version), ours: VERSION }),
      `saved by version ${String(top.version)}, this is ${VERSION}`,
    );
  const checked = checkWorldBody(top.world);
  if (!checked.ok)
    return invalid(checked.problem, `${checked.problem.path}: ${checked.problem.key}`);
  const savedAt = typeof top.savedAt === 'number' && Number.isFinite(top.savedAt) ? top.savedAt : 0;
  return { status: 'ok', world: checked.value, savedAt };
}

/**
 * Checks that `value` is a usable world snapshot body, and returns the checked copy (unknown
 * fields dropped) or the first problem. Shared with importing a world from a file.
 */
export function checkWorldBody(value: unknown, root = 'world'): Checked<WorldSnapshotBody> {
  const checked = checkInput(body, value, root);
  if (!checked.ok) return checked;
  const world = checked.value as unknown as WorldSnapshotBody;
  for (const [i, t] of world.tabs.entries()) {
    if (t.index >= t.history.length)
      return {
        ok: false,
        problem: problem(`${root}.tabs[${i}].index`, 'input.tooLarge', {
          limit: t.history.length - 1,
        }),
      };
  }
  return { ok: true, value: world };
}

/** The first problem as `world.tabs[0].name: input.expected.text`, or null (tests, logs). */
export function validateWorldBody(value: unknown): string | null {
  const checked = checkWorldBody(value);
  return checked.ok ? null : `${checked.problem.path}: ${checked.problem.key}`;
}
