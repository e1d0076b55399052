/**
 * The comparator's normal form (../shared/conformance/django_ref/compare.py) in TypeScript, so
 * the test suite can require an exact match without Python: session keys become K1, K2, ...
 * (in console output too); times become offsets from the step's `now`; Set-Cookie headers are
 * split into attributes (order kept). Signed values and stored session_data are kept as their
 * bytes: with the same data, secret and virtual time, Django's output is deterministic, so the
 * playground's must be the same bytes. What real Django decodes from them is compare.py's part
 * (CI runs it on the same transcripts); nothing here decodes with the port's own signing.
 */
import { parseCookieDate } from '../../src/browser/cookieDate';
import { dumps, loads, type PyValue } from '../../src/python';

type J = unknown;
const KEY_RE = /^[a-z0-9]{32}$/;
const KEY_IN_TEXT = /(?<![A-Za-z0-9])[a-z0-9]{32}(?![A-Za-z0-9])/g;

class Normaliser {
  private keys = new Map<string, string>();
  constructor(private engine: string) {}

  key(value: J): J {
    if (typeof value !== 'string' || !KEY_RE.test(value) || value.startsWith('attackerchosen'))
      return value;
    if (!this.keys.has(value)) this.keys.set(value, `K${this.keys.size + 1}`);
    return this.keys.get(value);
  }

  cookieValue(name: string, value: string): J {
    if (this.engine === 'signed_cookies' && value && name === 'sessionid' && value.includes(':')) {
      return { bytes: value };
    }
    return this.key(value);
  }

  setCookie(header: string, now: number): J {
    const parts = header.split(';').map((p) => p.trim());
    const [first = '', ...attrs] = parts;
    const eq = first.indexOf('=');
    const name = first.slice(0, eq);
    const out: Record<string, J> = { name, value: this.cookieValue(name, first.slice(eq + 1)) };
    for (const attr of attrs) {
      const i = attr.indexOf('=');
      const k = (i >= 0 ? attr.slice(0, i) : attr).toLowerCase();
      let v: J = i >= 0 ? attr.slice(i + 1) : true;
      if (k === 'expires') {
        const t = (parseCookieDate(v as string) as number) / 1000;
        v = t <= 0 ? 'epoch' : Math.round(t - now);
      }
      out[k] = v;
    }
    out._order = attrs.map((a) => a.split('=')[0]?.toLowerCase());
    return out;
  }

  text(value: J): J {
    if (typeof value !== 'string') return value;
    return value.replace(KEY_IN_TEXT, (k) => this.key(k) as string);
  }

  result(value: J): J {
    if (Array.isArray(value)) return value.map((v) => this.result(v));
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.result(v)]));
    }
    return this.key(value);
  }

  step(s: Record<string, J>): J {
    const now = s.now as number;
    const out: Record<string, J> = { i: s.i, kind: s.kind };
    if ('browser' in s) out.browser = s.browser;
    if (s.request) {
      const r = s.request as Record<string, J>;
      const cookies = r.cookies as Record<string, string>;
      out.request = {
        method: r.method,
        path: r.path,
        cookies: Object.fromEntries(
          Object.keys(cookies)
            .sort()
            .map((n) => [n, this.cookieValue(n, cookies[n] as string)]),
        ),
      };
    }
    if (s.response) {
      const r = s.response as Record<string, J>;
      out.response = {
        status: r.status,
        vary: r.vary ?? null,
        bodyText: r.bodyText ?? null,
        setCookies: (r.setCookies as string[]).map((h) => this.setCookie(h, now)),
      };
      if (r.serverError) (out.response as Record<string, J>).serverError = r.serverError;
    }
    if ('result' in s) out.result = this.result(s.result);
    if ('output' in s) out.output = this.text(s.output);
    const jars = (s.jars ?? {}) as Record<
      string,
      Record<string, { value: string; expiresAt: number | null }>
    >;
    out.jars = Object.fromEntries(
      Object.keys(jars)
        .sort()
        .map((b) => [
          b,
          Object.fromEntries(
            Object.keys(jars[b] as object)
              .sort()
              .map((n) => {
                const c = (jars[b] as Record<string, { value: string; expiresAt: number | null }>)[
                  n
                ] as {
                  value: string;
                  expiresAt: number | null;
                };
                return [
                  n,
                  {
                    value: this.cookieValue(n, c.value),
                    expiresIn: c.expiresAt === null ? null : Math.round(c.expiresAt - now),
                  },
                ];
              }),
          ),
        ]),
    );
    const rows = ((s.store ?? []) as Record<string, J>[]).map((row) => {
      const n: Record<string, J> = {
        key: this.key(row.key),
        data: row.data,
        expiresIn:
          row.expiresAt === null || row.expiresAt === undefined
            ? null
            : Math.round((row.expiresAt as number) - now),
      };
      if ('sessionData' in row) n.sessionDataBytes = row.sessionData;
      return n;
    });
    out.store = rows.sort((a, b) => (String(a.key) < String(b.key) ? -1 : 1));
    return out;
  }

  transcript(t: Record<string, J>): J {
    return {
      name: t.name,
      engine: t.engine,
      steps: (t.steps as Record<string, J>[]).map((s) => this.step(s)),
    };
  }
}

/** Parses a transcript file with Python's number rules, then normalises every scenario. */
export function normalise(text: string): Map<string, J> {
  const parsed = JSON.parse(dumps(loads(text) as PyValue)) as Record<string, J>[];
  return new Map(
    parsed.map((t) => [
      t.name as string,
      new Normaliser((t.engine as string) ?? 'db').transcript(t),
    ]),
  );
}
