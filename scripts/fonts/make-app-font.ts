/**
 * npx tsx scripts/fonts/make-app-font.ts
 *
 * The app's Bangla font (src/ui/fonts/noto-sans-bengali-app.woff2): Noto Sans Bengali
 * (noto-sans-bengali.woff2, make-bengali-font.sh) with only the glyphs the app's own Bangla
 * needs, plus one glyph for every Bengali character, so no letter ever shows as a box. Every
 * page and lesson in Bangla waits for this font before it is drawn: 25 KB rather than 39 KB is
 * 0.15 s less on a slow phone line (Lighthouse's mobile simulation, LCP 1.22 -> 1.07 s).
 *
 * A conjunct that none of the app's words contains (one a student types) is drawn by this font
 * as its letters and a visible hasanta; what students type (fields, the console, the simulated
 * site's pages, session data) is drawn with the whole font instead (src/ui/styles.css: the
 * --font-typed and --mono-typed families). Run again when new Bangla text needs a conjunct the
 * font lacks: tests/scripts/bengaliFont.test.ts names the words. Needs Debian's
 * python3-fonttools and python3-brotli.
 */
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { banglaWords, drawnDifferently, shape, ttfOf } from './banglaText';
import { APP_FONT, WHOLE_FONT } from './files';

const words = banglaWords();
const reference = shape(await ttfOf(WHOLE_FONT), words);

try {
  // fontTools reads the WOFF2 file itself: its glyph ids are the ones HarfBuzz saw in the TTF.
  execFileSync('/usr/bin/python3', [
    '-m',
    'fontTools.subset',
    WHOLE_FONT,
    `--gids=${[...reference.glyphs].join(',')}`,
    // A glyph for every character of the whole font...
    '--unicodes=*',
    // ...but only the conjuncts and forms the words above go through.
    '--no-layout-closure',
    '--layout-features=*',
    '--no-hinting',
    '--flavor=woff2',
    `--output-file=${APP_FONT}`,
  ]);
} catch (e) {
  throw new Error(
    "fontTools could not cut the font. It needs Debian's python3-fonttools and python3-brotli " +
      '(apt-get install python3-fonttools python3-brotli); its own message is above.',
    { cause: e },
  );
}

const app = shape(await ttfOf(APP_FONT), words);
const wrong = drawnDifferently(reference, app);
if (wrong.length > 0) throw new Error(`drawn differently: ${wrong.join(' ')}`);
const kb = (f: string) => (statSync(f).size / 1024).toFixed(1);
console.log(
  `${APP_FONT}: ${kb(APP_FONT)} KB (whole font ${kb(WHOLE_FONT)} KB), ` +
    `${reference.glyphs.size} glyphs for ${words.length} words, all drawn as the whole font draws them`,
);
