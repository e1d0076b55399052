/**
 * Lab 15's attacker, on the world's side: replaying a stolen `document.cookie` in her own
 * browser, and clearing her server's list (what page scripts send is pageScripts.ts).
 */
import { plantedCookies, type StolenCookie } from './stolen';
import type { World } from './world';

/**
 * The attacker replays a stolen `document.cookie` in her own browser: each of its cookies is
 * planted as by hand (DevTools). `stolen`: which value (default: the last one that is not
 * empty). Returns how many cookies were planted.
 */
export function replayStolen(world: World, tabId: string, stolen?: StolenCookie): number {
  const tab = world.tab(tabId);
  const value = stolen ?? world.stolen.findLast((s) => s.cookie !== '');
  if (!value) throw new Error("The attacker's server has received no cookie to replay.");
  const cookies = plantedCookies(value.cookie, tab.browser.url('/').hostname);
  for (const c of cookies) world.putCookie(tab.id, c);
  world.changed();
  return cookies.length;
}

export function clearStolen(world: World): void {
  world.stolen = [];
  world.changed();
}
