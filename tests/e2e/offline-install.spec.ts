/**
 * Installable: Chromium finds nothing missing to install the playground as an app, and the
 * manifest it reads is in the page's language, with real icons, under the base path.
 */
import { test, expect } from './fixtures';
import type { Page } from '@playwright/test';

interface Manifest {
  name: string;
  short_name: string;
  lang: string;
  start_url: string;
  scope: string;
  display: string;
  theme_color: string;
  icons: { src: string; sizes: string; type: string; purpose: string }[];
}

async function manifestOf(page: Page): Promise<{ url: string; manifest: Manifest }> {
  const href = await page.locator('link[rel=manifest]').getAttribute('href');
  const url = new URL(href as string, page.url()).href;
  const response = await page.request.get(url);
  expect(response.ok()).toBe(true);
  return { url, manifest: (await response.json()) as Manifest };
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): [number, number] {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

test('Chromium can install the playground, named in English, with its icons', async ({
  page,
  watch,
}) => {
  void watch;
  await page.goto('?lang=en');
  await expect(page.getByText('The playground is now kept in this browser')).toBeVisible({
    timeout: 60_000,
  });
  const cdp = await page.context().newCDPSession(page);
  const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
    installabilityErrors: { errorId: string }[];
  };
  // Playwright's browser contexts are private windows, where Chromium installs nothing: that
  // is the one reason it may give; a missing manifest field, icon or service worker would show.
  expect(installabilityErrors.filter((e) => e.errorId !== 'in-incognito')).toEqual([]);

  const { url, manifest } = await manifestOf(page);
  expect(manifest).toMatchObject({
    name: 'Django Session Playground',
    lang: 'en',
    display: 'standalone',
    theme_color: '#0b2948',
  });
  // Start URL and scope are the base path the site was built for.
  const base = new URL('./', page.url()).href.replace(/\?.*$/, '');
  expect(new URL(manifest.start_url, url).href).toBe(base);
  expect(new URL(manifest.scope, url).href).toBe(base);
  expect(manifest.icons.map((i) => i.purpose).sort()).toEqual(['any', 'any', 'maskable']);
  for (const icon of manifest.icons) {
    const bytes = await (await page.request.get(new URL(icon.src, url).href)).body();
    expect(pngSize(bytes).join('x'), icon.src).toBe(icon.sizes);
  }
});

test('a Bangla page links the Bangla manifest', async ({ page, watch }) => {
  void watch;
  await page.goto('?lang=bn');
  const { manifest } = await manifestOf(page);
  expect(manifest.name).toBe('Django সেশন প্লেগ্রাউন্ড');
  expect(manifest.lang).toBe('bn');
  expect(manifest.start_url).toBe('./'); // the same app, whichever language it came from
});
