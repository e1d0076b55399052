/**
 * npm run build [-- --base=/sub/path/] [--outDir dir] [--version text]
 *
 * The production build, in dist/:
 *  - index.html and assets/: the app (vite build), its first screen prerendered in both
 *    languages, the CSS that screen needs inlined, the app's script run after the first paint;
 *  - manifest*.webmanifest, icons/: installable (scripts/vite/webApp.ts);
 *  - sw.js: the one service worker, offline copy of every file plus MSW's mock server, which
 *    imports mockServiceWorker.js (scripts/build/serviceWorker.ts, src/sw/);
 *  - standalone.html: the whole playground in one file, for file:// (index.html opened from
 *    disk goes there);
 *  - LICENSE.txt and OFL-LICENSE.txt.
 * --version names the build (default: package.json's version and the git commit); it is written
 * into the pages, so every deployment of a new commit is a new version for the service worker.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { inlineCriticalCss, loadAfterFirstPaint } from './build/firstPaint';
import { finishPage, type Lang } from './build/html';
import { buildServiceWorker, precacheManifest, WORKER_FILE } from './build/serviceWorker';
import { buildStandalone, STANDALONE_FILE } from './build/standalone';
import { APP_FONT } from './fonts/files';
import { manifestFile } from './vite/webApp';

function option(name: string, fallback: string): string {
  const args = process.argv.slice(2);
  const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return fallback;
  const a = args[i] as string;
  return a.includes('=') ? a.slice(a.indexOf('=') + 1) : (args[i + 1] ?? fallback);
}

function defaultVersion(): string {
  const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
  try {
    const commit = execFileSync('git', ['describe', '--always', '--dirty'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    return `${version} (${commit})`;
  } catch {
    return version; // not a git checkout (a downloaded archive)
  }
}

const base = option('base', '/');
if (!base.startsWith('/') || !base.endsWith('/'))
  throw new Error(`--base must start and end with "/" (got ${base})`);
const outDir = resolve(option('outDir', 'dist'));
const version = option('version', defaultVersion());
const cache = resolve('node_modules/.cache');
const ssrDir = join(cache, 'prerender');

// 1. The app. BUILD_MINIFY=false keeps the names readable in a CPU profile (bench:web's).
const minify = process.env.BUILD_MINIFY !== 'false';
await build({
  base,
  build: { outDir, emptyOutDir: true, ...(minify ? {} : { minify: false, cssMinify: true }) },
});

// 2. The first screen, rendered in both languages.
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
  renderLanding: () => Record<Lang, string>;
};
const screens = renderLanding();
rmSync(ssrDir, { recursive: true, force: true });

const loadFailed = Object.fromEntries(
  (['en', 'bn'] as const).map((lang) => {
    const strings = JSON.parse(readFileSync(`content/locales/${lang}.json`, 'utf8')) as {
      offline: { loadFailed: string };
    };
    return [lang, strings.offline.loadFailed];
  }),
) as Record<Lang, string>;

// 3. index.html.
// The app's cut of the Bangla font, which a Bangla page waits for (Vite names it <name>-<hash>).
const fontName = basename(APP_FONT, '.woff2');
const font = readdirSync(join(outDir, 'assets')).find(
  (f) => f.startsWith(`${fontName}-`) && f.endsWith('.woff2'),
);
if (!font) throw new Error("the app's Bangla font is missing from the build");
const indexFile = join(outDir, 'index.html');
let html = finishPage(readFileSync(indexFile, 'utf8'), {
  screens,
  fontUrl: `${base}assets/${font}`,
  version,
});
html = await inlineCriticalCss(html, outDir, base);
html = loadAfterFirstPaint(html, {
  loadFailed,
  standalone: STANDALONE_FILE,
  manifests: { en: `${base}${manifestFile('en')}`, bn: `${base}${manifestFile('bn')}` },
});
writeFileSync(indexFile, html);

// 4. standalone.html.
const standalone = finishPage(await buildStandalone(join(cache, 'standalone')), {
  screens,
  fontUrl: null,
  version,
});
writeFileSync(join(outDir, STANDALONE_FILE), standalone);

// 5. The licences travel with the site (a host's IT person looks for them there).
copyFileSync('LICENSE', join(outDir, 'LICENSE.txt'));
copyFileSync('src/ui/fonts/OFL-LICENSE.txt', join(outDir, 'OFL-LICENSE.txt'));

// 6. sw.js, last: it lists every other file.
const manifest = precacheManifest(outDir, [STANDALONE_FILE]);
await buildServiceWorker(outDir, manifest);

console.log(
  `built ${version} under ${base} into ${outDir}: index.html (first screen en ${screens.en.length} B, bn ${screens.bn.length} B), ${STANDALONE_FILE} (${Math.round(standalone.length / 1024)} KB), ${WORKER_FILE} (${manifest.length} files precached)`,
);
