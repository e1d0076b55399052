/**
 * Lessons 1 to 8, in Bangla, by hand, as a student does them: in one playground, reading each
 * step's text and doing what it says with the controls a student uses (the simulated browser's
 * address bar and forms, the Console, the clock, the Settings panel, the browser buttons), never
 * "Do it for me". At each step the test checks what the student should see: the page, the
 * cookie, the rows, the step's "done", the reveal after the questions, and Next lit.
 */
import { test, expect, open } from './fixtures';
import {
  RAHIM,
  KARIM,
  MIDDLEWARE,
  SESSIONS_APP,
  ui,
  readStep,
  expectDone,
  nextStep,
  nextLesson,
  visit,
  submitLogin,
  showPanel,
  typeInConsole,
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

test('lessons 1 to 8 by hand, in Bangla, as a student would', async ({ page }) => {
  test.setTimeout(300_000); // about a minute here; a busy machine may take several
  const u = ui(page);
  await open(page, '', 'bn');
  await page.getByRole('link', { name: 'সেশন কী' }).click();
  await expect(page).toHaveURL(/#\/lesson\/what-is-a-session\/1$/);

  // ---- Lesson 1: what a session is ------------------------------------------------------------
  await readStep(page, 1, 7, 'সেশন আইডেন্টিফায়ার (SID)');
  await expect(u.status).toBeEmpty(); // a reading step: nothing to do
  await nextStep(page);

  await readStep(page, 2, 7, '/myapp/connection/', 'যান');
  await expect(u.shown('A')).toContainText('ফাঁকা পেজ');
  // Too early: Next is not a disabled button, it says what is still to do.
  await expect(u.next).toHaveAttribute('aria-disabled', 'true');
  await expect(u.next).not.toHaveAttribute('disabled');
  // Playwright's own wait treats aria-disabled as disabled; a student's mouse does not.
  await u.next.click({ force: true });
  await expect(u.stepPosition).toHaveText('ধাপ ২ / ৭');
  await expect(u.stillToDo).toHaveClass(/nudged/);
  await expect(u.stillToDo).toHaveRole('alert'); // said aloud, not only shown
  await expect(u.stillToDo).toContainText('এখনো না: “পরের ধাপ”-এর আগে যা বাকি');
  await expect(u.stillToDo).toContainText('ব্রাউজার A: GET /myapp/connection/');
  await visit(page, '/myapp/connection/');
  await expect(u.shown('A').getByRole('button', { name: 'Login' })).toBeVisible();
  await expectDone(page);
  const firstVisit = await newestRequest(page);
  await expect(header(firstVisit, 'Vary')).toContainText('Cookie');
  await expect(header(firstVisit, 'Set-Cookie')).toHaveCount(0);
  await showPanel(page, 'কুকি');
  await expect(u.panel('কুকি')).toContainText('এই ব্রাউজারে কোনো কুকি নেই।');
  await nextStep(page);

  await readStep(page, 3, 7, RAHIM, 'Login');
  await submitLogin(page, RAHIM);
  await expect(u.shown('A')).toContainText(`You are : ${RAHIM}`);
  await expectDone(page);
  const loginPost = await newestRequest(page);
  await expect(header(loginPost, 'Set-Cookie')).toContainText(
    /^Set-Cookie:sessionid=[a-z0-9]{32};/,
  );
  await showPanel(page, 'কুকি');
  await expect(cookieRows(page)).toHaveCount(1);
  await expect(cookieRows(page).first()).toContainText('sessionid');
  await showPanel(page, 'সেশন স্টোর');
  await expect(storeRows(page)).toHaveCount(1);
  await expect(storeRows(page).first()).toContainText(`{'username': '${RAHIM}'}`);
  await nextStep(page);

  await readStep(page, 4, 7, '/myapp/connection/');
  await visit(page, '/myapp/connection/');
  await expect(u.shown('A')).toContainText(`You are : ${RAHIM}`);
  await expectDone(page);
  const withCookie = await newestRequest(page);
  await expect(header(withCookie, 'Cookie')).toContainText(/sessionid=[a-z0-9]{32}/);
  await expect(header(withCookie, 'Set-Cookie')).toHaveCount(0);
  await nextStep(page);

  await readStep(page, 5, 7, '+ আরেকটি ব্রাউজার', 'ব্রাউজার B-তে', '/myapp/connection/');
  await page.getByRole('button', { name: '+ আরেকটি ব্রাউজার', exact: true }).click();
  await expect(u.tab('ব্রাউজার B')).toHaveAttribute('aria-selected', 'true');
  await visit(page, '/myapp/connection/');
  await expect(u.shown('B').getByRole('button', { name: 'Login' })).toBeVisible();
  await expectDone(page);
  await showPanel(page, 'কুকি');
  await expect(u.panel('কুকি')).toContainText('এই ব্রাউজারে কোনো কুকি নেই।');
  await nextStep(page);

  await readStep(page, 6, 7, 'ব্রাউজার A-তে ফিরে যান', 'ব্রাউজার বন্ধ করুন', '/myapp/connection/');
  await expectRevealWaits(page);
  await answer(page, /^লগইন ফর্ম/); // the tutorial's claim: wrong
  await expectRevealWaits(page);
  await u.tab('ব্রাউজার A').click();
  await page.getByRole('button', { name: 'ব্রাউজার বন্ধ করুন', exact: true }).click();
  await visit(page, '/myapp/connection/');
  await expect(u.shown('A')).toContainText(`You are : ${RAHIM}`);
  await expectDone(page);
  await expectGraded(page, /^লগইন ফর্ম/, false);
  await expect(u.reveal).toContainText('sessionid');
  await expect(u.reveal).toContainText('২ সপ্তাহ');
  await nextStep(page);

  await readStep(page, 7, 7, 'সেশন স্টোর', 'session_data');
  await showPanel(page, 'সেশন স্টোর');
  await storeRows(page).first().getByRole('button', { name: 'সবটা দেখুন' }).click();
  await expect(storeRows(page).first()).toContainText(
    'eyJ1c2VybmFtZSI6Ilx1MDliMFx1MDliOVx1MDliZlx1MDlhZSJ9',
  );
  await expectDone(page, { last: true, read: true });
  await nextLesson(page, 'setup', 'সেশন চালু করা');

  // ---- Lesson 2: setting sessions up ----------------------------------------------------------
  await readStep(page, 1, 6, 'INSTALLED_APPS', 'MIDDLEWARE');
  await nextStep(page);

  await readStep(page, 2, 6, 'কোনো সারি নেই।', '/myapp/connection/', RAHIM);
  await showPanel(page, 'সেশন স্টোর');
  await expect(u.panel('সেশন স্টোর')).toContainText('কোনো সারি নেই।');
  await visit(page, '/myapp/connection/');
  await submitLogin(page, RAHIM);
  await expect(u.shown('A')).toContainText(`You are : ${RAHIM}`);
  await expectDone(page);
  await expect(storeRows(page)).toHaveCount(1);
  await nextStep(page);

  await readStep(page, 3, 6, MIDDLEWARE, 'প্রয়োগ করুন', '/myapp/connection/');
  await applySetting(page, MIDDLEWARE, false);
  await visit(page, '/myapp/connection/');
  await expect(u.shown('A')).toContainText('AttributeError');
  await expect(u.shown('A')).toContainText("'WSGIRequest' object has no attribute 'session'");
  await expectDone(page);
  const broken = await newestRequest(page);
  await expect(header(broken, 'Vary')).toHaveCount(0);
  await expect(header(broken, 'Set-Cookie')).toHaveCount(0);
  await nextStep(page);

  await readStep(page, 4, 6, 'টিক দিন', 'প্রয়োগ করুন', '/myapp/connection/');
  await applySetting(page, MIDDLEWARE, true);
  await visit(page, '/myapp/connection/');
  await expect(u.shown('A')).toContainText(`You are : ${RAHIM}`);
  await expectDone(page);
  await nextStep(page);

  await readStep(page, 5, 6, SESSIONS_APP, 'প্রয়োগ করুন', '/myapp/connection/');
  await applySetting(page, SESSIONS_APP, false);
  await visit(page, '/myapp/connection/');
  await expect(u.shown('A')).toContainText('RuntimeError');
  await expect(u.shown('A')).toContainText("isn't in an application in INSTALLED_APPS");
  await expectDone(page);
  await nextStep(page);

  await readStep(page, 6, 6, SESSIONS_APP, 'প্রয়োগ করুন', '/myapp/connection/');
  await applySetting(page, SESSIONS_APP, true);
  await visit(page, '/myapp/connection/');
  await expect(u.shown('A')).toContainText(`You are : ${RAHIM}`);
  await expectDone(page, { last: true });
  await showPanel(page, 'সেশন স্টোর');
  await expect(storeRows(page)).toHaveCount(1);
  await nextLesson(page, 'login', 'লগইন: সেশনে ইউজারনেম রাখা');

  // ---- Lesson 3: login stores the username ----------------------------------------------------
  await readStep(page, 1, 6, 'SyntaxError');
  await nextStep(page);

  await readStep(page, 2, 6, '/myapp/login/');
  await visit(page, '/myapp/login/');
  await expect(u.shown('A')).toContainText('You are : not logged in');
  await expectDone(page);
  const untouched = await newestRequest(page);
  await expect(header(untouched, 'Vary')).toHaveCount(0);
  await expect(header(untouched, 'Set-Cookie')).toHaveCount(0);
  await nextStep(page);

  await readStep(page, 3, 6, '/myapp/connection/', RAHIM, 'পাসওয়ার্ডের ঘরটা খালি রাখুন', 'Login');
  await visit(page, '/myapp/connection/');
  await submitLogin(page, RAHIM, '');
  await expect(u.shown('A')).toContainText('You are : not logged in');
  await expectDone(page);
  await showPanel(page, 'কুকি');
  await expect(u.panel('কুকি')).toContainText('এই ব্রাউজারে কোনো কুকি নেই।');
  await nextStep(page);

  await readStep(page, 4, 6, '/myapp/connection/', RAHIM, 'Login');
  await visit(page, '/myapp/connection/');
  await submitLogin(page, RAHIM);
  await expect(u.shown('A')).toContainText(`You are : ${RAHIM}`);
  await expectDone(page);
  await nextStep(page);

  await readStep(page, 5, 6, 'কুকি', 'HttpOnly', 'SameSite=Lax');
  await showPanel(page, 'কুকি');
  const cookie = cookieRows(page).first();
  await expect(cookie).toContainText('sessionid');
  await expect(cookie).toContainText('১৩ দিন');
  await expect(cookie).toContainText('Lax');
  await expect(cookie.locator('td').nth(7)).toContainText('হ্যাঁ'); // HttpOnly
  await nextStep(page);

  await readStep(page, 6, 6, 'সেশন স্টোর', 'ডিকোড করা');
  await showPanel(page, 'সেশন স্টোর');
  await storeRows(page).first().getByRole('button', { name: 'সবটা দেখুন' }).click();
  await expect(storeRows(page).first()).toContainText(`{'username': '${RAHIM}'}`);
  await expect(storeRows(page).first()).toContainText(
    'eyJ1c2VybmFtZSI6Ilx1MDliMFx1MDliOVx1MDliZlx1MDlhZSJ9',
  );
  await expectDone(page, { last: true, read: true });
  await nextLesson(page, 'formview', 'formView: সেশন থেকে পড়া');

  // ---- Lesson 4: formView reads the session ---------------------------------------------------
  await readStep(page, 1, 6, 'has_key');
  await nextStep(page);

  await readStep(page, 2, 6, 'ব্রাউজার A-তে', '/myapp/connection/');
  await visit(page, '/myapp/connection/');
  await expect(u.shown('A').getByRole('button', { name: 'Login' })).toBeVisible();
  await expectDone(page);
  const anonymous = await newestRequest(page);
  await expect(header(anonymous, 'Vary')).toContainText('Cookie');
  await expect(header(anonymous, 'Set-Cookie')).toHaveCount(0);
  await nextStep(page);

  await readStep(page, 3, 6, RAHIM, 'Login');
  await submitLogin(page, RAHIM);
  await expect(u.shown('A')).toContainText(`You are : ${RAHIM}`);
  await expectDone(page);
  await nextStep(page);

  await readStep(page, 4, 6, '/myapp/connection/', 'নেটওয়ার্ক');
  await answer(page, /^না: সেশনে কিছুই বদলায়নি/); // right
  await expectRevealWaits(page);
  await visit(page, '/myapp/connection/');
  await expect(u.shown('A')).toContainText(`You are : ${RAHIM}`);
  await expectDone(page);
  await expectGraded(page, /^না: সেশনে কিছুই বদলায়নি/, true);
  await expect(u.reveal).toContainText('Set-Cookie নেই');
  const readBack = await newestRequest(page);
  await expect(header(readBack, 'Vary')).toContainText('Cookie');
  await expect(header(readBack, 'Set-Cookie')).toHaveCount(0);
  await nextStep(page);

  await readStep(page, 5, 6, '+১ দিন', '/myapp/connection/', '১২ দিন ২৩:');
  await showPanel(page, 'সেশন স্টোর');
  const expireBefore = await storeRows(page).first().locator('td').nth(3).textContent();
  await pressClock(page, '+১ দিন');
  await visit(page, '/myapp/connection/');
  await expect(u.shown('A')).toContainText(`You are : ${RAHIM}`);
  await expectDone(page);
  await expect(storeRows(page).first().locator('td').nth(3)).toHaveText(expireBefore ?? '');
  await showPanel(page, 'কুকি');
  await expect(cookieRows(page).first()).toContainText('১২ দিন ২৩:');
  await nextStep(page);

  await readStep(
    page,
    6,
    6,
    "'username' in request.session",
    "request.session['username']",
    'কিছুই দেখায় না',
  );
  await typeInConsole(page, 'A', "'username' in request.session", 'True');
  await typeInConsole(page, 'A', "request.session['username']", `'${RAHIM}'`);
  await expectDone(page, { last: true });
  await typeInConsole(page, 'A', "request.session['color']", /KeyError: 'color'/);
  await typeInConsole(page, 'A', "request.session.get('color')", ''); // None: nothing printed
  await nextLesson(page, 'urls', 'URL: তখন patterns(), এখন path()');

  // ---- Lesson 5: URLs -------------------------------------------------------------------------
  await readStep(page, 1, 6, 'patterns(');
  await nextStep(page);

  await readStep(page, 2, 6, '/myapp/connection/');
  await visit(page, '/myapp/connection/');
  await expect(u.shown('A').getByRole('button', { name: 'Login' })).toBeVisible();
  await expectDone(page);
  await nextStep(page);

  await readStep(page, 3, 6, '/myapp/nothing/');
  await visit(page, '/myapp/nothing/');
  await expect(u.shown('A')).toContainText('HTTP 404');
  await expect(u.shown('A')).toContainText('Page not found');
  await expect(u.shown('A')).toContainText('myapp/connection/');
  await expectDone(page);
  await visit(page, '/myapp/connection'); // the tutorial's address, without the slash
  await expect(u.shown('A')).toContainText('HTTP 404');
  await nextStep(page);

  await readStep(page, 4, 6, '/myapp/connection/extra/');
  await visit(page, '/myapp/connection/extra/');
  await expect(u.shown('A')).toContainText('HTTP 404');
  await expectDone(page);
  await nextStep(page);

  await readStep(page, 5, 6, 'DEBUG', 'False', 'প্রয়োগ করুন', '/myapp/nothing/');
  await applySetting(page, /^(True|False) DEBUG$/, false);
  await visit(page, '/myapp/nothing/');
  await expect(u.shown('A')).toContainText('The requested resource was not found on this server.');
  await expect(u.shown('A')).not.toContainText('myapp/connection/');
  await expectDone(page);
  await nextStep(page);

  await readStep(page, 6, 6, 'DEBUG', 'True', 'প্রয়োগ করুন');
  await applySetting(page, /^(True|False) DEBUG$/, true);
  await expectDone(page, { last: true });
  await nextLesson(page, 'logout', 'লগআউট: del আসলে কী করে');

  // ---- Lesson 6: logout -----------------------------------------------------------------------
  await readStep(page, 1, 7, '/myapp/connection/', RAHIM);
  await visit(page, '/myapp/connection/');
  await submitLogin(page, RAHIM);
  await expect(u.shown('A')).toContainText(`You are : ${RAHIM}`);
  await expectDone(page);
  await showPanel(page, 'সেশন স্টোর');
  await expect(storeRows(page)).toHaveCount(1);
  // The whole key is on screen (no hover needed), as a student reads and copies it.
  const key = await storeRows(page).first().locator('.session-key .key-text').textContent();
  expect(key).toMatch(/^[a-z0-9]{32}$/);
  await nextStep(page);

  await readStep(page, 2, 7, '/myapp/logout/');
  await answer(page, /^রেসপন্স সেটা মুছে দেবে/); // wrong
  await expectRevealWaits(page); // one question of two answered
  await answer(page, /^সারি থেকে যাবে/); // right
  await expectRevealWaits(page);
  await visit(page, '/myapp/logout/');
  await expect(u.shown('A')).toContainText('You are logged out.');
  await expectDone(page);
  await expectGraded(page, /^রেসপন্স সেটা মুছে দেবে/, false);
  await expectGraded(page, /^সারি থেকে যাবে/, true);
  await expect(u.reveal).toContainText('আবার');
  const logout = await newestRequest(page);
  await expect(header(logout, 'Set-Cookie')).toContainText(`sessionid=${key as string}`);
  await expect(header(logout, 'Set-Cookie')).toContainText('Max-Age=1209600');
  await nextStep(page);

  await readStep(page, 3, 7, 'সেশন স্টোর', '{}');
  await showPanel(page, 'সেশন স্টোর');
  await expect(storeRows(page)).toHaveCount(1);
  await expect(storeRows(page).first()).toContainText('{}');
  await expect(storeRows(page).first()).toContainText('e30');
  await nextStep(page);

  await readStep(page, 4, 7, '/myapp/connection/');
  await visit(page, '/myapp/connection/');
  await expect(u.shown('A').getByRole('button', { name: 'Login' })).toBeVisible();
  await expectDone(page);
  await expect(header(await newestRequest(page), 'Cookie')).toContainText(key as string);
  await nextStep(page);

  await readStep(page, 5, 7, RAHIM);
  await submitLogin(page, RAHIM);
  await expect(u.shown('A')).toContainText(`You are : ${RAHIM}`);
  await expectDone(page);
  await showPanel(page, 'সেশন স্টোর');
  await expect(storeRows(page)).toHaveCount(1);
  await expect(storeRows(page).first().locator('.session-key .key-text')).toHaveText(key as string);
  await nextStep(page);

  await readStep(page, 6, 7, 'কনসোল', 'request.session.flush()');
  await typeInConsole(page, 'A', 'request.session.flush()', '');
  await expectDone(page);
  const flush = await newestRequest(page);
  await expect(header(flush, 'Set-Cookie')).toContainText('sessionid=""');
  await expect(header(flush, 'Set-Cookie')).toContainText('Max-Age=0');
  await showPanel(page, 'কুকি');
  await expect(u.panel('কুকি')).toContainText('এই ব্রাউজারে কোনো কুকি নেই।');
  await showPanel(page, 'সেশন স্টোর');
  await expect(u.panel('সেশন স্টোর')).toContainText('কোনো সারি নেই।');
  await nextStep(page);

  await readStep(page, 7, 7, 'flush()');
  await expectDone(page, { last: true, read: true });
  await nextLesson(page, 'expiry', 'মেয়াদ: সেশন কতদিন বাঁচে');

  // ---- Lesson 7: expiry -----------------------------------------------------------------------
  await readStep(page, 1, 7, '/myapp/connection/', RAHIM, '১৩ দিন ২৩:৫৯:');
  await visit(page, '/myapp/connection/');
  await submitLogin(page, RAHIM);
  await expect(u.shown('A')).toContainText(`You are : ${RAHIM}`);
  await expectDone(page);
  await showPanel(page, 'কুকি');
  await expect(cookieRows(page).first()).toContainText('১৩ দিন ২৩:');
  await nextStep(page);

  await readStep(
    page,
    2,
    7,
    'request.session.get_expiry_age()',
    'request.session.get_expiry_date()',
    'request.session.get_expire_at_browser_close()',
  );
  await typeInConsole(page, 'A', 'request.session.get_expiry_age()', '1209600');
  await typeInConsole(page, 'A', 'request.session.get_expiry_date()', /^datetime\.datetime\(/);
  await typeInConsole(page, 'A', 'request.session.get_expire_at_browser_close()', 'False');
  await expectDone(page);
  await pressClock(page, '+১ ঘণ্টা');
  await typeInConsole(page, 'A', 'request.session.get_expiry_age()', '1209600');
  await nextStep(page);

  await readStep(page, 3, 7, 'request.session.set_expiry(0)');
  await typeInConsole(page, 'A', 'request.session.set_expiry(0)', '');
  await expectDone(page);
  await showPanel(page, 'কুকি');
  await expect(cookieRows(page).first()).toContainText('ব্রাউজার বন্ধ হওয়া পর্যন্ত');
  await typeInConsole(page, 'A', 'request.session.get_expire_at_browser_close()', 'True');
  await typeInConsole(page, 'A', 'request.session.get_expiry_age()', '1209600');
  await nextStep(page);

  await readStep(page, 4, 7, 'ব্রাউজার বন্ধ করুন', '/myapp/connection/');
  await page.getByRole('button', { name: 'ব্রাউজার বন্ধ করুন', exact: true }).click();
  await visit(page, '/myapp/connection/');
  await expect(u.shown('A').getByRole('button', { name: 'Login' })).toBeVisible();
  await expectDone(page);
  await showPanel(page, 'সেশন স্টোর');
  await expect(storeRows(page)).toHaveCount(1);
  await expect(storeRows(page).first()).toContainText(`'username': '${RAHIM}'`);
  await nextStep(page);

  await readStep(page, 5, 7, 'request.session.set_expiry(300)', '+১ মিনিট');
  await submitLogin(page, RAHIM);
  await expect(u.shown('A')).toContainText(`You are : ${RAHIM}`);
  await typeInConsole(page, 'A', 'request.session.set_expiry(300)', '');
  await answer(page, /^240/); // wrong: the student expects a countdown
  await expectRevealWaits(page);
  await pressClock(page, '+১ মিনিট');
  await typeInConsole(page, 'A', 'request.session.get_expiry_age()', '300');
  await expectDone(page);
  await expectGraded(page, /^240/, false);
  await expect(u.reveal).toContainText("'_session_expiry': 300");
  await nextStep(page);

  await readStep(
    page,
    6,
    7,
    'request.session.set_expiry(timedelta(minutes=5))',
    '+১ মিনিট',
    'request.session.set_expiry(timezone.now() + timedelta(days=1))',
  );
  await typeInConsole(page, 'A', 'request.session.set_expiry(timedelta(minutes=5))', '');
  await typeInConsole(page, 'A', 'request.session.get_expiry_age()', /^(300|299)$/);
  await pressClock(page, '+১ মিনিট');
  await typeInConsole(page, 'A', 'request.session.get_expiry_age()', /^2[34]\d$/);
  await typeInConsole(
    page,
    'A',
    'request.session.set_expiry(timezone.now() + timedelta(days=1))',
    '',
  );
  await typeInConsole(page, 'A', 'request.session.get_expiry_date()', /^datetime\.datetime\(/);
  await expectDone(page);
  await showPanel(page, 'সেশন স্টোর');
  await expect(u.panel('সেশন স্টোর')).toContainText(/'_session_expiry': '\d{4}-\d\d-\d\dT/);
  await nextStep(page);

  await readStep(page, 7, 7, 'request.session.set_expiry(None)', '+২ সপ্তাহ', '+১ মিনিট');
  await typeInConsole(page, 'A', 'request.session.set_expiry(None)', '');
  await expect(header(await newestRequest(page), 'Set-Cookie')).toContainText('Max-Age=1209600');
  await pressClock(page, '+২ সপ্তাহ');
  await pressClock(page, '+১ মিনিট');
  await showPanel(page, 'কুকি');
  await expect(u.panel('কুকি')).toContainText('এই ব্রাউজারে কোনো কুকি নেই।');
  await showPanel(page, 'সেশন স্টোর');
  await expect(storeRows(page)).toHaveCount(2);
  await expect(storeRows(page).and(page.locator('.expired'))).toHaveCount(2);
  await expect(storeRows(page).first()).toContainText('মেয়াদ শেষ (সারিটা এখনো আছে)');
  await visit(page, '/myapp/connection/');
  await expect(u.shown('A').getByRole('button', { name: 'Login' })).toBeVisible();
  await expectDone(page, { last: true });
  await nextLesson(page, 'cleanup', 'মেয়াদ-পেরোনো সেশন সাফ করা');

  // ---- Lesson 8: cleaning up expired sessions -------------------------------------------------
  await readStep(page, 1, 6, '/myapp/connection/', RAHIM);
  await visit(page, '/myapp/connection/');
  await submitLogin(page, RAHIM);
  await expect(u.shown('A')).toContainText(`You are : ${RAHIM}`);
  await expectDone(page);
  await showPanel(page, 'সেশন স্টোর');
  await expect(storeRows(page)).toHaveCount(1);
  await nextStep(page);

  await readStep(page, 2, 6, '+২ সপ্তাহ', '+১ মিনিট');
  await pressClock(page, '+২ সপ্তাহ');
  await pressClock(page, '+১ মিনিট');
  await expectDone(page);
  await showPanel(page, 'সেশন স্টোর');
  await expect(storeRows(page).first()).toHaveClass('expired');
  await expect(storeRows(page).first()).toContainText('মেয়াদ শেষ (সারিটা এখনো আছে)');
  await nextStep(page);

  await readStep(page, 3, 6, 'ব্রাউজার A-তে', '/myapp/connection/');
  await visit(page, '/myapp/connection/');
  await expect(u.shown('A').getByRole('button', { name: 'Login' })).toBeVisible();
  await expectDone(page);
  await expect(header(await newestRequest(page), 'Cookie')).toHaveCount(0);
  await nextStep(page);

  await readStep(page, 4, 6, '+ আরেকটি ব্রাউজার', 'ব্রাউজার B-তে', '/myapp/connection/', KARIM);
  await page.getByRole('button', { name: '+ আরেকটি ব্রাউজার', exact: true }).click();
  await expect(u.tab('ব্রাউজার B')).toHaveAttribute('aria-selected', 'true');
  await visit(page, '/myapp/connection/');
  await submitLogin(page, KARIM);
  await expect(u.shown('B')).toContainText(`You are : ${KARIM}`);
  await expectDone(page);
  await showPanel(page, 'সেশন স্টোর');
  await expect(storeRows(page)).toHaveCount(2);
  await expect(storeRows(page).and(page.locator('.expired'))).toHaveCount(1);
  await nextStep(page);

  await readStep(page, 5, 6, 'request.session.clear_expired()', 'clear_expired()');
  await answer(page, /^একটা: করিমেরটা/); // right
  await expectRevealWaits(page);
  await typeInConsole(page, 'B', 'request.session.clear_expired()', '');
  await expectDone(page);
  await expectGraded(page, /^একটা: করিমেরটা/, true);
  await expect(u.reveal).toContainText('DELETE FROM django_session');
  await showPanel(page, 'সেশন স্টোর');
  await expect(storeRows(page)).toHaveCount(1);
  await expect(storeRows(page).first()).toContainText(`{'username': '${KARIM}'}`);
  await nextStep(page);

  await readStep(page, 6, 6, 'python manage.py clearsessions');
  await expectDone(page, { last: true, read: true });

  // Back on the list: lessons 1 to 8 are complete, done by hand.
  await page.getByRole('link', { name: 'আমার প্লেগ্রাউন্ডে ফিরুন' }).click();
  await expect(page.locator('.lesson-index')).toBeVisible();
  const lessons = page.locator('.lesson-list').first().locator('li');
  await expect(lessons).toHaveCount(8);
  for (let i = 0; i < 8; i++) await expect(lessons.nth(i)).toContainText('শেষ ✓');
});
