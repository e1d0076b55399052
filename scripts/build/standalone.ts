/**
 * standalone.html: the whole playground in one file, for opening from disk (file://), a USB
 * stick or an e-mail attachment. Chromium runs no module script file and applies no crossorigin
 * stylesheet from file:// (origin null), so everything is inlined: one script, the CSS, the
 * fonts as data: URLs, every lesson in both languages. Service workers do not run on file://:
 * the app then serves the mocked site from inside the page (and says so), so MSW's browser code
 * is left out of this copy.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Plugin } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';

export const STANDALONE_FILE = 'standalone.html';

/** src/server/msw/browser.ts, replaced: the app never asks for it on file:// (see chooseTransport). */
function withoutServiceWorker(): Plugin {
  const stub = '\0no-service-worker';
  return {
    name: 'standalone-without-service-worker',
    enforce: 'pre',
    resolveId: (source) => (/\/server\/msw\/browser(\.ts)?$/.test(source) ? stub : undefined),
    load: (id) =>
      id === stub
        ? `export async function startWorker() { throw new Error('service workers do not run in the single-file copy'); }`
        : undefined,
  };
}

/** Builds the single file into a scratch folder and returns its HTML. */
export async function buildStandalone(scratch: string): Promise<string> {
  await build({
    mode: 'standalone',
    base: './',
    logLevel: 'warn',
    plugins: [withoutServiceWorker(), viteSingleFile({ removeViteModuleLoader: true })],
    build: { outDir: scratch, emptyOutDir: true, copyPublicDir: false, modulePreload: false },
  });
  const html = readFileSync(join(scratch, 'index.html'), 'utf8');
  rmSync(scratch, { recursive: true, force: true });
  if (/<script[^>]+src=|<link[^>]+rel="(stylesheet|modulepreload)"/.test(html))
    throw new Error('standalone.html still loads a file');
  return html;
}
