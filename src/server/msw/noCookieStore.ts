/**
 * Stands in for `tough-cookie` in the browser build of MSW (vite.config.ts aliases it).
 *
 * MSW keeps mocked cookies in a tough-cookie jar (with the tldts public-suffix list: some 90 KB
 * gzipped). The playground never lets MSW see a cookie: simulated browsers carry theirs in the
 * playground's own headers (protocol.ts). So MSW's jar only ever holds nothing, and this keeps
 * exactly that: the surface MSW's cookieStore uses, always empty.
 */
export class Cookie {
  static fromJSON(): Cookie | null {
    return null;
  }
}

export class MemoryCookieStore {
  idx: Record<string, unknown> = {};
}

export class CookieJar {
  constructor(readonly store?: MemoryCookieStore) {}
  getCookiesSync(): Cookie[] {
    return [];
  }
  async setCookie(): Promise<undefined> {
    return undefined;
  }
}
