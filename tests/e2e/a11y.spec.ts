import { test, expect, open, axeViolations } from './fixtures';

const SLUGS = [
  'what-is-a-session',
  'setup',
  'login',
  'formview',
  'urls',
  'logout',
  'expiry',
  'cleanup',
  'two-users',
  'session-fixation',
  'signed-cookies',
  'engines',
  'logout-done-right',
  'save-every-request',
  'httponly-xss',
];
const WIDTHS = {
  phone: { width: 360, height: 740 },
  desktop: { width: 1280, height: 900 },
} as const;

async function noViolations(page: import('@playwright/test').Page, where: string) {
  const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
  expect(await axeViolations(page, tags), `axe violations on ${where}`).toEqual([]);
  // Chromium's Issues panel asks every form field for an id or a name (autofill goes by them).
  // The simulated site's own pages are drawn as Django sends them, so they are not counted.
  const unnamed = await page
    .locator(
      'input:not([id]):not([name]), select:not([id]):not([name]), textarea:not([id]):not([name])',
    )
    .evaluateAll((fields) =>
      fields.filter((f) => !f.closest('.browser-page')).map((f) => f.outerHTML.slice(0, 80)),
    );
  expect(unnamed, `form fields with neither id nor name on ${where}`).toEqual([]);
}

for (const lang of ['en', 'bn'] as const) {
  for (const [size, viewport] of Object.entries(WIDTHS)) {
    test.describe(`${lang}, ${size}`, () => {
      test.use({ viewport });
      test(`the lesson list, a logged-in workbench and every panel have no axe violations`, async ({
        page,
      }) => {
        test.setTimeout(240_000); // seven axe runs
        await open(page, '', lang);
        await noViolations(page, `the list [${lang} ${size}]`);
        // Log in, then look at every panel.
        await page.getByRole('button', { name: lang === 'en' ? 'Go' : 'যান', exact: true }).click();
        await page.getByLabel('Username').fill('alice');
        await page.getByLabel('Password').fill('x');
        await page.getByRole('button', { name: 'Login', exact: true }).click();
        await expect(
          page.getByRole('region', { name: /A/ }).filter({ hasText: 'You are : alice' }),
        ).toBeVisible();
        for (const tab of await page.locator('.panels [role=tab]').all()) {
          await tab.click();
          await expect(page.locator('.panels [role=tabpanel]')).not.toContainText(/^Loading…$/);
          await noViolations(page, `panel ${await tab.textContent()} [${lang} ${size}]`);
        }
      });

      test(`every lesson's first and last step have no axe violations`, async ({ page }) => {
        test.setTimeout(420_000); // 30 steps, each caught up with and checked by axe
        await open(page, '', lang);
        for (const slug of SLUGS) {
          await page.goto(`?lang=${lang}#/lesson/${slug}/1`);
          await expect(page.locator('.step-position')).toBeVisible();
          await expect(page.locator('.prose p').first()).toBeVisible();
          await noViolations(page, `${slug} step 1 [${lang} ${size}]`);
          await page.goto(`?lang=${lang}#/lesson/${slug}/99`); // clamped to the last step
          await expect(page.locator('.prose p').first()).toBeVisible();
          await noViolations(page, `${slug} last step [${lang} ${size}]`);
        }
      });
    });
  }
}
