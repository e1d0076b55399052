/**
 * The one request path (src/server/msw/protocol.ts): the service worker's (here msw/node) and the
 * in-page fallback build the same Django request from the same HTTP request, whatever the path
 * and the cookies hold.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/django/runtime';
import { get_path_info } from '../../src/django/core/handlers/wsgi';
import { repercent_broken_unicode } from '../../src/django/utils/encoding';
import { SimulatedBrowser } from '../../src/browser/browser';
import { handMadeCookie } from '../../src/browser/cookieJar';
import { FetchTransport, InPageTransport, type Transport } from '../../src/browser/transport';
import { decodeHeaderText, encodeHeaderText } from '../../src/server/msw/protocol';
import { listenInNode } from '../../src/server/msw/node';
import { DjangoServer } from '../../src/server/server';

const T0 = 1_767_225_600_000;
let current: DjangoServer | null = null;
let msw: ReturnType<typeof listenInNode>;
beforeAll(() => {
  msw = listenInNode(() => current as DjangoServer);
});
afterAll(() => msw.close());

type PathKind = 'msw' | 'in-page';
const paths: PathKind[] = ['msw', 'in-page'];

function setUp(kind: PathKind) {
  const clock = new ManualClock(T0);
  const server = new DjangoServer({ clock });
  current = server;
  const transport: Transport =
    kind === 'msw'
      ? new FetchTransport('http://localhost/', 'node')
      : new InPageTransport(() => server);
  const browser = new SimulatedBrowser('A', clock, transport);
  return { server, browser };
}

describe('get_path_info: the request line as Django decodes it', () => {
  it.each([
    ['/myapp/log%69n/', '/myapp/login/'],
    ['/myapp/%E0%A6%95/', '/myapp/ক/'],
    ['/myapp/%ff/', '/myapp/%FF/'],
    ['/a%e0%a6/b', '/a%E0%A6/b'],
    ['/a%ed%a0%80/', '/a%ED%A0%80/'],
    ['/%2F/', '///'],
    ['', '/'],
  ])('%s -> %s', (raw, expected) => {
    expect(get_path_info(raw)).toBe(expected);
  });

  it('re-percent-encodes only what is not UTF-8 (maximal invalid subparts, as Python reports)', () => {
    const bytes = Uint8Array.from([0x61, 0xf0, 0x9f, 0x98, 0x62, 0xc3, 0xa9]);
    expect(new TextDecoder().decode(repercent_broken_unicode(bytes))).toBe('a%F0%9F%98bé');
  });
});

describe('the Cookie header on the wire', () => {
  it.each([
    ['sessionid=ünï😀', 'sessionid=ünï😀'],
    ['a=b; c="d e"', 'a=b; c="d e"'],
    ['\ufeffx=%41', '\ufeffx=%41'],
    // A lone surrogate cannot be sent: like any USVString it becomes U+FFFD.
    ['x=\ud83d', 'x=\ufffd'],
  ])('carries %j as UTF-8, percent-encoded, in ISO-8859-1', (text, received) => {
    const wire = encodeHeaderText(text);
    expect(wire).toMatch(/^[\x21-\x7e]*$/);
    expect(decodeHeaderText(wire)).toBe(received);
  });
});

describe.each(paths)('through the %s request path', (kind) => {
  it('a sessionid outside Latin-1 reaches Django, which ignores it as real Django does (issue 14)', async () => {
    const { browser } = setUp(kind);
    browser.jar.put(handMadeCookie('sessionid', 'ünï😀', 'localhost'));
    const entry = await browser.request({ method: 'GET', path: '/myapp/connection/' });
    expect(entry.response.status).toBe(200);
    expect(entry.response.session?.cookieIn).toBe('ünï😀');
    expect(entry.response.session?.events).toEqual([{ kind: 'key-rejected', value: 'ünï😀' }]);
    // Four characters are no session key: the empty session's cookie is deleted.
    expect(entry.response.setCookies).toEqual([
      'sessionid=""; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; SameSite=Lax',
    ]);
    const next = await browser.request({
      method: 'POST',
      path: '/myapp/login/',
      form: { username: 'রহিম', password: 'x' },
    });
    expect(next.response.body).toContain('You are : <strong>রহিম</strong>');
  });

  it('a percent-encoded path is decoded before it is resolved: /myapp/log%69n/ is the login view', async () => {
    const { browser } = setUp(kind);
    const entry = await browser.request({ method: 'GET', path: '/myapp/log%69n/' });
    expect(entry.response.status).toBe(200);
    expect(entry.response.view?.view).toBe('login');
    const broken = await browser.request({ method: 'GET', path: '/myapp/%ff/' });
    expect(broken.response.status).toBe(404);
    expect(broken.response.logs.map((l) => l.message)).toEqual(['Not Found: /myapp/%FF/']);
  });

  it('a form value keeps a leading U+FEFF, and U+FEFF alone logs in (issue 14)', async () => {
    const { browser, server } = setUp(kind);
    const entry = await browser.request({
      method: 'POST',
      path: '/myapp/login/',
      form: { username: '\ufeff', password: 'x' },
    });
    expect(entry.response.body).toContain('You are : <strong>\ufeff</strong>');
    expect(server.storedSessions()[0]?.data.get('username')).toBe('\ufeff');
  });

  it("a server error's exception comes back with the exchange", async () => {
    const { browser, server } = setUp(kind);
    server.configure({ SECRET_KEY: '' });
    const entry = await browser.request({
      method: 'POST',
      path: '/myapp/login/',
      form: { username: 'alice', password: 'x' },
    });
    expect(entry.response.status).toBe(500);
    expect(entry.response.serverError).toBe(
      'ImproperlyConfigured: The SECRET_KEY setting must not be empty.',
    );
  });
});
