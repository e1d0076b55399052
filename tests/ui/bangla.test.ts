/**
 * One Bangla voice, in CI: the glossary's terms and no rejected variant in the Bangla UI strings
 * and lessons; no English outside code there; and no user-visible text written into the React
 * components instead of the locale files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import glossary from '../../content/glossary.json';
import bn from '../../content/locales/bn.json';
import {
  englishIn,
  lessonProse,
  localeTexts,
  rejectedVariants,
  type Finding,
} from '../../scripts/checks/bangla';
import { needsTranslation, scanSource, scanUi } from '../../scripts/checks/uiStrings';

const root = new URL('../../', import.meta.url).pathname;
const lessonDirs = readdirSync(`${root}content/lessons`, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
const show = (fs: Finding[]) => fs.map((f) => `${f.where}: ${f.problem} … ${f.excerpt}`);

describe('the glossary', () => {
  it('fixes each term once, and never rejects the form it chose', () => {
    expect(glossary.terms.length).toBeGreaterThan(20);
    const chosen = new Set<string>();
    for (const term of glossary.terms) {
      expect(term.bn, term.en).toMatch(/[\u0980-\u09FF]/);
      expect(chosen.has(term.en), `${term.en} twice`).toBe(false);
      chosen.add(term.en);
      expect(rejectedVariants(term.bn, glossary, term.en), term.en).toEqual([]);
    }
    // The choice the issue asked for: a key is চাবি, since কী reads as "what".
    expect(glossary.terms.find((t) => t.en.startsWith('key'))?.bn).toBe('চাবি');
  });
});

describe('the Bangla UI strings', () => {
  it('use the glossary and no English outside code', () => {
    const findings = localeTexts(bn).flatMap(([key, text]) => [
      ...rejectedVariants(text, glossary, `bn.json ${key}`),
      ...englishIn(text, `bn.json ${key}`),
    ]);
    expect(show(findings)).toEqual([]);
  });
});

describe('the Bangla lessons', () => {
  it.each(lessonDirs)('%s uses the glossary and no English outside code', (dir) => {
    const prose = lessonProse(readFileSync(`${root}content/lessons/${dir}/bn.md`, 'utf8'));
    const title = JSON.parse(readFileSync(`${root}content/lessons/${dir}/lesson.json`, 'utf8'))
      .title.bn as string;
    const findings = [
      ...rejectedVariants(prose, glossary, dir),
      ...englishIn(prose, dir),
      ...rejectedVariants(title, glossary, `${dir} title`),
      ...englishIn(title, `${dir} title`),
    ];
    expect(show(findings)).toEqual([]);
  });

  it('the welcome page too', () => {
    const prose = lessonProse(readFileSync(`${root}content/lessons/index.bn.md`, 'utf8'));
    expect(
      show([...rejectedVariants(prose, glossary, 'index'), ...englishIn(prose, 'index')]),
    ).toEqual([]);
  });
});

/**
 * Code captions (lesson.json's `file`) show on the Bangla page: a path alone is code, words
 * around it are written in both languages ({"en": ..., "bn": ...}). A program's bare name reads
 * as English to the check, and is code.
 */
const PROGRAM_NAMES = ['crontab'];

describe('code captions', () => {
  it('are code, or Bangla on the Bangla page', () => {
    const captions = new Set<string>();
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object')
        for (const [k, x] of Object.entries(v)) {
          if (k === 'file' && typeof x === 'string') captions.add(x);
          else if (k === 'file' && x && typeof x === 'object' && 'bn' in x)
            captions.add(String(x.bn));
          else walk(x);
        }
    };
    for (const dir of lessonDirs)
      walk(JSON.parse(readFileSync(`${root}content/lessons/${dir}/lesson.json`, 'utf8')).steps);
    const english = [...captions].filter((c) => englishIn(c, 'caption').length > 0);
    expect(english.filter((c) => !PROGRAM_NAMES.includes(c))).toEqual([]);
  });
});

describe('the checks themselves', () => {
  const problems = (text: string) =>
    [...rejectedVariants(text, glossary, 't'), ...englishIn(text, 't')].map((f) => f.problem);

  it('catch the variants the glossary rejects, not the words that contain them', () => {
    expect(problems('হয়ে গেছে: ইঞ্জিন নিশ্চিত করেছে।')).toHaveLength(1);
    expect(problems('কী-টি শুধু এই পেজের ভেতরে')).toHaveLength(1);
    expect(problems('Django একটি নতুন র‍্যান্ডম কী দিয়ে')).toHaveLength(1);
    expect(problems('সরে-যাওয়া মেয়াদ')).toHaveLength(1);
    expect(problems('মেয়াদোত্তীর্ণ সারি')).toHaveLength(1);
    expect(problems('একটা রো মুছে গেছে')).toHaveLength(1);
    // পুরো contains রো; সেশন কী means "what is a session": both fine.
    expect(problems('পুরো মান, আর পুরোনো সেশন কী?')).toEqual([]);
  });

  it('catch English prose, and let code, protocol words and the site’s own text through', () => {
    expect(problems('ব্রাউজার cookie-টা রেখে দিয়েছে')).toEqual([
      expect.stringContaining('"cookie"'),
      expect.stringContaining('English "cookie"'),
    ]);
    expect(problems('the session was saved')).not.toEqual([]);
    expect(
      problems(
        'request.session থেকে SESSION_COOKIE_AGE, Set-Cookie আর HttpOnly; django_session-এর সারি; You are : রহিম; signed_cookies',
      ),
    ).toEqual([]);
    // A UI string cannot carry backticks: the view's own names pass only as the exact run listed.
    expect(problems('যেখানে request, timezone, timedelta আর datetime হাতের কাছে আছে')).toEqual([]);
    expect(problems('প্রতিটা request সার্ভারে যায়')).toEqual([
      expect.stringContaining('"request"'),
      expect.stringContaining('English "request"'),
    ]);
    expect(lessonProse('## step-id\n\n`session` আর\n\n```\ncookie\n```\n- [opt] হ্যাঁ')).not.toMatch(
      /session|cookie|step-id|opt/,
    );
  });
});

describe('the React components', () => {
  it('write no user-visible text of their own: it all comes from the locale files', () => {
    const findings = scanUi(root).map((f) => `${f.file}:${f.line} ${f.text}`);
    expect(findings).toEqual([]);
  });

  it('the scan finds text in JSX, in visible attributes and in rendered literals', () => {
    const found = scanSource(
      'x.tsx',
      `export const X = () => (
        <div title="Close it" aria-label="বন্ধ">
          Hello
          {on ? 'Yes' : 'No'}
          <th>HttpOnly</th> <code>clear_expired()</code> <span>&gt;&gt;&gt;</span> {'SECRET_KEY'}
          <i className="not a visible attribute" />
        </div>
      );`,
    ).map((f) => f.text);
    expect(found).toEqual(['Close it', 'বন্ধ', 'Hello', 'Yes', 'No']);
    expect(needsTranslation('Expires / Max-Age')).toBe(false);
    expect(needsTranslation('Size')).toBe(true);
  });
});
