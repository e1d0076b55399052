/**
 * What makes the playground installable, made at build time (and served by the dev server):
 *  - manifest.webmanifest (English) and manifest.bn.webmanifest (Bangla): the page links the one
 *    of its language, so the installed app is named in the language it was installed from. Both
 *    also carry the other language in `*_localized` members (W3C manifest spec; no browser reads
 *    them yet). URLs in them are relative to the manifest, so they hold under any base path.
 *  - PNG icons rendered from src/ui/icons/icon.svg (resvg, WebAssembly: nothing to download):
 *    192 and 512 px with rounded corners ("any"), 512 px full-bleed ("maskable"), 180 px for iOS,
 *    and the 32 px favicon.
 *  - the head's links: manifest, theme colour, favicon, apple-touch-icon.
 * The single-file build for file:// (mode "standalone") gets only a favicon, as a data: URL.
 *
 * The favicon is a PNG, not the SVG: Chromium draws an SVG favicon in the page's own renderer,
 * as a document of its own, a 13-41 ms task on the page's main thread while it starts.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Resvg, initWasm } from '@resvg/resvg-wasm';
import type { HtmlTagDescriptor, Plugin } from 'vite';

export const THEME_COLOR = '#0b2948';
const BACKGROUND_COLOR = '#f6f7f9';
const ICON_SVG = 'src/ui/icons/icon.svg';
const FAVICON = { file: 'icons/favicon-32.png', size: 32, rounded: true, purpose: null } as const;

type Lang = 'en' | 'bn';
const LANGS: Lang[] = ['en', 'bn'];

interface Strings {
  app: { title: string };
  offline: { appShortName: string; appDescription: string };
}

const strings = (lang: Lang) =>
  JSON.parse(readFileSync(`content/locales/${lang}.json`, 'utf8')) as Strings;

export const manifestFile = (lang: Lang) =>
  lang === 'en' ? 'manifest.webmanifest' : `manifest.${lang}.webmanifest`;

const ICONS = [
  { file: 'icons/icon-192.png', size: 192, rounded: true, purpose: 'any' },
  { file: 'icons/icon-512.png', size: 512, rounded: true, purpose: 'any' },
  { file: 'icons/icon-maskable-512.png', size: 512, rounded: false, purpose: 'maskable' },
  { file: 'icons/apple-touch-icon.png', size: 180, rounded: false, purpose: null },
  FAVICON,
] as const;

function manifest(lang: Lang): string {
  const own = strings(lang);
  const other = LANGS.filter((l) => l !== lang);
  const localized = (pick: (s: Strings) => string) =>
    Object.fromEntries(other.map((l) => [l, pick(strings(l))]));
  return JSON.stringify(
    {
      name: own.app.title,
      short_name: own.offline.appShortName,
      description: own.offline.appDescription,
      lang,
      dir: 'ltr',
      name_localized: localized((s) => s.app.title),
      short_name_localized: localized((s) => s.offline.appShortName),
      description_localized: localized((s) => s.offline.appDescription),
      // The same start URL in both: one app, whichever language it was installed from (the page
      // remembers the reader's language itself).
      start_url: './',
      scope: './',
      display: 'standalone',
      theme_color: THEME_COLOR,
      background_color: BACKGROUND_COLOR,
      categories: ['education'],
      icons: ICONS.filter((i) => i.purpose).map((i) => ({
        src: i.file,
        sizes: `${i.size}x${i.size}`,
        type: 'image/png',
        purpose: i.purpose,
      })),
    },
    null,
    2,
  );
}

let wasmReady: Promise<void> | null = null;

async function renderIcon(size: number, rounded: boolean): Promise<Uint8Array> {
  wasmReady ??= initWasm(
    readFileSync(createRequire(import.meta.url).resolve('@resvg/resvg-wasm/index_bg.wasm')),
  ).catch((e: unknown) => {
    // Vite loads this config afresh for each build of a run; the WebAssembly module stays.
    if (!(e instanceof Error && e.message.startsWith('Already initialized'))) throw e;
  });
  await wasmReady;
  let svg = readFileSync(ICON_SVG, 'utf8');
  if (rounded)
    svg = svg.replace('<rect width="512" height="512"', '<rect width="512" height="512" rx="96"');
  return new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
}

/** Every file the plugin makes: path under the base -> bytes. */
async function files(): Promise<Map<string, string | Uint8Array>> {
  const out = new Map<string, string | Uint8Array>();
  for (const lang of LANGS) out.set(manifestFile(lang), manifest(lang));
  for (const icon of ICONS) out.set(icon.file, await renderIcon(icon.size, icon.rounded));
  return out;
}

const TYPES: Record<string, string> = {
  webmanifest: 'application/manifest+json',
  png: 'image/png',
};

export function webApp(): Plugin {
  let base = '/';
  let standalone = false;
  let ssr = false;
  let made: Promise<Map<string, string | Uint8Array>> | null = null;
  const make = () => (made ??= files());
  return {
    name: 'web-app',
    configResolved(config) {
      base = config.base;
      standalone = config.mode === 'standalone';
      ssr = Boolean(config.build.ssr);
    },
    async generateBundle() {
      if (standalone || ssr) return;
      for (const [fileName, source] of await make())
        this.emitFile({ type: 'asset', fileName, source });
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0] ?? '';
        if (!path.startsWith(base)) return next();
        void make().then((all) => {
          const file = all.get(path.slice(base.length));
          if (file === undefined) return next();
          res.setHeader('Content-Type', TYPES[path.split('.').pop() ?? ''] ?? 'text/plain');
          res.end(file);
        }, next);
      });
    },
    transformIndexHtml: {
      order: 'post',
      async handler(): Promise<HtmlTagDescriptor[]> {
        const favicon = (href: string): HtmlTagDescriptor => ({
          tag: 'link',
          attrs: { rel: 'icon', type: 'image/png', sizes: '32x32', href },
          injectTo: 'head',
        });
        if (standalone) {
          // Only the favicon: the other icons are for installing, which file:// cannot do.
          const png = await renderIcon(FAVICON.size, FAVICON.rounded);
          return [favicon(`data:image/png;base64,${Buffer.from(png).toString('base64')}`)];
        }
        return [
          { tag: 'meta', attrs: { name: 'theme-color', content: THEME_COLOR }, injectTo: 'head' },
          favicon(`${base}${FAVICON.file}`),
          {
            tag: 'link',
            attrs: { rel: 'apple-touch-icon', href: `${base}icons/apple-touch-icon.png` },
            injectTo: 'head',
          },
          {
            tag: 'link',
            attrs: { rel: 'manifest', href: `${base}${manifestFile('en')}` },
            injectTo: 'head',
          },
        ];
      },
    },
  };
}
