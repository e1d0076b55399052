/**
 * The finishing touches both built pages get (index.html and the single-file standalone.html):
 * the first screen prerendered in both languages, a small inline script that picks the reader's
 * language before the first paint (as the app will, so the static text is already the right
 * one), and the build's version.
 */
export type Lang = 'en' | 'bn';

export interface PageOptions {
  /** The prerendered first screen, per language. */
  screens: Record<Lang, string>;
  /** The Bangla font's URL, waited for when the page will be in Bangla; null when inlined. */
  fontUrl: string | null;
  version: string;
}

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** Same choice as initialLanguage() in src/ui/i18n.ts; a lesson link shows its step, not the list. */
function languagePick({ fontUrl }: PageOptions): string {
  // A Bangla page is not drawn until its font is in (fontWait): marked before anything is laid out.
  const font = fontUrl ? `d.setAttribute('data-font-wait','');` : '';
  return `<script>(function(){var q=new URLSearchParams(location.search).get('lang'),s=null;try{s=localStorage.getItem('django-session-playground:lang')}catch(e){}var l=q==='bn'||q==='en'?q:s==='bn'||s==='en'?s:(navigator.language||'').toLowerCase().indexOf('bn')===0?'bn':'en';var d=document.documentElement;d.lang=l;if(l==='bn'){${font}}if(/^#\\/lesson\\//.test(location.hash))d.setAttribute('data-deep-link','');try{if(localStorage.getItem('django-session-playground:instructor')==='1'||new URLSearchParams(location.search).get('instructor')==='1')d.classList.add('instructor')}catch(e){}})()</script>`;
}

const HIDE = `<style>html[lang=en] [data-prerender=bn],html[lang=bn] [data-prerender=en],html[data-font-wait] body{display:none}html[data-deep-link] [data-prerender] .lesson-pane>*{visibility:hidden}</style>`;

/**
 * A Bangla page shows nothing until its font is in (3 s at most, as the font's own block period;
 * at once if it fails), then its text as it stays, so nothing on it moves (CLS) when the font
 * arrives. Not drawn at all (display: none) rather than hidden, the text is laid out once, with
 * its font, not first with stand-in fonts.
 *
 * The font is preloaded from the body, not from the head, and not with document.fonts.load():
 * Chromium holds the first paint of a page for a font loaded those ways (RenderBlockingFonts),
 * and in Lighthouse's headless Chromium that first frame then came one or two seconds late, long
 * after the font was in.
 */
function fontWait(fontUrl: string): string {
  return `<script>(function(){var d=document.documentElement;if(!d.hasAttribute('data-font-wait'))return;function show(){d.removeAttribute('data-font-wait')}setTimeout(show,3000);var f=document.createElement('link');f.rel='preload';f.as='font';f.type='font/woff2';f.crossOrigin='';f.href='${fontUrl}';f.onload=f.onerror=show;document.head.appendChild(f)})()</script>`;
}

/**
 * Right after the two screens are parsed, before they paint: the one in the page's language
 * becomes the root's content as it is, the other goes. The app then takes that markup over as
 * its own (React's hydration, src/ui/main.tsx) instead of drawing the page a second time, which
 * would cost a long task and a repaint of the largest text. A lesson link keeps both wrappers
 * (its step is not the prerendered list): the app draws it afresh.
 */
const KEEP_ONE_SCREEN = `<script>(function(){var d=document.documentElement,r=document.getElementById('root'),k=r.querySelector('[data-prerender="'+d.lang+'"]');if(k&&!d.hasAttribute('data-deep-link'))r.replaceChildren.apply(r,Array.prototype.slice.call(k.childNodes))})()</script>`;

/**
 * Replaces the last `needle`: the page's own `</head>` and `<div id="root">` come after any
 * inline script, whose code may hold the same text (the single-file build's does).
 */
function replaceLast(html: string, needle: string, replacement: string): string {
  const at = html.lastIndexOf(needle);
  if (at < 0) throw new Error(`the page has no ${needle}`);
  return html.slice(0, at) + replacement + html.slice(at + needle.length);
}

export function finishPage(html: string, options: PageOptions): string {
  let out = html.replace(
    /<meta charset="UTF-8"\s*\/?>/,
    (charset) => `${charset}\n    <meta name="version" content="${attr(options.version)}" />`,
  );
  if (!out.includes('<meta name="version"')) throw new Error('the page has no <meta charset>');
  out = replaceLast(out, '</head>', `${languagePick(options)}${HIDE}</head>`);
  return replaceLast(
    out,
    '<div id="root"></div>',
    `${options.fontUrl ? fontWait(options.fontUrl) : ''}<div id="root"><div data-prerender="en">${options.screens.en}</div><div data-prerender="bn">${options.screens.bn}</div></div>${KEEP_ONE_SCREEN}`,
  );
}
