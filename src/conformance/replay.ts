/**
 * Replays scenarios through the MSW handlers (msw/node) with simulated browsers on a virtual
 * clock, and writes the raw transcript the reference recorder writes for real Django.
 */
import { dumps, loads, PyDict, type PyValue } from '../python';
import { ManualClock } from '../django/runtime';
import type { Settings } from '../django/conf/global_settings';
import { SessionStore as DbStore } from '../django/contrib/sessions/backends/db';
import { DjangoServer } from '../server/server';
import { listenInNode } from '../server/msw/node';
import { SimulatedBrowser } from '../browser/browser';
import { handMadeCookie } from '../browser/cookieJar';
import { FetchTransport } from '../browser/transport';
import { bodyText } from '../browser/bodyText';
import { DEFAULT_START, ENGINE_PATHS, type Scenario, type Step } from './scenario';

/** Plain data that becomes Python JSON (ints stay ints, floats floats). */
type Json = PyValue;

function obj(record: Record<string, Json>): PyDict {
  return PyDict.of(record);
}

/** Epoch ms -> seconds, as the recorder's float seconds (whole seconds print as ints here). */
function seconds(ms: number): Json {
  const s = ms / 1000;
  return Number.isInteger(s) ? BigInt(s) : s;
}

function toPy(value: unknown): Json {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value) : value;
  if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'bigint')
    return value;
  if (Array.isArray(value)) return value.map(toPy);
  return PyDict.of(
    Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, toPy(v)])),
  );
}

export interface ReplayContext {
  clock: ManualClock;
  server: DjangoServer;
  browsers: Map<string, SimulatedBrowser>;
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

function scenarioSettings(scenario: Scenario, secretKey?: string): Partial<Settings> {
  const out: Record<string, unknown> = { ...(scenario.settings ?? {}) };
  out.SESSION_ENGINE = ENGINE_PATHS[(out.SESSION_ENGINE as string | undefined) ?? 'db'];
  if (secretKey && out.SECRET_KEY === undefined) out.SECRET_KEY = secretKey;
  return out as Partial<Settings>;
}

function jarSnapshot(browser: SimulatedBrowser): PyDict {
  const out = new PyDict();
  const cookies = browser.jar
    .all()
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const c of cookies) {
    out.set(
      c.name,
      obj({ value: c.value, expiresAt: c.expiresAt === null ? null : seconds(c.expiresAt) }),
    );
  }
  return out;
}

function storeSnapshot(server: DjangoServer, engine: string): Json[] {
  if (engine === 'db' || engine === 'cached_db') {
    const decoder = new DbStore(server.runtime);
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
          data: decoder.decode(r.session_data),
          expiresAt: seconds(Number(r.expire_date.epochMicroseconds) / 1000),
        }),
      );
  }
  if (engine === 'cache' || engine === 'file') {
    return server
      .storedSessions()
      .filter((s) => !s.expired)
      .sort((a, b) => (a.expiresAt ?? 0) - (b.expiresAt ?? 0) || (a.key < b.key ? -1 : 1))
      .map((s) => {
        const row = obj({
          key: s.key,
          data: s.data,
          expiresAt: s.expiresAt === null ? null : seconds(s.expiresAt),
        });
        if (s.sessionData !== undefined) row.set('sessionData', s.sessionData);
        return row;
      });
  }
  return [];
}

function browserOf(ctx: ReplayContext, name: string): SimulatedBrowser {
  let b = ctx.browsers.get(name);
  if (!b) {
    b = new SimulatedBrowser(name, ctx.clock, new FetchTransport('http://localhost/', 'node'));
    ctx.browsers.set(name, b);
  }
  return b;
}

async function runStep(ctx: ReplayContext, step: Step, i: number): Promise<PyDict> {
  const rec = obj({ i: BigInt(i) });
  const name = 'browser' in step && step.browser ? step.browser : 'A';
  const browser = browserOf(ctx, name);
  if ('advance' in step) {
    ctx.clock.advance(step.advance * 1000);
    rec.set('kind', 'advance');
  } else if ('request' in step || 'call' in step) {
    const isCall = 'call' in step;
    rec.set('kind', isCall ? 'call' : 'request');
    rec.set('browser', name);
    const sent = new PyDict(
      browser.jar
        .cookiesFor({ url: browser.url('/') })
        .sort((a, b) => (a.name < b.name ? -1 : 1))
        .map((c) => [c.name, c.value]),
    );
    let entry;
    if (!isCall) {
      const method = (step.request.method ?? 'GET').toUpperCase() as 'GET' | 'POST';
      entry = await browser.request(
        method === 'POST'
          ? { method, path: step.request.path, form: step.request.form ?? {} }
          : { method, path: step.request.path },
      );
      rec.set('request', obj({ method, path: step.request.path, cookies: sent }));
    } else {
      const payload = obj({ method: step.call, args: toPy(step.args ?? []) });
      entry = await browser.request({
        method: 'POST',
        path: '/__session__/call',
        json: dumps(payload),
      });
      rec.set(
        'request',
        obj({ method: 'POST', path: '/__session__/call', cookies: sent, call: payload }),
      );
    }
    const r = entry.response;
    // A server error page is HTML, not the console's JSON (the reference recorder cannot record it).
    if (isCall)
      rec.set(
        'result',
        r.contentType.startsWith('application/json')
          ? loads(r.body)
          : obj({ httpStatus: BigInt(r.status) }),
      );
    const vary = r.headers.find(([n]) => n.toLowerCase() === 'vary')?.[1] ?? null;
    rec.set(
      'response',
      obj({
        status: BigInt(r.status),
        setCookies: r.setCookies,
        vary,
        bodyText: bodyText(r.body, r.contentType),
      }),
    );
  } else if ('closeBrowser' in step) {
    rec.set('kind', 'closeBrowser');
    rec.set('browser', name);
    browser.close();
  } else if ('setCookie' in step) {
    rec.set('kind', 'setCookie');
    rec.set('browser', name);
    browser.jar.put(handMadeCookie(step.setCookie.name, step.setCookie.value, 'localhost'));
  } else if ('tamperCookie' in step) {
    rec.set('kind', 'tamperCookie');
    rec.set('browser', name);
    const c = browser.jar.all().find((x) => x.name === step.tamperCookie);
    if (!c)
      throw new Error(
        `step ${i}: browser ${name} has no cookie ${step.tamperCookie} to tamper with`,
      );
    const last = c.value.slice(-1);
    browser.jar.put({ ...c, value: c.value.slice(0, -1) + (last !== 'A' ? 'A' : 'B') });
  } else if ('clearExpired' in step) {
    rec.set('kind', 'clearExpired');
    ctx.server.clearExpired();
  } else if ('restartServer' in step) {
    rec.set('kind', 'restartServer');
    ctx.server.restart();
  }
  return rec;
}

/** Replays one scenario; the transcript is a Python-JSON-ready dict. */
export async function replayScenario(
  scenario: Scenario,
  options: { secretKey?: string } = {},
): Promise<PyDict> {
  ensureMsw();
  const clock = new ManualClock((scenario.start ?? DEFAULT_START) * 1000);
  const server = new DjangoServer({
    clock,
    settings: scenarioSettings(scenario, options.secretKey),
  });
  current = server;
  const engine = (scenario.settings?.SESSION_ENGINE as string | undefined) ?? 'db';
  const ctx: ReplayContext = { clock, server, browsers: new Map() };
  const steps: Json[] = [];
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
  current = null;
  return obj({ name: scenario.name, engine, steps });
}

/** A whole transcript file: a JSON array, one scenario per line. */
export function formatTranscripts(transcripts: PyDict[]): string {
  return '[\n' + transcripts.map((t) => dumps(t)).join(',\n') + '\n]\n';
}
