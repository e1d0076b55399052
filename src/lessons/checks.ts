/**
 * Whether a step's check holds. `response` and `stolen` checks look only at what happened since
 * the step's window opened (see StepMarker: so an old login does not complete "log in", nor an
 * old theft "steal", while a login done a moment early still counts); the others look at the
 * world as it is now; `clockAdvanced` compares the clock with the moment the window opened.
 */
import type { NetworkEntry } from '../browser/browser';
import { bodyText } from '../browser/bodyText';
import { pySplit, str } from '../python';
import { formsOf } from '../browser/page';
import { sessionDataOf } from '../world/sessions';
import type { StolenCookie } from '../world/stolen';
import type { World } from '../world/world';
import { localize, type Lang } from './localized';
import { DEFAULT_BROWSER, type Check } from './types';

/**
 * What was true when the step's window opened: when the step before it was first done (so that
 * doing a step a moment early counts), or when the step was entered.
 */
export interface StepMarker {
  /**
   * The network entries that existed then. Identity rather than ids or a count: ids restart
   * after a page reload (restored entries keep theirs), and the log is trimmed and cleared.
   */
  readonly before: ReadonlySet<NetworkEntry>;
  /** The values on the attacker's server then (identity, for the same reasons). */
  readonly stolenBefore: ReadonlySet<StolenCookie>;
  /** Virtual epoch ms. */
  readonly time: number;
}

export function markStep(world: World): StepMarker {
  return {
    before: new Set(world.network),
    stolenBefore: new Set(world.stolen),
    time: world.clock.now(),
  };
}

/** The console's endpoints: one line of Python, and the call API the conformance steps use. */
export const CONSOLE_PATH = '/__session__/console';
export const CALL_PATH = '/__session__/call';

/** `/a/?x=1` matches `/a/?x=1`; `/a/` matches `/a/` with any query. */
function samePath(actual: string, expected: string): boolean {
  return expected.includes('?') ? actual === expected : actual.split('?')[0] === expected;
}

const squash = (s: string) => pySplit(s).join(' ');

/** The session methods a console request used (`setitem`, `flush`...), as its view noted them. */
function consoleMethodsOf(entry: NetworkEntry): string[] {
  const path = entry.path.split('?')[0];
  if (path === CONSOLE_PATH) return entry.response.view?.sessionCalls ?? [];
  const method = callMethodOf(entry);
  return method === null ? [] : [method];
}

function callMethodOf(entry: NetworkEntry): string | null {
  if (entry.path.split('?')[0] !== CALL_PATH || entry.requestBody === null) return null;
  try {
    const body: unknown = JSON.parse(entry.requestBody);
    const method = (body as { method?: unknown } | null)?.method;
    return typeof method === 'string' ? method : null;
  } catch {
    return null;
  }
}

function responseMatches(
  check: Extract<Check, { type: 'response' }>,
  e: NetworkEntry,
  lang: Lang,
): boolean {
  const r = e.response;
  if (check.browser !== undefined && e.browser !== check.browser) return false;
  if (check.method !== undefined && e.method !== check.method) return false;
  if (check.path !== undefined && !samePath(e.path, check.path)) return false;
  if (check.status !== undefined && r.status !== check.status) return false;
  if (check.decision !== undefined && r.session?.decision !== check.decision) return false;
  if (check.consoleMethod !== undefined && !consoleMethodsOf(e).includes(check.consoleMethod))
    return false;
  // What the browser did with each Set-Cookie tells a deletion (an expiry in the past) apart.
  const cookie = (name: string, deleted: boolean) =>
    e.cookieResults.some((c) => c.name === name && (c.outcome === 'deleted') === deleted);
  if (check.setsCookie !== undefined && !cookie(check.setsCookie, false)) return false;
  if (check.deletesCookie !== undefined && !cookie(check.deletesCookie, true)) return false;
  if (check.bodyIncludes !== undefined) {
    // The page as the student reads it: tags removed, entities unescaped (JSON stays as sent).
    const text = bodyText(r.body, r.contentType) ?? r.body;
    if (!squash(text).includes(squash(localize(check.bodyIncludes, lang)))) return false;
  }
  return true;
}

export function evaluate(check: Check, world: World, marker: StepMarker, lang: Lang): boolean {
  switch (check.type) {
    case 'read':
      return true;
    case 'response':
      return world.network.some((e) => !marker.before.has(e) && responseMatches(check, e, lang));
    case 'cookie': {
      const tab = world.tabs.find((t) => t.id === (check.browser ?? DEFAULT_BROWSER));
      const cookie = tab?.browser.jar.all().find((c) => c.name === check.name);
      if (!cookie) return !check.present;
      if (!check.present) return false;
      if (check.httpOnly !== undefined && cookie.httpOnly !== check.httpOnly) return false;
      if (check.value !== undefined && cookie.value !== check.value) return false;
      const left = cookie.expiresAt === null ? Infinity : cookie.expiresAt - world.clock.now();
      if (check.expiresWithin !== undefined && left > check.expiresWithin * 1000) return false;
      if (check.lasts !== undefined && left <= check.lasts * 1000) return false;
      return check.session === undefined || (cookie.expiresAt === null) === check.session;
    }
    case 'stolen': {
      const theft = world.stolen.some(
        (s) =>
          !marker.stolenBefore.has(s) &&
          s.cookie !== '' &&
          (check.contains === undefined || s.cookie.includes(check.contains)),
      );
      return theft === check.present;
    }
    case 'store': {
      const rows = world.server.storedSessions();
      if (check.atLeast !== undefined && rows.length < check.atLeast) return false;
      if (check.count !== undefined && rows.length !== check.count) return false;
      if (check.expired !== undefined && rows.some((r) => r.expired) !== check.expired)
        return false;
      if (check.dataKey !== undefined) {
        const key = check.dataKey;
        const want = check.dataValue === undefined ? undefined : localize(check.dataValue, lang);
        return rows.some((r) => {
          const value = r.data.get(key);
          return value !== undefined && (want === undefined || str(value) === want);
        });
      }
      return true;
    }
    case 'setting':
      return Object.is(world.settings[check.name], check.value);
    case 'clockAdvanced':
      return world.clock.now() - marker.time >= check.seconds * 1000;
    case 'page': {
      const tab = world.tabs.find((t) => t.id === (check.browser ?? DEFAULT_BROWSER));
      const current = tab?.current;
      if (current === undefined || !samePath(current.request.path, check.path)) return false;
      return !check.form || formsOf(tab?.page?.nodes ?? []).length > 0;
    }
    case 'session': {
      const value = sessionDataOf(world, check.browser ?? DEFAULT_BROWSER)?.get(check.key);
      const want = check.value === undefined ? undefined : localize(check.value, lang);
      const has = value !== undefined && (want === undefined || str(value) === want);
      return has === check.present;
    }
    case 'browser':
      return world.tabs.some((t) => t.id === check.browser) === check.present;
    case 'all':
      return check.checks.every((c) => evaluate(c, world, marker, lang));
    case 'any':
      return check.checks.some((c) => evaluate(c, world, marker, lang));
  }
}

/**
 * The parts of a check that do not hold yet, for "still to do" (a disabled Next says what is
 * missing): the failing members of an `all`, flattened; any other check that fails, whole.
 */
export function missingParts(check: Check, world: World, marker: StepMarker, lang: Lang): Check[] {
  if (check.type === 'all')
    return check.checks.flatMap((c) => missingParts(c, world, marker, lang));
  return evaluate(check, world, marker, lang) ? [] : [check];
}
