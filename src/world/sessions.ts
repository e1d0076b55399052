/**
 * Which session a browser is in, read from the outside without touching anything: the value of
 * its session cookie (the one a page of the site would carry), and what the server holds for it
 * (a live row, cache entry or file; for signed_cookies, the signed data in the cookie itself).
 * "Is browser A logged in as alice?" in data terms, for lesson checks and starting conditions.
 */
import { pathMatch } from '../browser/cookieJar';
import { loads } from '../django/core/signing';
import { PyDict } from '../python';
import type { World } from './world';

/** Where the tutorial's pages live: the cookie that counts is the one they receive. */
const SITE_PAGE = '/myapp/connection/';
const SIGNED_COOKIE_SALT = 'django.contrib.sessions.backends.signed_cookies';

/** The session cookie's value browser `tabId` would send to the site's pages, or null. */
export function sessionCookieValue(world: World, tabId: string): string | null {
  const tab = world.tabs.find((t) => t.id === tabId);
  if (!tab) return null;
  const name = world.settings.SESSION_COOKIE_NAME;
  const host = tab.browser.url('/').hostname;
  const sent = tab.browser.jar
    .all()
    .filter((c) => c.name === name && pathMatch(SITE_PAGE, c.path))
    .filter((c) => (c.hostOnly ? c.domain === host : host.endsWith(c.domain)))
    .sort((a, b) => b.path.length - a.path.length || a.creation - b.creation);
  // Django's cookie parser keeps the last of two cookies with one name.
  return sent.at(-1)?.value ?? null;
}

/** The data of the session browser `tabId` is in, or null when it has none the server knows. */
export function sessionDataOf(world: World, tabId: string): PyDict | null {
  const value = sessionCookieValue(world, tabId);
  if (value === null) return null;
  if (world.settings.SESSION_ENGINE === 'signed_cookies') {
    try {
      const data = loads(value, {
        key: world.secretKey,
        salt: SIGNED_COOKIE_SALT,
        maxAge: world.settings.SESSION_COOKIE_AGE,
        time: () => world.clock.now() / 1000,
      });
      return data instanceof PyDict ? data : null;
    } catch {
      return null; // tampered, expired or not a signed value: Django starts a new session
    }
  }
  const row = world.server.storedSessions().find((s) => s.key === value && !s.expired);
  return row ? row.data : null;
}
