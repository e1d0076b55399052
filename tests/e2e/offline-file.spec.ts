/**
 * dist/index.html opened from disk (file://), as the README promises: Chromium runs no module
 * script file and applies no crossorigin stylesheet there, so index.html hands over to
 * standalone.html, the single-file build, where the mock server runs inside the page.
 * Uses the sub-path build the suite's web server made (playwright.config.ts).
 */
import { test, expect, type Page } from '@playwright/test';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { login, watchPage } from './fixtures';
import { DIST } from './ports';

const INDEX = pathToFileURL(resolve(`${DIST}/sub/index.html`)).href;

/**
 * Console errors, uncaught errors and failed requests (fixtures.watchPage: the hand-over, where
 * index.html stops its own loading with window.stop(), is a load cut by a new document), and any
 * request that is not for one of the two files.
 */
function watch(page: Page): string[] {
  const problems: string[] = [];
  watchPage(page, problems);
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith('data:') && !url.startsWith('file:')) problems.push(`request to ${url}`);
    if (
      url.startsWith('file:') &&
      !/\/(index|standalone)\.html$/.test(url.split(/[?#]/)[0] as string)
    )
      problems.push(`request for another file: ${url}`);
  });
  return problems;
}

test('dist/index.html opened from disk starts the playground, with the mock server in the page', async ({
  page,
}) => {
  const problems = watch(page);
  await page.goto(INDEX);
  await expect(page).toHaveURL(/\/dist-e2e\/\d+\/sub\/standalone\.html$/);
  await expect(page.locator('.workbench .browser-toolbar').first()).toBeVisible();
  await login(page, 'alice');
  await expect(page.getByText('Mock server: running in this page')).toBeVisible();
  await expect(page.getByText('This page was opened from a file', { exact: false })).toBeVisible();
  // Styled: the header has its colour (the CSS is inline in the one file).
  await expect(page.locator('.app-header')).toHaveCSS('background-color', 'rgb(11, 41, 72)');
  expect(problems).toEqual([]);
});

test('from disk in Bangla: the language and a lesson link survive the hand-over', async ({
  page,
}) => {
  const problems = watch(page);
  await page.goto(`${INDEX}?lang=bn#/lesson/login/2`);
  await expect(page).toHaveURL(/standalone\.html\?lang=bn#\/lesson\/login\/2$/);
  await expect(page.locator('.step-position')).toHaveText('ধাপ ২ / ৬');
  await page.getByRole('button', { name: 'আমার হয়ে করে দিন', exact: true }).click();
  await expect(page.locator('.step-status .ok')).toBeVisible();
  await expect(page.getByText('মক সার্ভার: এই পেজের ভেতরেই চলছে')).toBeVisible();
  expect(
    await page.evaluate(() => document.fonts.check('16px "Noto Sans Bengali"', 'সেশন')),
    'the Bengali font (inline) is loaded',
  ).toBe(true);
  expect(problems).toEqual([]);
});
