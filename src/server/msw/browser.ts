/** The Django site served by MSW's service worker in the page (loaded only when needed). */
import { setupWorker } from 'msw/browser';
import { createHandlers } from './handlers';
import type { SiteLookup } from './protocol';

export async function startWorker(getServer: SiteLookup, baseUrl: string): Promise<void> {
  const worker = setupWorker(...createHandlers(getServer));
  await worker.start({
    serviceWorker: { url: `${baseUrl}mockServiceWorker.js`, options: { scope: baseUrl } },
    // The page's own files (scripts, fonts) pass through untouched and unlogged.
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
}
