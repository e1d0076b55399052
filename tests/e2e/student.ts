/**
 * A student's hands and eyes, in Bangla: the controls and views of the page named as a student
 * sees them, and what a student does with them (reads a step, types an address, logs in, ticks a
 * setting, presses the clock, answers a question). The by-hand walks share them.
 */
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

const DIGITS = '০১২৩৪৫৬৭৮৯';
const bn = (n: number) => String(n).replace(/\d/g, (d) => DIGITS[Number(d)] as string);

export const RAHIM = 'রহিম';
export const KARIM = 'করিম';
export const MIDDLEWARE = "MIDDLEWARE += ['django.contrib.sessions.middleware.SessionMiddleware']";
export const SESSIONS_APP = "INSTALLED_APPS += ['django.contrib.sessions']";

/** The controls and views of the page, named as a student sees them in Bangla. */
export function ui(page: Page) {
  return {
    stepPosition: page.locator('.step-position'),
    /** The step's own text (not its reveal). */
    prose: page.locator('.lesson-player > .prose:not(.reveal)'),
    reveal: page.locator('.lesson-player > .prose.reveal'),
    status: page.locator('.lesson-player .step-status'),
    stillToDo: page.locator('.lesson-player .still-to-do'),
    next: page.getByRole('button', { name: 'পরের ধাপ', exact: true }),
    nextLesson: page.getByRole('link', { name: 'পরের পাঠ', exact: true }),
    address: page.getByRole('textbox', { name: 'ঠিকানা', exact: true }),
    go: page.getByRole('button', { name: 'যান', exact: true }),
    shown: (browser: string) =>
      page.getByRole('region', { name: `ব্রাউজার ${browser}-তে দেখানো পেজ` }),
    panel: (name: string) => page.getByRole('tabpanel', { name, exact: true }),
    tab: (name: string) => page.getByRole('tab', { name, exact: true }),
  };
}

/** The step on screen is step n of total, and its text says each of these things. */
export async function readStep(page: Page, n: number, total: number, ...says: string[]) {
  const u = ui(page);
  await expect(u.stepPosition).toHaveText(`ধাপ ${bn(n)} / ${bn(total)}`);
  for (const words of says) await expect(u.prose).toContainText(words);
}

/**
 * The engine agrees the step is done: it says so, nothing is left to do, and Next (or Next
 * lesson) is lit. Nothing was done for the student: no note of "Do it for me" or of a catch-up.
 */
export async function expectDone(page: Page, { last = false, read = false } = {}) {
  const u = ui(page);
  await expect(page.locator('.lesson-notes')).toHaveCount(0);
  if (!read) await expect(u.status).toContainText('হয়ে গেছে: প্লেগ্রাউন্ড মিলিয়ে দেখেছে।');
  await expect(u.stillToDo).toHaveCount(0);
  await expect(last ? u.nextLesson : u.next).toHaveAttribute('aria-disabled', 'false');
}

/** Next, on a step that is done: the next step opens. */
export async function nextStep(page: Page) {
  const u = ui(page);
  const before = await u.stepPosition.textContent();
  await expectDone(page, { read: true });
  await u.next.click();
  await expect(u.stepPosition).not.toHaveText(before ?? '');
}

export async function nextLesson(page: Page, slug: string, title: string) {
  const u = ui(page);
  await expect(u.nextLesson).toHaveAttribute('aria-disabled', 'false');
  await u.nextLesson.click();
  await expect(page).toHaveURL(new RegExp(`#/lesson/${slug}/1$`));
  await expect(page.locator('#lesson-heading')).toHaveText(title);
}

/** Types a path in the active browser's address bar and presses যান. */
export async function visit(page: Page, path: string) {
  const u = ui(page);
  await u.address.fill(path);
  await u.go.click();
  await expect(u.address).toHaveValue(path);
}

/** Fills the page's login form and presses Login (an empty password is left empty). */
export async function submitLogin(page: Page, name: string, password = 'যা খুশি') {
  await page.getByRole('textbox', { name: 'Username' }).fill(name);
  if (password) await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Login', exact: true }).click();
}

export async function showPanel(page: Page, name: string): Promise<Locator> {
  const u = ui(page);
  await u.tab(name).click();
  await expect(u.tab(name)).toHaveAttribute('aria-selected', 'true');
  return u.panel(name);
}

/** Types a line in the Console panel (for the active browser) and presses Enter. */
export async function typeInConsole(
  page: Page,
  browser: string,
  line: string,
  answer?: string | RegExp,
) {
  await showPanel(page, 'কনসোল');
  const input = page.getByRole('textbox', { name: `ব্রাউজার ${browser}-এর জন্য Python লাইন` });
  const log = page.getByRole('list', { name: 'কনসোলের আউটপুট' });
  await expect(input).toBeVisible(); // the panel has loaded: the count below is the real one
  const before = await log.locator('li .console-in').count();
  await input.fill(line);
  await input.press('Enter');
  const entry = log
    .locator('li')
    .filter({ has: page.locator('.console-in') })
    .nth(before);
  await expect(entry.locator('.console-in')).toHaveText(`>>> ${line}`);
  // Python's prompt prints nothing for None.
  if (answer === '') await expect(entry.locator('.console-out')).toHaveCount(0);
  else if (answer !== undefined) await expect(entry.locator('.console-out')).toHaveText(answer);
}

/**
 * Changes settings in the Settings panel, as a student does (ticks boxes, types values), and
 * presses প্রয়োগ করুন once: `checks` by checkbox name, `values` by field name.
 */
export async function applySettings(
  page: Page,
  {
    checks = [],
    values = {},
  }: { checks?: [string | RegExp, boolean][]; values?: Record<string, string> },
) {
  const settings = await showPanel(page, 'সেটিংস');
  for (const [name, on] of checks) await settings.getByRole('checkbox', { name }).setChecked(on);
  for (const [name, value] of Object.entries(values))
    await settings.getByRole('textbox', { name, exact: true }).fill(value);
  await settings.getByRole('button', { name: 'প্রয়োগ করুন', exact: true }).click();
  await expect(settings.getByRole('status')).toHaveText(
    'প্রয়োগ হয়েছে। সার্ভার নতুন সেটিং নিয়ে রিস্টার্ট হয়েছে।',
  );
}

/** Ticks or unticks a setting in the Settings panel and presses প্রয়োগ করুন. */
export async function applySetting(page: Page, checkbox: string | RegExp, on: boolean) {
  await applySettings(page, { checks: [[checkbox, on]] });
}

/**
 * Presses one of the clock's buttons. On a phone the jumps fold away behind "সময় বদলান":
 * opened first, as a student must (it stays open for the next press).
 */
export async function pressClock(page: Page, label: string, times = 1) {
  const clock = page.getByRole('group', { name: 'ভার্চুয়াল ঘড়ি' });
  const button = clock.getByRole('button', { name: label, exact: true });
  if (!(await button.isVisible())) await clock.getByRole('button', { name: /^সময় বদলান/ }).click();
  for (let i = 0; i < times; i++) await button.click();
}

/** Picks an option of a step's question, as a student clicks a radio button. */
export async function answer(page: Page, option: string | RegExp) {
  const radio = page.getByRole('radio', { name: option });
  await radio.check();
  await expect(radio).toBeChecked();
}

/** After the step, the student's answer is graded: right, or not quite. */
export async function expectGraded(page: Page, option: string | RegExp, right: boolean) {
  const fieldset = page.locator('fieldset.prediction').filter({
    has: page.getByRole('radio', { name: option }),
  });
  await expect(fieldset.getByRole('status')).toHaveText(
    right ? 'ঠিক ধরেছেন: Django ঠিক এটাই করেছে।' : /^হলো না: আসলে যা ঘটেছে সেটা চিহ্ন দেওয়া আছে/,
  );
}

/** The reveal waits for the step: a hint stands in its place. */
export async function expectRevealWaits(page: Page) {
  await expect(ui(page).reveal).toHaveCount(0);
  await expect(page.locator('.lesson-player .reveal-pending')).toBeVisible();
}

/** The newest request's details in the Network panel. */
export async function newestRequest(page: Page): Promise<Locator> {
  const network = await showPanel(page, 'নেটওয়ার্ক');
  return network.locator('.network-detail');
}

export const header = (detail: Locator, name: string) =>
  detail.locator('.header-row').filter({ hasText: new RegExp(`^${name}:`) });

export const storeRows = (page: Page) => ui(page).panel('সেশন স্টোর').locator('tbody tr');
export const cookieRows = (page: Page) => ui(page).panel('কুকি').locator('tbody tr');
