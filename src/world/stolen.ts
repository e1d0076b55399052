/**
 * The attacker's server, simulated: what page scripts sent to another site (lab 15, HttpOnly and
 * XSS). Nothing really leaves the page; the world keeps each value the "server" would have
 * received, and can plant one in a browser, as an attacker pastes a stolen cookie into her own.
 */
import { handMadeCookie, type StoredCookie } from '../browser/cookieJar';

export interface StolenCookie {
  /** Virtual epoch ms. */
  time: number;
  /** The browser whose page script sent it. */
  fromTab: string;
  /** The URL requested, value included. */
  url: string;
  /** `document.cookie` as the script read it ('' when it saw nothing). */
  cookie: string;
}

export const STOLEN_LIMIT = 100;

/** `a=1; b=2` -> [['a', '1'], ['b', '2']]: document.cookie's format (a pair without `=` is skipped). */
export function cookiePairs(cookie: string): [string, string][] {
  return cookie
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part.includes('='))
    .map((part) => {
      const eq = part.indexOf('=');
      return [part.slice(0, eq), part.slice(eq + 1)];
    });
}

/** The cookies an attacker plants from a stolen string, as DevTools' "add cookie" makes them. */
export function plantedCookies(
  cookie: string,
  host: string,
): Omit<StoredCookie, 'creation' | 'lastAccess'>[] {
  return cookiePairs(cookie).map(([name, value]) => handMadeCookie(name, value, host));
}
