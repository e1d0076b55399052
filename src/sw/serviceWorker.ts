/**
 * The playground's one service worker (dist/sw.js, built by scripts/build/serviceWorker.ts). One
 * scope, two jobs:
 *  1. The app itself, offline: every file of the build (both languages' lessons, the fonts, the
 *     mock server's code) is precached when the worker installs, and answered from that cache;
 *     a page load gets the cached index.html. Workbox's precaching does the caching, the
 *     revision bookkeeping and the clean-up of files an older version had.
 *  2. The mocked Django site: MSW's own worker (mockServiceWorker.js, as `msw init` wrote it) is
 *     imported after the precache's fetch listener, so it sees every request the precache does
 *     not answer: the simulated browsers' requests under `__django__/`.
 * Two habits of MSW's worker are left out, because they would break the offline copy:
 *  - it activates a new version at once (skipWaiting on install): here a new version waits for
 *    the page's go-ahead ("A new version is ready: reload"), so an open page never runs half old
 *    and half new;
 *  - it unregisters itself when its last tab closes: the offline copy must outlive the tab.
 */
import { PrecacheController, PrecacheRoute } from 'workbox-precaching';
import { Router } from 'workbox-routing';

declare const self: ServiceWorkerGlobalScope;
/** What workbox-window's messageSkipWaiting() sends when the reader asks for the new version. */
const SKIP_WAITING = 'SKIP_WAITING';
/** The build's files and their revisions, written in by the build. */
declare const __PRECACHE_MANIFEST__: { url: string; revision: string | null }[];

const precache = new PrecacheController();
precache.addToCacheList(__PRECACHE_MANIFEST__);

const router = new Router();
router.registerRoute(
  new PrecacheRoute(precache, {
    // `?lang=bn`, `?instructor=1` and a lesson link's settings are read by the page: the file is
    // the same.
    ignoreURLParametersMatching: [/.*/],
    directoryIndex: 'index.html',
    cleanURLs: false,
  }),
);

self.addEventListener('install', (event) => {
  void precache.install(event);
  // Taking over from MSW's bare worker (a deployment from before the offline copy): it held no
  // app files to protect, so this version need not wait. The page reloads once into it.
  if (self.registration.active?.scriptURL.endsWith('/mockServiceWorker.js'))
    void self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  void precache.activate(event);
  // The first version takes the page that installed it at once, so a first visit is offline-
  // ready (and MSW serves it) without a reload. Later versions get here only when asked.
  event.waitUntil(self.clients.claim());
});

// Registered before MSW's, so the precache answers first; what it answers, MSW never sees.
self.addEventListener('fetch', (event) => {
  const response = router.handleRequest({ request: event.request, event });
  if (!response) return;
  event.stopImmediatePropagation();
  event.respondWith(response);
});

self.addEventListener('message', (event) => {
  if ((event.data as { type?: unknown } | null)?.type === SKIP_WAITING) void self.skipWaiting();
});

importMockServiceWorker();

function importMockServiceWorker(): void {
  const scope = self as unknown as { addEventListener: typeof self.addEventListener };
  const own = self.addEventListener;
  // MSW's worker calls the global addEventListener: its install (skipWaiting) and activate
  // (claim) listeners are dropped, this worker has its own; its message and fetch listeners are
  // kept as they are.
  scope.addEventListener = ((type: string, listener: EventListener, options?: boolean) => {
    if (type !== 'install' && type !== 'activate') own.call(self, type, listener, options);
  }) as typeof self.addEventListener;
  try {
    importScripts('mockServiceWorker.js');
  } finally {
    delete (scope as { addEventListener?: unknown }).addEventListener;
  }
  // MSW unregisters its worker when the last page using it closes (it is a development tool);
  // this registration also holds the offline copy, so it stays.
  Object.defineProperty(self.registration, 'unregister', {
    value: () => Promise.resolve(false),
  });
}
