/**
 * A world as plain data and back: what is saved across page reloads and what an export file
 * carries (clock, settings, SECRET_KEY, tables, browsers with their jars, history and console,
 * the network log, the attacker's list). Validation of data read back is persistence.ts's job.
 */
import type { NetworkEntry } from '../browser/browser';
import type { StoredCookie } from '../browser/cookieJar';
import type { ServerSnapshot } from '../server/server';
import { VirtualClock } from './clock';
import type { EditableSettings } from './settings';
import type { StolenCookie } from './stolen';
import type { BrowserTab, ConsoleLine } from './tabs';
import { World, type WorldOptions } from './world';

/** How much of the network log a snapshot keeps. */
export const SNAPSHOT_NETWORK = 100;

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

export function snapshotWorld(world: World): WorldSnapshotBody {
  return {
    clock: world.clock.state(),
    settings: world.settings,
    secretKey: world.secretKey,
    server: world.server.snapshot(),
    activeTab: world.activeTabId,
    tabs: world.tabs.map((t) => ({
      id: t.id,
      name: t.name,
      cookies: t.browser.jar.all(),
      history: t.history,
      index: t.index,
      consoleHistory: t.consoleHistory,
      consoleLog: t.consoleLog,
    })),
    network: world.network.slice(-SNAPSHOT_NETWORK),
    stolen: world.stolen.map((s) => ({ ...s })),
  };
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
