/**
 * Every end-to-end test watches the page: no console errors, no failed requests, and no request
 * to any origin but the page's own. A test fails if any of these happen.
 */
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page, type Request } from '@playwright/test';

export interface Watch {
  problems: string[];
}

/**
 * Collects into `problems` what a visitor would see go wrong on `page`: console errors, uncaught
 * errors, failed requests and, given the page's `origin`, any request to another origin.
 */
export function watchPage(page: Page, problems: string[], origin?: string): void {
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  // A request still under way when the page reloads or leaves is cancelled by the browser
  // (net::ERR_ABORTED), as for any visitor: Chromium's late fetch of the favicon, say. That
  // is no failure: an aborted request is withdrawn once a new document begins after it.
  let documents = 0;
  const documentAtStart = new WeakMap<Request, number>();
  let abortedThisDocument: string[] = [];
  page.on('domcontentloaded', () => {
    documents++;
    for (const line of abortedThisDocument) {
      const at = problems.indexOf(line); // gone if the test took it out itself
      if (at >= 0) problems.splice(at, 1);
    }
    abortedThisDocument = [];
  });
  page.on('requestfailed', (r) => {
    const error = r.failure()?.errorText ?? '';
    const line = `request failed: ${r.url()} ${error}`;
    if (error !== 'net::ERR_ABORTED') problems.push(line);
    else if (documentAtStart.get(r) === documents) {
      problems.push(line);
      abortedThisDocument.push(line);
    }
  });
  page.on('request', (r) => {
    documentAtStart.set(r, documents);
    const url = r.url();
    if (
      origin !== undefined &&
      !url.startsWith('data:') &&
      !url.startsWith('blob:') &&
      new URL(url).origin !== origin
    ) {
      problems.push(`request to another origin: ${url}`);
    }
  });
}

// `auto`: every test is watched without asking for it.
export const test = base.extend<{ watch: Watch }>({
  watch: [
    async ({ page, baseURL }, use) => {
      const watch: Watch = { problems: [] };
      watchPage(page, watch.problems, new URL(baseURL as string).origin);
      await use(watch);
      expect(watch.problems, 'console errors, failed requests or foreign requests').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** axe's violations on the page for these rule tags, one line each (rule, help, first nodes). */
export async function axeViolations(page: Page, tags: string[]): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(tags).analyze();
  return results.violations.map(
    (v) =>
      `${v.id}: ${v.help} (${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(' | ')})`,
  );
}

/** Opens the playground and waits until the workbench is there (the engine has loaded). */
export async function open(page: Page, path = '', lang: 'en' | 'bn' = 'en') {
  // The language goes in the query, before any #/lesson/... route.
  await page.goto(path.startsWith('#') ? `?lang=${lang}${path}` : `${path}?lang=${lang}`);
  await expect(page.locator('.workbench .browser-toolbar').first()).toBeVisible();
}

/** The footer names the mock server once the first request has chosen it. */
export function transportLabel(page: Page, lang: 'en' | 'bn' = 'en') {
  return page.getByText(
    lang === 'en' ? 'Mock server: service worker (MSW)' : 'মক সার্ভার: সার্ভিস ওয়ার্কার (MSW)',
  );
}

/**
 * Nothing makes the page itself scroll sideways (tables may scroll inside their own box);
 * `unfold` opens every folded part (examples, details) first.
 */
export async function expectNoPageOverflow(page: Page, where: string, { unfold = false } = {}) {
  const { scroll, client } = await page.evaluate((open) => {
    if (open) for (const d of document.querySelectorAll('details')) d.open = true;
    return {
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    };
  }, unfold);
  expect(scroll, `page wider than the window: ${where}`).toBeLessThanOrEqual(client);
}

/**
 * The open lesson step takes input: the lesson's world is ready (caught up with a linked step),
 * its text is on screen, and nothing is being done for the student (the step's status is no
 * longer busy). A key pressed before then is not the lesson's yet: the workbench can be on
 * screen while the lesson itself still loads.
 */
export async function lessonReady(page: Page) {
  await expect(page.locator('.lesson-player .step-status')).toBeAttached();
  await expect(page.locator('.lesson-player .step-status[aria-busy]')).toHaveCount(0);
}

export async function login(page: Page, name: string) {
  await page.getByRole('button', { name: /^(Go|যান)$/ }).click();
  await page.getByLabel('Username').fill(name);
  await page.getByLabel('Password').fill('secret');
  await page.getByRole('button', { name: 'Login' }).click();
  await expect(page.getByRole('region', { name: /Page shown in browser|পেজ/ })).toContainText(
    `You are : ${name}`,
  );
}
