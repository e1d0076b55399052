/**
 * The screen a student learns from, in real Chromium, at a phone's (390x844), a laptop's
 * (1280x800) and a projector's size (1366x768, instructor mode), in both languages: no sideways
 * scrolling of the page, whole keys readable without hover, the at-a-glance view's two clocks
 * ticking on the virtual clock, and no axe violation (target size included) in any panel or on
 * a lesson step. Screenshots of each go to test-results/screens/ for people to look at.
 */
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, login, axeViolations, expectNoPageOverflow } from './fixtures';

const SIZES = {
  phone: { width: 390, height: 844 },
  laptop: { width: 1280, height: 800 },
  projector: { width: 1366, height: 768 },
} as const;
type Size = keyof typeof SIZES;

const WORDS = {
  en: {
    cookies: 'Cookies',
    store: 'Session store',
    glance: "Browser A's session at a glance",
    moreTime: 'Time travel',
    plusDay: '+1 day',
    days: (n: number) => `${n} days`,
  },
  bn: {
    cookies: 'কুকি',
    store: 'সেশন স্টোর',
    glance: 'ব্রাউজার A-এর সেশন, এক নজরে',
    moreTime: 'সময় বদলান',
    plusDay: '+১ দিন',
    days: (n: number) =>
      `${String(n).replace(/\d/g, (d) => String.fromCharCode(0x09e6 + Number(d)))} দিন`,
  },
} as const;

/** The playground at a size; the projector in instructor mode (`?instructor=1`). */
async function openAt(page: Page, size: Size, lang: 'en' | 'bn', hash = '') {
  await page.setViewportSize(SIZES[size]);
  await page.goto(`?lang=${lang}${size === 'projector' ? '&instructor=1' : ''}${hash}`);
  await expect(page.locator('.workbench .browser-toolbar').first()).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

async function expectNoAxeViolations(page: Page, where: string) {
  const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
  expect(await axeViolations(page, tags), `axe violations on ${where}`).toEqual([]);
}

/** The whole key is in the page as text, on screen, inside the window: no hover needed. */
async function expectWholeKeyOnScreen(page: Page, panelName: string, key: string) {
  const text = page
    .getByRole('tabpanel', { name: panelName })
    .locator('.key-text', { hasText: key })
    .first();
  // The store panel arrives lazily: wait for its table before scrolling to the key.
  await expect(text).toBeVisible();
  await text.scrollIntoViewIfNeeded();
  await expect(text).toHaveText(key);
  // Every line of it inside the window and inside the box that scrolls it (no clipped part).
  const clipped = await text.evaluate((el) => {
    const rects = [...el.getClientRects()];
    let box = { left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight };
    for (let p = el.parentElement; p; p = p.parentElement) {
      if (!/(auto|scroll|hidden)/.test(getComputedStyle(p).overflowX)) continue;
      const r = p.getBoundingClientRect();
      box = {
        left: Math.max(box.left, r.left),
        top: Math.max(box.top, r.top),
        right: Math.min(box.right, r.right),
        bottom: Math.min(box.bottom, r.bottom),
      };
    }
    return rects.filter(
      (r) =>
        r.left < box.left - 1 ||
        r.right > box.right + 1 ||
        r.top < box.top - 1 ||
        r.bottom > box.bottom + 1,
    ).length;
  });
  expect(clipped, `${key} shown whole, inside the window`).toBe(0);
}

for (const lang of ['bn', 'en'] as const) {
  for (const size of Object.keys(SIZES) as Size[]) {
    test(`${lang} at ${size}: whole keys, two ticking clocks, no overflow, no axe violations`, async ({
      page,
      watch,
    }, info) => {
      void watch;
      test.setTimeout(180_000);
      const w = WORDS[lang];
      const shot = (name: string) =>
        page.screenshot({
          path: join(info.project.outputDir, 'screens', `screen-${lang}-${size}-${name}.png`),
        });
      await openAt(page, size, lang);
      await expectNoPageOverflow(page, 'the first screen');
      await login(page, 'alice');
      const key = (await page
        .getByRole('region', { name: w.glance })
        .locator('.key-text')
        .textContent()) as string;
      expect(key).toMatch(/^[a-z0-9]{32}$/);

      // The key link: the same whole key in Cookies and in the store, with the same mark.
      await expectWholeKeyOnScreen(page, w.cookies, key);
      await shot('1-cookies');
      await page.getByRole('tab', { name: w.store }).click();
      await expectWholeKeyOnScreen(page, w.store, key);
      const marks = await page
        .locator('.key-text', { hasText: key })
        .evaluateAll((els) =>
          els.map((e) => e.closest('.session-key')?.querySelector('.key-mark')?.textContent),
        );
      expect(new Set(marks).size, 'one mark for one key everywhere').toBe(1);
      await shot('2-store');

      // Both clocks side by side, ticking with the virtual clock: on their own, and on a jump.
      const glance = page.getByRole('region', { name: w.glance });
      const clocks = glance.locator('.glance-clock-value');
      await expect(clocks).toHaveCount(2);
      const first = await clocks.allTextContents();
      await expect.poll(() => clocks.allTextContents(), { timeout: 5000 }).not.toEqual(first);
      const [cookieBox, serverBox] = await Promise.all([
        clocks.nth(0).boundingBox(),
        clocks.nth(1).boundingBox(),
      ]);
      expect(
        cookieBox && serverBox && Math.abs(cookieBox.y - serverBox.y) < 40,
        'side by side',
      ).toBe(true);
      if (size === 'phone') await page.getByRole('button', { name: w.moreTime }).click();
      await page.getByRole('button', { name: w.plusDay, exact: true }).click();
      await expect(clocks.nth(0)).toContainText(w.days(12));
      await expect(clocks.nth(1)).toContainText(w.days(12));
      await glance.scrollIntoViewIfNeeded();
      await shot('3-glance');

      // Every panel: no sideways page scroll, no axe violation.
      for (const tab of await page.locator('.panels [role=tab]').all()) {
        await tab.click();
        const name = (await tab.textContent()) ?? '';
        await expect(page.getByRole('tabpanel', { name })).not.toContainText(
          /^(Loading…|লোড হচ্ছে…)$/,
        );
        await expectNoPageOverflow(page, `panel ${name}`);
        await expectNoAxeViolations(page, `panel ${name} [${lang} ${size}]`);
      }
      await page.getByRole('tab', { name: lang === 'en' ? 'Network' : 'নেটওয়ার্ক' }).click();
      await page.locator('.cookie-exchange').scrollIntoViewIfNeeded();
      await shot('4-network');

      // A lesson step with two code blocks, and the lesson list.
      await page.goto(
        `?lang=${lang}${size === 'projector' ? '&instructor=1' : ''}#/lesson/login/5`,
      );
      await expect(page.locator('.code-block').first()).toBeVisible();
      await expectNoPageOverflow(page, 'a lesson step');
      await expectNoAxeViolations(page, `a lesson step [${lang} ${size}]`);
      await page.evaluate(() => window.scrollTo(0, 0));
      await shot('5-lesson');
      await page.goto(`?lang=${lang}${size === 'projector' ? '&instructor=1' : ''}#/`);
      await expect(page.locator('.lesson-list').first()).toBeVisible();
      await expectNoPageOverflow(page, 'the lesson list');
    });
  }
}
