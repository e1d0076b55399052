/**
 * Renders the whole app around a fresh world whose browsers reach the Django site through the
 * real MSW handlers (msw/node), as the service worker does in a browser.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import { expect } from 'vitest';
import userEvent from '@testing-library/user-event';
import en from '../../content/locales/en.json';
import bn from '../../content/locales/bn.json';
import { Shell } from '../../src/ui/Shell';
import { initI18n, type Language } from '../../src/ui/i18n';
import { parts, startEngine, type Engine } from '../../src/ui/engine';
import { FetchTransport } from '../../src/browser/transport';
import { listenInNode } from '../../src/server/msw/node';
import type { DjangoServer } from '../../src/server/server';
import { lessonCatalog } from '../../src/lessons/load';
import { LessonProgress } from '../../src/lessons/progress';

let current: Engine | null = null;
let msw: ReturnType<typeof listenInNode> | null = null;

export function startMsw() {
  // Each world's requests say which world's site answers, as through the service worker.
  msw ??= listenInNode((site): DjangoServer => {
    if (!current) throw new Error('no engine');
    return current.siteLookup(site);
  });
  return () => {
    msw?.close();
    msw = null;
  };
}

/** Both languages' strings, as the app would fetch them. */
export function initTestI18n(lang: Language = 'en') {
  const i18n = initI18n(lang, { en: { translation: en }, bn: { translation: bn } });
  void i18n.changeLanguage(lang);
  return i18n;
}

/** Real time frozen at 2026-01-01T00:00:00Z unless moved. */
export function fakeRealTime(start = 1767225600000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

export function renderApp(options: { lang?: Language; textArrives?: Promise<void> } = {}) {
  // Each test starts as a first visit: nothing saved by the test before.
  localStorage.clear();
  initTestI18n(options.lang ?? 'en');
  const real = fakeRealTime();
  const built = lessonCatalog();
  // A slow line: the lessons' prose comes when the test says so.
  const gate = options.textArrives;
  const catalog = gate
    ? {
        ...built,
        loadText: (...a: Parameters<typeof built.loadText>) =>
          gate.then(() => built.loadText(...a)),
      }
    : built;
  const progress = new LessonProgress(null);
  const engine = (current = startEngine({
    catalog,
    progress,
    notices: [],
    onChange: () => {},
    transport: new FetchTransport('http://localhost/', 'node'),
    realNow: real.now,
  }));
  const user = userEvent.setup();
  const utils = render(
    <Shell lessons={{ catalog, progress }} notices={[]} loaded={{ engine, parts }} />,
  );
  return { ...utils, world: engine.world, user, real, runner: engine.runner, engine };
}

/** Opens a panel and waits for it: panels other than Cookies are fetched on first use. */
export async function openPanel(user: ReturnType<typeof userEvent.setup>, name: string) {
  await user.click(screen.getByRole('tab', { name }));
  // A panel's chunk is transformed on first use: on a loaded 2-core machine that takes a while.
  await waitFor(
    () => expect(within(screen.getByRole('tabpanel', { name })).queryByText('Loading…')).toBeNull(),
    { timeout: 5000 },
  );
}
