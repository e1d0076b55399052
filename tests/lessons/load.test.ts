import { describe, expect, it } from 'vitest';
import {
  checkLessonStructure,
  createCatalog,
  isLessonDef,
  lessonDefProblems,
  lessonSourcesFromFiles,
} from '../../src/lessons/structure';
import { lessonCatalog, type LessonSource } from '../../src/lessons/load';
import { LessonTextError } from '../../src/lessons/markdown';
import { clone, fixtureSources } from './helpers';

const login = (): LessonSource => {
  const source = fixtureSources().find((s) => s.dir === '01-fixture-login');
  if (!source) throw new Error('fixture missing');
  return clone(source);
};
// Loosely typed on purpose: the tests write what the types forbid.
const def = (source: LessonSource) => source.json as Record<string, unknown>;

describe('lesson.json validation', () => {
  it('accepts the fixtures', () => {
    expect(checkLessonStructure(fixtureSources())).toEqual([]);
  });

  it('names the field of every mistake', () => {
    const json = def(login());
    json.kind = 'quiz';
    json.extra = 1;
    json.title = { en: 'Only English' };
    json.start = { settings: { SESSION_ENGINE: 'redis', NOT_A_SETTING: 1 } };
    const [intro, open, logIn] = json.steps as unknown as Record<string, unknown>[];
    (intro as { code: { modern: { highlight: number[] } } }).code.modern.highlight = [9];
    (open as { actions: unknown[] }).actions = [
      { type: 'navigate', path: 'myapp/' },
      { type: 'teleport' },
      { type: 'submit', values: { username: { en: 'alice' } } },
      { type: 'advance', seconds: -5 },
      { type: 'navigate', browser: 'b', path: '/' },
    ];
    (logIn as { check: unknown }).check = {
      type: 'all',
      checks: [
        { type: 'response', bodyInclude: 'x', decision: 'maybe', consoleMethod: 'rm_rf' },
        { type: 'store', dataValue: 'x' },
        { type: 'setting', name: 'SESSION_COOKIE_AGE', value: 'soon' },
        { type: 'cookie', name: 'sessionid' },
      ],
    };
    (logIn as { predictions: unknown }).predictions = [{ id: 'p', options: ['a'], answer: 'b' }];
    expect(lessonDefProblems(json, 'L')).toEqual([
      'L.title.bn: missing',
      'L.kind: expected one of "lesson", "lab", got "quiz"',
      'L.start.settings.NOT_A_SETTING: not an editable setting',
      'L.start.settings: Django would refuse SESSION_ENGINE (engine)',
      'L.steps[0].code.modern.highlight: line 9 is past the last line (2)',
      'L.steps[1].actions[0].path: expected a path starting with /, got "myapp/"',
      'L.steps[1].actions[1].type: expected one of navigate, submit, console, settings, advance, closeBrowser, addBrowser, plantCookie, deleteCookie, replayStolen, clearExpired, restartServer, showPanel',
      'L.steps[1].actions[2].values.username.bn: missing',
      'L.steps[1].actions[3].seconds: expected a number of seconds > 0, got -5',
      'L.steps[1].actions[4].browser: expected a browser letter ("A", "B", ...), got "b"',
      'L.steps[2].check.checks[0].decision: expected one of "cookie-deleted", "saved", "not-saved-server-error", "empty-not-saved", "read-only", "untouched", "interrupted", got "maybe"',
      expect.stringMatching(
        /^L\.steps\[2\]\.check\.checks\[0\]\.consoleMethod: expected one of "getitem", .*got "rm_rf"$/,
      ),
      'L.steps[2].check.checks[0].bodyInclude: unknown field',
      'L.steps[2].check.checks[1].dataValue: needs dataKey',
      'L.steps[2].check.checks[2].value: not a value SESSION_COOKIE_AGE can have',
      'L.steps[2].check.checks[3].present: missing',
      'L.steps[2].predictions[0].options: a prediction needs at least two options',
      'L.steps[2].predictions[0].answer: "b" is not one of the options',
      'L.extra: unknown field',
    ]);
  });

  it('refuses a starting condition about what happened, and a read step that acts', () => {
    const json = def(login());
    const [intro, , logIn] = json.steps as unknown as Record<string, unknown>[];
    (intro as { actions: unknown[] }).actions = [
      { type: 'showPanel', panel: 'store' },
      { type: 'navigate', path: '/myapp/login/' },
    ];
    (logIn as { before: unknown[] }).before = [
      {
        holds: { type: 'all', checks: [{ type: 'response', path: '/x/' }, { type: 'read' }] },
        fix: [{ type: 'navigate', path: '/myapp/logout/' }],
      },
      { holds: { type: 'session', key: 'username', present: false }, fix: [] },
    ];
    expect(lessonDefProblems(json, 'L')).toEqual([
      'L.steps[0].actions[1]: a step only read may only show a panel',
      'L.steps[2].before[0].holds: a "response" check says what happened, not what holds now',
      'L.steps[2].before[0].holds: a "read" check says what happened, not what holds now',
      'L.steps[2].before[1].fix: expected at least one item',
    ]);
  });

  it('finds step and prediction ids used twice', () => {
    const json = def(login());
    const steps = json.steps as unknown as { id: string; predictions?: unknown[] }[];
    (steps[1] as { id: string }).id = 'intro';
    (steps[3] as { predictions?: unknown[] }).predictions = [
      { id: 'cookie-set', options: ['a', 'b'], answer: 'a' },
    ];
    expect(lessonDefProblems(json, 'L')).toEqual([
      'L.steps[1].id: "intro" is used by two steps',
      'L.steps[3]: prediction "cookie-set" is used twice in this lesson',
    ]);
  });

  it("checks lab 15's replayStolen action and stolen check", () => {
    const json = def(login());
    const [, open, logIn] = json.steps as unknown as Record<string, unknown>[];
    (open as { actions: unknown[] }).actions = [
      { type: 'replayStolen', browser: 'B' },
      { type: 'replayStolen', browser: 'mallory' },
    ];
    (logIn as { check: unknown }).check = {
      type: 'all',
      checks: [
        { type: 'stolen', present: true, contains: 'sessionid' },
        { type: 'stolen', present: 'yes', contains: '' },
        { type: 'cookie', name: 'sessionid', present: true, httpOnly: 'no' },
      ],
    };
    expect(lessonDefProblems(json, 'L')).toEqual([
      'L.steps[1].actions[1].browser: expected a browser letter ("A", "B", ...), got "mallory"',
      'L.steps[2].check.checks[1].present: expected true or false, got "yes"',
      'L.steps[2].check.checks[1].contains: expected a non-empty string, got ""',
      'L.steps[2].check.checks[2].httpOnly: expected true or false, got "no"',
    ]);
  });

  it('says what was found where an object was expected, and every unknown field at once', () => {
    const json = def(login());
    const [intro, open, logIn] = json.steps as unknown as Record<string, unknown>[];
    (intro as { code: { modern: { highlight: number[] } } }).code.modern.highlight = [9, 1, 12];
    (open as { actions: unknown[] }).actions = [
      5,
      { type: 'console', code: 5 },
      { type: 'console', code: { en: 'x', bn: 'y', fr: 'z', de: 'w' } },
      { type: 'submit', values: [] },
    ];
    (logIn as { check: unknown }).check = 'read';
    (logIn as { predictions: unknown }).predictions = [
      { id: 'p', options: ['a', 'a'], answer: 'a' },
    ];
    expect(lessonDefProblems(json, 'L')).toEqual([
      'L.steps[0].code.modern.highlight: lines 9, 12 are past the last line (2)',
      'L.steps[1].actions[0]: expected an object, got 5',
      'L.steps[1].actions[1].code: expected a string or {"en": ..., "bn": ...}, got 5',
      'L.steps[1].actions[2].code.fr: unknown field (also unknown: "de")',
      'L.steps[1].actions[3].values: expected an object of field values, got []',
      'L.steps[2].check: expected an object, got "read"',
      'L.steps[2].predictions[0].options: an option is repeated',
    ]);
    expect(isLessonDef(json)).toBe(false);
    expect(isLessonDef(def(login()))).toBe(true);
  });

  it('rejects what is not an object at all', () => {
    expect(lessonDefProblems([], 'L')).toEqual(['L: expected an object, got []']);
  });
});

describe('the structure check: lesson.json, en.md and bn.md agree', () => {
  it('finds missing, extra and reordered steps', () => {
    const a = login();
    a.prose.bn = (a.prose.bn as string).replace('## the-row', '## the-rows');
    a.prose.en = (a.prose.en as string)
      .replace('## plant', '## restart-x')
      .replace('## restart\n', '## plant\n')
      .replace('## restart-x', '## restart');
    expect(checkLessonStructure([a])).toEqual([
      '01-fixture-login/bn.md: no section "## the-row"',
      '01-fixture-login/bn.md:29: step "the-rows" is not in lesson.json',
      "01-fixture-login/en.md: the steps are not in lesson.json's order (intro, open-form, log-in, the-row, second-browser, wait, clean, plant, restart, log-out, browser-close)",
    ]);
  });

  it('finds predictions missing, misplaced, with other options or not declared', () => {
    const a = login();
    a.prose.en = (a.prose.en as string).replace('- [no] No', '- [nope] No');
    a.prose.bn = (a.prose.bn as string)
      .replace(/### predict:cookie-set[\s\S]*?- \[no\] না\n/, '')
      .replace(
        '## clean\n',
        '### predict:cookie-set\nQ?\n- [yes] Y\n- [no] N\n\n### predict:extra\nQ?\n- [a] A\n\n## clean\n',
      );
    expect(checkLessonStructure([a])).toEqual([
      '01-fixture-login/bn.md: predict:cookie-set is under step "wait", lesson.json has it in "log-in"',
      '01-fixture-login/bn.md: predict:extra is not in lesson.json',
      '01-fixture-login/en.md: predict:cookie-set has options [yes, nope], lesson.json [yes, no]',
    ]);
  });

  it('keeps back what happened exactly where there are questions (predict before you see)', () => {
    const a = login();
    // en: the answer is left in the instructions; bn: a reveal where nothing is asked.
    a.prose.en = (a.prose.en as string).replace(/### reveal\n\n.*\n/, '');
    a.prose.bn = (a.prose.bn as string).replace(
      'সারিটি স্টোরে আছে।\n',
      'সারিটি স্টোরে আছে।\n\n### reveal\n\nকিছু জিজ্ঞেস করা হয়নি।\n',
    );
    expect(checkLessonStructure([a])).toEqual([
      '01-fixture-login/bn.md:33: step "the-row" has a reveal but no predictions',
      '01-fixture-login/en.md:13: step "log-in" has predictions but no `### reveal` (what happened and why, shown once they are answered)',
    ]);
  });

  it('finds missing files, empty steps, unsafe links, bad folders and duplicates', () => {
    const a = login();
    delete a.prose.bn;
    a.prose.en = (a.prose.en as string)
      .replace('Clear the expired rows.', '')
      .replace('(#/lesson/fixture-login/3)', '(javascript:alert(1))');
    const b = login();
    b.dir = '07-elsewhere';
    const c: LessonSource = {
      dir: '09-nothing',
      json: undefined,
      prose: { en: '## a\nx', bn: 'oops' },
    };
    expect(checkLessonStructure([a, b, c])).toEqual([
      '01-fixture-login/bn.md: missing',
      '01-fixture-login/en.md: step "open-form": link target not allowed: javascript:alert(1)',
      '01-fixture-login/en.md:43: step "clean" has no text',
      '07-elsewhere: the folder should be named <nn>-fixture-login',
      '07-elsewhere: slug "fixture-login" is also used by 01-fixture-login',
      '07-elsewhere: order 901 is also used by 01-fixture-login',
      '09-nothing/lesson.json: missing',
      '09-nothing/bn.md:1: text before the first `## <step-id>` section',
    ]);
  });

  it('groups files from any path layout (fs or glob)', () => {
    expect(
      lessonSourcesFromFiles({
        '/repo/content/lessons/02-b/lesson.json': { slug: 'b' },
        'C:\\repo\\content\\lessons\\01-a\\en.md': '## x',
        '../../content/lessons/02-b/bn.md': '## y',
        '../../content/lessons/02-b/notes.txt': 'ignored',
      }),
    ).toEqual([
      { dir: '01-a', json: undefined, prose: { en: '## x' } },
      { dir: '02-b', json: { slug: 'b' }, prose: { bn: '## y' } },
    ]);
  });
});

describe('the catalog', () => {
  const files = () => {
    const sources = fixtureSources();
    const json: Record<string, unknown> = {};
    const prose: Record<string, () => Promise<string>> = {};
    let loads = 0;
    for (const s of sources) {
      json[`x/${s.dir}/lesson.json`] = s.json;
      for (const [lang, text] of Object.entries(s.prose))
        prose[`x/${s.dir}/${lang}.md`] = async () => {
          loads++;
          return text;
        };
    }
    return { json, prose, loads: () => loads };
  };

  it('lists valid lessons by order and loads prose lazily, once per language', async () => {
    const f = files();
    const catalog = createCatalog(f.json, f.prose);
    expect(catalog.errors).toEqual([]);
    expect(catalog.lessons.map((l) => [l.slug, l.dir])).toEqual([
      ['fixture-login', '01-fixture-login'],
      ['fixture-broken', '02-fixture-broken'],
    ]);
    expect(f.loads()).toBe(0);
    const bn = await catalog.loadText('fixture-login', 'bn');
    expect(bn.steps.intro).toContain('**সেশন**');
    await catalog.loadText('fixture-login', 'bn');
    expect(f.loads()).toBe(1);
    const lesson = await catalog.loadLesson('fixture-broken');
    expect(lesson.text.en.steps.start).toBe('Nothing to do.');
    expect(lesson.text.bn.steps.start).toBe('কিছু করার নেই।');
    await expect(catalog.loadLesson('nope')).rejects.toThrow('There is no lesson "nope".');
  });

  it('leaves out an invalid lesson.json and says why; a bad prose file fails with its line', async () => {
    const f = files();
    const broken = f.json['x/02-fixture-broken/lesson.json'] as Record<string, unknown>;
    f.json['x/02-fixture-broken/lesson.json'] = { ...broken, order: 'last' };
    f.prose['x/01-fixture-login/en.md'] = async () => '## intro\n### predict:x\n';
    const catalog = createCatalog(f.json, f.prose);
    expect(catalog.lessons.map((l) => l.slug)).toEqual(['fixture-login']);
    expect(catalog.errors).toEqual([
      '02-fixture-broken/lesson.json.order: expected a whole number >= 0, got "last"',
    ]);
    const error = await catalog.loadText('fixture-login', 'en').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LessonTextError);
    expect((error as Error).message).toBe('01-fixture-login/en.md:2: predict:x has no question');
  });

  it('finds content/lessons through import.meta.glob', () => {
    const catalog = lessonCatalog();
    expect(catalog).toBe(lessonCatalog());
    for (const lesson of catalog.lessons) expect(lesson.dir).toMatch(/^\d+-/);
  });
});
