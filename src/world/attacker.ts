/**
 * Lab 15's attacker: the scripts of a page that just arrived, simulated (browser/scripts.ts:
 * nothing is evaluated), what they send to another site (a Network entry and a value on the
 * attacker's server), and the attacker replaying a stolen `document.cookie` in her own browser.
 */
import { runScripts } from '../browser/scripts';
import { plantedCookies, STOLEN_LIMIT, type StolenCookie } from './stolen';
import type { BrowserTab } from './tabs';
import type { World } from './world';

/**
 * Runs the scripts of `tab`'s current page. Their report stays with the history entry for the
 * browser frame to show. Only a page from the network runs them: Back and Forward show the page
 * as it was.
 */
export function runPageScripts(world: World, tab: BrowserTab): void {
  const entry = tab.current;
  // Most pages have no script: not even parsed here then (the UI parses what it shows).
  if (!entry || !/<script/i.test(entry.body)) return;
  const page = tab.page;
  if (!page || page.scripts.length === 0) return;
  const pageUrl = tab.browser.url(entry.request.path);
  entry.scripts = runScripts(page.scripts, tab.browser.jar, pageUrl);
  for (const report of entry.scripts) {
    if (report.outcome !== 'read-cookie') continue;
    for (const url of report.sent) {
      const offsite = tab.browser.offsite(url, pageUrl);
      offsite.browser = tab.id;
      world.record(offsite);
      world.stolen.push({
        time: offsite.time,
        fromTab: tab.id,
        url: offsite.url,
        cookie: report.cookie,
      });
    }
  }
  if (world.stolen.length > STOLEN_LIMIT)
    world.stolen.splice(0, world.stolen.length - STOLEN_LIMIT);
}

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
