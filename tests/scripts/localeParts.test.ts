/**
 * Each language's strings in two parts (scripts/vite/localeParts.ts): the first visit fetches
 * the first part, the panels fetched later bring the rest. Together they are the whole file, and
 * the later part's strings are used only where those panels are.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../content/locales/en.json';
import bn from '../../content/locales/bn.json';
import enLater from '../../content/locales/en.json?part=later';
import bnFirst from '../../content/locales/bn.json?part=first';
import { LATER_GROUPS, localePart } from '../../scripts/vite/localeParts';

describe('the two parts of a language', () => {
  it.each([
    ['en', en],
    ['bn', bn],
  ])('%s: first and later together are the whole file, each group once', (_, all) => {
    const first = localePart(all, 'first');
    const later = localePart(all, 'later');
    expect(Object.keys(later).sort()).toEqual([...LATER_GROUPS].sort());
    expect(Object.keys(first).filter((g) => g in later)).toEqual([]);
    expect({ ...first, ...later }).toEqual(all);
  });

  it('are what a `?part=` import gives through Vite', () => {
    expect(enLater).toEqual(localePart(en, 'later'));
    expect(bnFirst).toEqual(localePart(bn, 'first'));
    expect(bnFirst).toHaveProperty('app.title', 'Django সেশন প্লেগ্রাউন্ড');
    expect(bnFirst).not.toHaveProperty('inspector');
  });
});

/** Where the later groups' strings may be used: the panels fetched later, and what only they show. */
const LATER_HOMES = [
  'src/ui/inspector/', // the Inspector panel and its parts
  'src/ui/panels/ConsolePanel.tsx',
  'src/ui/panels/NetworkPanel.tsx',
  'src/ui/panels/AttackerServer.tsx', // drawn by NetworkPanel only
  'src/ui/explain.ts', // NetworkPanel's explanations
  'src/world/console/notes.ts', // message keys kept with a console line, shown by ConsolePanel
];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('the later part', () => {
  it('is used only by the panels that load it', () => {
    const key = new RegExp(`['"\`](${LATER_GROUPS.join('|')})\\.[a-zA-Z]`);
    const users = sources('src')
      .map((path) => relative('.', path))
      .filter((path) => key.test(readFileSync(path, 'utf8')));
    expect(users.length).toBeGreaterThan(3);
    expect(users.filter((path) => !LATER_HOMES.some((home) => path.startsWith(home)))).toEqual([]);
  });
});
