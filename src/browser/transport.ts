/**
 * How a simulated browser's request reaches the Django site: through fetch (answered by MSW's
 * service worker in the page, or msw/node in Node), or, where no service worker can run, by
 * calling the same pipeline in the page directly.
 */
import type { Exchange } from '../server/server';
import {
  COOKIE_HEADER,
  DJANGO_SEGMENT,
  EXCHANGE_HEADER,
  SITE_HEADER,
  type ExchangeExtras,
  type SiteLookup,
} from '../server/msw/protocol';

export interface WireRequest {
  method: string;
  /** The path with its query string: `/myapp/login/?next=/`. */
  path: string;
  /** The Cookie header the browser sends ('' for none). */
  cookie: string;
  contentType?: string;
  body?: string;
  secure?: boolean;
  /** Which world's site answers (see SITE_HEADER); absent: the page's current one. */
  site?: string;
}

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
    const url = new URL(`.${DJANGO_SEGMENT}${req.path}`, this.base);
    const headers: Record<string, string> = {};
    if (req.cookie) headers[COOKIE_HEADER] = req.cookie;
    if (req.contentType) headers['content-type'] = req.contentType;
    if (req.site) headers[SITE_HEADER] = req.site;
    const response = await fetch(url, {
      method: req.method,
      headers,
      body: req.body || undefined,
      cache: 'no-store',
    });
    const extrasHeader = response.headers.get(EXCHANGE_HEADER);
    if (extrasHeader === null) {
      throw new Error(
        `The mock server did not answer ${req.method} ${req.path} (HTTP ${response.status} from the network).`,
      );
    }
    const extras = JSON.parse(extrasHeader) as ExchangeExtras;
    return {
      ...extras,
      body: await response.text(),
      contentType: response.headers.get('content-type') ?? '',
    };
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

  constructor(private readonly getServer: SiteLookup) {}

  async send(req: WireRequest): Promise<Exchange> {
    const q = req.path.indexOf('?');
    const headers: Record<string, string> = {};
    if (req.cookie) headers.Cookie = req.cookie;
    if (req.contentType) headers['Content-Type'] = req.contentType;
    return this.getServer(req.site ?? null).handle({
      method: req.method,
      path: q < 0 ? req.path : req.path.slice(0, q),
      query: q < 0 ? '' : req.path.slice(q + 1),
      headers,
      body: req.body ?? '',
      secure: req.secure,
    });
  }
}
