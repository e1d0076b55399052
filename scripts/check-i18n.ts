/**
 * npm run check:i18n — fails when
 *  - a UI string is missing or extra in a language (or its {{placeholders}} differ);
 *  - Bangla text (UI strings, lessons, lesson titles) uses a variant the glossary rejects, or
 *    English outside code (content/glossary.json, scripts/checks/bangla.ts);
 *  - a React component writes user-visible text itself instead of taking it from the locales.
 * The same checks run in the test suite (tests/content/locales.test.ts, tests/ui/bangla.test.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { compareLocales } from './checks/i18nKeys';
import {
  englishIn,
  lessonProse,
  localeTexts,
  rejectedVariants,
  type Glossary,
} from './checks/bangla';
import { scanUi } from './checks/uiStrings';

const root = new URL('../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const load = (lang: string) => JSON.parse(read(`content/locales/${lang}.json`));
const glossary = JSON.parse(read('content/glossary.json')) as Glossary;

const problems: string[] = compareLocales({ en: load('en'), bn: load('bn') });

const bangla = (text: string, where: string) =>
  [...rejectedVariants(text, glossary, where), ...englishIn(text, where)].map(
    (f) => `${f.where}: ${f.problem} … ${f.excerpt}`,
  );
for (const [key, text] of localeTexts(load('bn'))) problems.push(...bangla(text, `bn.json ${key}`));
for (const dir of readdirSync(new URL('content/lessons/', root), { withFileTypes: true })) {
  if (!dir.isDirectory()) continue;
  const base = `content/lessons/${dir.name}/`;
  problems.push(...bangla(lessonProse(read(`${base}bn.md`)), `${base}bn.md`));
  problems.push(...bangla(JSON.parse(read(`${base}lesson.json`)).title.bn, `${base}lesson.json`));
}
problems.push(...bangla(lessonProse(read('content/lessons/index.bn.md')), 'index.bn.md'));

for (const f of scanUi(new URL(root).pathname))
  problems.push(`${f.file}:${f.line}: text written into the component: "${f.text}"`);

for (const p of problems) console.error(p);
console.log(
  problems.length
    ? `${problems.length} problem(s)`
    : 'en and bn have the same keys; the Bangla follows the glossary; every UI string comes from the locales',
);
process.exit(problems.length ? 1 : 0);
