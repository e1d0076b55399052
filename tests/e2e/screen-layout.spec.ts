/**
 * Layouts measured in Chromium: a phone's top bar, finger-sized lesson links, a step that
 * stays beside the browser it talks about and a small "kept for offline use" toast (which, on a
 * projector, gives way to the login the class is shown); no sideways scrolling from 320 px wide
 * up, in any panel and with Django's debug page shown; a projector showing the step, the browser
 * and a panel's first lines at once; the language kept in the address; and no English on the
 * Bangla page outside code (what other parts still print in English is listed, for their
 * owners).
 */
import type { Page } from '@playwright/test';
import { test, expect, login, expectNoPageOverflow, lessonReady } from './fixtures';
import { strayLatin } from '../../scripts/checks/bangla';
import { GIVES_WAY_AFTER } from '../../src/ui/components/Notices';

const PHONE = { width: 390, height: 844 };
const PROJECTOR = { width: 1366, height: 768 };

async function go(page: Page, query: string, hash = '') {
  await page.goto(`?${query}${hash}`);
  await expect(page.locator('.workbench .browser-toolbar').first()).toBeVisible();
}

test.describe('phone, 390x844', () => {
  test.use({ viewport: PHONE });

  for (const lang of ['bn', 'en'] as const) {
    test(`${lang}: a top bar of at most 120 px, lesson links a finger wide`, async ({
      page,
      watch,
    }) => {
      void watch;
      await go(page, `lang=${lang}`);
      const header = await page.locator('.app-header').boundingBox();
      expect(header?.height).toBeLessThanOrEqual(120);
      const links = page.locator('.lesson-list a');
      expect(await links.count()).toBeGreaterThanOrEqual(15);
      for (const box of await links.evaluateAll((els) =>
        els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect),
      ))
        expect(box.height, 'lesson link height').toBeGreaterThanOrEqual(44);
      await links.first().click();
      const all = page.locator('.lesson-crumbs a');
      await expect(all).toBeVisible();
      const allBox = await all.boundingBox();
      expect(allBox?.height).toBeGreaterThanOrEqual(44);
      expect(allBox?.width).toBeGreaterThanOrEqual(44);
    });

    test(`${lang}: the step stays next to the browser and panel it talks about`, async ({
      page,
      watch,
    }) => {
      void watch;
      await go(page, `lang=${lang}`, '#/lesson/login/2');
      const dock = page.locator('.lesson-dock');
      await expect(page.locator('.lesson-player h2')).toBeVisible();
      await lessonReady(page); // the step's text and world: nothing moves after the scroll
      // Scroll the page down to the browser: the step comes along, stuck at the top.
      await page.locator('.browser-page').scrollIntoViewIfNeeded();
      await page.evaluate(() =>
        window.scrollBy(0, document.querySelector('.browsers')!.getBoundingClientRect().top - 300),
      );
      const d = (await dock.boundingBox()) as { y: number; height: number };
      expect(d.y).toBeLessThanOrEqual(1);
      expect(d.height, 'the compact step leaves room for the browser').toBeLessThanOrEqual(
        PHONE.height / 2,
      );
      await expect(page.locator('.lesson-player h2')).toBeInViewport();
      await expect(page.locator('.step-controls')).toBeInViewport();
      await expect(page.locator('.browser-page')).toBeInViewport();
      // The whole step, on request, in the page's flow; and back.
      const toggle = page.locator('.dock-toggle');
      await expect(toggle).toHaveAttribute('aria-expanded', 'false');
      await toggle.click();
      await expect(toggle).toHaveAttribute('aria-expanded', 'true');
      expect(await dock.evaluate((e) => getComputedStyle(e).position)).toBe('static');
      await toggle.click();
      expect(await dock.evaluate((e) => getComputedStyle(e).position)).toBe('sticky');
    });

    test(`${lang}: "kept for offline use" hides at most an eighth of the screen`, async ({
      page,
      watch,
    }) => {
      void watch;
      await go(page, `lang=${lang}`);
      const toast = page.locator('.toasts .notice');
      await expect(toast).toBeVisible({ timeout: 60_000 });
      const box = (await toast.boundingBox()) as { x: number; width: number; height: number };
      expect(box.height).toBeLessThanOrEqual(PHONE.height / 8);
      expect(box.x + box.width, 'inside the screen').toBeLessThanOrEqual(PHONE.width);
    });
  }
});

test.describe('projector, 1366x768, instructor mode', () => {
  test.use({ viewport: PROJECTOR });

  for (const lang of ['bn', 'en'] as const) {
    test(`${lang}: the step, the browser and 240 px of a panel on one screen`, async ({
      page,
      watch,
    }) => {
      void watch;
      await go(page, `lang=${lang}&instructor=1`);
      await login(page, 'alice');
      await page.goto(`?lang=${lang}&instructor=1#/lesson/login/6`);
      await expect(page.locator('.lesson-player h2')).toBeVisible();
      await lessonReady(page); // caught up with step 6: its browser shows that step's page
      await page.evaluate(() => window.scrollTo(0, 0));
      await expect(page.locator('html')).toHaveClass(/instructor/);
      // The step: where it is, and the start of what it asks (the lesson pane scrolls to the
      // step, so the lesson's own title may sit above it).
      await expect(page.locator('.step-position')).toBeInViewport({ ratio: 1 });
      await expect(page.locator('.lesson-player > .prose p').first()).toBeInViewport();
      await expect(page.locator('.browser-page')).toBeInViewport({ ratio: 1 });
      const panel = await page.locator('.panels [role=tabpanel]').boundingBox();
      expect(panel, 'the panel').not.toBeNull();
      expect(
        PROJECTOR.height - (panel as { y: number }).y,
        'px of the panel on screen',
      ).toBeGreaterThanOrEqual(240);
    });
  }
});

test.describe('projector, 1366x768, a first visit', () => {
  test.use({ viewport: PROJECTOR });

  test('"kept for offline use", once read, gives way to the login the class is shown', async ({
    page,
    watch,
  }) => {
    void watch;
    await go(page, 'lang=en&instructor=1');
    const toast = page.locator('.toasts .notice');
    await expect(toast).toBeVisible({ timeout: 60_000 });
    await page.waitForTimeout(GIVES_WAY_AFTER); // the instructor reads it, or talks
    await login(page, 'alice');
    // Gone with the login's first click, not at the end of its 15 s.
    await expect(toast).toBeHidden({ timeout: 2_000 });
    await page.getByRole('tab', { name: 'Network' }).click();
    const exchange = page.locator('.cookie-exchange');
    await expect(exchange).toContainText('Set-Cookie');
    await exchange.scrollIntoViewIfNeeded();
    // Nothing over the box: what is drawn at its middle and its corners belongs to it.
    const covered = await exchange.evaluate((box) => {
      const r = box.getBoundingClientRect();
      const points: [number, number][] = [
        [r.left + r.width / 2, r.top + r.height / 2],
        [r.left + 4, r.top + 4],
        [r.right - 4, r.bottom - 4],
      ];
      return points.filter(([x, y]) => !box.contains(document.elementFromPoint(x, y))).length;
    });
    expect(covered, 'points of the box hidden by something else').toBe(0);
  });
});

/** Phones' widths (an iPhone SE, a small Android, a Pixel or a Galaxy, an iPhone Pro Max), and a
 * tablet's. */
const PHONE_WIDTHS = [320, 360, 412, 430, 768] as const;

for (const lang of ['bn', 'en'] as const) {
  test(`${lang}: no sideways scrolling in any panel, Go inside the window, at ${PHONE_WIDTHS.join(', ')} px`, async ({
    page,
    watch,
  }) => {
    void watch;
    test.setTimeout(120_000);
    await page.setViewportSize({ width: PHONE_WIDTHS[0], height: 800 });
    await go(page, `lang=${lang}`);
    await login(page, 'alice');
    const goButton = page.getByRole('button', { name: /^(Go|যান)$/ });
    // Django's debug page for a 404: a table of long URLs, wider than a phone.
    await page.getByRole('textbox', { name: /^(Address|ঠিকানা)$/ }).fill('/myapp/nowhere/');
    await goButton.click();
    await expect(page.locator('.browser-page').first()).toContainText('Page not found');
    const panels = page.locator('.panels [role=tab]');
    expect(await panels.count()).toBeGreaterThanOrEqual(5);
    for (const width of PHONE_WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      const box = (await goButton.boundingBox()) as { x: number; width: number };
      const client = await page.evaluate(() => document.documentElement.clientWidth);
      expect(box.x + box.width, `Go inside a ${width} px window`).toBeLessThanOrEqual(client);
      // The debug page reflows inside the browser's box: no scrolling region there, which a
      // keyboard could not reach (axe: scrollable-region-focusable).
      const hidden = await page
        .locator('.browser-page')
        .first()
        .evaluate((el) => el.scrollWidth - el.clientWidth);
      expect(hidden, `the debug page cut off at ${width} px`).toBeLessThanOrEqual(0);
      for (const panel of await panels.all()) {
        await panel.click();
        await expect(panel).toHaveAttribute('aria-selected', 'true');
        // A panel fetched on first use is drawn, not its "loading" line.
        await expect(page.locator('.panels [role=tabpanel]:visible .panel')).toBeVisible();
        await expectNoPageOverflow(page, `${await panel.textContent()} at ${width} px`, {
          unfold: true,
        });
      }
    }
  });
}

test('switching language writes ?lang= into the address: a reload keeps it', async ({
  page,
  watch,
}) => {
  void watch;
  await go(page, 'lang=en', '#/lesson/login/2');
  await page.getByRole('button', { name: 'বাংলা' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'bn');
  expect(new URL(page.url()).searchParams.get('lang')).toBe('bn');
  expect(new URL(page.url()).hash).toBe('#/lesson/login/2');
  // Let the Bangla strings and font finish loading: a reload would abort them.
  await expect(page.locator('.step-position')).toHaveText('ধাপ ২ / ৬');
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForLoadState('networkidle');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'bn');
  await expect(page.locator('.step-position')).toHaveText('ধাপ ২ / ৬');
});

/**
 * English that other parts of the playground still put on the Bangla page, reported by the walk
 * below and left to their owners (the lead empties this list as they are fixed):
 * - src/python/parser/builtins.ts: the console's explanation for print();
 * - src/lessons/exchange.ts: the reason an import was refused.
 */
/** English that other parts still print on the Bangla page (none today). */
const KNOWN_ENGLISH: string[] = [];

/** Visible text outside code on the page, and code that is English prose rather than code. */
async function englishOnPage(page: Page): Promise<string[]> {
  const { texts, codeProse } = await page.evaluate(() => {
    const visible = (el: Element) => {
      const s = getComputedStyle(el);
      return s.display !== 'none' && s.visibility !== 'hidden' && el.getClientRects().length > 0;
    };
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      // Code, the server's own page (the tutorial's English site) and the English button.
      if (!el || el.closest('code, pre, kbd, samp, .browser-page, [lang="en"], script, style'))
        continue;
      if (!visible(el) && !el.closest('.visually-hidden')) continue;
      if (/[A-Za-z]/.test(n.textContent ?? '')) texts.push((n.textContent ?? '').trim());
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
      if (el.closest('.browser-page, [lang="en"]')) continue;
      for (const a of ['aria-label', 'title', 'placeholder']) {
        // A code box's example is code (the console's `request.session['color'] = 'blue'`).
        if (a === 'placeholder' && /mono/.test(getComputedStyle(el).fontFamily)) continue;
        const v = el.getAttribute(a);
        if (v && /[A-Za-z]/.test(v)) texts.push(v);
      }
    }
    // Messages shown as code that are really sentences: console notes, refusals, errors.
    const PYTHON_ERRORS =
      /^\s*(Traceback|KeyError|TypeError|ValueError|AttributeError|NameError|SyntaxError|IndexError|ZeroDivisionError|OverflowError|RuntimeError|NotImplementedError|OSError|FileNotFoundError|FileExistsError|json\.decoder\.JSONDecodeError|JSONDecodeError|django\.\S+|SuspiciousOperation|SessionInterrupted|UpdateError|CreateError|InvalidSessionKey|ImproperlyConfigured)\b/;
    const codeProse: string[] = [];
    for (const el of document.querySelectorAll(
      '.console-out, [role=alert] code, .exchange code, .notice code',
    )) {
      for (const line of (el.textContent ?? '').split('\n')) {
        // Python's and Django's own exceptions stay as they print (the playground's do not).
        if (PYTHON_ERRORS.test(line)) continue;
        if (/\b[a-z]{2,}\s+[a-z]{2,}\s+[a-z]{2,}\s+[a-z]{2,}\b/.test(line))
          codeProse.push(line.trim());
      }
    }
    return { texts, codeProse };
  });
  const stray = texts.filter((t) => strayLatin(t).length > 0);
  return [...stray, ...codeProse];
}

test('the Bangla page has no English outside code, panel by panel', async ({ page, watch }) => {
  void watch;
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await go(page, 'lang=bn');
  const found = new Set<string>();
  const collect = async () => {
    for (const t of await englishOnPage(page)) found.add(t);
  };
  await collect();
  await login(page, 'alice');
  for (const tab of await page.locator('.panels [role=tab]').all()) {
    await tab.click();
    await expect(page.locator('.panels [role=tabpanel]')).not.toContainText(/^লোড হচ্ছে…$/);
    await collect();
  }
  // What a student sees when things go wrong: a console note, a refused import.
  await page.getByRole('tab', { name: 'কনসোল' }).click();
  for (const line of ["request.session['color']", 'print(1)']) {
    await page.locator('#console-input').fill(line);
    await page.locator('#console-input').press('Enter');
  }
  // KeyError prints as Python prints it; print() writes to the server's terminal, so the
  // console only adds a note.
  await expect(page.locator('.console-out')).toHaveCount(1);
  await expect(page.locator('.console-note')).toHaveCount(1);
  await collect();
  await page.locator('.exchange input[type=file]').setInputFiles({
    name: 'other.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{}'),
  });
  await expect(page.locator('.exchange [role=alert]')).toBeVisible();
  await collect();
  // A lesson step, its code captions and its tools.
  await page.goto('?lang=bn#/lesson/signed-cookies/3');
  await expect(page.locator('.prose p').first()).toBeVisible();
  await page.locator('.lesson-tools summary').click();
  await collect();
  const unexpected = [...found].filter((t) => !KNOWN_ENGLISH.some((k) => t.includes(k)));
  expect(unexpected).toEqual([]);
  // The walk does see English when there is some.
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.textContent = 'This sentence was left in English';
    document.querySelector('.lesson-pane')?.append(p);
  });
  expect(await englishOnPage(page)).toContain('This sentence was left in English');
  const known = [...found].filter((t) => KNOWN_ENGLISH.some((k) => t.includes(k)));
  test
    .info()
    .annotations.push({ type: 'known English (other owners)', description: known.join(' | ') });
});
