import { describe, expect, it } from 'vitest';
import en from '../../content/locales/en.json';
import bn from '../../content/locales/bn.json';
import { compareLocales } from '../../scripts/checks/i18nKeys';

describe('UI strings', () => {
  it('exist in Bangla and English with the same keys and placeholders', () => {
    expect(compareLocales({ en, bn })).toEqual([]);
  });

  it('are checked: a missing, an extra and a mismatched key are reported', () => {
    const problems = compareLocales({
      en: { a: 'A {{x}}', b: 'B', c_one: '{{count}} thing', c_other: '{{count}} things' },
      bn: { a: 'ক {{y}}', d: 'ঘ', c_one: 'x', c_other: 'y' },
    });
    expect(problems).toEqual([
      'bn: missing b',
      'bn: extra d (not in en)',
      'bn: a has placeholders {y} but en has {x}',
    ]);
  });
});
