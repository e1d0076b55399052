/**
 * Everything the lesson text does not need, loaded after it has painted: the world (Django, the
 * browsers), the transport (MSW), saving, tab ownership, the lesson runner, and the parts of the
 * screen that show them. One Engine lives for the page; an imported file swaps its world.
 */
import { useTranslation } from 'react-i18next';
import i18next from 'i18next';
import { LazyTransport } from '../browser/lazyTransport';
import { FetchTransport, InPageTransport, type Transport } from '../browser/transport';
import type { LessonCatalog } from '../lessons/load';
import { isLang } from '../lessons/localized';
import type { LessonProgress } from '../lessons/progress';
import { LessonRunner } from '../lessons/runner';
import type { World } from '../world/world';
import { autosave, claimOwnership, loadWorld, type Ownership } from './bootstrap';
import type { Notice } from './components/Notices';
import { ClockControls } from './components/ClockControls';
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
  /** Tests bring their own transport and world (msw/node, a fake clock). */
  transport?: Transport;
  world?: (transport: Transport) => World;
}

export class Engine {
  world: World;
  runner: LessonRunner;
  ownership: Ownership = 'unknown';
  readonly transport: Transport;
  private stopSaving: () => void = () => {};
  private readonly listeners = new Set<() => void>();
  version = 0;

  constructor(private readonly options: EngineOptions) {
    const { notices, onChange } = options;
    // One transport for the page; it reaches whichever world is current.
    this.transport =
      options.transport ??
      chooseTransport(
        () => this.world.server,
        notices,
        () => this.changed(),
      );
    this.world = options.world
      ? options.world(this.transport)
      : loadWorld(notices, () => this.transport);
    this.runner = this.newRunner();
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

  private newRunner(): LessonRunner {
    const lang = isLang(i18next.language) ? i18next.language : 'en';
    return new LessonRunner(this.world, [], this.options.progress, lang);
  }

  private startSaving(): void {
    this.stopSaving();
    this.stopSaving = autosave(
      this.world,
      () => this.ownership === 'owner' || this.ownership === 'unknown',
      () => {
        this.options.notices.push({ id: 'save-failed', key: 'notice.saveFailed', tone: 'warning' });
        this.changed();
      },
    );
  }

  /** An imported world replaces the current one; the lesson runner starts over on it. */
  replaceWorld(world: World): void {
    this.runner.dispose();
    this.world = world;
    this.runner = this.newRunner();
    this.startSaving();
    this.changed();
  }

  takeOver(): void {
    claimOwnership((o) => {
      this.ownership = o;
      this.changed();
    }, true);
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
  getServer: () => import('../server/server').DjangoServer,
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
      <button
        type="button"
        onClick={() => {
          if (window.confirm(t('server.resetConfirm'))) world.resetEverything();
        }}
      >
        {t('server.reset')}
      </button>
      <ExportImport onImport={(w) => engine.replaceWorld(w)} transport={() => engine.transport} />
      <span className="transport">{t(`transport.${engine.transport.kind}`)}</span>
    </footer>
  );
}

function OwnershipGate({ engine }: { engine: Engine }) {
  const { t } = useTranslation();
  const o = engine.ownership;
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

export const parts = { ClockControls, Workbench, Footer, Narrator, OwnershipGate };
export type EngineParts = typeof parts;
