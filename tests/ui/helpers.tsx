/**
 * Renders the whole app around a fresh world whose browsers reach the Django site through the
 * real MSW handlers (msw/node), as the service worker does in a browser.
 */
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../src/ui/App';
import { WorldContext } from '../../src/ui/hooks/useWorld';
import { initI18n, type Language } from '../../src/ui/i18n';
import { World } from '../../src/world/world';
import { FetchTransport } from '../../src/browser/transport';
import { VirtualClock } from '../../src/world/clock';
import { listenInNode } from '../../src/server/msw/node';
import type { DjangoServer } from '../../src/server/server';
import { LessonsContext } from '../../src/ui/lessons/context';
import { lessonCatalog } from '../../src/lessons/load';
import { LessonProgress } from '../../src/lessons/progress';
import { LessonRunner } from '../../src/lessons/runner';

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

/** Real time frozen at 2026-01-01T00:00:00Z unless moved. */
export function fakeRealTime(start = 1767225600000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

export function renderApp(options: { lang?: Language } = {}) {
  const i18n = initI18n(options.lang ?? 'en');
  void i18n.changeLanguage(options.lang ?? 'en');
  const real = fakeRealTime();
  const world = new World({
    clock: new VirtualClock(real.now),
    transport: () => new FetchTransport('http://localhost/', 'node'),
  });
  current = world;
  const user = userEvent.setup();
  const catalog = lessonCatalog();
  const runner = new LessonRunner(
    world,
    catalog.lessons,
    new LessonProgress(null),
    options.lang ?? 'en',
  );
  const utils = render(
    <WorldContext.Provider value={world}>
      <LessonsContext.Provider value={{ runner, catalog }}>
        <App notices={[]} />
      </LessonsContext.Provider>
    </WorldContext.Provider>,
  );
  return { ...utils, world, user, real, runner };
}
