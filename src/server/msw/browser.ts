/**
 * The Django site served by MSW in the page's service worker (loaded only when needed). In a
 * production build that worker is sw.js, which also holds the offline copy of the app and imports
 * MSW's own worker (src/sw/serviceWorker.ts); the dev server has no such build, so there MSW's
 * worker is registered as it is.
 */
import { setupWorker } from 'msw/browser';
import { createHandlers } from './handlers';
import type { SiteLookup } from './protocol';

/** In a build: src/ui/update.ts registers the same file once the page has loaded. */
const WORKER_FILE = import.meta.env.PROD ? 'sw.js' : 'mockServiceWorker.js';

export async function startWorker(getServer: SiteLookup, baseUrl: string): Promise<void> {
  window.addEventListener('unhandledrejection', ignoreFailedUpdateCheck);
  const url = `${baseUrl}${WORKER_FILE}`;
  // As src/ui/update.ts registers it (which this layer may not import): the same options, or
  // each registration would count as a change and look for a new version.
  const options: RegistrationOptions = { scope: baseUrl, updateViaCache: 'none' };
  await firstInstall(await navigator.serviceWorker.register(url, options));
  const worker = setupWorker(...createHandlers(getServer));
  await worker.start({
    serviceWorker: { url, options },
    // The page's own files (scripts, fonts) pass through untouched and unlogged.
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
}

/**
 * MSW asks the browser to look for a newer worker each time it starts, without waiting for the
 * answer. With no network that look-up fails, harmlessly: the offline copy serves on, and the
 * browser looks again on the next visit. It is no error of the page's.
 */
function ignoreFailedUpdateCheck(event: PromiseRejectionEvent): void {
  const reason: unknown = event.reason;
  const message = reason instanceof Error ? reason.message : String(reason);
  if (message.startsWith('Failed to update a ServiceWorker')) event.preventDefault();
}

/**
 * On a first visit the worker may still be installing (fetching every file for the offline
 * copy) when the first simulated request comes. MSW, finding it registered but not yet serving
 * the page, would reload the page: wait until it takes the page over (as soon as it is active),
 * or say why it never will.
 */
function firstInstall(registration: ServiceWorkerRegistration): Promise<void> {
  const sw = navigator.serviceWorker;
  const installing = registration.installing ?? registration.waiting;
  if (sw.controller || registration.active || !installing) return Promise.resolve();
  return new Promise((resolve, reject) => {
    sw.addEventListener('controllerchange', () => resolve(), { once: true });
    installing.addEventListener('statechange', () => {
      if (installing.state === 'redundant')
        reject(new Error('the service worker could not install: a file of the site is missing'));
    });
  });
}
