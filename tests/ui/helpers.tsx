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
import { parts, startEngine } from '../../src/ui/engine';
import { World } from '../../src/world/world';
import { FetchTransport } from '../../src/browser/transport';
import { VirtualClock } from '../../src/world/clock';
import { listenInNode } from '../../src/server/msw/node';
import type { DjangoServer } from '../../src/server/server';
import { lessonCatalog } from '../../src/lessons/load';
import { LessonProgress } from '../../src/lessons/progress';

let current: World | null = null;
let msw: ReturnType<typeof listenInNode> | null = null;

export function startMsw() {
  msw ??= listenInNode((): DjangoServer => {
    if (!current) throw new Error('no world');
    return current.server;
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

export function renderApp(options: { lang?: Language } = {}) {
  initTestI18n(options.lang ?? 'en');
  const real = fakeRealTime();
  const catalog = lessonCatalog();
  const progress = new LessonProgress(null);
  const engine = startEngine({
    catalog,
    progress,
    notices: [],
    onChange: () => {},
    transport: new FetchTransport('http://localhost/', 'node'),
    world: (transport) =>
      (current = new World({ clock: new VirtualClock(real.now), transport: () => transport })),
  });
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
