/**
 * The stylesheets keep to the type scale of src/ui/styles.css (:root): body text, one title
 * size, one small size (and a tinier one for a phone's clock), and code a little smaller than the
 * text around it; bold is 700. Each size and weight on screen costs the browser a font of its own
 * (a synchronous round trip on Linux), so a new one must be a decision, not a stray `0.87rem`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');

/** Sizes on the scale: the variables, the body's 1rem (1em: as the parent), code's 0.92em, and
 * instructor mode's enlargement of the whole page (its root size). */
const SIZES = new Set([
  'var(--text-title)',
  'var(--text-small)',
  'var(--text-tiny)',
  '1rem',
  '1em',
  '0.92em',
  '125%',
  '112.5%',
]);
const WEIGHTS = new Set(['400', '700']);

function stylesheets(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return stylesheets(path);
    return name.endsWith('.css') ? [path] : [];
  });
}

function declarations(property: string): { where: string; value: string }[] {
  return stylesheets(join(ROOT, 'src')).flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, i) => {
        const m = new RegExp(`^\\s*${property}:\\s*([^;]+);`).exec(line);
        return m?.[1] ? [{ where: `${relative(ROOT, file)}:${i + 1}`, value: m[1].trim() }] : [];
      }),
  );
}

describe('the type scale', () => {
  it('finds the declarations it checks', () => {
    expect(declarations('font-size').length).toBeGreaterThan(20);
    expect(declarations('font-weight').length).toBeGreaterThan(10);
  });

  it('uses only the sizes on the scale', () => {
    const off = declarations('font-size').filter((d) => !SIZES.has(d.value));
    expect(off).toEqual([]);
  });

  it('uses one bold weight', () => {
    const off = declarations('font-weight').filter((d) => !WEIGHTS.has(d.value));
    expect(off).toEqual([]);
  });
});
