/**
 * The scripts of a page that just arrived, simulated (browser/scripts.ts: nothing is evaluated):
 * their report stays with the history entry for the browser frame to show, and what they send
 * to another site comes back as Network entries and values on the attacker's server (lab 15),
 * for the world to record.
 */
import type { NetworkEntry } from '../browser/browser';
import { runScripts } from '../browser/scripts';
import type { StolenCookie } from './stolen';
import type { BrowserTab } from './tabs';

/**
 * Runs the scripts of `tab`'s current page. Only a page from the network runs them: Back and
 * Forward show the page as it was.
 */
export function runPageScripts(tab: BrowserTab): { sent: NetworkEntry[]; stolen: StolenCookie[] } {
  const out = { sent: [] as NetworkEntry[], stolen: [] as StolenCookie[] };
  const entry = tab.current;
  // Most pages have no script: not even parsed here then (the UI parses what it shows).
  if (!entry || !/<script/i.test(entry.body)) return out;
  const page = tab.page;
  if (!page || page.scripts.length === 0) return out;
  const pageUrl = tab.browser.url(entry.request.path);
  entry.scripts = runScripts(page.scripts, tab.browser.jar, pageUrl);
  for (const report of entry.scripts) {
    if (report.outcome !== 'read-cookie') continue;
    for (const url of report.sent) {
      const offsite = tab.browser.offsite(url, pageUrl);
      offsite.browser = tab.id;
      out.sent.push(offsite);
      out.stolen.push({
        time: offsite.time,
        fromTab: tab.id,
        url: offsite.url,
        cookie: report.cookie,
      });
    }
  }
  return out;
}
