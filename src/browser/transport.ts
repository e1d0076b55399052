/**
 * How a simulated browser's request reaches the Django site: through fetch (answered by MSW's
 * service worker in the page, or msw/node in Node), or, where no service worker can run, by
 * handing the same HTTP request to the same function in the page. Both build the request and
 * read the answer with protocol.ts, so both give the same exchange.
 */
import type { Exchange } from '../server/server';
import {
  exchangeFromWire,
  serveWire,
  toWire,
  type SiteLookup,
  type WireRequest,
} from '../server/msw/protocol';

export type { WireRequest };

export interface Transport {
  /** 'pending': not chosen yet (see LazyTransport). */
  readonly kind: 'service-worker' | 'in-page' | 'node' | 'pending';
  send(request: WireRequest): Promise<Exchange>;
}

export class FetchTransport implements Transport {
  /** `base`: where this page lives, e.g. `https://host/django-sessions/` or `http://localhost/`. */
  constructor(
    private readonly base: string,
    readonly kind: 'service-worker' | 'node' = 'service-worker',
  ) {}

  async send(req: WireRequest): Promise<Exchange> {
    const response = await fetch(toWire(req, this.base));
    return exchangeFromWire(response, `${req.method} ${req.path}`);
  }
}

/** Every request of one world goes to that world's site, whichever world the page shows. */
export function forSite(inner: Transport, site: string): Transport {
  return {
    get kind() {
      return inner.kind;
    },
    send: (request) => inner.send({ ...request, site }),
  };
}

/** No service worker (file://, blocked): the pipeline runs in the page, with the same result. */
export class InPageTransport implements Transport {
  readonly kind = 'in-page' as const;

  constructor(
    private readonly getServer: SiteLookup,
    /** Never fetched: only the address the request is built against, as the page's would be. */
    private readonly base = 'http://localhost/',
  ) {}

  async send(req: WireRequest): Promise<Exchange> {
    const response = await serveWire(this.getServer, toWire(req, this.base));
    return exchangeFromWire(response, `${req.method} ${req.path}`);
  }
}
