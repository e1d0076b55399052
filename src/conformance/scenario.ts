/**
 * The conformance scenario format (../shared/conformance/README.md): steps that browsers,
 * the clock and the server take, replayed identically against real Django and the playground.
 */
import { ENGINE_NAMES, isEngineName } from '../django/contrib/sessions/backends/engines';
import { loads, PyDict, type PyValue } from '../python';

export type Step =
  | { browser?: string; request: { method?: string; path: string; form?: Record<string, string> } }
  /** `args` keep Python's types (`1.0` is a float), as the reference's json.load reads them. */
  | { browser?: string; call: string; args?: PyValue[] }
  | { browser?: string; console: string }
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

export const STEP_KINDS = [
  'request',
  'call',
  'console',
  'advance',
  'closeBrowser',
  'setCookie',
  'tamperCookie',
  'clearExpired',
  'restartServer',
] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export function stepKind(step: Step): StepKind {
  return STEP_KINDS.find((k) => k in step) as StepKind;
}

/** Python's JSON values as plain data; ints that fit become numbers. */
function plain(value: PyValue): unknown {
  if (value instanceof PyDict)
    return Object.fromEntries(value.entries().map(([k, v]) => [String(k), plain(v)]));
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === 'bigint') return Number(value);
  return value;
}

/**
 * Reads a scenario file as the reference's `json.load` does: a call's arguments keep Python's
 * number types (`1.0` stays a float, which JSON.parse would turn into the int 1).
 */
export function parseScenario(text: string, source: string): Scenario {
  let parsed: PyValue;
  try {
    parsed = loads(text);
  } catch (e) {
    throw new Error(`${source}: ${(e as Error).message}`, { cause: e });
  }
  const scenario = plain(parsed) as Record<string, unknown>;
  if (parsed instanceof PyDict && Array.isArray(scenario.steps)) {
    const steps = parsed.get('steps');
    (scenario.steps as Record<string, unknown>[]).forEach((step, i) => {
      const raw = Array.isArray(steps) ? steps[i] : undefined;
      const args = raw instanceof PyDict ? raw.get('args') : undefined;
      if (step && typeof step === 'object' && args !== undefined) step.args = args;
    });
  }
  return validateScenario(scenario, source);
}

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
  if (engine !== undefined && !isEngineName(engine)) {
    fail(`unknown SESSION_ENGINE ${JSON.stringify(engine)}; use one of ${ENGINE_NAMES.join(', ')}`);
  }
  (s.steps as unknown[]).forEach((step, i) => {
    if (typeof step !== 'object' || step === null || !STEP_KINDS.some((k) => k in step)) {
      fail(`step ${i} is none of: ${STEP_KINDS.join(', ')}`);
    }
    const st = step as Record<string, unknown>;
    if ('console' in st && typeof st.console !== 'string')
      fail(`step ${i}: "console" must be one line of Python (a string)`);
    if ('args' in st && !Array.isArray(st.args)) fail(`step ${i}: "args" must be a list`);
  });
  return value as Scenario;
}
