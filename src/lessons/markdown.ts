/**
 * The lesson prose: splitting en.md / bn.md into step sections and predictions (with the line of
 * any mistake), and rendering the small Markdown subset of types.ts into a plain data tree. The
 * tree holds only strings and checked link targets; the UI turns it into React elements, so
 * nothing in a lesson file can become HTML or script.
 */
import type { LessonText } from './types';

// --- lesson files ---------------------------------------------------------------------------

export class LessonTextError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
    this.name = 'LessonTextError';
  }
}

/** What the parser also knows, for the structure check (still a LessonText). */
export interface ParsedLessonText extends LessonText {
  /** Prediction id -> the step whose section holds it. */
  predictionSteps: Record<string, string>;
  /** Step id -> line of its `##` heading. */
  stepLines: Record<string, number>;
  /** Step id -> line of its `### reveal` heading. */
  revealLines: Record<string, number>;
}

export const ID_PATTERN = /^[a-z0-9][a-z0-9_-]*$/i;
const FENCE = /^\s{0,3}```/;
const OPTION = /^\s*-\s+\[([^\]\s]+)\]\s*(.*)$/;

interface OpenPrediction {
  id: string;
  line: number;
  question: string[];
  options: Record<string, string>;
}

/**
 * Parses a prose file:
 *
 *     ## <step-id>            one section per step, in the order of lesson.json
 *     ### predict:<id>        a question, then `- [option-id] text` lines
 *     ### reveal              what happened and why: shown once the step's questions are
 *                             answered or skipped (predict before you see)
 *
 * Blank lines and `# title` lines may come before the first section (the title that counts is
 * in lesson.json); any other text there, an unknown heading or an unclosed code block is an error.
 */
export function parseLessonText(source: string, file = 'prose'): ParsedLessonText {
  const text: ParsedLessonText = {
    steps: {},
    reveals: {},
    predictions: {},
    predictionSteps: {},
    stepLines: {},
    revealLines: {},
  };
  const lines = source.replace(/^\uFEFF/, '').split(/\r\n?|\n/);
  // Typed explicitly so that TypeScript knows a call to it ends the path.
  const fail: (line: number, reason: string) => never = (line, reason) => {
    throw new LessonTextError(file, line, reason);
  };
  let step: { id: string; body: string[]; reveal: string[] | null } | null = null;
  let prediction: OpenPrediction | null = null;
  let fenceLine = 0; // line of the open ``` (0: none)
  const predictionLines: Record<string, number> = {};

  const closePrediction = () => {
    if (!prediction) return;
    const question = prediction.question.join(' ').trim();
    if (!question) fail(prediction.line, `predict:${prediction.id} has no question`);
    if (Object.keys(prediction.options).length === 0)
      fail(prediction.line, `predict:${prediction.id} has no options (\`- [id] text\` lines)`);
    text.predictions[prediction.id] = { question, options: prediction.options };
    prediction = null;
  };
  const closeStep = () => {
    closePrediction();
    if (!step) return;
    text.steps[step.id] = step.body.join('\n').trim();
    if (step.reveal) text.reveals[step.id] = step.reveal.join('\n').trim();
  };

  lines.forEach((line, i) => {
    const n = i + 1;
    if (fenceLine || FENCE.test(line)) {
      if (!step) fail(n, 'text before the first `## <step-id>` section');
      if (prediction) fail(n, 'code blocks are not allowed in a prediction');
      fenceLine = fenceLine ? (FENCE.test(line) ? 0 : fenceLine) : n;
      step?.body.push(line);
      return;
    }
    const h2 = /^##\s+(.*?)\s*$/.exec(line);
    if (h2) {
      const id = h2[1] ?? '';
      if (!ID_PATTERN.test(id))
        fail(n, `"${id}" is not a step id (letters, digits, - and _; no spaces)`);
      if (id in text.stepLines)
        fail(n, `step "${id}" appears twice (first at line ${text.stepLines[id]})`);
      closeStep();
      text.stepLines[id] = n;
      step = { id, body: [], reveal: null };
      return;
    }
    if (/^###\s+reveal\s*$/.test(line)) {
      if (!step) fail(n, 'a reveal before the first `## <step-id>` section');
      const open = step as NonNullable<typeof step>;
      if (open.reveal) fail(n, `step "${open.id}" has two \`### reveal\` sections`);
      closePrediction();
      text.revealLines[open.id] = n;
      open.reveal = [];
      return;
    }
    const predict = /^###\s+predict:\s*(.*?)\s*$/.exec(line);
    if (predict) {
      const id = predict[1] ?? '';
      if (!step) fail(n, 'a prediction before the first `## <step-id>` section');
      if (!ID_PATTERN.test(id)) fail(n, `"${id}" is not a prediction id`);
      if (id in predictionLines)
        fail(n, `predict:${id} appears twice (first at line ${predictionLines[id]})`);
      if (step?.reveal) fail(n, `predict:${id} comes after the step's \`### reveal\` section`);
      closePrediction();
      predictionLines[id] = n;
      text.predictionSteps[id] = (step as { id: string }).id;
      prediction = { id, line: n, question: [], options: {} };
      return;
    }
    if (/^#{1,6}(\s|$)/.test(line)) {
      if (!step && /^#\s/.test(line)) return; // a title for the author's eyes
      fail(n, 'only `## <step-id>`, `### predict:<id>` and `### reveal` headings are allowed');
    }
    if (/^#{2,3}[^#\s]/.test(line)) fail(n, 'a heading needs a space after the #');
    if (prediction) {
      const option = OPTION.exec(line);
      const optionCount = Object.keys(prediction.options).length;
      if (option) {
        const [, id = '', optionText = ''] = option;
        if (id in prediction.options) fail(n, `option [${id}] appears twice`);
        if (!optionText.trim()) fail(n, `option [${id}] has no text`);
        prediction.options[id] = optionText.trim();
      } else if (line.trim() === '') {
        // blank lines between question and options are fine
      } else if (optionCount === 0) prediction.question.push(line.trim());
      else
        fail(
          n,
          `text after the options of predict:${prediction.id} (options are \`- [id] text\`; ` +
            'put step prose before the `### predict:` heading, or what happened under `### reveal`)',
        );
      return;
    }
    if (!step) {
      if (line.trim() !== '') fail(n, 'text before the first `## <step-id>` section');
      return;
    }
    (step.reveal ?? step.body).push(line);
  });
  if (fenceLine) fail(fenceLine, 'this code block is never closed (```)');
  closeStep();
  return text;
}

// --- rendering ------------------------------------------------------------------------------

export type LinkKind = 'hash' | 'relative' | 'external';

export type MdInline =
  | { type: 'text'; text: string }
  | { type: 'code'; text: string }
  | { type: 'strong'; children: MdInline[] }
  | { type: 'em'; children: MdInline[] }
  /** `hash`: an in-app route (#/lesson/...); `external`: open in a new tab. */
  | { type: 'link'; href: string; kind: LinkKind; children: MdInline[] };

export type MdBlock =
  | { type: 'p'; children: MdInline[] }
  | { type: 'ul'; children: MdListItem[] }
  | { type: 'ol'; start: number; children: MdListItem[] }
  /** `> ` lines: "The tutorial says ...; in fact ...". */
  | { type: 'callout'; children: MdBlock[] }
  | { type: 'pre'; text: string };

export interface MdListItem {
  type: 'li';
  children: MdInline[];
}

/**
 * The link targets a lesson may use: in-app routes, relative paths and http(s) URLs. Anything
 * else (javascript:, data:, //host, /absolute, a bare #fragment that would break the hash
 * router, or anything with spaces, control characters or backslashes that browsers "repair")
 * is refused: null.
 */
export function safeHref(raw: string): { href: string; kind: LinkKind } | null {
  const href = raw.trim();
  if (!href || /[\s\u0000-\u001f\u007f\\]/.test(href)) return null;
  if (href.startsWith('#/')) return { href, kind: 'hash' };
  if (/^https?:\/\/[^/]/i.test(href)) return { href, kind: 'external' };
  if (/^[/#]/.test(href)) return null;
  if (/^[^/?#]*:/.test(href)) return null; // a scheme
  return { href, kind: 'relative' };
}

const LIST = /^\s{0,3}([-*]|(\d{1,9})[.)])\s+(.*)$/;
const QUOTE = /^\s{0,3}>\s?(.*)$/;

function startsBlock(line: string): boolean {
  return FENCE.test(line) || QUOTE.test(line) || LIST.test(line);
}

/** Markdown -> blocks. `problems` collects what was not rendered as written (unsafe links). */
export function renderMarkdown(markdown: string, problems?: string[]): MdBlock[] {
  const lines = markdown.split(/\r\n?|\n/);
  const blocks: MdBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as string;
    if (line.trim() === '') {
      i++;
    } else if (FENCE.test(line)) {
      const body: string[] = [];
      for (i++; i < lines.length && !FENCE.test(lines[i] as string); i++)
        body.push(lines[i] as string);
      i++; // the closing fence
      blocks.push({ type: 'pre', text: body.join('\n') });
    } else if (QUOTE.test(line)) {
      const inner: string[] = [];
      for (; i < lines.length && QUOTE.test(lines[i] as string); i++)
        inner.push(QUOTE.exec(lines[i] as string)?.[1] ?? '');
      blocks.push({ type: 'callout', children: renderMarkdown(inner.join('\n'), problems) });
    } else if (LIST.test(line)) {
      i = readList(lines, i, blocks, problems);
    } else {
      const para: string[] = [];
      for (; i < lines.length; i++) {
        const l = lines[i] as string;
        if (l.trim() === '' || startsBlock(l)) break;
        para.push(l.trim());
      }
      blocks.push({ type: 'p', children: renderInline(para.join(' '), problems) });
    }
  }
  return blocks;
}

/** One list (all items of the same kind), with lazy continuation lines; returns the next line. */
function readList(lines: string[], start: number, out: MdBlock[], problems?: string[]): number {
  const first = LIST.exec(lines[start] as string) as RegExpExecArray;
  const ordered = first[2] !== undefined;
  const items: string[][] = [];
  let i = start;
  while (i < lines.length) {
    const line = lines[i] as string;
    const m = LIST.exec(line);
    if (m && (m[2] !== undefined) === ordered) {
      items.push([m[3] ?? '']);
    } else if (line.trim() === '') {
      const after = lines[i + 1];
      const nextItem = after !== undefined ? LIST.exec(after) : null;
      if (!nextItem || (nextItem[2] !== undefined) !== ordered) break;
    } else if (!m && !FENCE.test(line) && !QUOTE.test(line)) {
      items[items.length - 1]?.push(line.trim());
    } else break;
    i++;
  }
  const children: MdListItem[] = items.map((item) => ({
    type: 'li',
    children: renderInline(item.join(' '), problems),
  }));
  out.push(ordered ? { type: 'ol', start: Number(first[2]), children } : { type: 'ul', children });
  return i;
}

const PUNCTUATION = /[!-/:-@[-`{-~]/;

/** Inline Markdown -> nodes: `code`, **strong**, *em*, [links](target), \-escapes. */
export function renderInline(text: string, problems?: string[], inLink = false): MdInline[] {
  const out: MdInline[] = [];
  let buffer = '';
  const flush = () => {
    if (buffer) out.push({ type: 'text', text: buffer });
    buffer = '';
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '\\' && PUNCTUATION.test(text[i + 1] ?? '')) {
      buffer += text[i + 1];
      i += 2;
      continue;
    }
    if (c === '`') {
      const run = /^`+/.exec(text.slice(i))?.[0] ?? '`';
      const close = findBacktickRun(text, i + run.length, run.length);
      if (close >= 0) {
        flush();
        let code = text.slice(i + run.length, close);
        if (/^ .*[^ ].* $/.test(code)) code = code.slice(1, -1);
        out.push({ type: 'code', text: code });
        i = close + run.length;
      } else {
        buffer += run;
        i += run.length;
      }
      continue;
    }
    if (c === '*') {
      const strong = text.startsWith('**', i);
      const span = emphasis(text, i, strong ? 2 : 1);
      if (span) {
        flush();
        const children = renderInline(span.inner, problems, inLink);
        out.push(strong ? { type: 'strong', children } : { type: 'em', children });
        i = span.end;
      } else {
        buffer += strong ? '**' : '*';
        i += strong ? 2 : 1;
      }
      continue;
    }
    if (c === '[') {
      const link = linkAt(text, i);
      if (link) {
        flush();
        const children = renderInline(link.label, problems, true);
        const target = inLink ? null : safeHref(link.href);
        if (target) out.push({ type: 'link', ...target, children });
        else {
          if (!inLink) problems?.push(`link target not allowed: ${link.href}`);
          out.push(...children);
        }
        i = link.end;
        continue;
      }
    }
    buffer += c;
    i++;
  }
  flush();
  return mergeText(out);
}

function findBacktickRun(text: string, from: number, length: number): number {
  const re = /`+/g;
  re.lastIndex = from;
  for (let m = re.exec(text); m; m = re.exec(text)) if (m[0].length === length) return m.index;
  return -1;
}

/** `*x*` / `**x**`: the opener is followed, and the closer preceded, by a non-space. */
function emphasis(text: string, at: number, size: 1 | 2): { inner: string; end: number } | null {
  const marker = '*'.repeat(size);
  if (/\s/.test(text[at + size] ?? ' ')) return null;
  for (let j = at + size + 1; j < text.length; j++) {
    if (text[j] === '\\') {
      j++;
      continue;
    }
    if (text[j] === '`') {
      const run = /^`+/.exec(text.slice(j))?.[0] ?? '`';
      const close = findBacktickRun(text, j + run.length, run.length);
      if (close >= 0) j = close + run.length - 1;
      continue;
    }
    if (!text.startsWith(marker, j) || /\s/.test(text[j - 1] ?? ' ')) continue;
    // `***` closing a strong span: the strong closer is its last two stars (`**a *b***`).
    if (size === 2) while (text[j + 2] === '*') j++;
    // A single * must not be half of a ** (that belongs to a strong span inside).
    if (size === 1 && (text[j + 1] === '*' || text[j - 1] === '*')) {
      if (text[j + 1] === '*') j++;
      continue;
    }
    return { inner: text.slice(at + size, j), end: j + size };
  }
  return null;
}

/** `[label](href)` with nested brackets and balanced parentheses. */
function linkAt(text: string, at: number): { label: string; href: string; end: number } | null {
  let depth = 0;
  let j = at;
  for (; j < text.length; j++) {
    if (text[j] === '\\') j++;
    else if (text[j] === '[') depth++;
    else if (text[j] === ']' && --depth === 0) break;
  }
  if (depth !== 0 || text[j + 1] !== '(') return null;
  const labelEnd = j;
  depth = 0;
  for (j = labelEnd + 1; j < text.length; j++) {
    if (text[j] === '(') depth++;
    else if (text[j] === ')' && --depth === 0) break;
  }
  if (depth !== 0) return null;
  return { label: text.slice(at + 1, labelEnd), href: text.slice(labelEnd + 2, j), end: j + 1 };
}

function mergeText(nodes: MdInline[]): MdInline[] {
  const out: MdInline[] = [];
  for (const node of nodes) {
    const last = out[out.length - 1];
    if (node.type === 'text' && last?.type === 'text') last.text += node.text;
    else out.push(node);
  }
  return out;
}
