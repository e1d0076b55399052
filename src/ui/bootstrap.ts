/**
 * Starting the playground and keeping its work: saved worlds (one storage key each: the
 * student's own playground, and a world per lesson), backups of what could not be read, saving
 * as things change with every failure said, and one tab owning the saved state at a time.
 *
 * Nothing here may lose work silently:
 * - a saved world that cannot be read is copied to a backup slot (three, rotating, each dated)
 *   before anything else is saved under its key; when no copy fits, saving stays off for that
 *   key until the reader downloads the data or lets it go;
 * - a failed save (storage full or blocked) is reported, and reported again when it recovers;
 * - a world that broke the page is never saved back (haltSaving, called by the recovery screen);
 * - a tab that takes over re-reads what the other tab saved before it saves anything itself.
 */
import { decodeSaved, encodeSaved, STORAGE_KEY, type LoadResult } from '../world/persistence';
import type { InputProblem } from '../world/schema';
import { World, type WorldOptions } from '../world/world';
import { restoreWorld, snapshotWorld } from '../world/snapshot';
import { VirtualClock } from '../world/clock';
import type { Notice } from './components/Notices';
import { haltSaving, savingHalted } from './halt';

/** The student's own playground; lesson worlds use keys of their own (see SavedSlot). */
export { STORAGE_KEY };
export const BACKUP_SLOTS = 3;
const LOCK_NAME = 'django-session-playground:owner';

/** The part of Storage used here (localStorage, or a stand-in in tests). */
export type SlotStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export type SaveFailure = 'quota' | 'blocked';

export interface BackupInfo {
  /** The storage key of the copy. */
  key: string;
  /** When the copy was made (real time, epoch ms). */
  keptAt: number;
  /** Why: the data could not be read, or what replaced it. */
  reason: 'unreadable' | 'reset';
  /** The problem that made it unreadable, if that was why. */
  problem?: InputProblem;
  size: number;
}

function localStore(): SlotStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // access itself throws where storage is blocked
  }
}

function failureOf(e: unknown): SaveFailure {
  return e instanceof DOMException &&
    (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED')
    ? 'quota'
    : 'blocked';
}

export { haltSaving, savingHalted };

/**
 * One saved world under one storage key, with its backups beside it (`<key>:backup:1..3`) and
 * the time of its last save (`<key>:saved-at`, small, so that "is it newer?" reads no world).
 */
export class SavedSlot {
  /** Set when an unreadable save could not be copied away: saving would destroy it. */
  held = false;

  constructor(
    readonly key: string,
    private readonly storage: SlotStorage | null = localStore(),
  ) {}

  get available(): boolean {
    return this.storage !== null;
  }

  read(): string | null {
    try {
      return this.storage?.getItem(this.key) ?? null;
    } catch {
      return null;
    }
  }

  /** When the world under this key was last saved (by any tab), or null. */
  savedAt(): number | null {
    try {
      const t = Number(this.storage?.getItem(`${this.key}:saved-at`) ?? NaN);
      return Number.isFinite(t) ? t : null;
    } catch {
      return null;
    }
  }

  /** Saves `world`; null when saved, otherwise why not (nothing under the key changed then). */
  write(world: World, now = Date.now()): SaveFailure | null {
    if (savingHalted() || this.held) return null;
    if (!this.storage) return 'blocked';
    try {
      this.storage.setItem(this.key, encodeSaved(snapshotWorld(world), now));
      this.storage.setItem(`${this.key}:saved-at`, String(now));
      return null;
    } catch (e) {
      return failureOf(e);
    }
  }

  /** Loads what is saved: empty, a world body, or why it is unusable. */
  load(): LoadResult & { text: string | null } {
    const text = this.read();
    return { ...decodeSaved(text), text };
  }

  backups(): BackupInfo[] {
    const out: BackupInfo[] = [];
    for (let i = 1; i <= BACKUP_SLOTS; i++) {
      const key = `${this.key}:backup:${i}`;
      try {
        const raw = this.storage?.getItem(key);
        if (!raw) continue;
        const b = JSON.parse(raw) as Omit<BackupInfo, 'key' | 'size'> & { text: string };
        if (typeof b.keptAt === 'number' && typeof b.text === 'string')
          out.push({
            key,
            keptAt: b.keptAt,
            reason: b.reason,
            problem: b.problem,
            size: b.text.length,
          });
      } catch {
        // a damaged backup slot is reused by the next backup
      }
    }
    return out.sort((a, b) => b.keptAt - a.keptAt);
  }

  /** The data a backup holds (to download). */
  backupText(key: string): string | null {
    try {
      const raw = this.storage?.getItem(key);
      return raw ? (JSON.parse(raw) as { text: string }).text : null;
    } catch {
      return null;
    }
  }

  /**
   * Copies `text` into the free or the oldest backup slot. 'kept' only when the copy is really
   * there; 'no-room' when the storage is full (the oldest slot is left as it was).
   */
  keepBackup(
    text: string,
    reason: BackupInfo['reason'],
    problem?: InputProblem,
    now = Date.now(),
  ): 'kept' | 'no-room' | 'blocked' {
    if (!this.storage) return 'blocked';
    const used = new Map(this.backups().map((b) => [b.key, b.keptAt]));
    let slot = `${this.key}:backup:1`;
    let oldest = Infinity;
    for (let i = 1; i <= BACKUP_SLOTS; i++) {
      const key = `${this.key}:backup:${i}`;
      const at = used.get(key);
      if (at === undefined) {
        slot = key;
        break;
      }
      if (at < oldest) [slot, oldest] = [key, at];
    }
    try {
      this.storage.setItem(slot, JSON.stringify({ keptAt: now, reason, problem, text }));
      return this.storage.getItem(slot) === null ? 'no-room' : 'kept';
    } catch (e) {
      return failureOf(e) === 'quota' ? 'no-room' : 'blocked';
    }
  }

  /** Forgets the world under this key (a backup is the caller's business). */
  clear(): void {
    try {
      this.storage?.removeItem(this.key);
      this.storage?.removeItem(`${this.key}:saved-at`);
    } catch {
      // blocked storage holds nothing to clear
    }
  }
}

/** What loading found, for the page to say: nothing to say, or why the world is a fresh one. */
export type LoadReport =
  | { kind: 'ok' }
  | { kind: 'unavailable' }
  | {
      kind: 'unreadable';
      problem: InputProblem;
      backup: 'kept' | 'no-room' | 'blocked';
      /** The unreadable text, when no copy could be kept (for the reader to download). */
      text?: string;
    };

/**
 * Loads the world saved under `slot`, or makes a fresh one (keeping an unreadable save aside:
 * when no copy fits, the slot is held, so the fresh world does not overwrite it).
 */
export function loadWorld(
  slot: SavedSlot,
  transport: WorldOptions['transport'],
  realNow?: () => number,
): { world: World; report: LoadReport } {
  const newWorld = () => new World({ clock: new VirtualClock(realNow), transport });
  if (!slot.available) return { world: newWorld(), report: { kind: 'unavailable' } };
  const loaded = slot.load();
  if (loaded.status === 'empty') return { world: newWorld(), report: { kind: 'ok' } };
  if (loaded.status === 'ok') {
    try {
      return { world: restoreWorld(loaded.world, { transport, realNow }), report: { kind: 'ok' } };
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      return fresh({ path: 'world', key: 'input.restoreFailed', values: { error: message } });
    }
  }
  return fresh(loaded.problem);

  function fresh(problem: InputProblem): { world: World; report: LoadReport } {
    const text = loaded.text ?? '';
    const backup = slot.keepBackup(text, 'unreadable', problem);
    if (backup !== 'kept') slot.held = true;
    return {
      world: newWorld(),
      report: { kind: 'unreadable', problem, backup, text: backup === 'kept' ? undefined : text },
    };
  }
}

/**
 * A lesson's saved world, or null when there is none; one that cannot be read is copied to a
 * backup slot (the lesson starts again from its start) and a notice says so.
 */
export function readLessonWorld(
  slot: SavedSlot,
  notices: Notice[],
  transport: WorldOptions['transport'],
  realNow?: () => number,
): World | null {
  const loaded = slot.load();
  if (loaded.status === 'empty') return null;
  let problem: InputProblem | null = loaded.status === 'invalid' ? loaded.problem : null;
  if (loaded.status === 'ok') {
    try {
      return restoreWorld(loaded.world, { transport, realNow });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      problem = { path: 'world', key: 'input.restoreFailed', values: { error: message } };
    }
  }
  if (problem !== null) {
    if (slot.keepBackup(loaded.text ?? '', 'unreadable', problem) !== 'kept') slot.held = true;
    notices.push({
      id: `lesson-invalid:${slot.key}`,
      key: 'notice.lessonWorldInvalid',
      values: { reason: problem.path },
      tone: 'warning',
      problem,
    });
  }
  return null;
}

/** The latest save under any of the playground's keys (its own, every lesson's), or 0. */
export function latestSave(storage: Storage | null = localStore() as Storage | null): number {
  let latest = 0;
  for (const key of savedKeys(storage)) {
    if (!key.endsWith(':saved-at')) continue;
    const t = Number(storage?.getItem(key));
    if (Number.isFinite(t) && t > latest) latest = t;
  }
  return latest;
}

/** Every key this playground has in storage (its world, lesson worlds, backups, save times). */
export function savedKeys(storage: Storage | null = localStore() as Storage | null): string[] {
  const keys: string[] = [];
  try {
    for (let i = 0; storage && i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(STORAGE_KEY)) keys.push(key);
    }
  } catch {
    // blocked storage: nothing saved
  }
  return keys;
}

export interface AutosaveOptions {
  /** False while another tab owns the saved state. */
  canSave: () => boolean;
  /** A save failed (why), or succeeded again after failing (null). */
  onStatus: (failure: SaveFailure | null) => void;
  /** After each successful save (the time written). */
  onSaved?: (at: number) => void;
}

/** Saves the world under `slot` a moment after it changes, and at once when the page is hidden. */
export function autosave(world: World, slot: SavedSlot, options: AutosaveOptions): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let failing: SaveFailure | null = null;
  // Nothing changed since the last save (or the load): leaving the page writes nothing, so a
  // multi-megabyte world is not serialised again for nothing.
  let dirty = false;
  const save = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (!dirty || !options.canSave() || savingHalted() || slot.held) return;
    const now = Date.now();
    const failure = slot.write(world, now);
    if (failure !== failing) options.onStatus(failure);
    failing = failure;
    if (failure === null) {
      dirty = false;
      options.onSaved?.(now);
    }
  };
  const unsubscribe = world.subscribe(() => {
    dirty = true;
    timer ??= setTimeout(save, 800);
  });
  const onHide = () => {
    if (document.visibilityState === 'hidden') save();
  };
  document.addEventListener('visibilitychange', onHide);
  window.addEventListener('pagehide', save);
  return () => {
    unsubscribe();
    // Saving stops when the screen moves to another world: a change still waiting is saved.
    if (timer !== null) save();
    document.removeEventListener('visibilitychange', onHide);
    window.removeEventListener('pagehide', save);
  };
}

export type Ownership = 'owner' | 'other-tab' | 'taken-over' | 'unknown';

/**
 * One tab at a time owns the saved state, every key of it (one Web Lock for the page). A second
 * tab is told, and may take over; the first is then told it no longer saves. Without Web Locks,
 * every tab saves (last one wins).
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
