/**
 * Shared set-up for the Django port's tests: a full runtime (settings, virtual clock, database,
 * caches, files, loggers) from DjangoServer, frozen at the moment the spec's vectors were
 * recorded in real Django 3.2.25 (time.time() == 1700000000, SECRET_KEY 'playground-secret').
 */
import type { Settings } from '../../src/django/conf/global_settings';
import { ManualClock, type LogRecord, type RandomSource } from '../../src/django/runtime';
import { HttpResponse } from '../../src/django/http/response';
import { PyTuple, type PyValue } from '../../src/python';
import type { SessionBase } from '../../src/django/contrib/sessions/backends/base';
import { DjangoServer } from '../../src/server/server';
import {
  ENGINE_NAMES,
  enginePath,
  type EngineName,
} from '../../src/django/contrib/sessions/backends/engines';

/** 2023-11-14T22:13:20Z, the frozen `time.time()` of the spec's observed strings and vectors. */
export const T0 = 1_700_000_000;
export const SECRET = 'playground-secret';

export const ENGINE = Object.fromEntries(ENGINE_NAMES.map((n) => [n, enginePath(n)])) as Record<
  EngineName,
  string
>;
export { ENGINE_NAMES, type EngineName };

export interface World {
  server: DjangoServer;
  clock: ManualClock;
  /** Every record logged while the world ran (inside and outside `handle()`). */
  logs: LogRecord[];
}

export function world(
  settings: Partial<Settings> = {},
  options: { startMs?: number; random?: RandomSource } = {},
): World {
  const clock = new ManualClock(options.startMs ?? T0 * 1000);
  const server = new DjangoServer({
    clock,
    random: options.random,
    settings: { SECRET_KEY: SECRET, ...settings },
  });
  const logs: LogRecord[] = [];
  server.onLog((r) => logs.push(r));
  return { server, clock, logs };
}

/**
 * A RandomSource that answers from a script: each `fill()` takes the next byte value and fills
 * the whole buffer with it (0 gives `get_random_string` a key of 32 'a's, 1 of 32 'b's, ...);
 * after the script ends it repeats the last value.
 */
export function scriptedRandom(values: number[]): RandomSource {
  let i = 0;
  return {
    fill(bytes) {
      bytes.fill(values[Math.min(i, values.length - 1)] as number);
      i++;
    },
  };
}

/** A response as a view returns it, with its world's clock (the handler normally attaches it). */
export function response(clock: ManualClock, content = 'Session test', status = 200): HttpResponse {
  const r = new HttpResponse(content, { status });
  r.time = () => clock.now() / 1000;
  return r;
}

/** `list(session.items())` as plain [key, value] pairs. */
export function itemsOf(session: SessionBase): PyValue[][] {
  return session.items().items.map((t) => [...(t as PyTuple).items]);
}

/** The first value of a response header, from an Exchange's header list. */
export function header(headers: [string, string][], name: string): string | undefined {
  return headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
}

/** Django's `SESSION_COOKIE_AGE` default, two weeks. */
export const TWO_WEEKS = 1_209_600;

/** The deletion Set-Cookie value Django 3.2 writes with default settings (spec section 4). */
export const DELETED_COOKIE =
  'sessionid=""; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; SameSite=Lax';

/** A new two-week session cookie at T0 (spec section 4), for a given key. */
export function newCookie(key: string): string {
  return `sessionid=${key}; expires=Tue, 28 Nov 2023 22:13:20 GMT; HttpOnly; Max-Age=1209600; Path=/; SameSite=Lax`;
}
