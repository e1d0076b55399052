/**
 * Starting the playground: the saved world (or a fresh one, saying why), the transport (MSW's
 * service worker, or the in-page fallback, saying so), saving as things change, and one tab
 * owning the saved state at a time.
 */
import { decodeSaved, encodeSaved, STORAGE_KEY } from '../world/persistence';
import { World, type WorldOptions } from '../world/world';
import type { Notice } from './components/Notices';
import { restoreWorld, snapshotWorld } from '../world/snapshot';
import { VirtualClock } from '../world/clock';

export const BACKUP_KEY = `${STORAGE_KEY}:unreadable-backup`;
const LOCK_NAME = 'django-session-playground:owner';

function readSaved(notices: Notice[]): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    notices.push({ id: 'storage', key: 'notice.storageUnavailable', tone: 'warning' });
    return null;
  }
}

/**
 * Loads the student's saved playground, or makes a fresh one (keeping an unreadable save aside,
 * and saying so).
 */
export function loadWorld(
  notices: Notice[],
  transport: WorldOptions['transport'],
  realNow?: () => number,
): World {
  const text = readSaved(notices);
  const result = decodeSaved(text);
  const newWorld = () => new World({ clock: new VirtualClock(realNow), transport });
  if (result.status === 'ok') {
    try {
      return restoreWorld(result.world, { transport, realNow });
    } catch (e) {
      return fresh(`restore failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (result.status === 'invalid') return fresh(result.reason);
  return newWorld();

  function fresh(reason: string): World {
    try {
      if (text !== null) localStorage.setItem(BACKUP_KEY, text);
    } catch {
      // the notice below still tells what happened
    }
    notices.push({
      id: 'saved-invalid',
      key: 'notice.savedInvalid',
      values: { reason },
      tone: 'warning',
    });
    return newWorld();
  }
}

/**
 * A lesson's saved world, or null when there is none; one that cannot be read is dropped (the
 * lesson starts again from its start) and a notice says so.
 */
export function readLessonWorld(
  key: string,
  notices: Notice[],
  transport: WorldOptions['transport'],
  realNow?: () => number,
): World | null {
  let text: string | null;
  try {
    text = localStorage.getItem(key);
  } catch {
    return null;
  }
  const result = decodeSaved(text);
  let reason = result.status === 'invalid' ? result.reason : null;
  if (result.status === 'ok') {
    try {
      return restoreWorld(result.world, { transport, realNow });
    } catch (e) {
      reason = `restore failed: ${e instanceof Error ? e.message : String(e)}`;
    }
  }
  if (reason !== null)
    notices.push({
      id: `lesson-invalid:${key}`,
      key: 'notice.lessonWorldInvalid',
      values: { reason },
      tone: 'warning',
    });
  return null;
}

/**
 * Saves the world under `key` a moment after it changes, right away when the page is hidden,
 * and when saving stops (the screen moves to another world) with a change still waiting.
 */
export function autosave(
  world: World,
  key: string,
  canSave: () => boolean,
  onError: () => void,
): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let failed = false;
  const save = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (!canSave()) return;
    try {
      localStorage.setItem(key, encodeSaved(snapshotWorld(world), Date.now()));
    } catch {
      if (!failed) onError();
      failed = true;
    }
  };
  const unsubscribe = world.subscribe(() => {
    timer ??= setTimeout(save, 800);
  });
  const onHide = () => {
    if (document.visibilityState === 'hidden') save();
  };
  document.addEventListener('visibilitychange', onHide);
  window.addEventListener('pagehide', save);
  return () => {
    unsubscribe();
    if (timer !== null) save();
    document.removeEventListener('visibilitychange', onHide);
    window.removeEventListener('pagehide', save);
  };
}

export type Ownership = 'owner' | 'other-tab' | 'taken-over' | 'unknown';

/**
 * One tab at a time owns the saved world (Web Locks). A second tab is told, and may take over;
 * the first is then told it no longer saves. Without Web Locks, every tab saves (last one wins).
 */
export function claimOwnership(onChange: (o: Ownership) => void, steal = false): void {
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;
  if (!locks) {
    onChange('unknown');
    return;
  }
  const hold = (lock: Lock | null) => {
    if (!lock) {
      onChange('other-tab');
      return undefined;
    }
    onChange('owner');
    return new Promise<void>(() => {}); // held for the life of the page
  };
  const request = steal
    ? locks.request(LOCK_NAME, { steal: true }, hold)
    : locks.request(LOCK_NAME, { ifAvailable: true }, hold);
  request.catch(() => onChange('taken-over'));
}
