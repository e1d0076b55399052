/**
 * The one request path in a real browser, with the service worker on: a cookie value outside
 * ISO-8859-1 (which fetch refuses in a header) and a percent-encoded path reach Django, which
 * answers as real Django does (issue 14, item 5; issue 11, one request path).
 */
import { test, expect, open, transportLabel } from './fixtures';

test('a sessionid outside Latin-1 reaches Django through the service worker, which deletes it', async ({
  page,
}) => {
  await open(page);
  await page.getByRole('tab', { name: 'Cookies' }).click();
  const form = page.getByRole('form', { name: 'Add a cookie by hand (as in DevTools)' });
  await form.getByLabel('Name').fill('sessionid');
  await form.getByLabel('Value').fill('ünï😀');
  await form.getByRole('button', { name: 'Add cookie' }).click();
  await page.getByRole('textbox', { name: 'Address' }).fill('/myapp/log%69n/');
  await page.getByRole('button', { name: 'Go' }).click();
  await expect(transportLabel(page)).toBeVisible();
  // /myapp/log%69n/ is the login view, as Django decodes it.
  await expect(page.getByRole('region', { name: 'Page shown in browser A' })).toContainText(
    'You are : not logged in',
  );
  // Four characters are no session key: Django ignored it and told the browser to delete it.
  await expect(page.getByRole('tabpanel', { name: 'Cookies' })).toContainText(
    'No cookies in this browser.',
  );
  await page.getByRole('tab', { name: 'Network' }).click();
  const network = page.getByRole('tabpanel', { name: 'Network' });
  await expect(network).toContainText('sessionid=ünï😀');
  await expect(network).toContainText('expires=Thu, 01 Jan 1970 00:00:00 GMT');
});
