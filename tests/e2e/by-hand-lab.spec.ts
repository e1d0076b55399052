/**
 * A lab by hand, in Bangla, on a phone: "SESSION_SAVE_EVERY_REQUEST and sliding expiry", all
 * eight steps, done as its text says with a student's controls (the Settings panel, the clock
 * folded behind "সময় বদলান", the address bar, the login form, the questions), never "Do it for
 * me". At each step: what the page, the Network panel, the cookies and the rows should show, the
 * step's "done", its questions graded, and Next lit.
 */
import { test, expect, open, lessonReady } from './fixtures';
import {
  RAHIM,
  ui,
  readStep,
  expectDone,
  nextStep,
  visit,
  submitLogin,
  showPanel,
  applySettings,
  applySetting,
  pressClock,
  answer,
  expectGraded,
  expectRevealWaits,
  newestRequest,
  header,
  storeRows,
  cookieRows,
} from './student';

test.use({ viewport: { width: 390, height: 844 } });

test('lab 14 by hand, in Bangla, on a phone: fixed expiry, then sliding', async ({ page }) => {
  test.setTimeout(300_000);
  const u = ui(page);
  const loginForm = u.shown('A').getByRole('button', { name: 'Login' });
  const loggedIn = async () => {
    await expect(u.shown('A')).toContainText(`You are : ${RAHIM}`);
  };
  /** The steps' experiment: the questions answered, minutes let pass, Rahim back on the site. */
  const comeBack = async (minutes: number, ...answers: RegExp[]) => {
    for (const option of answers) await answer(page, option);
    await pressClock(page, '+১ মিনিট', minutes);
    await visit(page, '/myapp/connection/');
  };
  /** The step is done, and every answer given was right. */
  const doneAndRight = async (...answers: RegExp[]) => {
    await expectDone(page);
    for (const option of answers) await expectGraded(page, option, true);
  };
  await open(page, '#/lesson/save-every-request', 'bn');
  await lessonReady(page);

  // 1: a five-minute session, a paused clock, a login.
  await readStep(page, 1, 8, 'SESSION_COOKIE_AGE', '300', 'থামান', RAHIM);
  await applySettings(page, { values: { SESSION_COOKIE_AGE: '300' } });
  await pressClock(page, 'থামান');
  await expect(page.getByRole('button', { name: 'আবার চালান', exact: true })).toBeVisible();
  await visit(page, '/myapp/connection/');
  await submitLogin(page, RAHIM);
  await loggedIn();
  await expectDone(page);
  await expect(header(await newestRequest(page), 'Set-Cookie')).toContainText('Max-Age=300');
  await nextStep(page);

  // 2: two minutes later, a page that only reads the session: no Set-Cookie.
  await readStep(page, 2, 8, '+১ মিনিট', '/myapp/connection/');
  await expectRevealWaits(page);
  await comeBack(2, /^না: শুধু পড়লে/);
  await loggedIn();
  await doneAndRight(/^না: শুধু পড়লে/);
  await expect(u.reveal).toContainText('কোনো');
  await expect(header(await newestRequest(page), 'Set-Cookie')).toHaveCount(0);
  await nextStep(page);

  // 3: six minutes after the login, though active at minute two: the login form.
  await readStep(page, 3, 8, 'চারবার');
  await comeBack(4, /^না: সে লগইন ফর্ম পাবে/);
  await expect(loginForm).toBeVisible();
  await doneAndRight(/^না: সে লগইন ফর্ম পাবে/);
  await showPanel(page, 'কুকি');
  await expect(u.panel('কুকি')).toContainText('এই ব্রাউজারে কোনো কুকি নেই।');
  await showPanel(page, 'সেশন স্টোর');
  await expect(storeRows(page).first()).toContainText('মেয়াদ শেষ');
  await nextStep(page);

  // 4: the setting on, and a login again from the form on screen.
  await readStep(page, 4, 8, 'SESSION_SAVE_EVERY_REQUEST', 'True');
  await applySetting(page, /SESSION_SAVE_EVERY_REQUEST/, true);
  await submitLogin(page, RAHIM);
  await loggedIn();
  await expectDone(page);
  await nextStep(page);

  // 5: the same read-only page now saves: Set-Cookie again, the expiry moved.
  await readStep(page, 5, 8, '+১ মিনিট');
  await comeBack(2, /^হ্যাঁ/, /^সরে যাবে/);
  await loggedIn();
  await doneAndRight(/^হ্যাঁ/, /^সরে যাবে/);
  await expect(header(await newestRequest(page), 'Set-Cookie')).toContainText('Max-Age=300');
  await showPanel(page, 'কুকি');
  await expect(cookieRows(page)).toHaveCount(1);
  await nextStep(page);

  // 6: six minutes after the login, active at minute two: still logged in.
  await readStep(page, 6, 8, 'চারবার');
  await comeBack(4, /^হ্যাঁ/);
  await loggedIn();
  await doneAndRight(/^হ্যাঁ/);
  await nextStep(page);

  // 7: six idle minutes: logged out.
  await readStep(page, 7, 8, 'ছয়বার');
  await comeBack(6, /^না: সে লগইন ফর্ম পাবে/);
  await expect(loginForm).toBeVisible();
  await doneAndRight(/^না: সে লগইন ফর্ম পাবে/);
  await nextStep(page);

  // 8: back to Django's defaults, both in one press of প্রয়োগ করুন.
  await readStep(page, 8, 8, '1209600');
  await applySettings(page, {
    checks: [[/SESSION_SAVE_EVERY_REQUEST/, false]],
    values: { SESSION_COOKIE_AGE: '1209600' },
  });
  await expectDone(page, { last: true });
});
