/**
 * Issue 14, item 4, in Chromium: a big page (lab 15's guestbook with 20,000 messages that each
 * close the list, `</li></ul><b>x</b>`) is read and drawn in steps with a progress line, appears
 * whole, and the playground answers clicks meanwhile. How long it takes is bench:web's business.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, open } from './fixtures';

const MESSAGES = 20_000;
const pageShown = (page: Page, name = 'A') =>
  page.getByRole('region', { name: `Page shown in browser ${name}` });

/** The app's own export, with the guestbook filled, as a file on disk. */
async function bigWorldFile(page: Page, dir: string): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export (file)' }).click(),
  ]);
  const file = JSON.parse(await readFile((await download.path()) as string, 'utf8')) as {
    world: { server: { guestbook?: { id: number; text: string }[] } };
  };
  file.world.server.guestbook = Array.from({ length: MESSAGES }, (_, i) => ({
    id: i + 1,
    text: i === MESSAGES - 1 ? '</li></ul><b>the last one</b>' : '</li></ul><b>x</b>',
  }));
  const path = join(dir, 'big-guestbook.json');
  await writeFile(path, JSON.stringify(file));
  return path;
}

test('item 4: a guestbook of 20,000 messages is drawn whole, with progress, and clicks still work', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const dir = await mkdtemp(join(tmpdir(), 'big-page-'));
  try {
    await open(page);
    await page.getByLabel('Import (file)').setInputFiles(await bigWorldFile(page, dir));
    await page.getByRole('button', { name: 'Replace my world' }).click();
    await expect(page.getByText('Imported big-guestbook.json.')).toBeVisible({ timeout: 60_000 });
    // A second browser, to switch to while A's page is being read.
    await page.getByRole('button', { name: '+ Another browser' }).click();
    await page.getByRole('tab', { name: 'Browser A' }).click();

    await page.getByRole('textbox', { name: 'Address' }).fill('/myapp/guestbook/');
    await page.getByRole('button', { name: 'Go', exact: true }).click();
    const progress = pageShown(page).getByText(/Reading the page…|Drawing the rest of the page…/);
    await expect(progress.first()).toBeVisible({ timeout: 60_000 });
    // The page answers while A's page is being read or drawn: B's tab is selected and shown.
    await page.getByRole('tab', { name: 'Browser B' }).click();
    await expect(page.getByRole('tab', { name: 'Browser B' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(pageShown(page, 'B')).toContainText('A blank page.');

    // Back to A: the guestbook appears whole, and the progress line goes.
    await page.getByRole('tab', { name: 'Browser A' }).click();
    const shown = pageShown(page);
    await expect(shown.getByRole('button', { name: 'Sign the guestbook' })).toBeVisible({
      timeout: 120_000,
    });
    await expect(progress).toHaveCount(0);
    await expect(shown.locator('b')).toHaveCount(MESSAGES);
    await expect(shown.locator('b').last()).toHaveText('the last one');
    // Each message closed the list: the bold text sits outside any list, as in a real browser.
    await expect(shown.locator('ul b, ol b')).toHaveCount(0);
    // No notice of a cut page: 20,000 messages are within the simulated browser's limits.
    await expect(shown.getByText(/the playground's browser shows the first/)).toHaveCount(0);

    // The form at the bottom of the big page still works.
    await shown.getByPlaceholder('Message').fill('hello after 20,000');
    await shown.getByRole('button', { name: 'Sign the guestbook' }).click();
    await expect(shown.getByText('hello after 20,000')).toBeVisible({ timeout: 120_000 });
    await expect(shown.locator('b')).toHaveCount(MESSAGES, { timeout: 120_000 });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
