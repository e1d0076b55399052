/**
 * Nothing between the HTML and the first paint: the prerendered first screen is painted with
 * the CSS it needs inlined (beasties picks the rules that match it; the full stylesheet loads
 * without blocking), and the app's script, fetched at once, runs only after that paint. The app
 * then waits for the full stylesheet, so what it renders is never unstyled.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Beasties from 'beasties';
import type { Lang } from './html';

/**
 * Every @font-face of the stylesheet goes inline too: beasties keeps only the faces it sees used,
 * and it cannot see a family named through a custom property (`font-family: var(--font)`), which
 * is how the Bengali font is used. Each face's unicode-range keeps English pages from fetching it.
 */
function withAllFontFaces(html: string, outDir: string, base: string): string {
  const link = /<link rel="stylesheet"[^>]* href="([^"]+\.css)"/.exec(html);
  if (!link) throw new Error('index.html has no stylesheet');
  const css = readFileSync(join(outDir, (link[1] as string).slice(base.length)), 'utf8');
  const faces = (css.match(/@font-face\{[^}]*\}/g) ?? []).filter((f) => !html.includes(f));
  return html.replace(/<style>/, `<style>${faces.join('')}`);
}

export async function inlineCriticalCss(html: string, outDir: string, base: string) {
  const beasties = new Beasties({
    path: outDir,
    publicPath: base,
    // The full stylesheet loads as `media="print"` and switches itself on: not render-blocking.
    preload: 'media',
    noscriptFallback: true,
    pruneSource: false,
    reduceInlineStyles: false,
    // The Bengali font's @font-face goes inline (it is used on the first screen); preloading it
    // is the language pick's job, for Bangla pages only.
    inlineFonts: true,
    preloadFonts: false,
    // Classes and attributes the language pick sets before the first paint.
    allowRules: [/\.instructor\b/, /\[lang=['"]?bn/, /\[data-deep-link\]/],
    logLevel: 'warn',
  });
  const out = withAllFontFaces(await beasties.process(html), outDir, base);
  if (!/<style>[^<]*\.app-header/.test(out))
    throw new Error('beasties inlined no first-screen CSS');
  if (!/<style>[^<]*font-family:Noto Sans Bengali;/.test(out))
    throw new Error('the Bengali @font-face is not inline');
  if (
    /<link rel="stylesheet"(?![^>]*media="print")/.test(
      out.replace(/<noscript>.*?<\/noscript>/gs, ''),
    )
  )
    throw new Error('a render-blocking stylesheet is left in index.html');
  return out;
}

/**
 * The entry script, made to wait for the first paint: it is still fetched at once (modulepreload),
 * but evaluated after the prerendered screen is on screen and the full stylesheet has loaded. If
 * it cannot load at all, the page says so in its language instead of "Starting..." for ever.
 */
export function startAfterFirstPaint(html: string, loadFailed: Record<Lang, string>): string {
  const entry = /<script type="module" crossorigin src="([^"]+)"><\/script>/.exec(html);
  if (!entry) throw new Error('index.html has no entry script');
  const src = entry[1] as string;
  const messages = JSON.stringify(loadFailed).replace(/</g, '\\u003c');
  const start = `<script type="module">const css=document.querySelector('link[rel=stylesheet][media=print]');const painted=new Promise(r=>document.visibilityState==='hidden'?r():requestAnimationFrame(()=>setTimeout(r)));const styled=new Promise(r=>{if(!css||css.sheet)r();else{css.addEventListener('load',r);css.addEventListener('error',r)}});Promise.all([painted,styled]).then(()=>import(${JSON.stringify(src)})).catch(e=>{console.error(e);const m=${messages},p=document.createElement('p');p.setAttribute('role','alert');p.style.cssText='margin:0;padding:1rem;background:#fff4d6;color:#1b1f24';p.textContent=m[document.documentElement.lang]||m.en;document.body.prepend(p)})</script>`;
  return html
    .replace(entry[0], `<link rel="modulepreload" crossorigin href="${src}">`)
    .replace('</body>', `${start}</body>`);
}
