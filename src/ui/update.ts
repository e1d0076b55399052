/**
 * The offline copy and new versions, page side. Once the first screen is up, the service worker
 * (dist/sw.js: every file of the app precached, plus MSW's mock server) is registered. The
 * reader is told once when the playground has been kept for offline use. When a newer version
 * has installed in the background, "A new version of the playground is ready" offers Reload,
 * which hands over to the new worker before reloading, so the page that comes back is wholly the
 * new version: never new HTML with old scripts, nor the reverse.
 */
import type { Notice } from './components/Notices';

/** The service worker's file, beside index.html (scripts/build/serviceWorker.ts writes it). */
export const WORKER_FILE = 'sw.js';
/**
 * The worker and the script it imports (MSW's) are always asked of the server when the browser
 * looks for a new version, whatever a host's caching headers say (GitHub Pages caches for 10
 * minutes): a new sw.js never runs with the previous mockServiceWorker.js. src/server/msw/
 * browser.ts registers with the same options.
 */
const REGISTRATION: RegistrationOptions = { updateViaCache: 'none' };
/** A classroom tab may stay open all day: look for a new deployment every hour as well. */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

export interface OfflineOptions {
  notices: Notice[];
  /** Called after a notice was added, to show it. */
  changed: () => void;
}

let started = false;

export function keepOffline({ notices, changed }: OfflineOptions): void {
  if (started) return;
  started = true;
  const show = (notice: Notice) => {
    if (notices.some((n) => n.id === notice.id)) return;
    notices.push(notice);
    changed();
  };
  // A file of this version is gone from the server: a new version was deployed while this page,
  // not (yet) kept offline, was open. Reloading brings the new version whole.
  window.addEventListener('vite:preloadError', () => show(updateNotice(() => location.reload())));
  if (!import.meta.env.PROD) return;
  // On file://, in private windows and on insecure addresses there is no service worker: the
  // engine says so when it chooses the in-page mock server.
  if (location.protocol === 'file:' || !('serviceWorker' in navigator) || !window.isSecureContext)
    return;
  void register(show).catch((e: unknown) => {
    // The playground still runs from the network; the engine reports a worker that fails to
    // start when it needs the mock server.
    console.warn('The offline copy could not be set up:', e);
  });
}

/** "A new version of the playground is ready", with Reload doing `reload`. */
function updateNotice(reload: () => void): Notice {
  return {
    id: 'offline-update',
    key: 'offline.updateReady',
    tone: 'info',
    toast: true,
    actions: [{ label: 'offline.reload', run: reload }],
  };
}

async function register(show: (n: Notice) => void): Promise<void> {
  const base = import.meta.env.BASE_URL;
  const sw = navigator.serviceWorker;
  const { Workbox } = await import('workbox-window');
  const wb = new Workbox(`${base}${WORKER_FILE}`, { ...REGISTRATION, scope: base });

  let reloading = false;
  const reload = () => {
    if (reloading) return;
    reloading = true;
    location.reload();
  };
  // A page that was already served by a worker and gets another one: a new version took over
  // (from this tab's Reload, or another tab's). Files of the old version may be gone from the
  // cache, so the page reloads rather than run half old.
  let controlled = Boolean(sw.controller);
  sw.addEventListener('controllerchange', () => {
    if (controlled) reload();
    controlled = true;
  });

  wb.addEventListener('waiting', () =>
    show(
      updateNotice(() => {
        sw.addEventListener('controllerchange', reload);
        wb.messageSkipWaiting();
        // Another tab may have taken the new version already: then nothing is waiting.
        setTimeout(reload, 3000);
      }),
    ),
  );

  const firstInstall = !(await sw.getRegistration(base))?.active;
  await wb.register();
  setInterval(() => void wb.update(), UPDATE_CHECK_MS);
  if (firstInstall) {
    await sw.ready; // every file is in the cache once the worker is active
    show({
      id: 'offline-ready',
      key: 'offline.ready',
      tone: 'info',
      toast: true,
      fadesAfter: 15_000,
    });
  }
}
