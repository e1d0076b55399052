/**
 * The layer rule of eslint.config.js (scripts/lint/layers.js) fails a deliberate upward import,
 * type-only ones included, and lets a downward one through.
 */
import { ESLint } from 'eslint';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const eslint = new ESLint({ cwd: ROOT });

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, file) });
  return (result?.messages ?? [])
    .filter(
      (m) =>
        m.ruleId === 'import-x/no-restricted-paths' ||
        m.ruleId === 'no-restricted-imports' ||
        m.ruleId === '@typescript-eslint/no-restricted-imports',
    )
    .map((m) => m.message);
}

describe('the layer rule', () => {
  it('refuses an import from a layer above', async () => {
    expect(
      await problems(
        'src/django/http/x.ts',
        "import { World } from '../../world/world';\nvoid World;\n",
      ),
    ).toEqual([
      expect.stringContaining('src/django may not import from src/ui, src/lessons, src/world'),
    ]);
    expect(
      await problems(
        'src/world/x.ts',
        "import type { LessonDef } from '../lessons/types';\nexport type X = LessonDef;\n",
      ),
    ).toEqual([expect.stringContaining('src/world may not import from src/ui, src/lessons')]);
  });

  it('refuses React below the UI and MSW in the port of Django', async () => {
    expect(
      await problems('src/lessons/x.ts', "import { useState } from 'react';\nvoid useState;\n"),
    ).toEqual([expect.stringContaining('Only src/ui renders: below it, no React and no i18next.')]);
    expect(await problems('src/django/x.ts', "import { http } from 'msw';\nvoid http;\n")).toEqual([
      expect.stringContaining('The port of Django knows nothing of the UI or of MSW.'),
    ]);
  });

  it("refuses django.contrib in Django's own core (a type may be named)", async () => {
    expect(
      await problems(
        'src/django/core/x.ts',
        "import { SessionBase } from '../contrib/sessions/backends/base';\nvoid SessionBase;\n",
      ),
    ).toEqual([expect.stringContaining('Django itself does not import django.contrib')]);
    expect(
      await problems(
        'src/django/http/x.ts',
        "import type { SessionBase } from '../contrib/sessions/backends/base';\nexport type S = SessionBase;\n",
      ),
    ).toEqual([]);
  });

  it('lets an import from below through', async () => {
    expect(
      await problems('src/world/x.ts', "import { PyDict } from '../python';\nvoid PyDict;\n"),
    ).toEqual([]);
  });
});
