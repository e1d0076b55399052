/**
 * How a simulated browser's request reaches the Django site through MSW, and how the answer
 * comes back. Real browsers forbid scripts to send `Cookie` or read `Set-Cookie`, and MSW would
 * copy mocked cookies into the page's real `document.cookie`. So the simulated browser's cookies
 * travel in the playground's own headers, and the real cookie jar is never touched.
 *
 *   GET <base>/__django__/myapp/connection/      x-playground-cookie: sessionid=...
 *   200 OK                                       x-playground-exchange: {"setCookies": [...], ...}
 */
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

/** The Django path of an intercepted URL: `/base/__django__/myapp/login/` -> `/myapp/login/`. */
export function djangoPath(url: URL): string | null {
  const at = url.pathname.indexOf(DJANGO_SEGMENT + '/');
  return at < 0 ? null : url.pathname.slice(at + DJANGO_SEGMENT.length);
}
