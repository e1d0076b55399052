import { test, expect, open } from './fixtures';
import type { Page } from '@playwright/test';

const LANGS = ['en', 'bn'] as const;
const WORDS = {
  en: {
    doIt: 'Do it for me',
    next: 'Next',
    nextLesson: 'Next lesson',
    all: 'All lessons',
    step: /^Step (\d+) of (\d+)$/,
  },
  bn: {
    doIt: 'আমার হয়ে করে দিন',
    next: 'পরের ধাপ',
    nextLesson: 'পরের পাঠ',
    all: 'সব পাঠ',
    step: /^ধাপ ([০-৯]+) \/ ([০-৯]+)$/,
  },
} as const;

const fromBangla = (s: string) =>
  Number(s.replace(/[০-৯]/g, (d) => String(d.charCodeAt(0) - 0x09e6)));

async function stepPosition(page: Page, lang: 'en' | 'bn'): Promise<[number, number]> {
  const text = (await page.locator('.step-position').textContent()) ?? '';
  const m = WORDS[lang].step.exec(text.trim());
  if (!m) throw new Error(`unexpected step text: ${text}`);
  return [fromBangla(m[1] as string), fromBangla(m[2] as string)];
}

/** Completes the open lesson through the UI: "Do it for me" where there is one, then Next. */
async function completeLesson(page: Page, lang: 'en' | 'bn') {
  const w = WORDS[lang];
  for (;;) {
    const [n, total] = await stepPosition(page, lang);
    const doIt = page.getByRole('button', { name: w.doIt, exact: true });
    if (await doIt.count()) {
      await doIt.click();
      await expect(doIt).toBeEnabled(); // no longer busy
    }
    await expect(
      page.locator('.step-status .ok').or(page.locator('.step-status:empty')),
    ).toBeVisible();
    if (n === total) return;
    const next = page.getByRole('button', { name: w.next, exact: true });
    await expect(next, `step ${n} of ${total}: Next lights up`).toBeEnabled();
    const before = (await page.locator('.step-position').textContent()) ?? '';
    await next.click();
    await expect(page.locator('.step-position')).not.toHaveText(before);
  }
}

const LESSONS = [
  'what-is-a-session',
  'setup',
  'login',
  'formview',
  'urls',
  'logout',
  'expiry',
  'cleanup',
  // the labs
  'two-users',
  'session-fixation',
  'signed-cookies',
  'engines',
  'logout-done-right',
  'save-every-request',
  'httponly-xss',
];

for (const lang of LANGS) {
  for (const slug of LESSONS) {
    test(`lesson ${slug} can be completed step by step in ${lang}`, async ({ page, watch }) => {
      void watch;
      await open(page, `#/lesson/${slug}/1`, lang);
      await expect(page.locator('.step-position')).toBeVisible();
      await completeLesson(page, lang);
      // Back on the list, this lesson is marked complete.
      await page.getByRole('link', { name: WORDS[lang].all }).first().click();
      await expect(
        page.locator(`.lesson-list li:has(a[href="#/lesson/${slug}/1"]) .progress.complete`),
      ).toBeVisible();
    });
  }
}

test("an instructor's link opens a lab step with its settings, in Bangla", async ({
  page,
  watch,
}) => {
  void watch;
  await page.goto(
    '?lang=bn#/lesson/signed-cookies/3?SESSION_ENGINE=signed_cookies&SESSION_COOKIE_AGE=300',
  );
  await expect(page.locator('.step-position')).toHaveText('ধাপ ৩ / ৭');
  const status = page.locator('.linked-settings');
  await expect(status).toContainText(
    "SESSION_ENGINE = 'django.contrib.sessions.backends.signed_cookies'",
  );
  await expect(status).toContainText('SESSION_COOKIE_AGE = 300');
  await expect(page).toHaveURL(/\?lang=bn#\/lesson\/signed-cookies\/3$/);
  await page.getByRole('tab', { name: 'সেটিংস' }).click();
  await expect(page.getByLabel('SESSION_ENGINE')).toHaveValue('signed_cookies');
  // Steps 1 and 2 were never done here: the step says so and offers to do them, keeping the
  // link's settings.
  await expect(page.locator('.catch-up')).toContainText('এখনো করা হয়নি');
  page.once('dialog', (d) => void d.accept());
  await page.getByRole('button', { name: 'ধাপ ১–২ আমার হয়ে করে দিন' }).click();
  await expect(page.locator('.catch-up')).toHaveCount(0);
  await expect(page.locator('.step-position')).toHaveText('ধাপ ৩ / ৭');
  await expect(status).toContainText('SESSION_COOKIE_AGE = 300');
  await page.getByRole('tab', { name: 'সেটিংস' }).click();
  await expect(page.getByLabel('SESSION_ENGINE')).toHaveValue('signed_cookies');
  await expect(page.getByLabel('SESSION_COOKIE_AGE')).toHaveValue('300');
  // A reload keeps the student's world, and the link is not applied again.
  await page.reload();
  await expect(page.locator('.step-position')).toHaveText('ধাপ ৩ / ৭');
  await expect(page.locator('.linked-settings')).toHaveCount(0);
  await expect(page.locator('.catch-up')).toHaveCount(0);
  await page.getByRole('button', { name: 'আমার হয়ে করে দিন', exact: true }).click();
  await expect(page.getByRole('button', { name: 'পরের ধাপ', exact: true })).toBeEnabled();
});

test('switching language mid-lesson keeps the step and the world', async ({ page, watch }) => {
  void watch;
  await open(page, '#/lesson/login/4', 'en');
  await page.getByRole('button', { name: 'Do it for me', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Next', exact: true })).toBeEnabled();
  await page.getByRole('button', { name: 'বাংলা' }).click();
  await expect(page.locator('.step-position')).toHaveText('ধাপ ৪ / ৬');
  await expect(page.getByRole('button', { name: 'পরের ধাপ' })).toBeEnabled();
  await expect(page.getByRole('region', { name: /পেজ/ })).toContainText('You are : alice');
  await expect(page).toHaveURL(/#\/lesson\/login\/4$/);
});

test('an instructor steps through a lesson with the keyboard alone', async ({ page, watch }) => {
  void watch;
  await open(page, '#/lesson/what-is-a-session/1', 'en');
  // Instructor mode, reached with Tab and Enter.
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    if (
      await page
        .getByRole('button', { name: 'Instructor mode' })
        .evaluate((el) => el === document.activeElement)
    )
      break;
  }
  await page.keyboard.press('Enter');
  await expect(page.locator('html.instructor')).toHaveCount(1);
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.step-position')).toHaveText('Step 2 of 7');
  // Step 2 needs the engine: focus "Do it for me" from the keyboard and press it.
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (
      await page
        .getByRole('button', { name: 'Do it for me', exact: true })
        .evaluate((el) => el === document.activeElement)
    )
      break;
  }
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Next', exact: true })).toBeEnabled();
  await page.keyboard.press('PageDown');
  await expect(page.locator('.step-position')).toHaveText('Step 3 of 7');
  await page.keyboard.press('PageUp');
  await expect(page.locator('.step-position')).toHaveText('Step 2 of 7');
  // An instructor's fingers are quick: keys pressed faster than the address bar catches up
  // must still land on one step (the hash and the lesson once chased each other here).
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('PageDown');
    await page.keyboard.press('PageUp');
  }
  await expect(page.locator('.step-position')).toHaveText('Step 2 of 7');
  await expect(page).toHaveURL(/#\/lesson\/what-is-a-session\/2$/);
});

test('the console: commands, an error, history', async ({ page, watch }) => {
  void watch;
  await open(page);
  await page.getByRole('tab', { name: 'Console' }).click();
  const input = page.getByRole('textbox', { name: 'Python line for browser A' });
  await input.fill("request.session['color'] = 'blue'");
  await input.press('Enter');
  await input.fill("request.session['color']");
  await input.press('Enter');
  await input.fill('request.session.pop("nothing")');
  await input.press('Enter');
  const log = page.getByRole('list', { name: 'Console output' });
  await expect(log).toContainText("'blue'");
  await expect(log).toContainText("KeyError: 'nothing'");
  await input.press('ArrowUp');
  await expect(input).toHaveValue('request.session.pop("nothing")');
  await input.press('ArrowUp');
  await expect(input).toHaveValue("request.session['color']");
  // What the console cannot run is explained beside Python's output, in the page's language.
  await input.fill("for k in ['a']: request.session[k] = 1");
  await input.press('Enter');
  await expect(log).toContainText('“for” is not supported here');
  await page.getByRole('tab', { name: 'Cookies' }).click();
  await expect(page.getByRole('tabpanel', { name: 'Cookies' })).toContainText('sessionid');
  // Every line was a request to the site, in Network.
  await page.getByRole('tab', { name: 'Network' }).click();
  await expect(page.getByRole('tabpanel', { name: 'Network' })).toContainText(
    '/__session__/console',
  );
});
