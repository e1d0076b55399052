import { join } from 'node:path';
import { test, expect, open, login, lessonReady } from './fixtures';

// The main screens in both languages on a phone, a laptop and a classroom projector, kept as test
// artifacts (test-results/screens/) for people to look at.
const SCREENS: [number, number][] = [
  [390, 844],
  [1280, 800],
  [1366, 768],
];
for (const lang of ['en', 'bn'] as const) {
  for (const [width, height] of SCREENS) {
    test(`screens: ${lang} at ${width} px`, async ({ page }, info) => {
      await page.setViewportSize({ width, height });
      const shot = async (name: string) => {
        const path = join(info.project.outputDir, 'screens', `${lang}-${width}-${name}.png`);
        // A whole-page shot shows the parts below the window as a student scrolling there sees
        // them: drawn (the page skips drawing them while they are off screen).
        const drawAll = await page.addStyleTag({
          content: '* { content-visibility: visible !important }',
        });
        // From the top: a sticky part (the phone's lesson dock) is drawn where it sits in the page.
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path, fullPage: true });
        await drawAll.evaluate((style) => (style as Element).remove());
      };
      await open(page, '', lang);
      await shot('1-lessons');
      await login(page, lang === 'en' ? 'alice' : 'রহিম');
      await page.getByRole('tab', { name: lang === 'en' ? 'Network' : 'নেটওয়ার্ক' }).click();
      await expect(page.locator('.network-detail')).toBeVisible();
      await shot('2-network');
      await page.getByRole('tab', { name: lang === 'en' ? 'Session store' : 'সেশন স্টোর' }).click();
      await expect(page.locator('.panels table')).toBeVisible();
      await shot('3-store');
      await page.goto(`?lang=${lang}#/lesson/login/5`);
      await expect(page.locator('.code-block').first()).toBeVisible();
      await lessonReady(page);
      await shot('4-lesson');
    });
  }
}
