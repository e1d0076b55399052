/**
 * What the app's own Bangla text looks like to a font: every Bangla word the playground can show
 * (lessons, glossary, strings, the words written into the code) and the glyphs HarfBuzz, the
 * shaper Chromium uses, draws for each. make-app-font.ts cuts the app's Bangla font from these;
 * tests/scripts/bengaliFont.test.ts holds that font to drawing every word as the whole font does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as hb from 'harfbuzzjs';
import decompress from 'wawoff2/decompress.js';

/** Bengali letters, signs and digits, the dandas, and the joiners that shape conjuncts. */
const BANGLA_RUN = /[\u0980-\u09FF\u0964\u0965\u200C\u200D]+/g;

/** Where the text the app shows lives: its content and its source (tests excluded). */
const SOURCES = ['content', 'src'];
const TEXT_FILE = /\.(md|json|ts|tsx)$/;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return files(path);
    return TEXT_FILE.test(e.name) ? [path] : [];
  });
}

/** Every distinct run of Bangla in the app's content and code, sorted. */
export function banglaWords(root = '.'): string[] {
  const words = new Set<string>();
  for (const file of SOURCES.flatMap((s) => files(join(root, s))))
    for (const word of readFileSync(file, 'utf8').match(BANGLA_RUN) ?? []) words.add(word);
  return [...words].sort();
}

/** A font file (TTF or WOFF2) as TTF bytes, which HarfBuzz and fontTools read. */
export async function ttfOf(path: string): Promise<Uint8Array> {
  const bytes = readFileSync(path);
  // A copy: the decoder's result lives in its WebAssembly memory, which its next call reuses.
  return path.endsWith('.woff2') ? (await decompress(bytes)).slice() : bytes;
}

export interface Shaped {
  /** Per word: each glyph's outline and position, which is what a reader sees. */
  drawn: Map<string, string>;
  /**
   * The glyph ids the words pass through, in this font's own numbering: the ones drawn and the
   * ones the shaping steps make on the way (a half form that a later step joins into a conjunct).
   */
  glyphs: Set<number>;
  /** The characters the font maps to a glyph. */
  unicodes: Set<number>;
}

/** Shapes each word with the font as Chromium would (HarfBuzz, script and language guessed). */
export function shape(ttf: Uint8Array, words: readonly string[]): Shaped {
  const face = new hb.Face(new hb.Blob(ttf));
  const font = new hb.Font(face);
  const drawn = new Map<string, string>();
  const glyphs = new Set<number>();
  const outlines = new Map<number, string>();
  const outline = (gid: number) => {
    let path = outlines.get(gid);
    if (path === undefined) outlines.set(gid, (path = font.glyphToPath(gid)));
    return path;
  };
  for (const word of words) {
    const buffer = new hb.Buffer();
    buffer.addText(word);
    buffer.guessSegmentProperties();
    buffer.setMessageFunc((b) => {
      if (b.getContentType() === hb.BufferContentType.GLYPHS)
        for (const info of b.getGlyphInfos()) glyphs.add(info.codepoint);
      return true;
    });
    hb.shape(font, buffer);
    const positions = buffer.getGlyphPositions();
    const parts = buffer.getGlyphInfos().map((info, i) => {
      const p = positions[i] as hb.GlyphPosition;
      return `${outline(info.codepoint)}@${p.xAdvance},${p.xOffset},${p.yOffset}`;
    });
    drawn.set(word, parts.join(' '));
  }
  return { drawn, glyphs, unicodes: new Set(face.collectUnicodes()) };
}

/** The words a font draws differently from the reference font. */
export function drawnDifferently(reference: Shaped, font: Shaped): string[] {
  return [...reference.drawn].filter(([w, d]) => font.drawn.get(w) !== d).map(([w]) => w);
}
