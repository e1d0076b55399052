/**
 * Replays a conformance scenario's steps against the playground's server in the page (simulated
 * browsers, virtual clock) and reads what each console step answered: the output Python printed,
 * or for a 5xx the exception the server logged. The full transcript comparison is the conformance
 * suite's; this is the console's own check against real Django's transcripts, version by version.
 */
import { SimulatedBrowser } from '../../src/browser/browser';
import { handMadeCookie } from '../../src/browser/cookieJar';
import { InPageTransport } from '../../src/browser/transport';
import type { DjangoVersion, Settings } from '../../src/django/conf/global_settings';
import { ManualClock } from '../../src/django/runtime';
import { DjangoServer } from '../../src/server/server';
// The console's Python, loaded at once (as the Node entry points do).
import '../../src/server/console/installed';

export interface ConsoleScenario {
  name: string;
  start?: number;
  settings?: Record<string, unknown>;
  steps: Record<string, unknown>[];
}

export interface ConsoleResult {
  i: number;
  line: string;
  status: number;
  /** `null` when the response was not the console's answer (a 5xx). */
  output: string | null;
  serverError: string | null;
}

const ENGINE = 'django.contrib.sessions.backends.';

/** The console steps of a raw transcript recorded by real Django (record.py). */
export function expectedConsole(transcript: {
  steps: {
    i: number;
    kind: string;
    output?: string | null;
    request?: { console?: string };
    response?: { status: number; serverError?: string | null };
  }[];
}): ConsoleResult[] {
  return transcript.steps
    .filter((s) => s.kind === 'console')
    .map((s) => ({
      i: s.i,
      line: s.request?.console ?? '',
      status: s.response?.status ?? 0,
      output: s.output ?? null,
      serverError: s.response?.serverError ?? null,
    }));
}

/** Session keys in outputs become K1, K2... as compare.py writes them. */
export function normaliseKeys(results: ConsoleResult[]): ConsoleResult[] {
  const keys = new Map<string, string>();
  const key = (k: string) => {
    if (!keys.has(k)) keys.set(k, `K${keys.size + 1}`);
    return keys.get(k) as string;
  };
  return results.map((r) => ({
    ...r,
    output:
      r.output === null
        ? null
        : r.output.replace(/(?<![A-Za-z0-9])[a-z0-9]{32}(?![A-Za-z0-9])/g, key),
  }));
}

export async function replayConsole(
  scenario: ConsoleScenario,
  django: DjangoVersion,
): Promise<ConsoleResult[]> {
  const clock = new ManualClock((scenario.start ?? 1767225600) * 1000);
  const settings = { ...(scenario.settings ?? {}) } as Record<string, unknown>;
  settings.SESSION_ENGINE = ENGINE + String(settings.SESSION_ENGINE ?? 'db');
  settings.DJANGO_VERSION = django;
  const server = new DjangoServer({ clock, settings: settings as Partial<Settings> });
  const browsers = new Map<string, SimulatedBrowser>();
  const browser = (name: string) => {
    let b = browsers.get(name);
    if (!b)
      browsers.set(
        name,
        (b = new SimulatedBrowser(name, clock, new InPageTransport(() => server))),
      );
    return b;
  };
  const out: ConsoleResult[] = [];
  for (const [i, step] of scenario.steps.entries()) {
    const b = browser(typeof step.browser === 'string' ? step.browser : 'A');
    if (typeof step.advance === 'number') clock.advance(step.advance * 1000);
    else if (step.closeBrowser) b.close();
    else if (step.clearExpired) server.clearExpired();
    else if (step.restartServer) server.restart();
    else if (step.setCookie) {
      const c = step.setCookie as { name: string; value: string };
      b.jar.put(handMadeCookie(c.name, c.value, 'localhost'));
    } else if (typeof step.tamperCookie === 'string') {
      const c = b.jar.all().find((x) => x.name === step.tamperCookie);
      if (c) b.jar.put({ ...c, value: c.value.slice(0, -1) + (c.value.endsWith('A') ? 'B' : 'A') });
    } else if (step.request) {
      const r = step.request as { method?: string; path: string; form?: Record<string, string> };
      const method = (r.method ?? 'GET').toUpperCase() as 'GET' | 'POST';
      await b.request(
        method === 'POST' ? { method, path: r.path, form: r.form ?? {} } : { method, path: r.path },
      );
    } else if (typeof step.call === 'string') {
      await b.request({
        method: 'POST',
        path: '/__session__/call',
        json: JSON.stringify({ method: step.call, args: step.args ?? [] }),
      });
    } else if (typeof step.console === 'string') {
      const entry = await b.request({
        method: 'POST',
        path: '/__session__/console',
        json: JSON.stringify({ line: step.console }),
      });
      const r = entry.response;
      const isJson = r.contentType.startsWith('application/json');
      const logged = r.logs.map((l) => l.message.split('\n')).filter((l) => l.length > 1);
      out.push({
        i,
        line: step.console,
        status: r.status,
        output: isJson && r.status < 500 ? (JSON.parse(r.body) as { output: string }).output : null,
        serverError: r.status >= 500 ? (logged.pop()?.pop() ?? null) : null,
      });
    } else throw new Error(`${scenario.name}: step ${i} is not replayed here`);
  }
  return out;
}
