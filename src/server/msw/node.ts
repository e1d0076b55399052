/** The Django site served through msw/node, for the replay CLI and the tests. */
import { setupServer } from 'msw/node';
import type { DjangoServer } from '../server';
import { createHandlers } from './handlers';

export function listenInNode(getServer: () => DjangoServer) {
  const server = setupServer(...createHandlers(getServer));
  // Anything else would be a real network request: refuse it loudly.
  server.listen({ onUnhandledRequest: 'error' });
  return server;
}
