import { test, expect, open, login, lessonReady } from './fixtures';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

/** The first lesson's title as the list shows it, from its own lesson.json. */
const first = JSON.parse(
  readFileSync('content/lessons/01-what-is-a-session/lesson.json', 'utf8'),
) as { title: { en: string; bn: string } };

const LANGS = ['en', 'bn'] as const;
const WORDS = {
  en: {
    doIt: 'Do it for me',
    next: 'Next',
    nextLesson: 'Next lesson',
    skip: 'Skip the question',
    back: 'Back to my playground',
    firstLesson: first.title.en,
    step: /^Step (\d+) of (\d+)$/,
  },
  bn: {
    doIt: 'আমার হয়ে করে দিন',
    next: 'পরের ধাপ',
    nextLesson: 'পরের পাঠ',
    skip: 'প্রশ্নটা বাদ দিন',
    back: 'আমার প্লেগ্রাউন্ডে ফিরুন',
    firstLesson: first.title.bn,
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

/** Next (a button that says what is missing while the step is not done) is lit. */
async function expectNextLit(page: Page, lang: 'en' | 'bn', message?: string) {
  await expect(
    page.getByRole('button', { name: WORDS[lang].next, exact: true }),
    message,
  ).toHaveAttribute('aria-disabled', 'false');
}

/**
 * Completes the open lesson through the UI: on every step, its text is on screen, "Do it for me"
 * (where there is one) does it, the step's questions are answered or skipped so that what
 * happened shows, and Next lights up. Returns how many steps were done.
 */
async function completeLesson(page: Page, lang: 'en' | 'bn'): Promise<number> {
  const w = WORDS[lang];
  for (;;) {
    const [n, total] = await stepPosition(page, lang);
    await expect(page.locator('.lesson-player .prose').first()).not.toBeEmpty();
    const doIt = page.getByRole('button', { name: w.doIt, exact: true });
    if (await doIt.count()) {
      await doIt.click();
      await expect(doIt).toBeEnabled(); // no longer busy
    }
    await expect(
      page.locator('.lesson-player [role="alert"]'),
      `step ${n}: no failure`,
    ).toHaveCount(0);
    await expect(
      page.locator('.step-status .ok').or(page.locator('.step-status:empty')),
      `step ${n} of ${total} is done`,
    ).toBeVisible();
    const skip = page.getByRole('button', { name: w.skip, exact: true });
    if (await skip.count()) {
      await skip.click();
      await expect(page.locator('.prose.reveal')).toBeVisible();
    }
    if (n === total) return total;
    await expectNextLit(page, lang, `step ${n} of ${total}: Next lights up`);
    const before = (await page.locator('.step-position').textContent()) ?? '';
    await page.getByRole('button', { name: w.next, exact: true }).click();
    await expect(page.locator('.step-position')).not.toHaveText(before);
    await expect(page.locator('.step-position')).toBeFocused();
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
  test(`every lesson and lab in order, in one playground, by "Do it for me" [${lang}]`, async ({
    page,
  }) => {
    test.setTimeout(600_000);
    const w = WORDS[lang];
    // The student's own playground first: alice logged in, which no lesson may disturb.
    await open(page, '', lang);
    await login(page, 'alice');
    let steps = 0;
    await page.getByRole('link', { name: w.firstLesson, exact: true }).click();
    for (const [i, slug] of LESSONS.entries()) {
      await expect(page).toHaveURL(new RegExp(`#/lesson/${slug}/1$`));
      await expect(page.locator('.step-position')).toBeVisible();
      steps += await completeLesson(page, lang);
      if (i < LESSONS.length - 1) {
        const next = page.getByRole('link', { name: w.nextLesson, exact: true });
        await expect(next).toHaveAttribute('aria-disabled', 'false');
        await next.click();
      }
    }
    expect(steps).toBe(103);
    // Back on the list: every lesson complete, and the playground as the student left it.
    await page.getByRole('link', { name: w.back }).click();
    for (const slug of LESSONS)
      await expect(
        page.locator(`.lesson-list li:has(a[href="#/lesson/${slug}"]) .progress.complete`),
      ).toBeVisible();
    await expect(page.getByRole('region', { name: /Page shown in browser|পেজ/ })).toContainText(
      'You are : alice',
    );
  });
}

test('a lesson resumes where the student left it, in its own world', async ({ page }) => {
  await open(page, '#/lesson/login/1', 'en');
  await lessonReady(page);
  await page.keyboard.press('PageDown');
  await page.getByRole('button', { name: 'Do it for me', exact: true }).click();
  await expectNextLit(page, 'en');
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(page.locator('.step-position')).toHaveText('Step 3 of 6');
  await page.getByRole('link', { name: 'Back to my playground' }).click();
  await expect(page.locator('.lesson-index')).toBeVisible();
  await page.reload();
  await page.getByRole('link', { name: 'login: storing the username' }).click();
  await expect(page.locator('.step-position')).toHaveText('Step 3 of 6');
  await expect(page).toHaveURL(/#\/lesson\/login\/3$/);
  // Its world is as it was left: browser A shows the GET of step 2.
  await expect(page.getByRole('region', { name: /Page shown in browser/ })).toContainText(
    'You are : not logged in',
  );
});

test("an instructor's link opens a lab step with its settings, in Bangla", async ({ page }) => {
  await page.goto(
    '?lang=bn#/lesson/signed-cookies/3?SESSION_ENGINE=signed_cookies&SESSION_COOKIE_AGE=300',
  );
  await expect(page.locator('.step-position')).toHaveText('ধাপ ৩ / ৭');
  // Steps 1 and 2 are done for the student in the lab's own world, and the step says so.
  await expect(page.locator('.lesson-notes')).toContainText('ধাপ ১–২ আপনার হয়ে করে দেওয়া হয়েছে');
  const status = page.locator('.linked-settings');
  await expect(status).toContainText(
    "SESSION_ENGINE = 'django.contrib.sessions.backends.signed_cookies'",
  );
  await expect(status).toContainText('SESSION_COOKIE_AGE = 300');
  await expect(page).toHaveURL(/\?lang=bn#\/lesson\/signed-cookies\/3$/);
  await page.getByRole('tab', { name: 'সেটিংস' }).click();
  await expect(page.getByLabel('SESSION_ENGINE')).toHaveValue('signed_cookies');
  await expect(page.getByLabel('SESSION_COOKIE_AGE')).toHaveValue('300');
  // A reload keeps the lesson's world, and the link is not applied again.
  await page.reload();
  await expect(page.locator('.step-position')).toHaveText('ধাপ ৩ / ৭');
  await expect(page.locator('.linked-settings')).toHaveCount(0);
  await page.getByRole('tab', { name: 'সেটিংস' }).click();
  await expect(page.getByLabel('SESSION_COOKIE_AGE')).toHaveValue('300');
  await page.getByRole('button', { name: 'পরের ধাপ', exact: true }).click(); // a read step
  await expect(page.locator('.step-position')).toHaveText('ধাপ ৪ / ৭');
  await page.getByRole('button', { name: 'আমার হয়ে করে দিন', exact: true }).click();
  await expectNextLit(page, 'bn');
});

test('switching language mid-lesson keeps the step and the world', async ({ page }) => {
  await open(page, '#/lesson/login/4', 'en');
  await page.getByRole('button', { name: 'Do it for me', exact: true }).click();
  await expectNextLit(page, 'en');
  await page.getByRole('button', { name: 'বাংলা' }).click();
  await expect(page.locator('.step-position')).toHaveText('ধাপ ৪ / ৬');
  await expectNextLit(page, 'bn');
  await expect(page.getByRole('region', { name: /পেজ/ })).toContainText('You are : alice');
  await expect(page).toHaveURL(/#\/lesson\/login\/4$/);
});

test('an instructor steps through a lesson with the keyboard alone', async ({ page }) => {
  await open(page, '#/lesson/what-is-a-session/1', 'en');
  await lessonReady(page);
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
  await expectNextLit(page, 'en');
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

test('the console: commands, an error, history', async ({ page }) => {
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
