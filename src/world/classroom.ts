/**
 * "Simulate a class": many more browsers, each logging in as its own student, to show the store
 * under load and clear_expired() at scale.
 */
import type { BrowserTab } from './tabs';
import type { World } from './world';

/** The most browsers a class adds. */
export const MAX_CLASS = 1000;
/** Logins sent together: few enough for the page to stay responsive between batches. */
const BATCH = 50;

/** Adds `count` browsers (up to MAX_CLASS) and logs each in; `onProgress` says how many are in. */
export async function simulateClass(
  world: World,
  count: number,
  onProgress?: (done: number) => void,
): Promise<number> {
  const n = Math.max(0, Math.min(MAX_CLASS, Math.trunc(count)));
  const ids: string[] = [];
  await world.quietly(async () => {
    for (let i = 0; i < n; i++)
      ids.push(world.addTab(`student-${String(world.tabs.length).padStart(4, '0')}`).id);
    world.activeTabId = (world.tabs[0] as BrowserTab).id;
  });
  let done = 0;
  for (let i = 0; i < ids.length; i += BATCH) {
    await world.quietly(() =>
      Promise.all(
        ids.slice(i, i + BATCH).map(async (id) => {
          const tab = world.tab(id);
          await tab.browser.request({
            method: 'POST',
            path: '/myapp/login/',
            form: { username: tab.name, password: 'x' },
          });
          done++;
        }),
      ),
    );
    onProgress?.(done);
  }
  return done;
}
