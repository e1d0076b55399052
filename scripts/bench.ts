/**
 * npm run bench
 *
 * How fast the session machinery runs in Node, each figure with its budget where it has one:
 *
 *   1. requests/s through DjangoServer.handle (db engine: budget; cache, signed_cookies: for info)
 *   2. requests/s through fetch + msw/node + a SimulatedBrowser's cookie jar (for info)
 *   3. SessionStore.encode() / decode() per second, small and compressible payloads (for info)
 *   4. SessionStore.clear_expired() on 10,000 and 100,000 rows, half expired (budget at 100,000)
 *
 * Every figure is a median over several timed samples after a warm-up (see bench/measure.ts).
 * Figures measured while other processes took the CPU are flagged as such.
 * Exit status 0 whatever the verdicts (OVER is a finding, not a crash); 1 only when the benchmark
 * itself cannot run (e.g. the login cycle no longer logs in).
 */
import { cpus } from 'node:os';
import { objects, type Session } from '../src/django/contrib/sessions/models';
import { SessionStore } from '../src/django/contrib/sessions/backends/db';
import { ManualClock, type Clock } from '../src/django/runtime';
import { SimulatedBrowser } from '../src/browser/browser';
import { FetchTransport } from '../src/browser/transport';
import { listenInNode } from '../src/server/msw/node';
import { DjangoServer, type Exchange } from '../src/server/server';
import { PyDateTime, PyDict } from '../src/python';
import {
  DEFAULT_TIMING,
  callsPerSecond,
  callsPerSecondAsync,
  durationsMs,
  formatCount,
  formatMs,
  formatSpread,
  Report,
  withinBudget,
  type Budget,
  type TimingOptions,
} from './bench/measure';

const REQUESTS_BUDGET: Budget = { min: 20_000 };
const CLEAR_EXPIRED_BUDGET: Budget = { max: 50 };
/** The row count that the clear_expired budget applies to. */
const CLEAR_EXPIRED_BUDGET_ROWS = 100_000;

/** A fixed virtual time: 2024-01-01T00:00:00Z. Nothing measured here depends on time passing. */
const START_MS = Date.UTC(2024, 0, 1);

// Measured: a request cycle runs so much code (tsx-compiled modules, pako, noble-hashes) that V8
// needs 1.5 to 2 s of it before the rate settles (it climbs from ~2,000 to its plateau); through
// fetch and MSW it takes about 2.5 s. Shorter warm-ups made the first figure swing by 2x.
const PIPELINE_TIMING: TimingOptions = { ...DEFAULT_TIMING, warmupMs: 2000 };
const MSW_TIMING: TimingOptions = { ...DEFAULT_TIMING, warmupMs: 3000, totalMs: 1400 };

const ENGINES = ['db', 'cache', 'signed_cookies'] as const;
type Engine = (typeof ENGINES)[number];

function newServer(engine: Engine = 'db'): DjangoServer {
  return new DjangoServer({
    clock: new ManualClock(START_MS),
    settings: { SESSION_ENGINE: `django.contrib.sessions.backends.${engine}` },
  });
}

// --- 1. the pipeline, called directly -----------------------------------------------------------

const REQUESTS_PER_CYCLE = 3;
const FORM_TYPE = 'application/x-www-form-urlencoded';
const LOGIN_FORM = { username: 'alice', password: 'x' };
const LOGIN_BODY = new URLSearchParams(LOGIN_FORM).toString();

/** `name=value` of the session cookie that a response sets. */
function sessionCookie(server: DjangoServer, exchange: Exchange): string {
  const prefix = `${server.settings.SESSION_COOKIE_NAME}=`;
  const header = exchange.setCookies.find((h) => h.startsWith(prefix));
  if (header === undefined) throw new Error('the login response set no session cookie');
  return header.slice(0, header.indexOf(';'));
}

/** login -> connection (with the cookie) -> logout (with the cookie), as a fresh visitor. */
function loginCycle(server: DjangoServer): Exchange[] {
  const login = server.handle({
    method: 'POST',
    path: '/myapp/login/',
    headers: { 'Content-Type': FORM_TYPE },
    body: LOGIN_BODY,
  });
  const headers = { Cookie: sessionCookie(server, login) };
  const connection = server.handle({ method: 'GET', path: '/myapp/connection/', headers });
  const logout = server.handle({ method: 'GET', path: '/myapp/logout/', headers });
  return [login, connection, logout];
}

/** Fails loudly if the cycle does not do what it should: timing error pages would mean nothing. */
function checkCycle([login, connection, logout]: Exchange[], where: string): void {
  const ok =
    [login, connection, logout].every((e) => e?.status === 200) &&
    login?.body.includes('<strong>alice</strong>') &&
    connection?.body.includes('<strong>alice</strong>') &&
    logout?.body.includes('You are logged out.');
  if (!ok) throw new Error(`${where}: the login cycle did not log in and out as it should`);
}

function benchPipeline(report: Report): void {
  report.section(
    'Pipeline: DjangoServer.handle(), login (POST form) -> connection -> logout, 3 requests/cycle',
  );
  for (const engine of ENGINES) {
    // A fresh server per engine: each login adds a row (logout keeps the session), so the
    // table holds only the rows of this run.
    const server = newServer(engine);
    checkCycle(loginCycle(server), engine);
    const cycles = callsPerSecond(() => loginCycle(server), PIPELINE_TIMING);
    const requests = cycles.median * REQUESTS_PER_CYCLE;
    const budget =
      engine === 'db'
        ? {
            name: 'pipeline requests/s, db engine',
            text: 'budget >= 20,000 req/s',
            ok: withinBudget(requests, REQUESTS_BUDGET),
          }
        : undefined;
    report.line(
      `${engine} engine${budget ? '' : ' (informational)'}`,
      `${formatCount(requests)} req/s`,
      cycles,
      formatSpread(cycles),
      budget,
    );
  }
}

// --- 2. through fetch, msw/node and a simulated browser -----------------------------------------

async function browserCycle(clock: Clock): Promise<Exchange[]> {
  // A new browser each cycle: an empty cookie jar, like the direct pipeline's fresh visitor.
  const browser = new SimulatedBrowser('A', clock, new FetchTransport('http://localhost/', 'node'));
  const login = await browser.request({ method: 'POST', path: '/myapp/login/', form: LOGIN_FORM });
  const connection = await browser.request({ method: 'GET', path: '/myapp/connection/' });
  const logout = await browser.request({ method: 'GET', path: '/myapp/logout/' });
  return [login.response, connection.response, logout.response];
}

async function benchMsw(report: Report): Promise<void> {
  report.section('Pipeline through fetch + msw/node + SimulatedBrowser cookie jar, db engine');
  const server = newServer('db');
  const clock = server.runtime.clock;
  const msw = listenInNode(() => server);
  try {
    checkCycle(await browserCycle(clock), 'msw/node');
    const cycles = await callsPerSecondAsync(async () => {
      await browserCycle(clock);
    }, MSW_TIMING);
    report.line(
      'db engine (informational)',
      `${formatCount(cycles.median * REQUESTS_PER_CYCLE)} req/s`,
      cycles,
      formatSpread(cycles),
    );
  } finally {
    msw.close();
  }
}

// --- 3. encode / decode -------------------------------------------------------------------------

function benchEncodeDecode(report: Report): void {
  report.section('SessionStore.encode() / decode() (signing.dumps/loads, compress=True)');
  const server = newServer('db');
  const store = new SessionStore(server.runtime);
  const payloads = {
    small: PyDict.of({ username: 'alice' }),
    '20 items': PyDict.of({
      username: 'alice',
      cart: Array.from({ length: 20 }, (_, i) => `product-${i} (quantity 1, price 9.99)`),
    }),
  };
  for (const [name, dict] of Object.entries(payloads)) {
    const encoded = store.encode(dict);
    if (store.decode(encoded).size !== dict.size) throw new Error(`${name}: decode lost data`);
    const compressed = encoded.startsWith('.') ? 'compressed' : 'not compressed';
    report.note(`${name}: ${encoded.length} characters encoded, ${compressed}`);
    const enc = callsPerSecond(() => store.encode(dict));
    report.line(
      `encode ${name} (informational)`,
      `${formatCount(enc.median)} /s`,
      enc,
      formatSpread(enc),
    );
    const dec = callsPerSecond(() => store.decode(encoded));
    report.line(
      `decode ${name} (informational)`,
      `${formatCount(dec.median)} /s`,
      dec,
      formatSpread(dec),
    );
  }
}

// --- 4. clear_expired ---------------------------------------------------------------------------

const DAY_US = 86_400_000_000n;

/** A distinct 32-character key from [a-z0-9] for each index, shaped like the ones Django makes. */
function sessionKey(i: number): string {
  return i.toString(36).padStart(32, '0');
}

/** `rows` sessions, every other one expired a day ago, the rest expiring in a day. */
function sessionRows(server: DjangoServer, rows: number): Session[] {
  const nowUs = BigInt(START_MS) * 1000n;
  const session_data = new SessionStore(server.runtime).encode(PyDict.of({ username: 'alice' }));
  const out: Session[] = [];
  for (let i = 0; i < rows; i++) {
    const expire_date = PyDateTime.fromEpochMicroseconds(nowUs + (i % 2 === 0 ? -DAY_US : DAY_US));
    out.push({ session_key: sessionKey(i), session_data, expire_date });
  }
  return out;
}

function benchClearExpired(report: Report): void {
  report.section('clear_expired() on the django_session table, half of the rows expired');
  const repeats = 7;
  for (const rows of [10_000, 100_000]) {
    const server = newServer('db');
    const table = objects(server.runtime);
    const fixture = sessionRows(server, rows);
    // Refill the table before each repeat (untimed): clear_expired deletes half of it.
    const refill = () => {
      table.restore([]);
      for (const row of fixture) table.insert(row);
    };
    durationsMs(refill, () => server.clearExpired(), 3); // warm-up
    const times = durationsMs(refill, () => server.clearExpired(), repeats);
    if (table.size !== rows / 2) throw new Error(`clear_expired left ${table.size} rows`);
    const budget =
      rows === CLEAR_EXPIRED_BUDGET_ROWS
        ? {
            name: `clear_expired() on ${formatCount(rows)} rows`,
            text: 'budget <= 50 ms',
            ok: withinBudget(times.median, CLEAR_EXPIRED_BUDGET),
          }
        : undefined;
    report.line(
      `${formatCount(rows)} rows${budget ? '' : ' (informational)'}`,
      formatMs(times.median),
      times,
      `(median of ${repeats}, ${formatMs(times.min)}..${formatMs(times.max)})`,
      budget,
    );
  }
}

async function main(): Promise<void> {
  const report = new Report();
  const cpu = cpus();
  report.note(
    `Node ${process.version}, ${cpu.length} CPUs (${cpu[0]?.model ?? 'unknown'}); medians of 7 timed samples over ~1 s, after a warm-up`,
  );
  benchPipeline(report);
  await benchMsw(report);
  benchEncodeDecode(report);
  // Last: its 100,000-row fixtures grow the heap, which slows every later GC.
  benchClearExpired(report);
  report.summary();
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
