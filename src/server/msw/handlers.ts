/**
 * The one MSW handlers module, used by the browser's service worker (setupWorker) and by Node
 * (setupServer): every request under `__django__/` is handed to the Django site.
 */
import { http, HttpResponse } from 'msw';
import {
  asciiJson,
  COOKIE_HEADER,
  djangoPath,
  EXCHANGE_HEADER,
  SITE_HEADER,
  type ExchangeExtras,
  type SiteLookup,
} from './protocol';

export function createHandlers(getServer: SiteLookup) {
  return [
    http.all(`*/__django__/*`, async ({ request }) => {
      const url = new URL(request.url);
      const path = djangoPath(url) as string;
      const headers: Record<string, string> = {};
      const cookie = request.headers.get(COOKIE_HEADER);
      if (cookie) headers.Cookie = cookie;
      const contentType = request.headers.get('content-type');
      if (contentType) headers['Content-Type'] = contentType;
      const body =
        request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text();
      const exchange = getServer(request.headers.get(SITE_HEADER)).handle({
        method: request.method,
        path: decodeURIComponent(path),
        query: url.search.slice(1),
        headers,
        body,
        secure: url.protocol === 'https:',
      });
      const { body: content, contentType: _type, ...rest } = exchange;
      const extras: ExchangeExtras = rest;
      const responseHeaders = new Headers(exchange.headers);
      responseHeaders.set(EXCHANGE_HEADER, asciiJson(extras));
      // Always 200: the simulated status is in the exchange header (see protocol.ts).
      return new HttpResponse(content, { status: 200, headers: responseHeaders });
    }),
  ];
}
