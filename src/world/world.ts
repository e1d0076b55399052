/**
 * One playground world: the virtual clock, the Django site, the simulated browsers and the log of
 * every request. The UI renders it and calls its actions; everything it shows comes from here.
 */
import { SimulatedBrowser, type BrowserRequest, type NetworkEntry } from '../browser/browser';
import type { Transport } from '../browser/transport';
import type { StoredCookie } from '../browser/cookieJar';
import { formsOf } from '../browser/page';
import { runScripts } from '../browser/scripts';
import { get_random_string } from '../django/utils/crypto';
import { cryptoRandom, type RandomSource } from '../django/runtime';
import { DjangoServer, type ServerSnapshot } from '../server/server';
import { VirtualClock } from './clock';
import {
  DEFAULT_EDITABLE,
  toDjangoSettings,
  validateSettings,
  type EditableSettings,
  type SettingError,
} from './settings';
import { BrowserTab, CONSOLE_LIMIT, type ConsoleLine } from './tabs';
import { ENGINE_PREFIX } from './settings';
import { loads, PyDict, PyException, type PyValue } from '../python';
import { plantedCookies, STOLEN_LIMIT, type StolenCookie } from './stolen';

export const NETWORK_LIMIT = 300;
/** The most browsers "simulate a class" adds. */
export const MAX_CLASS = 1000;

export interface WorldOptions {
  clock?: VirtualClock;
  random?: RandomSource;
  /** Builds the transport once the server exists (MSW in the page, in-page fallback, Node). */
  transport: (getServer: () => DjangoServer) => Transport;
  settings?: Partial<EditableSettings>;
  secretKey?: string;
}

/** `startproject`'s key: 'django-insecure-' and 50 random characters. */
export function newSecretKey(random: RandomSource = cryptoRandom): string {
  return (
    'django-insecure-' +
    get_random_string(random, 50, 'abcdefghijklmnopqrstuvwxyz0123456789!@#$%^&*(-_=+)')
  );
}

export type WorldEvent =
  | { type: 'exchange'; entry: NetworkEntry }
  | { type: 'notice'; code: string; values?: Record<string, string | number> };

export class World {
  readonly clock: VirtualClock;
  server: DjangoServer;
  readonly transport: Transport;
  tabs: BrowserTab[] = [];
  activeTabId = 'A';
  network: NetworkEntry[] = [];
  /** What page scripts sent to the (simulated) attacker's server, oldest first. */
  stolen: StolenCookie[] = [];
  settings: EditableSettings;
  secretKey: string;
  /** Bumped on every change; the UI re-renders when it moves. */
  version = 0;
  private readonly random: RandomSource;
  private holding = 0;
  private held = false;
  private readonly listeners = new Set<() => void>();
  private readonly eventListeners = new Set<(e: WorldEvent) => void>();
  private unsubscribeServer: (() => void)[] = [];

  constructor(options: WorldOptions) {
    this.clock = options.clock ?? new VirtualClock();
    this.random = options.random ?? cryptoRandom;
    this.settings = { ...DEFAULT_EDITABLE, ...options.settings };
    this.secretKey = options.secretKey ?? newSecretKey(this.random);
    this.server = this.createServer();
    this.transport = options.transport(() => this.server);
    this.clock.subscribe(() => this.changed());
    this.addTab();
  }

  private createServer(): DjangoServer {
    for (const u of this.unsubscribeServer) u();
    const server = new DjangoServer({
      clock: this.clock,
      random: this.random,
      settings: { ...toDjangoSettings(this.settings), SECRET_KEY: this.secretKey },
    });
    this.unsubscribeServer = [
      server.db.subscribe(() => this.changed()),
      server.files.subscribe(() => this.changed()),
    ];
    return server;
  }

  // --- change notification --------------------------------------------------------------------

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  onEvent(listener: (e: WorldEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }
  changed(): void {
    if (this.holding > 0) {
      this.held = true;
      return;
    }
    this.version++;
    for (const l of this.listeners) l();
  }

  /** Runs `work` with change notifications held back, then sends one (a class of 1,000 logins
   * would otherwise re-render the screen a thousand times). */
  async quietly<T>(work: () => Promise<T>): Promise<T> {
    this.holding++;
    try {
      return await work();
    } finally {
      this.holding--;
      if (this.holding === 0 && this.held) {
        this.held = false;
        this.changed();
      }
    }
  }
  private emit(event: WorldEvent): void {
    for (const l of this.eventListeners) l(event);
  }

  // --- browsers -------------------------------------------------------------------------------

  get activeTab(): BrowserTab {
    return this.tabs.find((t) => t.id === this.activeTabId) ?? (this.tabs[0] as BrowserTab);
  }

  tab(id: string): BrowserTab {
    const tab = this.tabs.find((t) => t.id === id);
    if (!tab) throw new Error(`There is no browser ${id}.`);
    return tab;
  }

  /** The next free letter: A, B, ... Z, then AA, AB, ... */
  private nextId(): string {
    const used = new Set(this.tabs.map((t) => t.id));
    for (let n = 0; ; n++) {
      let id = '';
      let k = n;
      do {
        id = String.fromCharCode(65 + (k % 26)) + id;
        k = Math.floor(k / 26) - 1;
      } while (k >= 0);
      if (!used.has(id)) return id;
    }
  }

  addTab(name?: string, id: string = this.nextId()): BrowserTab {
    const browser = new SimulatedBrowser(id, this.clock, this.transport);
    const tab = new BrowserTab(id, name ?? id, browser);
    browser.jar.subscribe(() => this.changed());
    this.tabs.push(tab);
    this.activeTabId = id;
    this.changed();
    return tab;
  }

  removeTab(id: string): void {
    if (id === 'A' || this.tabs.length <= 1) return; // browser A always stays
    this.tabs = this.tabs.filter((t) => t.id !== id);
    if (this.activeTabId === id) this.activeTabId = (this.tabs[0] as BrowserTab).id;
    this.changed();
  }

  renameTab(id: string, name: string): void {
    const trimmed = name.trim().slice(0, 40);
    if (trimmed) this.tab(id).name = trimmed;
    this.changed();
  }

  setActiveTab(id: string): void {
    this.tab(id);
    this.activeTabId = id;
    this.changed();
  }

  // --- requests -------------------------------------------------------------------------------

  /** Sends a request from a browser and records it; the page changes when `navigate` is set. */
  async send(
    tabId: string,
    request: BrowserRequest,
    options: { navigate: boolean },
  ): Promise<NetworkEntry> {
    const tab = this.tab(tabId);
    const entry = await tab.browser.request(request);
    entry.browser = tab.id;
    this.record(entry);
    if (options.navigate) {
      tab.push(request, entry);
      this.runPageScripts(tab);
    }
    this.changed();
    this.emit({ type: 'exchange', entry });
    return entry;
  }

  /** Typing a path in the address bar, or following a link. */
  navigate(tabId: string, path: string): Promise<NetworkEntry> {
    const p = path.trim() || '/';
    return this.send(
      tabId,
      { method: 'GET', path: p.startsWith('/') ? p : '/' + p },
      { navigate: true },
    );
  }

  /** Submits form `index` of the current page with the given field values. */
  submitForm(tabId: string, index: number, values: Record<string, string>): Promise<NetworkEntry> {
    const tab = this.tab(tabId);
    const form = formsOf(tab.page?.nodes ?? [])[index];
    if (!form) throw new Error(`The page in browser ${tabId} has no form ${index}.`);
    const fields: [string, string][] = form.fields.map((f) => [f.name, values[f.name] ?? f.value]);
    const base = tab.current ? tab.current.request.path : '/';
    const action = new URL(form.action || base, tab.browser.url(base));
    if (form.method === 'GET') {
      const q = new URLSearchParams(fields).toString();
      return this.send(
        tabId,
        { method: 'GET', path: action.pathname + (q ? '?' + q : '') },
        { navigate: true },
      );
    }
    return this.send(
      tabId,
      { method: 'POST', path: action.pathname + action.search, form: fields },
      { navigate: true },
    );
  }

  back(tabId: string): void {
    const tab = this.tab(tabId);
    if (tab.canGoBack()) tab.index--;
    this.changed();
  }
  forward(tabId: string): void {
    const tab = this.tab(tabId);
    if (tab.canGoForward()) tab.index++;
    this.changed();
  }
  /** Reload sends the current request again (a POST is re-submitted, as after "Continue"). */
  async reload(tabId: string): Promise<NetworkEntry | null> {
    const tab = this.tab(tabId);
    const current = tab.current;
    if (!current) return null;
    const entry = await tab.browser.request(current.request);
    entry.browser = tab.id;
    this.record(entry);
    tab.history[tab.index] = {
      request: current.request,
      status: entry.response.status,
      body: entry.response.body,
      contentType: entry.response.contentType,
      networkId: entry.id,
    };
    this.runPageScripts(tab);
    this.changed();
    this.emit({ type: 'exchange', entry });
    return entry;
  }

  private record(entry: NetworkEntry): void {
    this.network.push(entry);
    if (this.network.length > NETWORK_LIMIT)
      this.network.splice(0, this.network.length - NETWORK_LIMIT);
  }

  // --- page scripts (lab 15) ------------------------------------------------------------------

  /**
   * The scripts of the page that just arrived in `tab`, simulated (browser/scripts.ts: nothing is
   * evaluated). Their report stays with the history entry for the browser frame to show; what
   * they send to another site becomes a Network entry and a value on the attacker's server.
   * Only a page from the network runs them: Back and Forward show the page as it was.
   */
  private runPageScripts(tab: BrowserTab): void {
    const entry = tab.current;
    // Most pages have no script: not even parsed here then (the UI parses what it shows).
    if (!entry || !/<script/i.test(entry.body)) return;
    const page = tab.page;
    if (!page || page.scripts.length === 0) return;
    const pageUrl = tab.browser.url(entry.request.path);
    entry.scripts = runScripts(page.scripts, tab.browser.jar, pageUrl);
    for (const report of entry.scripts) {
      if (report.outcome !== 'read-cookie') continue;
      for (const url of report.sent) {
        const offsite = tab.browser.offsite(url, pageUrl);
        offsite.browser = tab.id;
        this.record(offsite);
        this.stolen.push({
          time: offsite.time,
          fromTab: tab.id,
          url: offsite.url,
          cookie: report.cookie,
        });
      }
    }
    if (this.stolen.length > STOLEN_LIMIT) this.stolen.splice(0, this.stolen.length - STOLEN_LIMIT);
  }

  /**
   * The attacker replays a stolen `document.cookie` in her own browser: each of its cookies is
   * planted as by hand (DevTools). `stolen`: which value (default: the last one that is not
   * empty). Returns how many cookies were planted.
   */
  replayStolen(tabId: string, stolen?: StolenCookie): number {
    const tab = this.tab(tabId);
    const value = stolen ?? this.stolen.findLast((s) => s.cookie !== '');
    if (!value) throw new Error("The attacker's server has received no cookie to replay.");
    const cookies = plantedCookies(value.cookie, tab.browser.url('/').hostname);
    for (const c of cookies) this.putCookie(tab.id, c);
    this.changed();
    return cookies.length;
  }

  clearStolen(): void {
    this.stolen = [];
    this.changed();
  }

  closeBrowser(tabId: string): void {
    this.tab(tabId).close();
    this.changed();
  }

  clearNetwork(tabId?: string): void {
    this.network = tabId ? this.network.filter((e) => e.browser !== tabId) : [];
    this.changed();
  }

  // --- a class -------------------------------------------------------------------------------

  /**
   * "Simulate a class": `count` more browsers, each logging in as its own student (up to 1,000),
   * to show the store under load and clear_expired() at scale. Requests go a few at a time so
   * that the page stays responsive; `onProgress` reports how many are in.
   */
  async simulateClass(count: number, onProgress?: (done: number) => void): Promise<number> {
    const n = Math.max(0, Math.min(MAX_CLASS, Math.trunc(count)));
    const ids: string[] = [];
    await this.quietly(async () => {
      for (let i = 0; i < n; i++)
        ids.push(this.addTab(`student-${String(this.tabs.length).padStart(4, '0')}`).id);
      this.activeTabId = (this.tabs[0] as BrowserTab).id;
    });
    let done = 0;
    const batch = 50;
    for (let i = 0; i < ids.length; i += batch) {
      await this.quietly(() =>
        Promise.all(
          ids.slice(i, i + batch).map(async (id) => {
            const tab = this.tab(id);
            await tab.browser.request({
              method: 'POST',
              path: '/myapp/login/',
              form: { username: tab.name, password: 'x' },
            });
            done++;
          }),
        ),
      );
      onProgress?.(done);
    }
    return done;
  }

  // --- the console ---------------------------------------------------------------------------

  /**
   * Runs one line of Python for a browser: as its own request (`POST /__session__/call`) when it
   * touches request.session, so the middleware saves and sets cookies as after any view.
   */
  async runConsole(tabId: string, text: string): Promise<ConsoleLine> {
    const tab = this.tab(tabId);
    const input = text.trim();
    if (input && tab.consoleHistory[tab.consoleHistory.length - 1] !== input)
      tab.consoleHistory.push(input);
    if (tab.consoleHistory.length > CONSOLE_LIMIT)
      tab.consoleHistory.splice(0, tab.consoleHistory.length - CONSOLE_LIMIT);
    // The parser is a good part of the code: it is loaded when the console is first used.
    const { parseConsoleInput, toWireBody, negatedRepr } = await import('./console');
    let line: ConsoleLine;
    try {
      const cmd = parseConsoleInput(text, { engine: ENGINE_PREFIX + this.settings.SESSION_ENGINE });
      if (cmd.kind === 'local') {
        line = { input, output: cmd.output, error: false, networkId: null };
      } else {
        const entry = await this.send(
          tabId,
          { method: 'POST', path: '/__session__/call', json: toWireBody(cmd) },
          { navigate: false },
        );
        line = {
          input,
          ...consoleAnswer(entry.response, cmd.negate ? negatedRepr : null),
          networkId: entry.id,
        };
      }
    } catch (e) {
      if (!(e instanceof PyException)) throw e;
      line = { input, output: e.toPython(), error: true, networkId: null };
    }
    tab.consoleLog.push(line);
    if (tab.consoleLog.length > CONSOLE_LIMIT)
      tab.consoleLog.splice(0, tab.consoleLog.length - CONSOLE_LIMIT);
    this.changed();
    return line;
  }

  clearConsole(tabId: string): void {
    this.tab(tabId).consoleLog = [];
    this.changed();
  }

  // --- cookies by hand (DevTools) -------------------------------------------------------------

  putCookie(tabId: string, cookie: Omit<StoredCookie, 'creation' | 'lastAccess'>): void {
    this.tab(tabId).browser.jar.put(cookie);
  }
  deleteCookie(tabId: string, name: string, domain: string, path: string): void {
    this.tab(tabId).browser.jar.remove(name, domain, path);
  }

  // --- server ---------------------------------------------------------------------------------

  /** Applies settings if Django would accept them; otherwise changes nothing and says why. */
  applySettings(patch: Partial<EditableSettings>): SettingError[] {
    const next = { ...this.settings, ...patch };
    const errors = validateSettings(next as unknown as Record<string, unknown>);
    if (errors.length) return errors;
    this.settings = next;
    // An edited settings.py restarts runserver: memory (the cache) is lost.
    this.server.configure({ ...toDjangoSettings(next), SECRET_KEY: this.secretKey });
    this.server.restart();
    if (next.sessionsApp && !this.server.migrated) this.server.migrate();
    this.changed();
    return [];
  }

  restartServer(): void {
    this.server.restart();
    this.changed();
  }

  clearExpired(): void {
    this.server.clearExpired();
    this.changed();
  }

  /** Everything back to a fresh start: a new server (and key), one empty browser, the real time. */
  resetEverything(): void {
    this.settings = { ...DEFAULT_EDITABLE };
    this.secretKey = newSecretKey(this.random);
    this.server = this.createServer();
    this.tabs = [];
    this.network = [];
    this.stolen = [];
    this.clock.backToNow();
    this.addTab();
  }

  // --- persistence ----------------------------------------------------------------------------

  snapshot(): WorldSnapshotBody {
    return {
      clock: this.clock.state(),
      settings: this.settings,
      secretKey: this.secretKey,
      server: this.server.snapshot(),
      activeTab: this.activeTabId,
      tabs: this.tabs.map((t) => ({
        id: t.id,
        name: t.name,
        cookies: t.browser.jar.all(),
        history: t.history,
        index: t.index,
        consoleHistory: t.consoleHistory,
        consoleLog: t.consoleLog,
      })),
      network: this.network.slice(-100),
      stolen: this.stolen.map((s) => ({ ...s })),
    };
  }
}

export interface TabSnapshot {
  id: string;
  name: string;
  cookies: StoredCookie[];
  history: BrowserTab['history'];
  index: number;
  consoleHistory: string[];
  consoleLog: ConsoleLine[];
}

export interface WorldSnapshotBody {
  clock: ReturnType<VirtualClock['state']>;
  settings: EditableSettings;
  secretKey: string;
  server: ServerSnapshot;
  activeTab: string;
  tabs: TabSnapshot[];
  network: NetworkEntry[];
  /** Absent in worlds saved before lab 15. */
  stolen?: StolenCookie[];
}

/** Rebuilds a world from a snapshot that `validateSnapshot` accepted. */
export function restoreWorld(
  body: WorldSnapshotBody,
  options: Omit<WorldOptions, 'clock' | 'settings' | 'secretKey'> & { realNow?: () => number },
): World {
  const clock = new VirtualClock(options.realNow, body.clock);
  const world = new World({
    ...options,
    clock,
    settings: body.settings,
    secretKey: body.secretKey,
  });
  world.server.restore(body.server);
  world.tabs = [];
  for (const t of body.tabs) {
    const tab = world.addTab(t.name, t.id);
    tab.browser.jar.restore(t.cookies);
    tab.history = t.history;
    tab.index = t.index;
    tab.consoleHistory = t.consoleHistory;
    tab.consoleLog = t.consoleLog;
  }
  if (world.tabs.length === 0) world.addTab();
  world.activeTabId = world.tabs.some((t) => t.id === body.activeTab)
    ? body.activeTab
    : (world.tabs[0] as BrowserTab).id;
  world.network = body.network;
  world.stolen = (body.stolen ?? []).map((s) => ({ ...s }));
  world.changed();
  return world;
}

/** What the console prints for the endpoint's answer: the result's repr, or the exception. */
function consoleAnswer(
  response: { status: number; contentType: string; body: string; logs: { message: string }[] },
  negate: ((result: PyValue) => string) | null,
): { output: string; error: boolean } {
  if (response.contentType.startsWith('application/json')) {
    const answer = loads(response.body);
    if (answer instanceof PyDict) {
      if (answer.has('repr')) {
        const result = answer.get('result') as PyValue;
        if (negate) return { output: negate(result), error: false };
        // Python's REPL prints nothing for None.
        return { output: result === null ? '' : String(answer.get('repr')), error: false };
      }
      if (answer.has('message')) return { output: String(answer.get('message')), error: true };
    }
  }
  // The line ran, but the response failed afterwards (the middleware could not save the session,
  // say): the server's log names the exception, as a traceback's last line would.
  const logged = response.logs
    .map((l) => l.message.split('\n').pop() ?? '')
    .filter((m) => /^\w+(\.\w+)*: /.test(m));
  return { output: logged[logged.length - 1] ?? `HTTP ${response.status}`, error: true };
}
