import { describe, expect, it } from 'vitest';
import {
  LessonTextError,
  parseLessonText,
  renderInline,
  renderMarkdown,
  safeHref,
} from '../../src/lessons/markdown';

const FILE = `# Title for the author

## intro

First paragraph
on two lines.

> The tutorial says ...; in fact ...

## login

Log in.

### predict:cookie
Will a cookie be set?

- [yes] Yes, \`sessionid\`
- [no] No

## logout
\`\`\`
## not a heading inside a code block
\`\`\`
`;

describe('parseLessonText', () => {
  it('splits sections and predictions, in order', () => {
    const text = parseLessonText(FILE, 'x/en.md');
    expect(Object.keys(text.steps)).toEqual(['intro', 'login', 'logout']);
    expect(text.steps.intro).toBe(
      'First paragraph\non two lines.\n\n> The tutorial says ...; in fact ...',
    );
    expect(text.steps.login).toBe('Log in.');
    expect(text.steps.logout).toBe('```\n## not a heading inside a code block\n```');
    expect(text.predictions).toEqual({
      cookie: { question: 'Will a cookie be set?', options: { yes: 'Yes, `sessionid`', no: 'No' } },
    });
    expect(text.predictionSteps).toEqual({ cookie: 'login' });
    expect(text.stepLines).toEqual({ intro: 3, login: 10, logout: 20 });
  });

  it('keeps what happened under `### reveal` apart from the instructions', () => {
    const text = parseLessonText(
      '## a\nDo it.\n### predict:p\nQ?\n- [x] X\n### reveal\nIt happened.\n\nBecause.\n## b\nNext.\n',
    );
    expect(text.steps).toEqual({ a: 'Do it.', b: 'Next.' });
    expect(text.reveals).toEqual({ a: 'It happened.\n\nBecause.' });
    expect(text.predictions.p).toEqual({ question: 'Q?', options: { x: 'X' } });
    expect(text.revealLines).toEqual({ a: 6 });
  });

  it('accepts CRLF line ends and a byte-order mark', () => {
    const text = parseLessonText('\uFEFF## a\r\nHello\r\n## b\r\nBye\r\n');
    expect(text.steps).toEqual({ a: 'Hello', b: 'Bye' });
  });

  const errors: [string, string, number, RegExp][] = [
    ['text before', 'Hello\n## a\n', 1, /before the first/],
    ['a step twice', '## a\nx\n## a\n', 3, /appears twice \(first at line 1\)/],
    ['a bad step id', '## two words\n', 1, /not a step id/],
    ['an unknown heading', '## a\n### Details\n', 2, /only `## <step-id>`/],
    ['a heading without a space', '## a\n##b\n', 2, /needs a space/],
    ['a prediction with no options', '## a\n### predict:p\nWhy?\n', 2, /no options/],
    ['a prediction with no question', '## a\n### predict:p\n- [x] X\n', 2, /no question/],
    ['a repeated option', '## a\n### predict:p\nQ?\n- [x] X\n- [x] Y\n', 5, /\[x\] appears twice/],
    ['text after the options', '## a\n### predict:p\nQ?\n- [x] X\nmore\n', 5, /after the options/],
    ['an unclosed code block', '## a\n```\ncode\n', 2, /never closed/],
    ['a prediction twice', '## a\n### predict:p\nQ\n- [x] X\n## b\n### predict:p\n', 6, /twice/],
    ['two reveals', '## a\n### reveal\nx\n### reveal\ny\n', 4, /two `### reveal`/],
    ['a question after the reveal', '## a\n### reveal\nx\n### predict:p\n', 4, /after the step/],
    ['a reveal before any step', '### reveal\nx\n', 1, /before the first/],
  ];
  it.each(errors)('rejects %s with its line', (_name, source, line, reason) => {
    let error: unknown;
    try {
      parseLessonText(source, 'l/bn.md');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LessonTextError);
    const e = error as LessonTextError;
    expect(e.line).toBe(line);
    expect(e.reason).toMatch(reason);
    expect(e.message).toBe(`l/bn.md:${line}: ${e.reason}`);
  });
});

describe('renderMarkdown', () => {
  it('renders paragraphs, emphasis, code and lists as a data tree', () => {
    expect(
      renderMarkdown(
        'A **bold *and em*** word, `<b>code</b>` and *em*.\nSame paragraph.\n\n- one\n  continued\n- two\n\n3. three\n4. four',
      ),
    ).toEqual([
      {
        type: 'p',
        children: [
          { type: 'text', text: 'A ' },
          {
            type: 'strong',
            children: [
              { type: 'text', text: 'bold ' },
              { type: 'em', children: [{ type: 'text', text: 'and em' }] },
            ],
          },
          { type: 'text', text: ' word, ' },
          { type: 'code', text: '<b>code</b>' },
          { type: 'text', text: ' and ' },
          { type: 'em', children: [{ type: 'text', text: 'em' }] },
          { type: 'text', text: '. Same paragraph.' },
        ],
      },
      {
        type: 'ul',
        children: [
          { type: 'li', children: [{ type: 'text', text: 'one continued' }] },
          { type: 'li', children: [{ type: 'text', text: 'two' }] },
        ],
      },
      {
        type: 'ol',
        start: 3,
        children: [
          { type: 'li', children: [{ type: 'text', text: 'three' }] },
          { type: 'li', children: [{ type: 'text', text: 'four' }] },
        ],
      },
    ]);
  });

  it('renders callouts (with blocks inside) and code blocks', () => {
    expect(
      renderMarkdown('> The tutorial says **x**;\n>\n> - in fact y\n\n```\n<script>\n```'),
    ).toEqual([
      {
        type: 'callout',
        children: [
          {
            type: 'p',
            children: [
              { type: 'text', text: 'The tutorial says ' },
              { type: 'strong', children: [{ type: 'text', text: 'x' }] },
              { type: 'text', text: ';' },
            ],
          },
          {
            type: 'ul',
            children: [{ type: 'li', children: [{ type: 'text', text: 'in fact y' }] }],
          },
        ],
      },
      { type: 'pre', text: '<script>' },
    ]);
  });

  it('keeps HTML as text, and literal markers that open nothing', () => {
    expect(renderInline('<img src=x onerror=alert(1)> 2 * 3 * 4 \\*not em\\* `unclosed')).toEqual([
      { type: 'text', text: '<img src=x onerror=alert(1)> 2 * 3 * 4 *not em* `unclosed' },
    ]);
    expect(renderInline('**not closed and [no link]')).toEqual([
      { type: 'text', text: '**not closed and [no link]' },
    ]);
  });

  it('makes links only of in-app routes, relative paths and http(s) URLs', () => {
    expect(renderInline('[next](#/lesson/login/3)')).toEqual([
      {
        type: 'link',
        href: '#/lesson/login/3',
        kind: 'hash',
        children: [{ type: 'text', text: 'next' }],
      },
    ]);
    expect(
      renderInline('[**docs**](https://docs.djangoproject.com/en/5.2/topics/http/sessions/)'),
    ).toEqual([
      {
        type: 'link',
        href: 'https://docs.djangoproject.com/en/5.2/topics/http/sessions/',
        kind: 'external',
        children: [{ type: 'strong', children: [{ type: 'text', text: 'docs' }] }],
      },
    ]);
    expect(renderInline('[spec](reference/spec.md)')[0]).toMatchObject({
      type: 'link',
      kind: 'relative',
    });
  });

  it('neutralises every other link target to its text, and reports it', () => {
    const unsafe = [
      'javascript:alert(1)',
      'JavaScript:alert(document.cookie)',
      'java\tscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox',
      '//evil.example/x',
      '/\\evil.example',
      '/myapp/login/',
      '#top',
      'mailto:a@b.c',
      ' javascript:alert(1)',
    ];
    for (const href of unsafe) {
      const problems: string[] = [];
      const nodes = renderInline(`[click](${href})`, problems);
      expect(nodes).toEqual([{ type: 'text', text: 'click' }]);
      expect(problems).toEqual([`link target not allowed: ${href}`]);
      expect(safeHref(href)).toBeNull();
    }
    // A link inside a link's text is not a link either.
    expect(renderInline('[a [b](#/x)](#/y)')).toEqual([
      { type: 'link', href: '#/y', kind: 'hash', children: [{ type: 'text', text: 'a b' }] },
    ]);
  });
});
