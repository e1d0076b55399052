/** The Django site served by MSW's service worker in the page (loaded only when needed). */
import { setupWorker } from 'msw/browser';
import type { DjangoServer } from '../server';
import { createHandlers } from './handlers';

export async function startWorker(getServer: () => DjangoServer, baseUrl: string): Promise<void> {
  const worker = setupWorker(...createHandlers(getServer));
  await worker.start({
    serviceWorker: { url: `${baseUrl}mockServiceWorker.js`, options: { scope: baseUrl } },
    // The page's own files (scripts, fonts) pass through untouched and unlogged.
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
}
