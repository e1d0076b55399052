/**
 * How a simulated browser's request reaches the Django site, and how the answer comes back: the
 * one request path, shared by MSW's service worker (and msw/node) and by the in-page fallback.
 *
 * Real browsers forbid scripts to send `Cookie` or read `Set-Cookie`, and MSW would copy mocked
 * cookies into the page's real `document.cookie`. So the simulated browser's cookies travel in
 * the playground's own headers, and the real cookie jar is never touched:
 *
 *   GET <base>/__django__/myapp/connection/      x-playground-cookie: sessionid%3D...
 *   200 OK                                       x-playground-exchange: {"setCookies": [...], ...}
 *
 * Header values must be ISO-8859-1 (fetch refuses anything else), but a cookie jar can hold any
 * text: the Cookie header is carried as its UTF-8 bytes, percent-encoded, and the exchange as
 * JSON with every non-ASCII character escaped.
 */
import { get_path_info } from '../../django/core/handlers/wsgi';
import type { RequestInit as DjangoRequestInit } from '../../django/http/request';
import type { DjangoServer, Exchange } from '../server';

/** Requests under this path segment go to the Django site. */
export const DJANGO_SEGMENT = '/__django__';
export const COOKIE_HEADER = 'x-playground-cookie';
export const EXCHANGE_HEADER = 'x-playground-exchange';
/**
 * Which world's Django site answers (a page holds several worlds: the student's playground and
 * one per lesson). Absent: the page's current one.
 */
export const SITE_HEADER = 'x-playground-site';

/** Finds the Django site of a world by its SITE_HEADER (null: none given). */
export type SiteLookup = (site: string | null) => DjangoServer;

/** What a simulated browser sends. */
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

/**
 * What rides in the exchange header: everything but the body. Headers are repeated here because
 * fetch lower-cases header names, and the panels show them as Django wrote them. The status is
 * here too: the transport response itself is always 200, so that a simulated 404 or 500 is not
 * reported by the real browser as a failed load of the playground.
 */
export type ExchangeExtras = Omit<Exchange, 'body' | 'contentType'>;

/** JSON with every non-ASCII character escaped: header values must be ISO-8859-1. */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (ch) => '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0'),
  );
}

const UNRESERVED = /[A-Za-z0-9\-._~!$&'()*+,;=:@/]/;

/**
 * A header's text as its UTF-8 bytes (what a browser puts on the wire; a lone surrogate becomes
 * U+FFFD, as in any USVString), percent-encoded where the byte is not printable ASCII.
 */
export function encodeHeaderText(text: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(text)) {
    const ch = String.fromCharCode(byte);
    out +=
      byte < 0x80 && UNRESERVED.test(ch)
        ? ch
        : '%' + byte.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

/**
 * The header's bytes back, decoded as Django decodes `HTTP_COOKIE` (`get_str_from_wsgi`: UTF-8
 * with errors='replace'; a leading BOM is text, as Python keeps it).
 */
export function decodeHeaderText(encoded: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < encoded.length; i++) {
    const hex = encoded.slice(i + 1, i + 3);
    if (encoded[i] === '%' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(encoded.charCodeAt(i) & 0xff);
  }
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(Uint8Array.from(bytes));
}

/** The Django path of an intercepted URL: `/base/__django__/myapp/login/` -> `/myapp/login/`. */
export function djangoPath(url: URL): string | null {
  const at = url.pathname.indexOf(DJANGO_SEGMENT + '/');
  return at < 0 ? null : url.pathname.slice(at + DJANGO_SEGMENT.length);
}

/**
 * The HTTP request a simulated browser's request becomes, under `base` (where the page lives).
 * The path is resolved as a browser resolves it (dot segments, percent-encoding of what a URL
 * cannot hold) before it is put under `__django__/`.
 */
export function toWire(req: WireRequest, base: string): Request {
  const target = new URL(req.path, 'http://localhost');
  const url = new URL(`.${DJANGO_SEGMENT}${target.pathname}${target.search}`, base);
  const headers: Record<string, string> = {};
  if (req.cookie) headers[COOKIE_HEADER] = encodeHeaderText(req.cookie);
  if (req.contentType) headers['content-type'] = req.contentType;
  if (req.site) headers[SITE_HEADER] = encodeHeaderText(req.site);
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  return new Request(url, {
    method: req.method,
    headers,
    body: hasBody && req.body ? req.body : undefined,
    cache: 'no-store',
  });
}

/**
 * THE function that builds the Django request from the wire, for both request paths: what the
 * WSGI server and Django's WSGIRequest make of the HTTP request (PATH_INFO percent-decoded as
 * Django decodes it, the query string raw, the Cookie header's text).
 */
export async function fromWire(request: Request): Promise<DjangoRequestInit> {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  const cookie = request.headers.get(COOKIE_HEADER);
  if (cookie) headers.Cookie = decodeHeaderText(cookie);
  const contentType = request.headers.get('content-type');
  if (contentType) headers['Content-Type'] = contentType;
  const body = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text();
  return {
    method: request.method,
    path: get_path_info(djangoPath(url) ?? url.pathname),
    query: url.search.slice(1),
    headers,
    body,
    secure: url.protocol === 'https:',
  };
}

/** The Django site's answer as an HTTP response: always 200, the exchange in its header. */
export function exchangeToWire(exchange: Exchange): Response {
  const { body, contentType, ...extras } = exchange;
  const headers = new Headers(exchange.headers);
  headers.set('content-type', contentType);
  headers.set(EXCHANGE_HEADER, asciiJson(extras satisfies ExchangeExtras));
  return new Response(body, { status: 200, headers });
}

/** The exchange back from the HTTP response (what the simulated browser receives). */
export async function exchangeFromWire(response: Response, what: string): Promise<Exchange> {
  const extrasHeader = response.headers.get(EXCHANGE_HEADER);
  if (extrasHeader === null) {
    throw new Error(
      `The mock server did not answer ${what} (HTTP ${response.status} from the network).`,
    );
  }
  const extras = JSON.parse(extrasHeader) as ExchangeExtras;
  return {
    ...extras,
    body: await response.text(),
    contentType: response.headers.get('content-type') ?? '',
  };
}

/** The world whose site a request is for (SITE_HEADER), as the lookup takes it. */
export function siteOf(request: Request): string | null {
  const site = request.headers.get(SITE_HEADER);
  return site === null ? null : decodeHeaderText(site);
}

/** One request through the Django site: the handler MSW calls, and what the fallback calls. */
export async function serveWire(getServer: SiteLookup, request: Request): Promise<Response> {
  const server = getServer(siteOf(request));
  return exchangeToWire(server.handle(await fromWire(request)));
}
