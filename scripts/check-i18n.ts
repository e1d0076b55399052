/** npm run check:i18n — fails when a UI string is missing or extra in a language. */
import { readFileSync } from 'node:fs';
import { compareLocales } from './checks/i18nKeys';

const load = (lang: string) =>
  JSON.parse(readFileSync(new URL(`../content/locales/${lang}.json`, import.meta.url), 'utf8'));
const problems = compareLocales({ en: load('en'), bn: load('bn') });
for (const p of problems) console.error(p);
console.log(problems.length ? `${problems.length} problem(s)` : 'en and bn have the same keys');
process.exit(problems.length ? 1 : 0);
