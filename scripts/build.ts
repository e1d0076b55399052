/**
 * npm run build [-- --base=/sub/path/] [--outDir dir]
 *
 * The production build: the app (vite build), then the first screen prerendered in both
 * languages into index.html. A small inline script picks the reader's language before the
 * first paint, as the app will, so the static text is already the right one.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';

function option(name: string, fallback: string): string {
  const args = process.argv.slice(2);
  const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return fallback;
  const a = args[i] as string;
  return a.includes('=') ? a.slice(a.indexOf('=') + 1) : (args[i + 1] ?? fallback);
}

const base = option('base', '/');
const outDir = resolve(option('outDir', 'dist'));
const ssrDir = resolve('node_modules/.cache/prerender');

await build({ base, build: { outDir, emptyOutDir: true } });
await build({
  base,
  logLevel: 'warn',
  build: {
    ssr: 'src/ui/prerender.tsx',
    outDir: ssrDir,
    emptyOutDir: true,
    rollupOptions: {
      // The prerender imports both languages' strings on purpose (it renders both); the app's
      // own chunks, built above, still load them lazily.
      onwarn(warning, warn) {
        if (warning.code !== 'INEFFECTIVE_DYNAMIC_IMPORT') warn(warning);
      },
    },
  },
});

const { renderLanding } = (await import(pathToFileURL(join(ssrDir, 'prerender.js')).href)) as {
  renderLanding: () => Record<'en' | 'bn', string>;
};
const screens = renderLanding();
rmSync(ssrDir, { recursive: true, force: true });

// The Bangla font, preloaded when the page will be in Bangla (it is needed for the first paint).
const font = readdirSync(join(outDir, 'assets')).find((f) =>
  /^noto-sans-bengali-.*\.woff2$/.test(f),
);
if (!font) throw new Error('the Bangla font is missing from the build');
const fontUrl = `${base}assets/${font}`;

// Same choice as initialLanguage() in src/ui/i18n.ts; a lesson link shows its step, not the list.
const pick = `<script>(function(){var q=new URLSearchParams(location.search).get('lang'),s=null;try{s=localStorage.getItem('django-session-playground:lang')}catch(e){}var l=q==='bn'||q==='en'?q:s==='bn'||s==='en'?s:(navigator.language||'').toLowerCase().indexOf('bn')===0?'bn':'en';var d=document.documentElement;d.lang=l;if(l==='bn'){var f=document.createElement('link');f.rel='preload';f.as='font';f.type='font/woff2';f.crossOrigin='';f.href='${fontUrl}';document.head.appendChild(f)}if(/^#\\/lesson\\//.test(location.hash))d.setAttribute('data-deep-link','');try{if(localStorage.getItem('django-session-playground:instructor')==='1'||new URLSearchParams(location.search).get('instructor')==='1')d.classList.add('instructor')}catch(e){}})()</script>`;
const hide = `<style>html[lang=en] [data-prerender=bn],html[lang=bn] [data-prerender=en]{display:none}html[data-deep-link] [data-prerender] .lesson-pane>*{visibility:hidden}</style>`;

const file = join(outDir, 'index.html');
const html = readFileSync(file, 'utf8')
  .replace('</head>', `${pick}${hide}</head>`)
  .replace(
    '<div id="root"></div>',
    `<div id="root"><div data-prerender="en">${screens.en}</div><div data-prerender="bn">${screens.bn}</div></div>`,
  );
if (!html.includes('data-prerender="bn"'))
  throw new Error('index.html has no <div id="root"></div> to fill');
writeFileSync(file, html);
console.log(
  `prerendered the first screen (en ${screens.en.length} B, bn ${screens.bn.length} B) into ${file}`,
);
