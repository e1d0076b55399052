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
  const link = /<link rel="stylesheet" crossorigin href="([^"]+\.css)"/.exec(html);
  if (!link) throw new Error('index.html has no stylesheet');
  const css = readFileSync(join(outDir, (link[1] as string).slice(base.length)), 'utf8');
  const faces = (css.match(/@font-face\{[^}]*\}/g) ?? []).filter((f) => !html.includes(f));
  return html.replace(/<style>/, `<style>${faces.join('')}`);
}

/** The Bengali text face's family name in src/ui/styles.css. */
const BENGALI_FAMILY = 'Noto Sans Bengali';

export async function inlineCriticalCss(html: string, outDir: string, base: string) {
  const beasties = new Beasties({
    path: outDir,
    publicPath: base,
    // The full stylesheet loads as `media="print"` and switches itself on: not render-blocking.
    preload: 'media',
    // The app needs scripts anyway; and markup must fetch nothing (see loadAfterFirstPaint).
    noscriptFallback: false,
    pruneSource: false,
    reduceInlineStyles: false,
    // The Bengali font's @font-face goes inline (it is used on the first screen); asking for it
    // early is the page's job, for Bangla pages only (fontWait in html.ts).
    inlineFonts: true,
    preloadFonts: false,
    // Classes and attributes the language pick sets before the first paint.
    allowRules: [/\.instructor\b/, /\[lang=['"]?bn/, /\[data-deep-link\]/],
    logLevel: 'warn',
  });
  const out = withAllFontFaces(await beasties.process(html), outDir, base);
  if (!/<style>[^<]*\.app-header/.test(out))
    throw new Error('beasties inlined no first-screen CSS');
  if (!new RegExp(`<style>[^<]*font-family:${BENGALI_FAMILY};`).test(out))
    throw new Error('the Bengali @font-face is not inline');
  return out;
}

/**
 * How index.html loads the app. Nothing in its markup fetches anything: small scripts do, so that
 *  - opened from disk (file://), where Chromium runs no module script file and applies no
 *    crossorigin stylesheet, the page goes to standalone.html (the single-file build) before
 *    anything is asked for in vain (the first script in <head>), and
 *  - served, the full stylesheet loads without blocking the first paint (`media="print"`, then
 *    `all`), asked for at the start of <body>, after the Bangla font (html.ts, fontWait): on a
 *    slow line the font, which the first paint of a Bangla page waits for, goes first. The app's
 *    scripts are fetched all at once (modulepreload) after that paint, with the web app manifest
 *    in the page's language.
 * At the end of <body>, the app starts only after the first paint and once the full stylesheet is
 * in. If its files cannot be loaded at all, the page says so in its language instead of
 * "Starting the playground..." for ever.
 */
export function loadAfterFirstPaint(
  html: string,
  options: {
    loadFailed: Record<Lang, string>;
    standalone: string;
    manifests: Record<Lang, string>;
  },
): string {
  const take = (re: RegExp): string[] => {
    const found: string[] = [];
    html = html.replace(re, (_, url: string) => {
      found.push(url);
      return '';
    });
    return found;
  };
  const [entry] = take(/\s*<script type="module" crossorigin src="([^"]+)"><\/script>/g);
  const preloads = take(/\s*<link rel="modulepreload" crossorigin href="([^"]+)">/g);
  const [css] = take(/\s*<link rel="stylesheet" crossorigin href="([^"]+\.css)"[^>]*>/g);
  if (!entry || !css) throw new Error('index.html has no entry script or no stylesheet');
  if (take(/\s*<link rel="manifest" href="([^"]+)">/g).length !== 1)
    throw new Error('index.html has no manifest link');
  if (/<link[^>]+rel="(stylesheet|modulepreload|preload)"|<script[^>]+src=/.test(html))
    throw new Error('index.html still fetches something from its markup');
  const urls = JSON.stringify([entry, ...preloads]);
  const fromDisk = `<script>if(location.protocol==='file:'){window.stop();location.replace(${JSON.stringify(options.standalone)}+location.search+location.hash)}</script>`;
  const stylesheet = `<script>(function(){var c=document.createElement('link');c.rel='stylesheet';c.href=${JSON.stringify(css)};c.media='print';c.id='app-css';c.onload=function(){c.media='all'};document.head.appendChild(c)})()</script>`;
  const messages = JSON.stringify(options.loadFailed).replace(/</g, '\\u003c');
  // The scripts are asked for once the first screen is painted, all at once (modulepreload):
  // fetched before it, they would share a slow line with the page itself and hold its paint.
  const preload = `${urls}.forEach(u=>{const l=document.createElement('link');l.rel='modulepreload';l.crossOrigin='';l.href=u;document.head.appendChild(l)})`;
  // The manifest (and the icon it names, which Chromium fetches at once to see whether the page
  // can be installed) waits too: fetched before the paint, they share the slow line with the
  // Bengali font. Linked after it, installing works as before.
  const manifest = `{const m=document.createElement('link');m.rel='manifest';m.href=${JSON.stringify(options.manifests)}[document.documentElement.lang]||${JSON.stringify(options.manifests.en)};document.head.appendChild(m)}`;
  // The first contentful paint itself (Paint Timing), not the first animation frame: that frame
  // can run well before anything is on screen (the paint is presented later, or held), and the
  // scripts would then share the line with the page after all. A Bangla page is first painted
  // once its font is in (html.ts, fontWait), so on a slow line the font has the line to itself.
  // Browsers without Paint Timing (and a hidden tab, which paints nothing) go by the frame; 3 s
  // at most.
  const firstPaint = `new Promise(r=>{if(document.visibilityState==='hidden')return r();setTimeout(r,3000);try{if(PerformanceObserver.supportedEntryTypes.includes('paint'))return new PerformanceObserver((l,o)=>{if(l.getEntriesByName('first-contentful-paint').length){o.disconnect();r()}}).observe({type:'paint',buffered:true})}catch(e){}requestAnimationFrame(()=>setTimeout(r))})`;
  const start = `<script type="module">const css=document.getElementById('app-css');const painted=${firstPaint};const styled=new Promise(r=>{if(css.media==='all')r();else{css.addEventListener('load',r);css.addEventListener('error',r)}});painted.then(()=>{${manifest}${preload}});Promise.all([painted,styled]).then(()=>import(${JSON.stringify(entry)})).catch(e=>{console.error(e);const m=${messages},p=document.createElement('p');p.setAttribute('role','alert');p.style.cssText='margin:0;padding:1rem;background:#fff4d6;color:#1b1f24';p.textContent=m[document.documentElement.lang]||m.en;document.body.prepend(p)})</script>`;
  const charset = '<meta charset="UTF-8">';
  if (!html.includes(charset)) throw new Error('index.html has no <meta charset>');
  const root = '<div id="root">';
  if (!html.includes(root)) throw new Error('index.html has no <div id="root">');
  return html
    .replace(charset, `${charset}\n    ${fromDisk}`)
    .replace(root, `${stylesheet}${root}`)
    .replace('</body>', `${start}</body>`);
}
