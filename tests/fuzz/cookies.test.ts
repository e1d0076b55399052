/**
 * Cookies, fuzzed (issue 14): any Set-Cookie header into the jar, and any cookie value a jar can
 * hold through both request paths (in the page, and through the MSW handlers as the service
 * worker runs them). Never an uncaught exception; a refused cookie changes nothing; every stored
 * cookie obeys the browser's limits.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CookieJar,
  MAX_COOKIE_AGE_MS,
  fitsCookieLimit,
  handMadeCookie,
} from '../../src/browser/cookieJar';
import { FetchTransport, InPageTransport, type Transport } from '../../src/browser/transport';
import { ManualClock } from '../../src/django/runtime';
import { parseQueryString } from '../../src/django/http/request';
import { listenInNode } from '../../src/server/msw/node';
import type { DjangoServer } from '../../src/server/server';
import { VirtualClock } from '../../src/world/clock';
import { World } from '../../src/world/world';
import { fuzzConfig, hostileString, TIMEOUT } from './settings';

const T0 = Date.UTC(2026, 0, 1);
const ctx = { url: new URL('http://localhost/myapp/login/') };

const attribute = fc.oneof(
  fc.constantFrom('HttpOnly', 'Secure', 'Path=/', 'Domain=localhost', 'SameSite=None'),
  fc
    .tuple(
      fc.constantFrom('Max-Age', 'Expires', 'Path', 'Domain', 'SameSite', 'max-age'),
      fc.oneof(
        hostileString,
        fc.bigInt().map(String),
        fc.constantFrom(
          'Fri, 31 Dec 9999 23:59:59 GMT',
          'Thu, 01 Jan 1970 00:00:00 GMT',
          '9'.repeat(400),
        ),
      ),
    )
    .map(([k, v]) => `${k}=${v}`),
);
const setCookie = fc
  .tuple(hostileString, hostileString, fc.array(attribute, { maxLength: 5 }))
  .map(([n, v, attrs]) => [`${n}=${v}`, ...attrs].join('; '));

describe('fuzzing Set-Cookie into the jar', () => {
  it(
    'stores within the limits, or refuses and changes nothing',
    () => {
      fc.assert(
        fc.property(fc.array(setCookie, { minLength: 1, maxLength: 6 }), (headers) => {
          const jar = new CookieJar(new ManualClock(T0));
          for (const header of headers) {
            const before = JSON.stringify(jar.all());
            const result = jar.setCookie(header, ctx);
            if (result.outcome === 'rejected') expect(JSON.stringify(jar.all())).toBe(before);
            for (const c of jar.all()) {
              expect(fitsCookieLimit(c.name, c.value)).toBe(true);
              if (c.expiresAt !== null) {
                expect(c.expiresAt).toBeLessThanOrEqual(T0 + MAX_COOKIE_AGE_MS);
                expect(() => new Date(c.expiresAt as number).toISOString()).not.toThrow();
              }
            }
            expect(() => jar.cookieHeader(ctx)).not.toThrow();
          }
        }),
        fuzzConfig(500),
      );
    },
    TIMEOUT,
  );
});

describe('fuzzing form bodies (percent-decoding, linear now)', () => {
  it(
    'decodes what URLSearchParams encodes, for any well-formed text',
    () => {
      fc.assert(
        fc.property(
          fc.string({ unit: 'grapheme', maxLength: 60 }),
          fc.string({ maxLength: 20 }),
          (v, k) => {
            const q = parseQueryString(new URLSearchParams([[k || 'k', v]]).toString(), null);
            expect(q.getlist(k || 'k')).toEqual([v]);
          },
        ),
        fuzzConfig(500),
      );
    },
    TIMEOUT,
  );
});

/**
 * Any value a jar can hold, planted as the session cookie, then a request. In the page and
 * through the MSW handlers the answer must be the same. The wire path is fed Latin-1 values
 * only: values beyond it are issue 14's item 5, the wire encoding (helper "django").
 */
describe('fuzzing cookie values through both request paths', () => {
  let current: World | null = null;
  let msw: ReturnType<typeof listenInNode>;
  beforeAll(() => {
    msw = listenInNode((): DjangoServer => (current as World).server);
  });
  afterAll(() => msw.close());

  async function visit(transport: Transport, name: string, value: string) {
    const world = new World({
      clock: new VirtualClock(() => T0),
      transport: () => transport,
      secretKey: 'django-insecure-fuzz',
    });
    current = world;
    world.putCookie('A', handMadeCookie(name, value, 'localhost'));
    const entry = await world.navigate('A', '/myapp/connection/');
    return { status: entry.response.status, body: entry.response.body };
  }

  const latin1 = fc.string({
    unit: fc.integer({ min: 0x20, max: 0xff }).map((c) => String.fromCharCode(c)),
    maxLength: 40,
  });

  it(
    'the same answer in the page and through MSW',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom('sessionid', 'csrftoken', 'x'),
          latin1,
          async (name, value) => {
            if (!fitsCookieLimit(name, value)) return;
            const inPage = await visit(
              new InPageTransport(() => (current as World).server),
              name,
              value,
            );
            const wire = await visit(new FetchTransport('http://localhost/', 'node'), name, value);
            expect(wire).toEqual(inPage);
            expect(inPage.status).toBeLessThan(500);
          },
        ),
        fuzzConfig(60),
      );
    },
    TIMEOUT,
  );

  it(
    'any value at all in the page: an answer, never an exception',
    async () => {
      await fc.assert(
        fc.asyncProperty(hostileString, async (value) => {
          if (!fitsCookieLimit('sessionid', value)) return;
          const answer = await visit(
            new InPageTransport(() => (current as World).server),
            'sessionid',
            value,
          );
          expect(answer.status).toBeLessThan(500);
        }),
        fuzzConfig(100),
      );
    },
    TIMEOUT,
  );
});
