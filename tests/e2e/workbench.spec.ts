import { readFile } from 'node:fs/promises';
import { test, expect, open, login, transportLabel } from './fixtures';
import { ROOT_PORT } from './ports';

const cookiesPanel = (page: import('@playwright/test').Page) =>
  page.getByRole('tabpanel', { name: 'Cookies' });

test('log in, reload: still logged in with the same cookie and row', async ({ page }) => {
  await open(page);
  await login(page, 'alice');
  const keyCell = cookiesPanel(page).locator('tbody tr').first().locator('td').nth(1);
  const key = await keyCell.locator('.key-text').textContent();
  expect(key).toMatch(/^[a-z0-9]{32}$/);
  await page.reload();
  await expect(page.locator('.workbench .browser-toolbar').first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Page shown in browser A' })).toContainText(
    'You are : alice',
  );
  await expect(cookiesPanel(page).locator('.key-text', { hasText: key as string })).toBeVisible();
  await page.getByRole('textbox', { name: 'Address' }).fill('/myapp/connection/');
  await page.getByRole('button', { name: 'Go' }).click();
  await page.getByRole('tab', { name: 'Session store' }).click();
  await expect(page.getByRole('tabpanel', { name: 'Session store' })).toContainText(
    "{'username': 'alice'}",
  );
  await expect(
    page.getByRole('tabpanel', { name: 'Session store' }).locator('tbody tr'),
  ).toHaveCount(1);
});

test('close the browser: a browser-session cookie is gone, the server row stays', async ({
  page,
}) => {
  await open(page);
  await page.getByRole('tab', { name: 'Settings' }).click();
  await page.getByRole('checkbox', { name: /SESSION_EXPIRE_AT_BROWSER_CLOSE/ }).check();
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(
    page.getByText('Applied. The server restarted with the new settings.'),
  ).toBeVisible();
  await page.getByRole('tab', { name: 'Cookies' }).click();
  await login(page, 'alice');
  await expect(cookiesPanel(page)).toContainText('until the browser closes');
  await page.getByRole('button', { name: 'Close browser' }).click();
  await expect(cookiesPanel(page)).toContainText('No cookies in this browser.');
  await page.getByRole('tab', { name: 'Session store' }).click();
  await expect(page.getByRole('tabpanel', { name: 'Session store' })).toContainText(
    "{'username': 'alice'}",
  );
});

test('two browsers, two users, two keys; logging out in one leaves the other', async ({ page }) => {
  await open(page);
  await login(page, 'alice');
  await page.getByRole('button', { name: '+ Another browser' }).click();
  await expect(page.getByRole('tab', { name: 'Browser B' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await login(page, 'bob');
  await page.getByRole('tab', { name: 'Session store' }).click();
  const store = page.getByRole('tabpanel', { name: 'Session store' });
  await expect(store.locator('tbody tr')).toHaveCount(2);
  await expect(store).toContainText("{'username': 'alice'}");
  await expect(store).toContainText("{'username': 'bob'}");
  const keys = await store
    .locator('tbody tr .key-text')
    .evaluateAll((els) => els.map((e) => e.textContent));
  expect(new Set(keys).size).toBe(2);
  // Bob logs out; Alice (browser A) is still logged in.
  await page.getByRole('textbox', { name: 'Address' }).fill('/myapp/logout/');
  await page.getByRole('button', { name: 'Go' }).click();
  await expect(page.getByRole('region', { name: 'Page shown in browser B' })).toContainText(
    'You are logged out.',
  );
  await page.getByRole('tab', { name: 'Browser A' }).click();
  await page.getByRole('button', { name: 'Reload' }).click();
  await page.getByRole('textbox', { name: 'Address' }).fill('/myapp/connection/');
  await page.getByRole('button', { name: 'Go' }).click();
  await expect(page.getByRole('region', { name: 'Page shown in browser A' })).toContainText(
    'You are : alice',
  );
  await expect(store).toContainText("{'username': 'alice'}");
  await expect(store).toContainText('{}');
});

test('the Network list follows the newest request, until an older one is picked', async ({
  page,
}) => {
  await open(page);
  await login(page, 'alice');
  await page.getByRole('tab', { name: 'Network' }).click();
  const list = page.getByRole('list', { name: 'Requests' });
  for (let i = 0; i < 20; i++) await page.getByRole('button', { name: 'Reload' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(22);
  // The page scrolled so that the whole list box is on screen; the box scrolls by itself.
  await list.evaluate((el) => el.scrollIntoView({ block: 'end' }));
  await expect(list.getByRole('listitem').first()).not.toBeInViewport();
  await expect(list.getByRole('listitem').last()).toBeInViewport();
  await expect(list.getByRole('button').last()).toHaveAttribute('aria-pressed', 'true');
  // An older request picked: the list stays where the student put it.
  await list.getByRole('button').nth(18).click();
  await page.getByRole('button', { name: 'Reload' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(23);
  await expect(list.getByRole('button').nth(18)).toHaveAttribute('aria-pressed', 'true');
  await expect(list.getByRole('listitem').last()).not.toBeInViewport();
});

test('time travel: two weeks later the session has expired; clear_expired() removes the row', async ({
  page,
}) => {
  await open(page);
  await login(page, 'alice');
  await page.getByRole('tab', { name: 'Session store' }).click();
  const store = page.getByRole('tabpanel', { name: 'Session store' });
  await expect(store).toContainText('13 days');
  await page.getByRole('button', { name: '+2 weeks' }).click();
  await expect(store).toContainText('expired (still stored)');
  await expect(store.locator('tbody tr.expired')).toHaveCount(1);
  await page.getByRole('textbox', { name: 'Address' }).fill('/myapp/connection/');
  await page.getByRole('button', { name: 'Go' }).click();
  await expect(page.getByRole('region', { name: 'Page shown in browser A' })).toContainText(
    'Login',
  );
  await page.getByRole('button', { name: 'clear_expired()' }).click();
  await expect(store).toContainText('No rows.');
});

test('export the world, reset everything, import the file: alice is back', async ({ page }) => {
  await open(page);
  await login(page, 'alice');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export (file)' }).click();
  const exported = await download;
  const name = exported.suggestedFilename();
  expect(name).toMatch(/^django-session-playground.*\.json$/);
  const buffer = await readFile(await exported.path());
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'Reset everything' }).click();
  const shown = page.getByRole('region', { name: 'Page shown in browser A' });
  await expect(shown).not.toContainText('You are : alice');
  // The file input hides in its label, which reads in the page's language.
  await page
    .getByLabel('Import (file)')
    .setInputFiles({ name, mimeType: 'application/json', buffer });
  // Before replacing anything, the file's contents are shown and the student confirms.
  await expect(page.getByRole('region', { name: `${name} holds:` })).toContainText('1 browser');
  await page.getByRole('button', { name: 'Replace my world' }).click();
  await expect(page.getByText(`Imported ${name}.`)).toBeVisible();
  await expect(shown).toContainText('You are : alice');
  await page.getByRole('tab', { name: 'Session store' }).click();
  await expect(page.getByRole('tabpanel', { name: 'Session store' })).toContainText(
    "{'username': 'alice'}",
  );
});

test('a corrupt saved state is reported, kept aside, and replaced by a fresh world', async ({
  page,
}) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem(
        'django-session-playground:world',
        '{"schema":"django-session-playground/world","version":1,"world":{"clock":7}}',
      );
      sessionStorage.setItem('seeded', '1');
    }
  });
  await open(page);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Your saved playground could not be read, so it starts afresh');
  await expect(alert).toContainText('world.clock: expected an object');
  const kept = await page.evaluate(() =>
    localStorage.getItem('django-session-playground:world:backup:1'),
  );
  expect((JSON.parse(kept ?? '{}') as { text?: string }).text).toContain('"clock":7');
  await login(page, 'alice');
});

test.describe('a build for the domain root', () => {
  test.use({ baseURL: `http://127.0.0.1:${ROOT_PORT}/` });
  test('works the same', async ({ page }) => {
    await open(page);
    await login(page, 'alice');
    await expect(transportLabel(page)).toBeVisible();
  });
});

test.describe('without a service worker', () => {
  test.use({ serviceWorkers: 'block' });
  test('the in-page fallback serves the site and says so', async ({ page }) => {
    await open(page);
    await expect(page.getByText('Mock server: starts with the first request')).toBeVisible();
    await login(page, 'alice');
    await expect(page.getByText('Mock server: running in this page')).toBeVisible();
    await expect(
      page.getByRole('status').filter({ hasText: 'the mock server runs inside the page instead' }),
    ).toBeVisible();
  });
});

test('a second tab says the first one owns the saved work, and can take over', async ({
  page,
  context,
}) => {
  await open(page);
  await login(page, 'alice');
  const second = await context.newPage();
  await second.goto('?lang=en');
  const dialog = second.getByRole('alertdialog', { name: 'Open in another tab' });
  await expect(dialog).toContainText('already open in another tab');
  // The first tab keeps working; the second takes over, and the first is told.
  await dialog.getByRole('button', { name: 'Take over in this tab' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('alertdialog', { name: 'Open in another tab' })).toContainText(
    'Another tab took over',
  );
  await second.close();
});
