/**
 * Offline after the first visit, and new versions picked up whole. Each test serves its own
 * builds from a host it can stop (tests/e2e/staticHost.ts): "offline" here means the host is
 * gone and the browser is offline, so nothing can come from the network.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { rmSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DIST, OFFLINE_PORT, UPDATE_PORT } from './ports';
import { login, watchPage } from './fixtures';
import { buildSite, StaticHost } from './staticHost';

const BASE = '/django-sessions/';
const BUILDS = resolve(`${DIST}/offline`);
const FIRST = join(BUILDS, 'first');
const SECOND = join(BUILDS, 'second');

/** What the page must never show: console errors, uncaught errors, requests that failed. */
const test = base.extend<{ problems: string[] }>({
  problems: async ({ page }, use) => {
    const problems: string[] = [];
    // Each test serves its builds from hosts of its own: no single origin to hold the page to.
    watchPage(page, problems);
    await use(problems);
    expect(problems, 'console errors, page errors or failed requests').toEqual([]);
  },
});

test.describe.configure({ mode: 'serial' });

test.beforeAll(() => {
  test.setTimeout(300_000);
  rmSync(BUILDS, { recursive: true, force: true });
  buildSite(FIRST, BASE, 'first build');
  buildSite(SECOND, BASE, 'second build');
});

const version = (page: Page) => page.locator('meta[name=version]').getAttribute('content');

async function offlineReady(page: Page) {
  await expect(page.locator('.workbench .browser-toolbar').first()).toBeVisible();
  await expect(
    page.getByText('The playground is now kept in this browser', { exact: false }),
  ).toBeVisible({ timeout: 60_000 });
}

test('after one visit, a reload with no network at all brings the whole playground back', async ({
  page,
  context,
  problems,
}) => {
  void problems;
  const host = new StaticHost(FIRST, BASE, OFFLINE_PORT);
  await host.start();
  try {
    await page.goto(`${host.url}?lang=en`);
    await offlineReady(page);
    // The playground in use: MSW serves the simulated browser from the service worker.
    await login(page, 'alice');
    await expect(page.getByText('Mock server: service worker (MSW)')).toBeVisible();
  } finally {
    await host.stop();
  }
  await context.setOffline(true);
  const served = host.requests.length;

  await page.reload();
  await expect(page.locator('.workbench .browser-toolbar').first()).toBeVisible();
  expect(await version(page)).toBe('first build');

  // Bangla: its strings, its lessons and its font all come from the offline copy; the saved
  // playground came back too.
  await page.getByRole('button', { name: 'বাংলা' }).click();
  await expect(page.getByRole('heading', { name: 'Django সেশন প্লেগ্রাউন্ড' })).toBeVisible();
  await page.getByRole('tab', { name: 'সেশন স্টোর' }).click();
  await expect(page.getByRole('tabpanel', { name: 'সেশন স্টোর' })).toContainText("'alice'");
  await page.locator('a[href="#/lesson/login"]').first().click();
  await expect(page.locator('.step-position')).toHaveText('ধাপ ১ / ৬');
  await page.getByRole('button', { name: 'পরের ধাপ', exact: true }).click();
  await expect(page.locator('.step-position')).toHaveText('ধাপ ২ / ৬');
  // The mock server (MSW in the same service worker) answers the simulated browser.
  await page.getByRole('button', { name: 'আমার হয়ে করে দিন', exact: true }).click();
  await expect(page.locator('.step-status .ok')).toBeVisible();
  await expect(page.getByRole('button', { name: 'পরের ধাপ', exact: true })).toBeEnabled();
  await expect(page.getByText('মক সার্ভার: সার্ভিস ওয়ার্কার (MSW)')).toBeVisible();
  // Code first needed now that MSW serves the page (the Settings panel) still comes from the
  // offline copy, not through MSW to the network.
  await page.getByRole('tab', { name: 'সেটিংস' }).click();
  await expect(page.getByLabel('SESSION_ENGINE')).toBeVisible();
  expect(
    await page.evaluate(() => document.fonts.check('16px "Noto Sans Bengali"', 'সেশন')),
    'the Bengali font is loaded',
  ).toBe(true);

  // Every lesson and lab, in both languages, is in the offline copy.
  const lessonChunks = await page.evaluate(async () => {
    const keys = await caches
      .keys()
      .then((names) => Promise.all(names.map((n) => caches.open(n).then((c) => c.keys()))));
    return keys.flat().map((r) => r.url);
  });
  const built = readdirSync(join(FIRST, 'assets'));
  for (const file of built)
    expect(
      lessonChunks.some((u) => u.includes(`/assets/${file}`)),
      `${file} is cached`,
    ).toBe(true);

  expect(host.requests.length, 'nothing reached the host while offline').toBe(served);
});

test('a new deployment is offered as "a new version is ready", and Reload brings all of it', async ({
  page,
  problems,
}) => {
  void problems;
  const host = new StaticHost(FIRST, BASE, UPDATE_PORT);
  await host.start();
  try {
    await page.goto(`${host.url}?lang=en`);
    await offlineReady(page);
    expect(await version(page)).toBe('first build');

    host.deploy(SECOND);
    // The next visit is still served from the offline copy (the first build), and finds the
    // second build's worker, which installs in the background.
    await page.reload();
    await expect(page.locator('.workbench .browser-toolbar').first()).toBeVisible();
    expect(await version(page)).toBe('first build');
    const notice = page
      .getByRole('status')
      .filter({ hasText: 'A new version of the playground is ready.' });
    await expect(notice).toBeVisible({ timeout: 60_000 });

    await notice.getByRole('button', { name: 'Reload' }).click();
    await expect.poll(() => version(page), { timeout: 30_000 }).toBe('second build');
    await expect(page.locator('.workbench .browser-toolbar').first()).toBeVisible();
    await expect(page.getByText('A new version of the playground is ready.')).toHaveCount(0);

    // Never half old: every script and stylesheet of the page is one of the second build's.
    const second = new Set(readdirSync(join(SECOND, 'assets')));
    const loaded = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .filter((u) => /\/assets\/.+\.(js|css)$/.test(u)),
    );
    expect(loaded.length).toBeGreaterThan(0);
    for (const url of loaded) expect(second.has(url.split('/').pop() as string), url).toBe(true);
  } finally {
    await host.stop();
  }
});
