/**
 * Everything the lesson text does not need, loaded after it has painted: the world (Django, the
 * browsers), the transport (MSW), saving, tab ownership, the lesson runner, and the parts of the
 * screen that show them. One Engine lives for the page; an imported file swaps its world.
 */
import { useTranslation } from 'react-i18next';
import i18next from 'i18next';
import { LazyTransport } from '../browser/lazyTransport';
import { FetchTransport, forSite, InPageTransport, type Transport } from '../browser/transport';
import type { LessonCatalog } from '../lessons/load';
import { isLang } from '../lessons/localized';
import type { LessonProgress } from '../lessons/progress';
import { LessonRunner } from '../lessons/runner';
import type { WorldKeeper } from '../lessons/worlds';
import type { DjangoServer } from '../server/server';
import { VirtualClock } from '../world/clock';
import { STORAGE_KEY } from '../world/persistence';
import { World, type WorldOptions } from '../world/world';
import {
  autosave,
  claimOwnership,
  latestSave,
  savedKeys,
  loadWorld,
  readLessonWorld,
  SavedSlot,
  type Ownership,
} from './bootstrap';
import { reportLoad, reportSave } from './savingNotices';
import { formatDateTime } from './format';
import type { Notice } from './components/Notices';
import { Narrator } from './components/Narrator';
import { Workbench } from './components/Workbench';
import { ExportImport } from './components/ExportImport';
import { useWorld } from './hooks/useWorld';

export interface EngineOptions {
  catalog: LessonCatalog;
  progress: LessonProgress;
  notices: Notice[];
  /** Something the shell shows changed (a notice, the transport, the world). */
  onChange: () => void;
  /** Tests bring their own transport (msw/node) and real time (a fake clock). */
  transport?: Transport;
  realNow?: () => number;
}

/** Where a lesson's world is saved: beside the student's own playground (STORAGE_KEY). */
export const lessonWorldKey = (slug: string) => `${STORAGE_KEY}:lesson:${slug}`;

/** The storage keys of every saved lesson world (not their backups or save times). */
function savedLessonWorldKeys(): string[] {
  const prefix = lessonWorldKey('');
  return savedKeys().filter((k) => k.startsWith(prefix) && !k.slice(prefix.length).includes(':'));
}

export class Engine {
  /** The student's own playground, or the open lesson's world: what the screen shows. */
  world: World;
  runner: LessonRunner;
  ownership: Ownership = 'unknown';
  readonly transport: Transport;
  /** Set when taking over finds newer work saved by another tab while this one has unsaved
   * changes: the page asks which to keep. */
  conflict: { savedAt: number } | null = null;
  /** The latest save this tab read or wrote (real epoch ms), and whether it changed since. */
  private lastSync = 0;
  private dirty = false;
  /** One slot per storage key (the playground's, each lesson's): backups and "held" live there. */
  private readonly slots = new Map<string, SavedSlot>();
  private stopSaving: () => void = () => {};
  private readonly listeners = new Set<() => void>();
  /** Each world's Django site, by the id its requests carry (see SITE_HEADER). */
  private readonly sites = new Map<string, () => DjangoServer>();
  private siteCount = 0;
  version = 0;

  constructor(private readonly options: EngineOptions) {
    const { notices, onChange } = options;
    // One transport for the page; each world's requests say which world's site answers.
    this.transport =
      options.transport ?? chooseTransport(this.siteLookup, notices, () => this.changed());
    const mine = this.slot(STORAGE_KEY);
    const { world: playground, report } = loadWorld(mine, this.transportFor, options.realNow);
    reportLoad(report, mine, notices, () => this.resumeSaving(mine));
    this.lastSync = latestSave();
    this.world = playground;
    this.runner = this.newRunner(playground);
    i18next.on('languageChanged', (l) => {
      if (isLang(l)) this.runner.setLang(l);
    });
    claimOwnership((o) => {
      this.ownership = o;
      this.startSaving();
      this.changed();
    });
    this.startSaving();
    this.subscribe(onChange);
    // Reaching for a browser or a panel starts the mock server, ahead of the first request.
    const warm = (e: Event) => {
      if (!(e.target instanceof Element) || !e.target.closest('.workbench')) return;
      if (this.transport instanceof LazyTransport) void this.transport.warm();
      window.removeEventListener('pointerdown', warm, true);
      window.removeEventListener('focusin', warm, true);
    };
    window.addEventListener('pointerdown', warm, true);
    window.addEventListener('focusin', warm, true);
  }

  /** Finds a world's site by the id its requests carry; none given: the world on screen. */
  readonly siteLookup = (site: string | null): DjangoServer =>
    (site !== null ? this.sites.get(site)?.() : undefined) ?? this.world.server;

  /** How a new world's browsers reach its own site (for World's `transport` option). */
  readonly transportFor: WorldOptions['transport'] = (getServer) => {
    const site = `w${++this.siteCount}`;
    this.sites.set(site, getServer);
    return forSite(this.transport, site);
  };

  private newRunner(playground: World): LessonRunner {
    const lang = isLang(i18next.language) ? i18next.language : 'en';
    const keeper: WorldKeeper = {
      fresh: () =>
        new World({ clock: new VirtualClock(this.options.realNow), transport: this.transportFor }),
      restore: (slug) =>
        readLessonWorld(
          this.slot(lessonWorldKey(slug)),
          this.options.notices,
          this.transportFor,
          this.options.realNow,
        ),
    };
    const runner = new LessonRunner(playground, keeper, [], this.options.progress, lang);
    // The runner moves between worlds (a lesson's, the playground): the screen and saving follow.
    runner.subscribe(() => {
      if (runner.world === this.world) return;
      this.world = runner.world;
      this.startSaving();
      this.changed();
    });
    return runner;
  }

  private startSaving(): void {
    this.stopSaving();
    const slug = this.world === this.runner.worlds.playground ? null : this.runner.lesson?.slug;
    const key = slug ? lessonWorldKey(slug) : STORAGE_KEY;
    const stopSaving = autosave(this.world, this.slot(key), {
      canSave: () => this.ownership === 'owner' || this.ownership === 'unknown',
      onStatus: (failure) => {
        reportSave(failure, this.options.notices);
        this.changed();
      },
      onSaved: (at) => {
        this.lastSync = at;
        this.dirty = false;
      },
    });
    const unwatch = this.world.subscribe(() => (this.dirty = true));
    this.stopSaving = () => (unwatch(), stopSaving());
  }

  private slot(key: string): SavedSlot {
    let slot = this.slots.get(key);
    if (!slot) this.slots.set(key, (slot = new SavedSlot(key)));
    return slot;
  }

  /** An unreadable save that could not be copied away was let go: saving starts. */
  private resumeSaving(slot: SavedSlot): void {
    slot.held = false;
    this.world.changed();
    this.changed();
  }

  /**
   * An imported world becomes the student's playground; an open lesson is closed (its own
   * world is not in the file), and the lesson worlds are forgotten, in memory and saved: the
   * file's progress replaces the student's, so no lesson resumes in a world from before it.
   * (Copies kept aside as backups stay: they are the student's to download.)
   */
  replaceWorld(world: World): void {
    this.runner.dispose();
    this.runner = this.newRunner(world);
    this.world = world;
    this.startSaving();
    // After startSaving: stopping the lesson's autosave writes what it still held.
    for (const key of savedLessonWorldKeys()) this.slot(key).clear();
    this.changed();
  }

  /**
   * Takes the saved state over from another tab, reading what that tab saved first: newer work
   * there is loaded (the page starts again from storage, every world and the lesson progress),
   * unless this tab has unsaved changes of its own: then the page asks which to keep.
   */
  takeOver(): void {
    claimOwnership((o) => {
      this.ownership = o;
      if (o === 'owner') {
        const at = latestSave();
        if (at > this.lastSync) {
          if (this.dirty) this.conflict = { savedAt: at };
          else this.keepSaved();
        }
      }
      this.changed();
    }, true);
  }

  /** The other tab's newer work wins: read again from storage (the lock is this tab's now). */
  keepSaved(): void {
    this.conflict = null;
    this.stopSaving();
    location.reload();
  }

  /** This tab's work wins: saved now, over the other tab's. */
  keepMine(): void {
    this.conflict = null;
    this.lastSync = Date.now();
    this.world.changed();
    this.changed();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    this.version++;
    for (const l of this.listeners) l();
  }
}

function chooseTransport(
  getServer: (site: string | null) => DjangoServer,
  notices: Notice[],
  changed: () => void,
): Transport {
  const base = import.meta.env.BASE_URL;
  const fallback = (key: string, values?: Record<string, string>) => {
    notices.push({ id: 'transport', key, values, tone: 'info' });
    changed();
    return new InPageTransport(getServer);
  };
  // Known at once where no service worker can run: chosen now, so the notice is on screen
  // before the first click instead of pushing the page down under it (a lost click).
  if (location.protocol === 'file:') return fallback('notice.fileProtocol');
  if (!('serviceWorker' in navigator) || !window.isSecureContext)
    return fallback('notice.noServiceWorker');
  const choose = async (): Promise<Transport> => {
    try {
      const { startWorker } = await import('../server/msw/browser');
      await startWorker(getServer, base);
      setTimeout(changed); // the footer says which transport serves the site
      return new FetchTransport(new URL(base, location.href).href);
    } catch (e) {
      return fallback('notice.serviceWorkerFailed', {
        reason: e instanceof Error ? e.message : String(e),
      });
    }
  };
  return new LazyTransport(choose);
}

export function startEngine(options: EngineOptions): Engine {
  return new Engine(options);
}

function Footer({ engine }: { engine: Engine }) {
  const { t } = useTranslation();
  const world = useWorld();
  return (
    <footer className="app-footer">
      <button type="button" onClick={() => world.restartServer()}>
        {t('server.restart')}
      </button>
      {engine.runner.lesson ? (
        <button
          type="button"
          onClick={() => {
            if (window.confirm(t('lesson.restartConfirm'))) void engine.runner.restart();
          }}
        >
          {t('lesson.restart')}
        </button>
      ) : (
        <button
          type="button"
          onClick={() => {
            if (window.confirm(t('server.resetConfirm'))) world.resetEverything();
          }}
        >
          {t('server.reset')}
        </button>
      )}
      <ExportImport
        onImport={(w) => {
          engine.replaceWorld(w);
          window.location.hash = '#/';
        }}
        transport={engine.transportFor}
      />
      <span className="transport">{t(`transport.${engine.transport.kind}`)}</span>
    </footer>
  );
}

function OwnershipGate({ engine }: { engine: Engine }) {
  const { t } = useTranslation();
  const o = engine.ownership;
  if (engine.conflict) return <ConflictDialog engine={engine} savedAt={engine.conflict.savedAt} />;
  if (o !== 'other-tab' && o !== 'taken-over') return null;
  return (
    <div className="overlay">
      <div
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="owner-title"
        aria-describedby="owner-text"
        className="dialog"
      >
        <h2 id="owner-title">{t('owner.title')}</h2>
        <p id="owner-text">{t(o === 'other-tab' ? 'owner.otherTab' : 'owner.takenOver')}</p>
        <button type="button" onClick={() => engine.takeOver()} autoFocus>
          {t('owner.takeOver')}
        </button>
      </div>
    </div>
  );
}

function ConflictDialog({ engine, savedAt }: { engine: Engine; savedAt: number }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="overlay">
      <div
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="conflict-title"
        aria-describedby="conflict-text"
        className="dialog"
      >
        <h2 id="conflict-title">{t('saving.conflict.title')}</h2>
        <p id="conflict-text">
          {t('saving.conflict.text', { time: formatDateTime(savedAt, i18n.language) })}
        </p>
        <button type="button" onClick={() => engine.keepSaved()} autoFocus>
          {t('saving.conflict.theirs')}
        </button>{' '}
        <button type="button" onClick={() => engine.keepMine()}>
          {t('saving.conflict.mine')}
        </button>
      </div>
    </div>
  );
}

export const parts = { Workbench, Footer, Narrator, OwnershipGate };
export type EngineParts = typeof parts;
