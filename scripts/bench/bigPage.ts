/**
 * Big pages in Chromium (issue 14, item 4): the longest main-thread task while
 *   (c) a world file with N guestbook messages is imported (read, checked, built, swapped in),
 *   (a) browser A then opens lab 15's guestbook, which shows every message as HTML
 *       (`</li></ul><b>x</b>`: each one closes the list and opens a bold element), until the
 *       page is drawn completely,
 *   (b) the page is reloaded with that saved world, until the guestbook is drawn again.
 * Long tasks come from a PerformanceObserver('longtask') in the page (tasks over 50 ms).
 * BIG_PAGE_PROFILE=1 also records a CPU profile of each phase and prints the functions with the
 * most self time in its longest task (run it on a build made with BUILD_MINIFY=false to read
 * the names).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser, CDPSession, Page } from 'playwright-core';

export const MESSAGE = '</li></ul><b>x</b>';

export interface PhaseResult {
  longest: number;
  count: number;
  /** Wall time from the action to the end state. */
  wall: number;
  top?: string[];
}

export interface BigPageResult {
  messages: number;
  fileBytes: number;
  imported: PhaseResult;
  shown: PhaseResult;
  reloaded: PhaseResult;
}

type LongTaskWindow = Window & { longTasks: { start: number; duration: number }[] };

function watchLongTasks() {
  (window as unknown as LongTaskWindow).longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      (window as unknown as LongTaskWindow).longTasks.push({
        start: e.startTime,
        duration: e.duration,
      });
  }).observe({ type: 'longtask', buffered: true });
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Self time per function inside [from, to] (microseconds of the profile's clock). */
function selfTimes(profile: Profile, from: number, to: number): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    if (t < from || t > to) continue;
    const next = profile.timeDeltas[i + 1] ?? 0;
    const f = byId.get(profile.samples[i] as number)?.callFrame;
    if (!f) continue;
    const file = f.url.split('/').pop() ?? '';
    const key = `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}`;
    totals.set(key, (totals.get(key) ?? 0) + next);
  }
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12)
    .map(([k, us]) => `${(us / 1000).toFixed(0).padStart(6)} ms  ${k}`);
}

async function phase(
  page: Page,
  cdp: CDPSession | null,
  action: () => Promise<void>,
  done: () => Promise<void>,
): Promise<PhaseResult> {
  await page.evaluate(() => ((window as unknown as LongTaskWindow).longTasks = []));
  if (cdp) await cdp.send('Profiler.start');
  const t0 = Date.now();
  await action();
  await done();
  const wall = Date.now() - t0;
  // Tasks are reported after they end: a moment for the last ones.
  await page.waitForTimeout(300);
  const tasks = await page.evaluate(() => (window as unknown as LongTaskWindow).longTasks);
  const longest = tasks.reduce((m, x) => (x.duration > m.duration ? x : m), {
    start: 0,
    duration: 0,
  });
  const result: PhaseResult = { longest: longest.duration, count: tasks.length, wall };
  if (cdp) {
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    // The longest stretch of samples with no idle one in between stands for the longest task.
    result.top = longestTaskTop(profile);
  }
  return result;
}

/** The self times of the longest run of samples with no idle sample in between. */
function longestTaskTop(profile: Profile): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  let t = profile.startTime;
  let best: [number, number] = [0, 0];
  let start = -1;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    const name = byId.get(profile.samples[i] as number)?.callFrame.functionName;
    const idle = name === '(idle)' || name === '(program)';
    if (idle) {
      if (start >= 0 && t - start > best[1] - best[0]) best = [start, t];
      start = -1;
    } else if (start < 0) start = t;
  }
  return [`longest busy stretch ${((best[1] - best[0]) / 1000).toFixed(0)} ms:`].concat(
    selfTimes(profile, best[0], best[1]),
  );
}

/** The app's own export of a fresh world, with the guestbook filled. */
async function exportWithMessages(page: Page, messages: number): Promise<Buffer> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export (file)' }).click(),
  ]);
  const stream = await download.createReadStream();
  const parts: Buffer[] = [];
  for await (const c of stream) parts.push(c as Buffer);
  const file = JSON.parse(Buffer.concat(parts).toString('utf8')) as {
    world: { server: { guestbook?: { id: number; text: string }[] } };
  };
  file.world.server.guestbook = Array.from({ length: messages }, (_, i) => ({
    id: i + 1,
    text: MESSAGE,
  }));
  // Indented as the app exports: 50,000 messages make a 4 MB file.
  return Buffer.from(JSON.stringify(file, null, 2) + '\n');
}

/**
 * Waits until browser A shows the guestbook completely: no progress line, and every message
 * drawn, or as many as the simulated browser's stated limit lets it show (its notice says so).
 */
async function guestbookDrawn(page: Page, messages: number) {
  await page.waitForFunction(
    (n) => {
      const content = document.querySelector('.browser-page .page-content');
      if (!content || content.getAttribute('aria-busy')) return false;
      const cut = content.querySelector('.page-limit');
      return cut !== null || content.querySelectorAll('b').length >= n;
    },
    messages,
    { timeout: 600_000, polling: 250 },
  );
}

export async function measureBigPage(
  browser: Browser,
  url: string,
  messages: number,
  profile = false,
): Promise<BigPageResult> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript('window.__name = (f) => f');
  await page.addInitScript(watchLongTasks);
  const cdp = profile ? await context.newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  }
  await page.goto(`${url}?lang=en`);
  await page.locator('.workbench .browser-toolbar').first().waitFor();
  const file = await exportWithMessages(page, messages);
  const path = join(mkdtempSync(join(tmpdir(), 'big-page-')), 'big.json');
  writeFileSync(path, file);

  const imported = await phase(
    page,
    cdp,
    async () => {
      // From disk: Playwright hands a path to Chromium (CDP), where a buffer would be decoded
      // by a script in the page, a long task of Playwright's own.
      await page.getByLabel('Import (file)').setInputFiles(path);
      await page.getByRole('button', { name: 'Replace my world' }).click({ timeout: 600_000 });
    },
    () => page.getByText('Imported big.json.').waitFor({ timeout: 600_000 }),
  );

  const shown = await phase(
    page,
    cdp,
    async () => {
      await page.getByRole('textbox', { name: 'Address' }).fill('/myapp/guestbook/');
      await page.getByRole('button', { name: 'Go', exact: true }).click();
    },
    () => guestbookDrawn(page, messages),
  );

  // The autosave (800 ms after a change) has the guestbook page in browser A's history.
  await page.waitForTimeout(2500);
  const reloaded = await phase(
    page,
    cdp,
    () => page.reload().then(() => undefined),
    () => guestbookDrawn(page, messages),
  );
  await context.close();
  rmSync(dirname(path), { recursive: true, force: true });
  return { messages, fileBytes: file.length, imported, shown, reloaded };
}
