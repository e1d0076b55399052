import { describe, expect, it } from 'vitest';
import { CookieJar } from '../../src/browser/cookieJar';
import { parseCookieDate } from '../../src/browser/cookieDate';
import { ManualClock } from '../../src/django/runtime';

const T0 = Date.UTC(2026, 0, 1);
const at = (path: string, host = 'localhost', scheme = 'http') => ({
  url: new URL(`${scheme}://${host}${path}`),
});

function jar() {
  const clock = new ManualClock(T0);
  return { clock, jar: new CookieJar(clock) };
}

describe('RFC 6265 cookie jar on the virtual clock', () => {
  it('stores a Django session cookie and sends it until Max-Age runs out', () => {
    const { clock, jar: j } = jar();
    const r = j.setCookie(
      'sessionid=abc123; expires=Thu, 15 Jan 2026 00:00:00 GMT; HttpOnly; Max-Age=300; Path=/; SameSite=Lax',
      at('/myapp/login/'),
    );
    expect(r.outcome).toBe('stored');
    expect(j.cookieHeader(at('/myapp/connection/'))).toBe('sessionid=abc123');
    // Max-Age wins over Expires: 300 s, not two weeks.
    clock.advance(299_000);
    expect(j.cookieHeader(at('/'))).toBe('sessionid=abc123');
    clock.advance(1000);
    expect(j.cookieHeader(at('/'))).toBe('');
    expect(j.all()).toEqual([]);
  });

  it('deletes a cookie when Django sends an empty one that expired in 1970', () => {
    const { jar: j } = jar();
    j.setCookie('sessionid=abc123; Path=/', at('/'));
    const r = j.setCookie(
      'sessionid=""; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; SameSite=Lax',
      at('/myapp/logout/'),
    );
    expect(r.outcome).toBe('deleted');
    expect(j.all()).toEqual([]);
  });

  it('forgets session cookies when the browser closes, keeps persistent ones', () => {
    const { jar: j } = jar();
    j.setCookie('a=1; Path=/', at('/'));
    j.setCookie('b=2; Max-Age=60; Path=/', at('/'));
    j.closeBrowser();
    expect(j.all().map((c) => c.name)).toEqual(['b']);
  });

  it('matches paths and sends longer paths first', () => {
    const { clock, jar: j } = jar();
    j.setCookie('x=root; Path=/', at('/'));
    clock.advance(1);
    j.setCookie('x=app; Path=/myapp', at('/myapp/'));
    expect(j.cookieHeader(at('/myapp/login/'))).toBe('x=app; x=root');
    expect(j.cookieHeader(at('/myapplication/'))).toBe('x=root');
    expect(j.cookieHeader(at('/other/'))).toBe('x=root');
    // No Path attribute: the default path is the request path up to its last '/'.
    j.setCookie('y=1', at('/myapp/login/'));
    expect(j.all().find((c) => c.name === 'y')?.path).toBe('/myapp/login');
    j.setCookie('z=1', at('/myapp/login'));
    expect(j.all().find((c) => c.name === 'z')?.path).toBe('/myapp');
  });

  it('refuses what a browser refuses, and says why', () => {
    const { jar: j } = jar();
    expect(j.setCookie('s=1; Domain=.example.com', at('/')).reason).toBe('domain-mismatch');
    expect(j.setCookie('s=1; SameSite=None', at('/')).reason).toBe('samesite-none-insecure');
    expect(j.setCookie('s=1; Secure', at('/', 'example.org')).reason).toBe(
      'secure-from-insecure-origin',
    );
    expect(j.setCookie('__Host-s=1; Secure; Path=/app', at('/', 'localhost', 'https')).reason).toBe(
      'prefix-rules',
    );
    expect(j.setCookie('s=1; HttpOnly', { ...at('/'), fromScript: true }).reason).toBe(
      'httponly-from-script',
    );
    expect(j.all()).toEqual([]);
    // localhost is a secure context, as in Chrome: Secure cookies are accepted and sent there.
    expect(j.setCookie('s=1; Secure; SameSite=None', at('/')).outcome).toBe('stored');
    expect(j.cookieHeader(at('/'))).toBe('s=1');
  });

  it('hides HttpOnly cookies from scripts, and keeps the creation time on update', () => {
    const { clock, jar: j } = jar();
    j.setCookie('sessionid=k; HttpOnly; Path=/', at('/'));
    j.setCookie('csrftoken=t; Path=/', at('/'));
    expect(j.cookieHeader({ ...at('/'), fromScript: true })).toBe('csrftoken=t');
    const created = j.all()[0]?.creation;
    clock.advance(5000);
    j.setCookie('sessionid=k2; HttpOnly; Path=/', at('/'));
    expect(j.all().find((c) => c.name === 'sessionid')).toMatchObject({
      value: 'k2',
      creation: created,
    });
  });
});

describe('cookie dates (RFC 6265 section 5.1.1)', () => {
  it.each([
    ['Thu, 15 Jan 2026 00:00:00 GMT', Date.UTC(2026, 0, 15)],
    ['Thursday, 15-Jan-26 00:00:00 GMT', Date.UTC(2026, 0, 15)],
    ['15 Jan 2026 10:20:30', Date.UTC(2026, 0, 15, 10, 20, 30)],
    ['Jan 15 10:20:30 1999', Date.UTC(1999, 0, 15, 10, 20, 30)],
    ['Thu, 31 Feb 2026 00:00:00 GMT', null],
    ['Thu, 15 Jan 2026 24:00:00 GMT', null],
    ['Thu, 15 Jan 1600 00:00:00 GMT', null],
    ['tomorrow', null],
  ])('%s', (text, expected) => {
    expect(parseCookieDate(text)).toBe(expected);
  });
});
