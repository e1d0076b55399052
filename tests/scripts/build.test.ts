/** The build's own pieces that need no browser: the precache list and the page's loading. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAfterFirstPaint } from '../../scripts/build/firstPaint';
import { finishPage } from '../../scripts/build/html';
import { precacheManifest } from '../../scripts/build/serviceWorker';

describe('the precache list (sw.js)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'precache-'));
  mkdirSync(join(dir, 'assets'));
  mkdirSync(join(dir, 'icons'));
  writeFileSync(join(dir, 'index.html'), '<p>one</p>');
  writeFileSync(join(dir, 'sw.js'), 'worker');
  writeFileSync(join(dir, 'standalone.html'), 'all in one');
  writeFileSync(join(dir, 'assets', 'engine-pi_XZ4Yo.js'), 'code');
  writeFileSync(join(dir, 'icons', 'icon-192.png'), 'png');

  it('lists every file but the worker and those left out; hashed names need no revision', () => {
    expect(precacheManifest(dir, ['standalone.html'])).toEqual([
      { url: 'assets/engine-pi_XZ4Yo.js', revision: null },
      { url: 'icons/icon-192.png', revision: expect.stringMatching(/^[0-9a-f]{16}$/) },
      { url: 'index.html', revision: expect.stringMatching(/^[0-9a-f]{16}$/) },
    ]);
  });

  it('gives index.html a new revision when its bytes change (a new deployment)', () => {
    const before = precacheManifest(dir, []).find((e) => e.url === 'index.html')?.revision;
    writeFileSync(join(dir, 'index.html'), '<p>two</p>');
    const after = precacheManifest(dir, []).find((e) => e.url === 'index.html')?.revision;
    expect(after).not.toBe(before);
  });
});

const VITE_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8">
    <title>Django Session Playground</title>
    <script type="module" crossorigin src="/x/assets/index-AAAAAAAA.js"></script>
    <link rel="modulepreload" crossorigin href="/x/assets/dep-BBBBBBBB.js">
    <style>.app-header{color:#fff}</style><link rel="stylesheet" crossorigin href="/x/assets/index-CCCCCCCC.css" media="print" onload="this.media='all'">
    <link rel="manifest" href="/x/manifest.webmanifest">
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>`;

describe('index.html', () => {
  const loaded = loadAfterFirstPaint(VITE_HTML, {
    loadFailed: { en: 'Could not load.', bn: 'লোড করা যায়নি।' },
    standalone: 'standalone.html',
    manifests: { en: '/x/manifest.webmanifest', bn: '/x/manifest.bn.webmanifest' },
  });

  it('fetches nothing from its markup: small scripts do, the stylesheet after the body starts', () => {
    expect(loaded).not.toMatch(
      /<script[^>]+src=|<link[^>]+rel="(stylesheet|modulepreload|manifest)"/,
    );
    // Opened from disk, the page goes to the single file before anything is asked for.
    const head = loaded.slice(0, loaded.indexOf('<title>'));
    expect(head).toContain("location.protocol==='file:'");
    expect(head).toContain('"standalone.html"');
    expect(head).not.toContain('/x/assets/');
    // The stylesheet is asked for from the body, after what comes before the root (a Bangla
    // page's font), and without blocking the first paint.
    const beforeRoot = loaded.slice(loaded.indexOf('<body>'), loaded.indexOf('<div id="root">'));
    expect(beforeRoot).toMatch(
      /<script>.*c\.href="\/x\/assets\/index-CCCCCCCC\.css";c\.media='print'/,
    );
    // The scripts are not asked for before the first paint (they would hold it on a slow line).
    expect(beforeRoot).not.toContain('/x/assets/index-AAAAAAAA.js');
  });

  it('starts the app after the first paint, and says so in the page language if it cannot', () => {
    const body = loaded.slice(loaded.indexOf('<body>'));
    expect(body).toContain('requestAnimationFrame');
    // Painted: every script at once (modulepreload), then the entry.
    expect(body).toContain('"/x/assets/index-AAAAAAAA.js","/x/assets/dep-BBBBBBBB.js"');
    expect(body).toMatch(/painted\.then\(\(\)=>\{.*\[.*\]\.forEach\(.*modulepreload/);
    // With the manifest in the page's language (Chromium fetches it, and an icon, at once).
    expect(body).toMatch(
      /painted\.then\(\(\)=>\{\{.*rel='manifest'.*\{"en":"\/x\/manifest\.webmanifest","bn":"\/x\/manifest\.bn\.webmanifest"\}\[document\.documentElement\.lang\]/,
    );
    expect(body).toContain('import("/x/assets/index-AAAAAAAA.js")');
    // "Painted" means the first contentful paint (Paint Timing), which a Bangla page makes only
    // once its font is in: on a slow line the scripts never share it with the first screen.
    expect(body).toContain("getEntriesByName('first-contentful-paint')");
    // Nothing asks for the font a second time (fonts.load() would hold the first paint).
    expect(body).not.toContain('document.fonts.load');
    expect(body).toContain('"bn":"লোড করা যায়নি।"');
  });

  it('gets both languages of the first screen and the version, even after inline code', () => {
    const page = finishPage(
      VITE_HTML.replace('<title>', '<script>"</head><div id=\\"root\\"></div>"</script><title>'),
      {
        screens: { en: '<h1>Hello</h1>', bn: '<h1>নমস্কার</h1>' },
        fontUrl: '/x/assets/font.woff2',
        version: '1.0 (abc)',
      },
    );
    expect(page).toContain('<meta name="version" content="1.0 (abc)"');
    expect(page).toContain(
      '<div id="root"><div data-prerender="en"><h1>Hello</h1></div><div data-prerender="bn"><h1>নমস্কার</h1></div></div>',
    );
    // Right after them, before they paint, the page's language keeps its screen, unwrapped, for
    // the app to take over as it is (a lesson link keeps both: the app draws its step afresh).
    expect(page).toMatch(
      /<\/div><\/div><script>\(function\(\)\{[^<]*data-deep-link[^<]*replaceChildren/,
    );
    // The inline script's own text is left alone.
    expect(page).toContain('<script>"</head><div id=\\"root\\"></div>"</script>');
  });
});
