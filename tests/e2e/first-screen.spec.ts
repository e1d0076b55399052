/**
 * The first screen arrives as prerendered HTML (scripts/build/html.ts) and the app takes it over
 * as it is (React's hydration): the header and the lesson list a student is already reading are
 * never removed and drawn again (a second long task, and a repaint of the largest text), only
 * the "Starting..." placeholder gives way to the workbench. When the saved state differs from
 * what the build could know (progress, a lesson link), the app draws its own page instead, and
 * that page shows the saved state. The watch fixture fails any test on a console error, which
 * is how React reports markup that did not match.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

/** Records every element removed from #root from the moment it is parsed. */
async function watchRemovals(page: Page) {
  await page.addInitScript(() => {
    const removed: string[] = [];
    (window as unknown as { removed: string[] }).removed = removed;
    new MutationObserver((records) => {
      const root = document.getElementById('root');
      if (!root) return;
      for (const r of records)
        for (const n of r.removedNodes)
          if (n instanceof Element && (root.contains(r.target) || r.target === root))
            removed.push(
              n.hasAttribute('data-prerender')
                ? `${n.localName}[data-prerender=${n.getAttribute('data-prerender')}]`
                : `${n.localName}.${n.className}`,
            );
    }).observe(document, { childList: true, subtree: true });
  });
}

const removed = (page: Page) =>
  page.evaluate(() => (window as unknown as { removed: string[] }).removed);

for (const lang of ['en', 'bn'] as const) {
  test(`a first visit in ${lang}: the prerendered screen stays, the workbench joins it`, async ({
    page,
  }) => {
    await watchRemovals(page);
    await page.goto(`?lang=${lang}`);
    // The list a student reads before any script has run is the one they keep reading.
    const welcome = page.locator('.lesson-index > p').first();
    await expect(welcome).toBeVisible();
    await welcome.evaluate((p) => p.setAttribute('data-seen-before-start', ''));
    await expect(page.locator('.workbench .browser-toolbar').first()).toBeVisible();
    await expect(page.locator('.lesson-index > p[data-seen-before-start]')).toBeVisible();
    // Before the first paint both languages' screens leave their wrappers (one keeps its content).
    expect(await removed(page)).toEqual([
      'div[data-prerender=en]',
      'div[data-prerender=bn]',
      'div.workbench workbench-placeholder',
    ]);
    // What the build could not know arrives once the page is the app's: the virtual time.
    await expect(page.locator('.clock-time time')).toHaveText(
      lang === 'en' ? /^\d{1,2} \w{3,4} \d{4}, \d\d:\d\d:\d\d UTC$/ : /^[০-৯]{1,2} .+ UTC$/,
    );
    // The clock's "more" button still controls its panel (ids kept from the build).
    const more = page.locator('.clock-more');
    const extra = await more.getAttribute('aria-controls');
    expect(extra).toBeTruthy();
    await expect(page.locator(`[id="${extra}"]`)).toHaveCount(1);
  });
}

test('a returning student: the page is drawn from what was saved, not from the build', async ({
  page,
}) => {
  await page.addInitScript(() => {
    localStorage.setItem(
      'django-session-playground:lesson-progress:v1',
      JSON.stringify({ version: 1, done: { 'what-is-a-session': ['intro'] } }),
    );
  });
  await page.goto('?lang=en');
  await expect(page.locator('.workbench .browser-toolbar').first()).toBeVisible();
  await expect(page.getByText('1 of 7 steps done')).toBeVisible();
  await expect(page.locator('[data-prerender]')).toHaveCount(0);
});

test('a lesson link opens its step, not the prerendered list', async ({ page }) => {
  await page.goto('?lang=en#/lesson/what-is-a-session/2');
  await expect(page.locator('.workbench .browser-toolbar').first()).toBeVisible();
  await expect(page.locator('.lesson-index')).toHaveCount(0);
  await expect(page.locator('[data-prerender]')).toHaveCount(0);
  await expect(page.locator('.lesson-pane h2').first()).toBeVisible();
});

test('a lesson clicked in the prerendered list, before the app has started, opens', async ({
  page,
}) => {
  await page.goto('?lang=en', { waitUntil: 'domcontentloaded' });
  await page.getByRole('link', { name: 'login: storing the username' }).click();
  await expect(page.locator('.step-position')).toHaveText('Step 1 of 6');
  await expect(page).toHaveURL(/#\/lesson\/login\/1$/);
});

test('the panels fetched later bring their strings, in the language on screen and after a switch', async ({
  page,
}) => {
  // A first visit fetches only the strings its screen can show (scripts/vite/localeParts.ts).
  const laterGroups = /\b(inspector|console|network|attacker|explain)\.[a-zA-Z]+/;
  await page.goto('?lang=bn');
  const workbench = page.locator('.workbench');
  await expect(workbench.locator('.browser-toolbar').first()).toBeVisible();
  await page.getByRole('tab', { name: 'ইনস্পেক্টর' }).click();
  await expect(workbench).toContainText('Django একটা সেশনের মান কীভাবে পড়ে');
  await page.getByRole('tab', { name: 'কনসোল' }).click();
  await expect(workbench).toContainText('-এর একটা ভিউয়ের ভেতরের Python');
  await page.getByRole('tab', { name: 'নেটওয়ার্ক' }).click();
  await expect(workbench).toContainText('এখনো কোনো রিকোয়েস্ট যায়নি।');
  expect(await workbench.innerText()).not.toMatch(laterGroups);
  // English is fetched on the switch, the later panels' strings with it.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(workbench).toContainText('No requests yet.');
  await page.getByRole('tab', { name: 'Inspector' }).click();
  await expect(workbench).toContainText('Paste a session value to see how Django reads it');
  expect(await workbench.innerText()).not.toMatch(laterGroups);
});

/**
 * A Bangla page is first drawn with its font (scripts/build/html.ts, fontWait): before that, it
 * is not drawn at all, so nothing on it moves when the font arrives (no layout shift), even on a
 * line where the font comes well after the page. A font that never comes does not keep the page
 * blank: it shows after 3 s, as the font's own block period would.
 */
const BENGALI_FONT = '**/assets/noto-sans-bengali-app-*.woff2';

async function watchPaintAndShifts(page: Page) {
  await page.addInitScript(() => {
    const seen = { shift: 0, fcp: -1 };
    (window as unknown as { seen: typeof seen }).seen = seen;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) seen.shift += (e as unknown as { value: number }).value;
    }).observe({ type: 'layout-shift', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntriesByName('first-contentful-paint')) seen.fcp = e.startTime;
    }).observe({ type: 'paint', buffered: true });
  });
}

test('a Bangla page on a slow line is first drawn with its font, and nothing on it moves', async ({
  page,
}) => {
  await watchPaintAndShifts(page);
  await page.route(BENGALI_FONT, async (route) => {
    await new Promise((r) => setTimeout(r, 1200));
    await route.continue();
  });
  await page.goto('?lang=bn');
  await expect(
    page.getByRole('heading', { name: 'চোখের সামনে দেখে শিখুন Django সেশন' }),
  ).toBeVisible();
  await expect(page.locator('.workbench .browser-toolbar').first()).toBeVisible();
  const { shift, fcp, fontIn } = await page.evaluate(() => {
    const font = performance
      .getEntriesByType('resource')
      .find((e): e is PerformanceResourceTiming => e.name.includes('noto-sans-bengali-app-'));
    const seen = (window as unknown as { seen: { shift: number; fcp: number } }).seen;
    return { ...seen, fontIn: font ? font.responseEnd : null };
  });
  expect(fontIn).not.toBeNull();
  expect(fcp).toBeGreaterThanOrEqual(fontIn as number);
  // Text drawn before its font and then again with it moved the whole page (0.14); what is left
  // is below a thousandth: the "বাংলা" label's own font settling within its button.
  expect(shift).toBeLessThan(0.001);
});

test('a Bangla page whose font does not come shows its text anyway, after 3 s', async ({
  page,
}) => {
  let release = () => {};
  const released = new Promise<void>((r) => (release = r));
  await page.route(BENGALI_FONT, async (route) => {
    await released;
    await route.continue();
  });
  const start = Date.now();
  await page.goto('?lang=bn', { waitUntil: 'commit' });
  const heading = page.getByRole('heading', { name: 'চোখের সামনে দেখে শিখুন Django সেশন' });
  await expect(heading).toBeVisible({ timeout: 6000 });
  expect(Date.now() - start).toBeGreaterThanOrEqual(2900);
  release();
  await expect(page.locator('.workbench .browser-toolbar').first()).toBeVisible();
});

/**
 * Two cuts of the Bangla font (src/ui/styles.css): a Bangla page waits only for the app's own
 * (its glyphs, tests/scripts/bengaliFont.test.ts), and what a student types, whose conjuncts
 * may be any, is drawn with the whole font, fetched when such text first shows.
 */
test("a Bangla page needs only the app's cut of its font; typed Bangla gets the whole font", async ({
  page,
}) => {
  const status = (family: string) =>
    page.evaluate(
      (f) => [...document.fonts].filter((face) => face.family === f).map((face) => face.status),
      family,
    );
  await page.goto('?lang=bn');
  await expect(page.locator('.workbench .browser-toolbar').first()).toBeVisible();
  expect(await status('Noto Sans Bengali')).toContain('loaded');
  expect(await status('Noto Sans Bengali All')).not.toContain('loaded');

  await page.getByRole('tab', { name: 'কনসোল' }).click();
  const input = page.getByRole('textbox', { name: 'ব্রাউজার A-এর জন্য Python লাইন' });
  await input.fill("'লক্ষ্মী'");
  await input.press('Enter');
  const typed = page.locator('.console-in', { hasText: 'লক্ষ্মী' });
  await expect(typed).toBeVisible();
  await expect.poll(() => status('Noto Sans Bengali All')).toContain('loaded');
  expect(await typed.evaluate((e) => getComputedStyle(e).fontFamily)).toMatch(
    /^"Noto Sans Bengali All"/,
  );
});
