/**
 * A browser's cookie jar as RFC 6265 (and Chrome, where the newer RFC 6265bis rules apply)
 * describes it, on the playground's virtual clock: Max-Age wins over Expires, host-only vs
 * Domain cookies, Path matching, Secure, HttpOnly, SameSite, and "session" cookies that live until
 * the browser closes. Every rejected cookie keeps the reason, for the playground to show.
 */
import type { Clock } from '../django/runtime';
import { parseCookieDate } from './cookieDate';

export type SameSiteValue = 'Strict' | 'Lax' | 'None';

export interface StoredCookie {
  name: string;
  value: string;
  domain: string;
  path: string;
  /** Epoch ms; null for a session cookie (gone when the browser closes). */
  expiresAt: number | null;
  hostOnly: boolean;
  secure: boolean;
  httpOnly: boolean;
  /** As sent; null when the attribute was absent (Chrome then treats it as Lax). */
  sameSite: SameSiteValue | null;
  creation: number;
  lastAccess: number;
}

export type Rejection =
  | 'too-big'
  | 'domain-mismatch'
  | 'samesite-none-insecure'
  | 'secure-from-insecure-origin'
  | 'prefix-rules'
  | 'httponly-from-script'
  | 'overwrite-httponly-from-script';

export interface SetCookieResult {
  header: string;
  name: string;
  /** stored, deleted (an expiry in the past removed it), or rejected with a reason. */
  outcome: 'stored' | 'deleted' | 'rejected';
  reason?: Rejection;
}

export interface RequestContext {
  /** `http://localhost/myapp/login/` */
  url: URL;
  /** document.cookie and friends are not HTTP: they cannot see or set HttpOnly cookies. */
  fromScript?: boolean;
}

/**
 * RFC 6265bis, as Chrome and Firefox do it: a cookie whose name and value together exceed 4,096
 * bytes is not stored at all (silently: the page is not told); an attribute value over 1,024
 * bytes is ignored; no cookie lives longer than 400 days, whatever Expires or Max-Age say.
 */
export const MAX_COOKIE_BYTES = 4096;
export const MAX_ATTRIBUTE_BYTES = 1024;
export const MAX_COOKIE_AGE_MS = 400 * 86_400_000;

const encoder = new TextEncoder();
/** UTF-8 length, encoding only when the characters alone cannot decide (1 to 3 bytes each). */
export function byteLength(s: string): number {
  return /^[\x00-\x7f]*$/.test(s) ? s.length : encoder.encode(s).length;
}

/** Whether a browser would keep a cookie of this name and value (the 4,096-byte rule). */
export function fitsCookieLimit(name: string, value: string): boolean {
  if (name.length + value.length > MAX_COOKIE_BYTES) return false;
  return byteLength(name) + byteLength(value) <= MAX_COOKIE_BYTES;
}

/** A secure context: https, or a loopback host as Chrome treats http://localhost. */
export function isTrustworthy(url: URL): boolean {
  return url.protocol === 'https:' || url.hostname === 'localhost' || url.hostname === '127.0.0.1';
}

function defaultPath(url: URL): string {
  const p = url.pathname;
  if (!p.startsWith('/') || p.lastIndexOf('/') === 0) return '/';
  return p.slice(0, p.lastIndexOf('/'));
}

export function domainMatch(host: string, domain: string): boolean {
  return host === domain || (host.endsWith('.' + domain) && !/^[\d.]+$/.test(host));
}

export function pathMatch(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/';
}

interface ParsedSetCookie {
  name: string;
  value: string;
  attrs: { name: string; value: string }[];
}

/** RFC 6265 §5.2: name=value, then `;`-separated attributes, names case-insensitive. */
export function parseSetCookie(header: string): ParsedSetCookie {
  const [pair = '', ...rest] = header.split(';');
  const eq = pair.indexOf('=');
  // RFC 6265bis: no `=` makes a cookie with an empty name.
  const name = eq >= 0 ? pair.slice(0, eq).trim() : '';
  const value = (eq >= 0 ? pair.slice(eq + 1) : pair).trim();
  const attrs = rest
    .map((part) => {
      const i = part.indexOf('=');
      return i >= 0
        ? { name: part.slice(0, i).trim().toLowerCase(), value: part.slice(i + 1).trim() }
        : { name: part.trim().toLowerCase(), value: '' };
    })
    .filter((a) => byteLength(a.value) <= MAX_ATTRIBUTE_BYTES);
  return { name, value, attrs };
}

/** A cookie as typed into DevTools on a site's page: host-only, path /, until the browser closes. */
export function handMadeCookie(
  name: string,
  value: string,
  host: string,
  attrs: Partial<Pick<StoredCookie, 'path' | 'httpOnly'>> = {},
): Omit<StoredCookie, 'creation' | 'lastAccess'> {
  return {
    name,
    value,
    domain: host,
    path: '/',
    expiresAt: null,
    hostOnly: true,
    secure: false,
    httpOnly: false,
    sameSite: null,
    ...attrs,
  };
}

export class CookieJar {
  private cookies: StoredCookie[] = [];
  private readonly listeners = new Set<() => void>();

  constructor(private readonly clock: Clock) {}

  private now(): number {
    return this.clock.now();
  }

  /** Receives one Set-Cookie header value for a response to `ctx.url`. */
  setCookie(header: string, ctx: RequestContext): SetCookieResult {
    const { name, value, attrs } = parseSetCookie(header);
    const result = (outcome: SetCookieResult['outcome'], reason?: Rejection): SetCookieResult => ({
      header,
      name,
      outcome,
      reason,
    });
    if (!fitsCookieLimit(name, value)) return result('rejected', 'too-big');
    const now = this.now();
    const host = ctx.url.hostname.toLowerCase();
    let expiresAt: number | null = null;
    let maxAgeSeen = false;
    let domain = '';
    let path: string | null = null;
    let secure = false;
    let httpOnly = false;
    let sameSite: SameSiteValue | null = null;
    for (const a of attrs) {
      if (a.name === 'expires' && !maxAgeSeen) {
        const t = parseCookieDate(a.value);
        if (t !== null) expiresAt = t;
      } else if (a.name === 'max-age' && /^-?\d+$/.test(a.value)) {
        const delta = Number(a.value);
        expiresAt = delta <= 0 ? -Infinity : now + Math.min(delta * 1000, MAX_COOKIE_AGE_MS);
        maxAgeSeen = true;
      } else if (a.name === 'domain' && a.value) {
        domain = a.value.replace(/^\./, '').toLowerCase();
      } else if (a.name === 'path') {
        path = a.value.startsWith('/') ? a.value : null;
      } else if (a.name === 'secure') secure = true;
      else if (a.name === 'httponly') httpOnly = true;
      else if (a.name === 'samesite') {
        const v = a.value.toLowerCase();
        sameSite = v === 'strict' ? 'Strict' : v === 'lax' ? 'Lax' : v === 'none' ? 'None' : null;
      }
    }
    if (expiresAt !== null && expiresAt > now + MAX_COOKIE_AGE_MS)
      expiresAt = now + MAX_COOKIE_AGE_MS;
    let hostOnly = true;
    if (domain) {
      if (!domainMatch(host, domain)) return result('rejected', 'domain-mismatch');
      hostOnly = false;
    } else domain = host;
    if (secure && !isTrustworthy(ctx.url)) return result('rejected', 'secure-from-insecure-origin');
    if (sameSite === 'None' && !secure) return result('rejected', 'samesite-none-insecure');
    if (name.startsWith('__Secure-') && !secure) return result('rejected', 'prefix-rules');
    if (name.startsWith('__Host-') && (!secure || !hostOnly || path !== '/'))
      return result('rejected', 'prefix-rules');
    if (httpOnly && ctx.fromScript) return result('rejected', 'httponly-from-script');
    const cookiePath = path ?? defaultPath(ctx.url);
    const existing = this.cookies.findIndex(
      (c) => c.name === name && c.domain === domain && c.path === cookiePath,
    );
    let creation = now;
    if (existing >= 0) {
      const old = this.cookies[existing] as StoredCookie;
      if (old.httpOnly && ctx.fromScript)
        return result('rejected', 'overwrite-httponly-from-script');
      creation = old.creation;
      this.cookies.splice(existing, 1);
    }
    if (expiresAt !== null && expiresAt <= now) {
      this.changed();
      return result('deleted');
    }
    this.cookies.push({
      name,
      value,
      domain,
      path: cookiePath,
      expiresAt,
      hostOnly,
      secure,
      httpOnly,
      sameSite,
      creation,
      lastAccess: now,
    });
    this.changed();
    return result('stored');
  }

  /** Drops what has expired by the clock. */
  private evictExpired(): void {
    const now = this.now();
    const before = this.cookies.length;
    this.cookies = this.cookies.filter((c) => c.expiresAt === null || c.expiresAt > now);
    if (this.cookies.length !== before) this.changed();
  }

  /** RFC 6265 §5.4: the cookies a request to `ctx.url` carries, longest path first. */
  cookiesFor(ctx: RequestContext): StoredCookie[] {
    this.evictExpired();
    const host = ctx.url.hostname.toLowerCase();
    const secure = isTrustworthy(ctx.url);
    const now = this.now();
    const matched = this.cookies
      .filter((c) => (c.hostOnly ? c.domain === host : domainMatch(host, c.domain)))
      .filter((c) => pathMatch(ctx.url.pathname, c.path))
      .filter((c) => !c.secure || secure)
      .filter((c) => !(c.httpOnly && ctx.fromScript))
      .sort((a, b) => b.path.length - a.path.length || a.creation - b.creation);
    for (const c of matched) c.lastAccess = now;
    return matched;
  }

  /** The `Cookie` request header value, or '' when there is none. */
  cookieHeader(ctx: RequestContext): string {
    return this.cookiesFor(ctx)
      .map((c) => (c.name ? `${c.name}=${c.value}` : c.value))
      .join('; ');
  }

  /** Every cookie in the jar (expired ones evicted first), as DevTools lists them. */
  all(): StoredCookie[] {
    this.evictExpired();
    return this.cookies.map((c) => ({ ...c }));
  }

  /** Closing the browser: session cookies go; persistent ones stay until they expire. */
  closeBrowser(): void {
    this.cookies = this.cookies.filter((c) => c.expiresAt !== null);
    this.changed();
  }

  /** DevTools: delete one cookie. */
  remove(name: string, domain: string, path: string): boolean {
    const before = this.cookies.length;
    this.cookies = this.cookies.filter(
      (c) => !(c.name === name && c.domain === domain && c.path === path),
    );
    const removed = this.cookies.length !== before;
    if (removed) this.changed();
    return removed;
  }

  /**
   * DevTools: edit or plant a cookie as is (no Set-Cookie rules apply but the size: DevTools
   * cannot store what the browser would not keep). False when refused; nothing changed then.
   */
  put(
    cookie: Omit<StoredCookie, 'creation' | 'lastAccess'> & Partial<Pick<StoredCookie, 'creation'>>,
  ): boolean {
    if (!fitsCookieLimit(cookie.name, cookie.value)) return false;
    const now = this.now();
    const i = this.cookies.findIndex(
      (c) => c.name === cookie.name && c.domain === cookie.domain && c.path === cookie.path,
    );
    const creation = cookie.creation ?? (i >= 0 ? (this.cookies[i] as StoredCookie).creation : now);
    if (i >= 0) this.cookies.splice(i, 1);
    this.cookies.push({ ...cookie, creation, lastAccess: now });
    this.changed();
    return true;
  }

  clear(): void {
    this.cookies = [];
    this.changed();
  }

  /** Restores a persisted jar (validated by the caller). */
  restore(cookies: readonly StoredCookie[]): void {
    this.cookies = cookies.map((c) => ({ ...c }));
    this.changed();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }
}
