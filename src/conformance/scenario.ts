/**
 * The conformance scenario format (../shared/conformance/README.md): steps that browsers,
 * the clock and the server take, replayed identically against real Django and the playground.
 */
export type Step =
  | { browser?: string; request: { method?: string; path: string; form?: Record<string, string> } }
  | { browser?: string; call: string; args?: unknown[] }
  | { advance: number }
  | { browser?: string; closeBrowser: true }
  | { browser?: string; setCookie: { name: string; value: string } }
  | { browser?: string; tamperCookie: string }
  | { clearExpired: true }
  | { restartServer: true };

export interface Scenario {
  name: string;
  about?: string;
  /** The virtual clock's epoch second at the start (default 2026-01-01T00:00:00Z). */
  start?: number;
  /** Django setting names; SESSION_ENGINE is a short name (db, cache, cached_db, signed_cookies, file). */
  settings?: Record<string, unknown>;
  steps: Step[];
}

export const DEFAULT_START = 1767225600;

export const ENGINE_PATHS: Record<string, string> = {
  db: 'django.contrib.sessions.backends.db',
  cache: 'django.contrib.sessions.backends.cache',
  cached_db: 'django.contrib.sessions.backends.cached_db',
  file: 'django.contrib.sessions.backends.file',
  signed_cookies: 'django.contrib.sessions.backends.signed_cookies',
};

/** Checks a parsed file's shape, with a message that names what is wrong. */
export function validateScenario(value: unknown, source: string): Scenario {
  const fail = (msg: string): never => {
    throw new Error(`${source}: ${msg}`);
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    fail('a scenario is a JSON object');
  const s = value as Record<string, unknown>;
  if (typeof s.name !== 'string' || !s.name) fail('"name" must be a non-empty string');
  if (!Array.isArray(s.steps)) fail('"steps" must be a list');
  if (s.start !== undefined && typeof s.start !== 'number')
    fail('"start" must be a number of epoch seconds');
  const settings = (s.settings ?? {}) as Record<string, unknown>;
  if (typeof settings !== 'object' || Array.isArray(settings)) fail('"settings" must be an object');
  const engine = settings.SESSION_ENGINE;
  if (engine !== undefined && !(typeof engine === 'string' && engine in ENGINE_PATHS)) {
    fail(
      `unknown SESSION_ENGINE ${JSON.stringify(engine)}; use one of ${Object.keys(ENGINE_PATHS).join(', ')}`,
    );
  }
  const kinds = [
    'request',
    'call',
    'advance',
    'closeBrowser',
    'setCookie',
    'tamperCookie',
    'clearExpired',
    'restartServer',
  ];
  (s.steps as unknown[]).forEach((step, i) => {
    if (typeof step !== 'object' || step === null || !kinds.some((k) => k in step)) {
      fail(`step ${i} is none of: ${kinds.join(', ')}`);
    }
  });
  return value as Scenario;
}
