/** The Django site served through msw/node, for the replay CLI and the tests. */
import { setupServer } from 'msw/node';
import { createHandlers } from './handlers';
// In Node the console's Python loads with the server: no request waits for it.
import '../console/installed';
import type { SiteLookup } from './protocol';

export function listenInNode(getServer: SiteLookup) {
  const server = setupServer(...createHandlers(getServer));
  // Anything else would be a real network request: refuse it loudly.
  server.listen({ onUnhandledRequest: 'error' });
  return server;
}
