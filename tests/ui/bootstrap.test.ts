// @vitest-environment jsdom
/**
 * Saving that cannot lose work (issue 14, item 2): backups that really exist or say they don't,
 * three rotating dated slots, quota failures reported, a halted page never saving, and slots
 * under any storage key (the student's playground, a lesson's world).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InPageTransport } from '../../src/browser/transport';
import { autosave, BACKUP_SLOTS, loadWorld, SavedSlot } from '../../src/ui/bootstrap';
import { reportLoad, reportSave } from '../../src/ui/savingNotices';
import type { Notice } from '../../src/ui/components/Notices';
import { decodeSaved, encodeSaved } from '../../src/world/persistence';
import { snapshotWorld } from '../../src/world/snapshot';
import { World } from '../../src/world/world';
import { VirtualClock } from '../../src/world/clock';

const transport = () =>
  new InPageTransport(() => {
    throw new Error('no requests here');
  });

/** localStorage with a quota (in characters, as browsers roughly count). */
function storage(quota = Infinity) {
  const map = new Map<string, string>();
  const size = () => [...map].reduce((n, [k, v]) => n + k.length + v.length, 0);
  return {
    map,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => {
      const before = map.get(k);
      map.set(k, v);
      if (size() > quota) {
        if (before === undefined) map.delete(k);
        else map.set(k, before);
        throw new DOMException('full', 'QuotaExceededError');
      }
    },
    removeItem: (k: string) => void map.delete(k),
  };
}

const KEY = 'django-session-playground:world';
const newWorld = () =>
  new World({ clock: new VirtualClock(() => Date.UTC(2026, 0, 1)), transport });

afterEach(() => vi.useRealTimers());

describe('an unreadable save', () => {
  it('is copied to a dated backup slot before anything is saved over it', () => {
    const s = storage();
    s.setItem(KEY, '{"schema":"django-session-playground/world","version":1,"world":{}}');
    const slot = new SavedSlot(KEY, s);
    const { report } = loadWorld(slot, transport);
    expect(report).toMatchObject({ kind: 'unreadable', backup: 'kept' });
    expect(slot.held).toBe(false);
    const [b] = slot.backups();
    expect(b).toMatchObject({ reason: 'unreadable', problem: { path: 'world.clock' } });
    expect(slot.backupText(b?.key as string)).toBe(s.getItem(KEY));
  });

  it('rotates through three slots, replacing the oldest', () => {
    const slot = new SavedSlot(KEY, storage());
    for (let i = 1; i <= BACKUP_SLOTS + 2; i++)
      expect(slot.keepBackup(`bad ${i}`, 'unreadable', undefined, i * 1000)).toBe('kept');
    const kept = slot.backups();
    expect(kept.map((b) => b.keptAt)).toEqual([5000, 4000, 3000]);
    expect(kept.map((b) => slot.backupText(b.key))).toEqual(['bad 5', 'bad 4', 'bad 3']);
  });

  it('when no copy fits: says so, keeps the data, and saves nothing over it until let go', () => {
    const bad = '{' + 'x'.repeat(3_000_000);
    const s = storage(bad.length + KEY.length + 1000);
    s.setItem(KEY, bad);
    const slot = new SavedSlot(KEY, s);
    const { world, report } = loadWorld(slot, transport);
    expect(report).toMatchObject({ kind: 'unreadable', backup: 'no-room', text: bad });
    expect(slot.held).toBe(true);
    // The first autosave would have overwritten it: it does not.
    expect(slot.write(world)).toBeNull();
    expect(s.getItem(KEY)).toBe(bad);
    const notices: Notice[] = [];
    let resumed = false;
    reportLoad(report, slot, notices, () => (resumed = true));
    expect(notices[0]).toMatchObject({ key: 'saving.unreadableNotKept', tone: 'warning' });
    expect(notices[0]?.actions?.map((a) => a.label)).toEqual([
      'saving.downloadUnreadable',
      'saving.letGo',
    ]);
    notices[0]?.actions?.[1]?.run();
    expect(resumed).toBe(true);
  });
});

describe('saving', () => {
  it('reports a full storage once, and its recovery', () => {
    vi.useFakeTimers();
    const s = storage(200);
    const slot = new SavedSlot(KEY, s);
    const world = newWorld();
    const statuses: (string | null)[] = [];
    const stop = autosave(world, slot, { canSave: () => true, onStatus: (f) => statuses.push(f) });
    world.changed();
    vi.advanceTimersByTime(1000);
    world.changed();
    vi.advanceTimersByTime(1000);
    expect(statuses).toEqual(['quota']);
    const notices: Notice[] = [];
    reportSave('quota', notices);
    expect(notices).toMatchObject([{ key: 'saving.quota' }]);
    reportSave(null, notices);
    expect(notices).toEqual([]);
    stop();
  });

  it('leaving the page writes only what changed since the last save', () => {
    vi.useFakeTimers();
    const s = storage();
    const writes = vi.spyOn(s, 'setItem');
    const world = newWorld();
    const stop = autosave(world, new SavedSlot(KEY, s), {
      canSave: () => true,
      onStatus: () => {},
    });
    window.dispatchEvent(new Event('pagehide'));
    expect(writes).not.toHaveBeenCalled(); // just loaded: nothing new to keep
    world.changed();
    window.dispatchEvent(new Event('pagehide'));
    expect(writes.mock.calls.filter(([k]) => k === KEY)).toHaveLength(1);
    vi.advanceTimersByTime(1000);
    window.dispatchEvent(new Event('pagehide'));
    expect(writes.mock.calls.filter(([k]) => k === KEY)).toHaveLength(1);
    stop();
    vi.useRealTimers();
  });

  it('saves under any key, and says when it was saved', () => {
    const s = storage();
    const lesson = new SavedSlot('django-session-playground:lesson:07-expiry', s);
    const mine = new SavedSlot(KEY, s);
    expect(lesson.write(newWorld(), 1234)).toBeNull();
    expect(lesson.savedAt()).toBe(1234);
    expect(mine.savedAt()).toBeNull();
    expect(decodeSaved(lesson.read()).status).toBe('ok');
  });

  it('round-trips a world through a slot', () => {
    const s = storage();
    const slot = new SavedSlot(KEY, s);
    const world = newWorld();
    world.addTab('Bob');
    slot.write(world);
    const { world: back, report } = loadWorld(slot, transport);
    expect(report).toEqual({ kind: 'ok' });
    expect(back.tabs.map((t) => t.name)).toEqual(['A', 'Bob']);
    expect(JSON.parse(encodeSaved(snapshotWorld(back), 0)).world.tabs).toHaveLength(2);
  });
});
