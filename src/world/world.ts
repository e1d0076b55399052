/**
 * One playground world: the virtual clock, the Django site, the simulated browsers and the log of
 * every request; the state, its change notifications, and sending requests. The UI renders it
 * and calls its actions; everything it shows comes from here. Jobs built on it live beside it:
 * attacker.ts (lab 15's page scripts), classroom.ts, console/run.ts, snapshot.ts.
 */
import { SimulatedBrowser, type BrowserRequest, type NetworkEntry } from '../browser/browser';
import type { Transport } from '../browser/transport';
import type { StoredCookie } from '../browser/cookieJar';
import { formsOf } from '../browser/page';
import { get_random_string } from '../django/utils/crypto';
import { cryptoRandom, type RandomSource } from '../django/runtime';
import { DjangoServer } from '../server/server';
import { runPageScripts } from './pageScripts';
import { VirtualClock } from './clock';
import {
  DEFAULT_EDITABLE,
  toDjangoSettings,
  validateSettings,
  type EditableSettings,
  type SettingError,
} from './settings';
import { STOLEN_LIMIT, type StolenCookie } from './stolen';
import { BrowserTab } from './tabs';

export const NETWORK_LIMIT = 300;

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

  /**
   * Sends a request from a browser and records it. `navigate`: the answer becomes the page (a new
   * history entry); `reload`: it replaces the current one.
   */
  async send(
    tabId: string,
    request: BrowserRequest,
    options: { navigate: boolean; reload?: boolean },
  ): Promise<NetworkEntry> {
    const tab = this.tab(tabId);
    const entry = await tab.browser.request(request);
    entry.browser = tab.id;
    this.record(entry);
    if (options.reload) tab.replace(request, entry);
    else if (options.navigate) tab.push(request, entry);
    if (options.navigate || options.reload) this.recordPageScripts(tab);
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
    const current = this.tab(tabId).current;
    if (!current) return null;
    return this.send(tabId, current.request, { navigate: false, reload: true });
  }

  /** What the page's scripts sent to another site: Network entries, the attacker's list. */
  private recordPageScripts(tab: BrowserTab): void {
    const { sent, stolen } = runPageScripts(tab);
    for (const entry of sent) this.record(entry);
    if (stolen.length === 0) return;
    this.stolen.push(...stolen);
    if (this.stolen.length > STOLEN_LIMIT) this.stolen.splice(0, this.stolen.length - STOLEN_LIMIT);
  }

  /** Keeps an exchange in the network log (capped: the oldest go first). */
  record(entry: NetworkEntry): void {
    this.network.push(entry);
    if (this.network.length > NETWORK_LIMIT)
      this.network.splice(0, this.network.length - NETWORK_LIMIT);
  }

  closeBrowser(tabId: string): void {
    this.tab(tabId).close();
    this.changed();
  }

  clearNetwork(tabId?: string): void {
    this.network = tabId ? this.network.filter((e) => e.browser !== tabId) : [];
    this.changed();
  }

  // --- cookies by hand (DevTools) -------------------------------------------------------------

  /** False when the browser would not keep it (over 4,096 bytes); nothing changes then. */
  putCookie(tabId: string, cookie: Omit<StoredCookie, 'creation' | 'lastAccess'>): boolean {
    return this.tab(tabId).browser.jar.put(cookie);
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
}
