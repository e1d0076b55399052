/**
 * dist/sw.js: src/sw/serviceWorker.ts bundled into one classic script, with the list of files to
 * precache written in. Every file of the build is on it except the worker itself and the
 * single-file copy for file:// (the app already is the cache). A file whose name carries Vite's
 * content hash needs no revision; any other gets a hash of its bytes, so a deployment that changes
 * index.html (or any such file) changes sw.js, and browsers install the new version.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { build } from 'vite';

export const WORKER_FILE = 'sw.js';

export interface PrecacheEntry {
  url: string;
  revision: string | null;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Vite's hashed file names: `assets/engine-pi_XZ4Yo.js`. */
const HASHED = /^assets\/.+-[\w-]{8}\.\w+$/;

export function precacheManifest(outDir: string, leaveOut: string[]): PrecacheEntry[] {
  return filesUnder(outDir)
    .map((path) => relative(outDir, path).split(sep).join('/'))
    .filter((url) => url !== WORKER_FILE && !leaveOut.includes(url))
    .sort()
    .map((url) => ({
      url,
      revision: HASHED.test(url)
        ? null
        : createHash('sha256')
            .update(readFileSync(join(outDir, url)))
            .digest('hex')
            .slice(0, 16),
    }));
}

export async function buildServiceWorker(outDir: string, manifest: PrecacheEntry[]): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    define: {
      __PRECACHE_MANIFEST__: JSON.stringify(manifest),
      // Workbox's development logging goes.
      'process.env.NODE_ENV': JSON.stringify('production'),
    },
    build: {
      outDir,
      emptyOutDir: false,
      copyPublicDir: false,
      minify: true,
      lib: {
        entry: 'src/sw/serviceWorker.ts',
        formats: ['iife'],
        name: 'playgroundServiceWorker',
        fileName: () => WORKER_FILE,
      },
    },
  });
}
