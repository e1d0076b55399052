/**
 * The one MSW handlers module, used by the browser's service worker (setupWorker) and by Node
 * (setupServer): every request under `__django__/` is handed to the Django site, through the
 * same function the in-page fallback calls (protocol.ts).
 */
import { http } from 'msw';
import { djangoPath, serveWire, type SiteLookup } from './protocol';

export function createHandlers(getServer: SiteLookup) {
  return [
    // A predicate, not a path pattern: MSW's patterns percent-decode the URL and throw on what
    // is not UTF-8 (`/myapp/%ff/`), which Django answers (a 404) like any other path.
    http.all(
      ({ request }) => djangoPath(new URL(request.url)) !== null,
      ({ request }) => serveWire(getServer, request),
    ),
  ];
}
