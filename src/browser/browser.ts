/**
 * A simulated browser: its own cookie jar on the virtual clock, its history, and the requests it
 * sends to the Django site. Several can run side by side ("another user", "another device").
 */
import type { Clock } from '../django/runtime';
import type { Exchange } from '../server/server';
import { CookieJar, type SetCookieResult } from './cookieJar';
import type { Transport } from './transport';

export const DEFAULT_ORIGIN = 'http://localhost';

export interface BrowserRequest {
  method: 'GET' | 'POST';
  /** Path and query, e.g. `/myapp/login/`. */
  path: string;
  /** Form fields, sent as application/x-www-form-urlencoded. */
  form?: [string, string][] | Record<string, string>;
  /** A JSON body (the console's calls). */
  json?: string;
}

/** One line of the network panel. */
export interface NetworkEntry {
  id: number;
  browser: string;
  /** Virtual epoch ms when it was sent. */
  time: number;
  method: string;
  url: string;
  path: string;
  /** Request headers as sent (Cookie included when there was one). */
  requestHeaders: [string, string][];
  requestBody: string | null;
  response: Exchange;
  /** What the jar did with each Set-Cookie. */
  cookieResults: SetCookieResult[];
  /** `simulated`: a page script's request to another site, answered by no one (see offsite()). */
  via: Transport['kind'] | 'simulated';
}

/** What the simulated other site (evil.example) answers: an empty 204, from the playground. */
const OFFSITE_RESPONSE: Omit<Exchange, 'headers'> = {
  status: 204,
  reason: 'No Content',
  setCookies: [],
  body: '',
  contentType: '',
  serverError: null,
  logs: [],
};

let nextId = 1;

export class SimulatedBrowser {
  readonly jar: CookieJar;
  readonly origin: string;

  constructor(
    public name: string,
    private readonly clock: Clock,
    private readonly transport: Transport,
    origin: string = DEFAULT_ORIGIN,
  ) {
    this.jar = new CookieJar(clock);
    this.origin = origin;
  }

  url(path: string): URL {
    return new URL(path, this.origin);
  }

  /** Sends one request with the jar's cookies, and files the response's cookies in the jar. */
  async request(req: BrowserRequest): Promise<NetworkEntry> {
    const url = this.url(req.path);
    const cookie = this.jar.cookieHeader({ url });
    let body: string | undefined;
    let contentType: string | undefined;
    if (req.form !== undefined) {
      body = new URLSearchParams(
        Array.isArray(req.form) ? req.form : Object.entries(req.form),
      ).toString();
      contentType = 'application/x-www-form-urlencoded';
    } else if (req.json !== undefined) {
      body = req.json;
      contentType = 'application/json';
    }
    const requestHeaders: [string, string][] = [['Host', url.host]];
    if (contentType) requestHeaders.push(['Content-Type', contentType]);
    if (cookie) requestHeaders.push(['Cookie', cookie]);
    const time = this.clock.now();
    const response = await this.transport.send({
      method: req.method,
      path: url.pathname + url.search,
      cookie,
      contentType,
      body,
      secure: url.protocol === 'https:',
    });
    const cookieResults = response.setCookies.map((header) => this.jar.setCookie(header, { url }));
    return {
      id: nextId++,
      browser: this.name,
      time,
      method: req.method,
      url: url.href,
      path: url.pathname + url.search,
      requestHeaders,
      requestBody: body ?? null,
      response,
      cookieResults,
      via: this.transport.kind,
    };
  }

  /**
   * A page script's GET to another site (an image or fetch to `http://evil.example/...`), as the
   * Network panel lists it. Nothing is sent: the playground reaches no other site, so the entry is
   * made here, with the request the browser would send (its own cookies for that site, none here,
   * and the page's origin as Referer: the default strict-origin-when-cross-origin policy) and an
   * empty answer marked as simulated.
   */
  offsite(url: string, page: URL): NetworkEntry {
    const target = new URL(url);
    const cookie = this.jar.cookieHeader({ url: target });
    const requestHeaders: [string, string][] = [
      ['Host', target.host],
      ['Referer', `${page.origin}/`],
    ];
    if (cookie) requestHeaders.push(['Cookie', cookie]);
    return {
      id: nextId++,
      browser: this.name,
      time: this.clock.now(),
      method: 'GET',
      url: target.href,
      path: target.pathname + target.search,
      requestHeaders,
      requestBody: null,
      response: { ...OFFSITE_RESPONSE, headers: [['Server', `${target.host} (simulated)`]] },
      cookieResults: [],
      via: 'simulated',
    };
  }

  /** Closing (and reopening) the browser: session cookies are gone. */
  close(): void {
    this.jar.closeBrowser();
  }
}
