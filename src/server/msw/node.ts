/** The Django site served through msw/node, for the replay CLI and the tests. */
import { setupServer } from 'msw/node';
import { createHandlers } from './handlers';
import type { SiteLookup } from './protocol';

export function listenInNode(getServer: SiteLookup) {
  const server = setupServer(...createHandlers(getServer));
  // Anything else would be a real network request: refuse it loudly.
  server.listen({ onUnhandledRequest: 'error' });
  return server;
}
