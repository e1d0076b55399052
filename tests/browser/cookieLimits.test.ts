/**
 * The limits browsers put on cookies (RFC 6265bis, as Chrome and Firefox apply them): 4,096 bytes
 * for name plus value, 1,024 for an attribute value, 400 days of life at most. Issue 14, items 1
 * and 8: a cookie expiry past what a Date can hold must never reach the jar.
 */
import { describe, expect, it } from 'vitest';
import {
  CookieJar,
  MAX_COOKIE_AGE_MS,
  fitsCookieLimit,
  handMadeCookie,
} from '../../src/browser/cookieJar';
import { ManualClock } from '../../src/django/runtime';

const T0 = Date.UTC(2026, 0, 1);
const at = (path: string) => ({ url: new URL(`http://localhost${path}`) });

function jar() {
  const clock = new ManualClock(T0);
  return { clock, jar: new CookieJar(clock) };
}

describe('the 4,096-byte rule', () => {
  it('drops a cookie whose name and value exceed 4,096 bytes, and says why', () => {
    const { jar: j } = jar();
    const fits = 'a'.repeat(4096 - 'sessionid'.length);
    expect(j.setCookie(`sessionid=${fits}; Path=/`, at('/')).outcome).toBe('stored');
    const over = j.setCookie(`sessionid=${fits}b; Path=/`, at('/'));
    expect(over).toMatchObject({ outcome: 'rejected', reason: 'too-big', name: 'sessionid' });
    // The old cookie stays: a signed-cookie session that grew too big silently does not stick.
    expect(j.all()[0]?.value).toBe(fits);
  });

  it('counts bytes, not characters', () => {
    expect(fitsCookieLimit('n', 'অ'.repeat(1365))).toBe(true); // 4,095 + 1 bytes
    expect(fitsCookieLimit('n', 'অ'.repeat(1366))).toBe(false);
  });

  it('DevTools cannot plant what the browser would not keep; nothing changes', () => {
    const { jar: j } = jar();
    expect(j.put(handMadeCookie('x', 'y'.repeat(5000), 'localhost'))).toBe(false);
    expect(j.all()).toEqual([]);
    expect(j.put(handMadeCookie('x', 'y', 'localhost'))).toBe(true);
  });

  it('ignores an attribute value over 1,024 bytes (the cookie stays)', () => {
    const { jar: j } = jar();
    const r = j.setCookie(`a=1; Path=/${'p'.repeat(1100)}`, at('/x/y'));
    expect(r.outcome).toBe('stored');
    expect(j.all()[0]?.path).toBe('/x'); // the default path, as if Path were absent
  });
});

describe('expiry within 400 days, whatever Expires or Max-Age say', () => {
  it.each([
    ['Max-Age=99999999999999999999999'],
    [`Max-Age=${'9'.repeat(400)}`],
    ['Expires=Fri, 31 Dec 9999 23:59:59 GMT'],
    ['Max-Age=34560001'],
  ])('%s', (attr) => {
    const { jar: j } = jar();
    expect(j.setCookie(`a=1; ${attr}`, at('/')).outcome).toBe('stored');
    const c = j.all()[0];
    expect(c?.expiresAt).toBe(T0 + MAX_COOKIE_AGE_MS);
    // Printable: the Cookies panel shows it as an ISO date.
    expect(new Date(c?.expiresAt as number).toISOString()).toBe('2027-02-05T00:00:00.000Z');
  });

  it('a huge negative Max-Age deletes, as any negative one does', () => {
    const { jar: j } = jar();
    j.setCookie('a=1', at('/'));
    expect(j.setCookie(`a=1; Max-Age=-${'9'.repeat(400)}`, at('/')).outcome).toBe('deleted');
    expect(j.all()).toEqual([]);
  });
});
