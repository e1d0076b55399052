/**
 * Replays scenarios through the playground's request path (MSW handlers in Node, or the in-page
 * fallback) with simulated browsers on a virtual clock, and writes the raw transcript the
 * reference recorder (../shared/conformance/django_ref/record.py) writes for real Django.
 */
import { dumps, loads, PyDict, PyTuple, str, type PyValue } from '../python';
import { ManualClock, type RandomSource } from '../django/runtime';
import type { DjangoVersion, Settings } from '../django/conf/global_settings';
import { enginePath, type EngineName } from '../django/contrib/sessions/backends/engines';
import { SessionStore as DbStore } from '../django/contrib/sessions/backends/db';
import { SessionStore as FileStore, TEMP_DIR } from '../django/contrib/sessions/backends/file';
import { KEY_PREFIX as CACHE_PREFIX } from '../django/contrib/sessions/backends/cache';
import { DjangoServer } from '../server/server';
import { listenInNode } from '../server/msw/node';
import { SimulatedBrowser, type NetworkEntry } from '../browser/browser';
import { handMadeCookie } from '../browser/cookieJar';
import { FetchTransport, InPageTransport, type Transport } from '../browser/transport';
import { bodyText } from '../browser/bodyText';
import { DEFAULT_START, stepKind, type Scenario, type Step } from './scenario';

/** Plain data that becomes Python JSON (ints stay ints, floats floats). */
type Json = PyValue;

/** Which request path carries the browsers' requests: MSW (msw/node) or the in-page fallback. */
export type RequestPath = 'msw' | 'in-page';

export interface ReplayOptions {
  /** The Django release to behave as (default: the settings' default, 5.2). */
  django?: DjangoVersion;
  /** A SECRET_KEY for scenarios that do not set one. */
  secretKey?: string;
  path?: RequestPath;
  /** The server's randomness (session keys); a seeded one makes two replays byte-identical. */
  random?: RandomSource;
}

function obj(record: Record<string, Json>): PyDict {
  return PyDict.of(record);
}

/** Epoch ms -> seconds, as the recorder's float seconds (whole seconds print as ints here). */
function seconds(ms: number): Json {
  const s = ms / 1000;
  return Number.isInteger(s) ? BigInt(s) : s;
}

/** What the recorder's `json.dump(..., default=str)` writes for a value JSON cannot hold. */
function jsonSafe(value: PyValue): PyValue {
  if (value instanceof PyDict) return new PyDict(value.entries().map(([k, v]) => [k, jsonSafe(v)]));
  if (Array.isArray(value)) return value.map(jsonSafe);
  if (value instanceof PyTuple) return value.items.map(jsonSafe);
  if (value === null || ['boolean', 'bigint', 'number', 'string'].includes(typeof value))
    return value;
  return str(value);
}

interface ReplayContext {
  clock: ManualClock;
  server: DjangoServer;
  browsers: Map<string, SimulatedBrowser>;
  transport: Transport;
}

let current: DjangoServer | null = null;
let mswServer: ReturnType<typeof listenInNode> | null = null;

/** Starts msw/node once; each scenario swaps in its own server. */
function ensureMsw(): void {
  mswServer ??= listenInNode(() => {
    if (!current) throw new Error('No scenario is running.');
    return current;
  });
}

export function closeReplay(): void {
  mswServer?.close();
  mswServer = null;
}

function scenarioSettings(scenario: Scenario, options: ReplayOptions): Partial<Settings> {
  const out: Record<string, unknown> = { ...(scenario.settings ?? {}) };
  out.SESSION_ENGINE = enginePath((out.SESSION_ENGINE as EngineName | undefined) ?? 'db');
  if (options.secretKey !== undefined && out.SECRET_KEY === undefined)
    out.SECRET_KEY = options.secretKey;
  if (options.django) out.DJANGO_VERSION = options.django;
  return out as Partial<Settings>;
}

function byName<T extends { name: string }>(a: T, b: T): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

function jarSnapshot(browser: SimulatedBrowser): PyDict {
  const out = new PyDict();
  for (const c of browser.jar.all().sort(byName)) {
    out.set(
      c.name,
      obj({ value: c.value, expiresAt: c.expiresAt === null ? null : seconds(c.expiresAt) }),
    );
  }
  return out;
}

/**
 * The recorder's browser keeps one cookie per name (its jar is a dict by name): a cookie stored
 * under another Path replaces the one it had, and a deletion removes it whatever its Path.
 * The simulated jar keeps name, domain and path apart, as browsers do; the replay keeps it to
 * one cookie per name, so that both harnesses send the same cookies.
 */
function oneCookiePerName(browser: SimulatedBrowser, entry: NetworkEntry): void {
  for (const result of entry.cookieResults) {
    if (result.outcome === 'rejected') continue;
    const same = browser.jar.all().filter((c) => c.name === result.name);
    // The jar appends what it stores: the last of the name is the one just received.
    const drop = result.outcome === 'stored' ? same.slice(0, -1) : same;
    for (const c of drop) browser.jar.remove(c.name, c.domain, c.path);
  }
}

function storeSnapshot(server: DjangoServer, engine: EngineName): Json[] {
  const runtime = server.runtime;
  if (engine === 'db' || engine === 'cached_db') {
    const decoder = new DbStore(runtime);
    return server
      .sessionRows()
      .sort(
        (a, b) =>
          Number(a.expire_date.epochMicroseconds - b.expire_date.epochMicroseconds) ||
          (a.session_key < b.session_key ? -1 : a.session_key > b.session_key ? 1 : 0),
      )
      .map((r) =>
        obj({
          key: r.session_key,
          sessionData: r.session_data,
          data: jsonSafe(decoder.decode(r.session_data)),
          expiresAt: seconds(Number(r.expire_date.epochMicroseconds) / 1000),
        }),
      );
  }
  const rows: { key: string; expiresAt: number | null; row: PyDict }[] = [];
  if (engine === 'cache') {
    const cache = server.caches.get(runtime.settings.SESSION_CACHE_ALIAS);
    const prefix = cache.make_key(CACHE_PREFIX);
    for (const entry of cache.entries()) {
      if (!entry.key.startsWith(prefix)) continue;
      const key = entry.key.slice(prefix.length);
      const expiresAt = entry.expiresAt === null ? null : entry.expiresAt * 1000;
      rows.push({
        key,
        expiresAt,
        row: obj({
          key,
          data: jsonSafe(entry.value),
          expiresAt: expiresAt === null ? null : seconds(expiresAt),
        }),
      });
    }
  }
  if (engine === 'file') {
    // As the recorder reads the folder: each file decoded, its age from _expiry_date(); gone
    // when the age has run out; a bare number of seconds never runs down (expiresAt null).
    const dir = runtime.settings.SESSION_FILE_PATH || TEMP_DIR;
    const prefix = runtime.settings.SESSION_COOKIE_NAME;
    const now = runtime.clock.now();
    for (const name of runtime.files.listdir(dir).sort()) {
      if (!name.startsWith(prefix) || name.endsWith('.tmp')) continue;
      const key = name.slice(prefix.length);
      const raw = runtime.files.read(`${dir.replace(/\/$/, '')}/${name}`);
      const store = new FileStore(runtime, key);
      const data = store.decode(raw);
      const age = Number(store.get_expiry_age({ expiry: store._expiry_date(data) }));
      if (age <= 0) continue;
      const stored = data.get('_session_expiry');
      const relative = typeof stored === 'bigint' || typeof stored === 'boolean';
      const expiresAt = relative ? null : now + age * 1000;
      rows.push({
        key,
        expiresAt,
        row: obj({
          key,
          sessionData: raw,
          data: jsonSafe(data),
          expiresAt: expiresAt === null ? null : seconds(expiresAt),
        }),
      });
    }
  }
  return rows
    .sort((a, b) => (a.expiresAt ?? 0) - (b.expiresAt ?? 0) || (a.key < b.key ? -1 : 1))
    .map((r) => r.row);
}

function browserOf(ctx: ReplayContext, name: string): SimulatedBrowser {
  let b = ctx.browsers.get(name);
  if (!b) {
    b = new SimulatedBrowser(name, ctx.clock, ctx.transport);
    ctx.browsers.set(name, b);
  }
  return b;
}

const CALL_PATH = '/__session__/call';
const CONSOLE_PATH = '/__session__/console';

async function sendStep(
  ctx: ReplayContext,
  browser: SimulatedBrowser,
  step: Extract<Step, { request: unknown } | { call: unknown } | { console: unknown }>,
  rec: PyDict,
): Promise<void> {
  const path = 'request' in step ? step.request.path : 'call' in step ? CALL_PATH : CONSOLE_PATH;
  const sent = new PyDict(
    browser.jar
      .cookiesFor({ url: browser.url(path) })
      .sort(byName)
      .map((c) => [c.name, c.value]),
  );
  let entry: NetworkEntry;
  if ('request' in step) {
    const method = (step.request.method ?? 'GET').toUpperCase() as 'GET' | 'POST';
    entry = await browser.request(
      method === 'POST' ? { method, path, form: step.request.form ?? {} } : { method, path },
    );
    rec.set('request', obj({ method, path, cookies: sent }));
  } else if ('call' in step) {
    const payload = obj({ method: step.call, args: step.args ?? [] });
    entry = await browser.request({ method: 'POST', path, json: dumps(payload) });
    rec.set('request', obj({ method: 'POST', path, cookies: sent, call: payload }));
  } else {
    const payload = obj({ line: step.console });
    entry = await browser.request({ method: 'POST', path, json: dumps(payload) });
    rec.set('request', obj({ method: 'POST', path, cookies: sent, console: step.console }));
  }
  oneCookiePerName(browser, entry);
  const r = entry.response;
  const isJson = r.contentType.startsWith('application/json');
  // A server error page is HTML, not the console's JSON: the recorder writes null then.
  if ('call' in step) rec.set('result', isJson ? loads(r.body) : null);
  if ('console' in step) {
    const answer = isJson ? loads(r.body) : null;
    rec.set('output', answer instanceof PyDict ? (answer.get('output') ?? null) : null);
  }
  const vary = r.headers.find(([n]) => n.toLowerCase() === 'vary')?.[1] ?? null;
  rec.set(
    'response',
    obj({
      status: BigInt(r.status),
      serverError: r.serverError,
      setCookies: r.setCookies,
      vary,
      bodyText: bodyText(r.body, r.contentType),
    }),
  );
}

async function runStep(ctx: ReplayContext, step: Step, i: number): Promise<PyDict> {
  const rec = obj({ i: BigInt(i) });
  const kind = stepKind(step);
  rec.set('kind', kind);
  const name = 'browser' in step && step.browser ? step.browser : 'A';
  const browser = browserOf(ctx, name);
  if ('advance' in step) ctx.clock.advance(step.advance * 1000);
  else if ('request' in step || 'call' in step || 'console' in step) {
    rec.set('browser', name);
    await sendStep(ctx, browser, step, rec);
  } else if ('closeBrowser' in step) {
    rec.set('browser', name);
    browser.close();
  } else if ('setCookie' in step) {
    rec.set('browser', name);
    for (const c of browser.jar.all())
      if (c.name === step.setCookie.name) browser.jar.remove(c.name, c.domain, c.path);
    browser.jar.put(handMadeCookie(step.setCookie.name, step.setCookie.value, 'localhost'));
  } else if ('tamperCookie' in step) {
    rec.set('browser', name);
    const c = browser.jar.all().find((x) => x.name === step.tamperCookie);
    if (!c)
      throw new Error(
        `step ${i}: browser ${name} has no cookie ${step.tamperCookie} to tamper with`,
      );
    const last = c.value.slice(-1);
    browser.jar.put({ ...c, value: c.value.slice(0, -1) + (last !== 'A' ? 'A' : 'B') });
  } else if ('clearExpired' in step) ctx.server.clearExpired();
  else if ('restartServer' in step) ctx.server.restart();
  return rec;
}

/** Replays one scenario; the transcript is a Python-JSON-ready dict. */
export async function replayScenario(
  scenario: Scenario,
  options: ReplayOptions = {},
): Promise<PyDict> {
  const requestPath = options.path ?? 'msw';
  if (requestPath === 'msw') ensureMsw();
  const clock = new ManualClock((scenario.start ?? DEFAULT_START) * 1000);
  const server = new DjangoServer({
    clock,
    random: options.random,
    settings: scenarioSettings(scenario, options),
  });
  current = server;
  const engine = (scenario.settings?.SESSION_ENGINE as EngineName | undefined) ?? 'db';
  const transport =
    requestPath === 'msw'
      ? new FetchTransport('http://localhost/', 'node')
      : new InPageTransport(() => server);
  const ctx: ReplayContext = { clock, server, browsers: new Map(), transport };
  const steps: Json[] = [];
  try {
    for (const [i, step] of scenario.steps.entries()) {
      const rec = await runStep(ctx, step, i);
      rec.set('now', seconds(clock.now()));
      const jars = new PyDict();
      for (const b of [...ctx.browsers.keys()].sort())
        jars.set(b, jarSnapshot(ctx.browsers.get(b) as SimulatedBrowser));
      rec.set('jars', jars);
      rec.set('store', storeSnapshot(server, engine));
      steps.push(rec);
    }
  } finally {
    current = null;
  }
  return obj({ name: scenario.name, engine, steps });
}

/** A whole transcript file: a JSON array, one scenario per line. */
export function formatTranscripts(transcripts: PyDict[]): string {
  return '[\n' + transcripts.map((t) => dumps(t)).join(',\n') + '\n]\n';
}
