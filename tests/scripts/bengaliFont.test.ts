/**
 * The app's Bangla font (scripts/fonts/make-app-font.ts) is a cut of Noto Sans Bengali that
 * keeps only the glyphs the app's own words go through. Held here to what a reader sees: every
 * Bangla word in the lessons, strings and code is shaped (HarfBuzz, as in Chromium) into the same
 * outlines at the same places as with the whole font, and no Bengali character lacks a glyph.
 */
import { describe, expect, it } from 'vitest';
import { banglaWords, drawnDifferently, shape, ttfOf } from '../../scripts/fonts/banglaText';
import { APP_FONT, WHOLE_FONT } from '../../scripts/fonts/files';

describe("the app's Bangla font", async () => {
  const words = banglaWords();
  const wholeTtf = await ttfOf(WHOLE_FONT);
  const appTtf = await ttfOf(APP_FONT);
  const whole = shape(wholeTtf, words);
  const app = shape(appTtf, words);

  it('reads the Bangla of every lesson, string and component', () => {
    expect(words.length).toBeGreaterThan(1500);
    // Lesson text, a UI string, the month names written out in src/ui/format.ts.
    for (const word of ['সেশন', 'কুকি', 'ধাপ', 'অক্টো']) expect(words).toContain(word);
  });

  it('draws every one of those words exactly as the whole font does', () => {
    // When this fails, new text needs a conjunct the cut lacks: run
    // `npx tsx scripts/fonts/make-app-font.ts` (needs python3-fonttools) and commit the font.
    expect(drawnDifferently(whole, app)).toEqual([]);
  });

  it('has a glyph for every character the whole font has', () => {
    expect([...whole.unicodes].filter((u) => !app.unicodes.has(u))).toEqual([]);
  });

  it('leaves out a conjunct no app word uses (typed text gets the whole font)', () => {
    const name = 'লক্ষ্মী';
    expect(words.some((w) => w.includes('ক্ষ্ম'))).toBe(false);
    expect(drawnDifferently(shape(wholeTtf, [name]), shape(appTtf, [name]))).toEqual([name]);
  });
});
