/**
 * The page a simulated browser shows: the server's HTML parsed into a small, safe render tree.
 * Only harmless elements survive (text, headings, strong, forms, inputs, buttons, links, lists,
 * tables, pre/code); scripts, styles, event handlers and every other attribute are dropped, so
 * nothing the server sends can run in the playground. Forms and links stay usable.
 *
 * The text of each `<script>` is kept beside the tree, as data: never rendered, never run. The
 * simulated browser (scripts.ts) reads it to show what a script on the page would do.
 */
export type PageNode =
  | { type: 'text'; text: string }
  | { type: 'element'; tag: AllowedTag; attrs: Record<string, string>; children: PageNode[] };

export interface Page {
  title: string | null;
  nodes: PageNode[];
  /** True when the body was not HTML (JSON from the console, plain text): shown as text. */
  raw: boolean;
  /** The page's scripts in document order (head and body), as text. */
  scripts: PageScript[];
  /** Set when the page is bigger than the simulated browser shows (PAGE_LIMITS). */
  cut?: { nodes: number; limit: number };
}

/**
 * Stated limits of the simulated browser. A page past them is shown up to them, with a message
 * above it; below them, parsing and rendering take time in proportion to the page (chunkPage).
 * A browser's own parser stops nesting at 512 levels; the playground keeps 256.
 */
export const PAGE_LIMITS = { nodes: 100_000, depth: 256 } as const;

export interface PageScript {
  /** The element's text: the code, as data. */
  text: string;
  /** `src` of an external script ('' for an inline one). */
  src: string;
}

/** `type` values a browser runs as JavaScript; others (templates, JSON) are data to it too. */
const SCRIPT_TYPES = new Set(['', 'text/javascript', 'application/javascript', 'module']);

const ALLOWED = [
  'p',
  'div',
  'span',
  'strong',
  'b',
  'em',
  'i',
  'code',
  'pre',
  'br',
  'hr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'table',
  'tr',
  'th',
  'td',
  'tbody',
  'thead',
  'form',
  'input',
  'button',
  'label',
  'a',
] as const;
export type AllowedTag = (typeof ALLOWED)[number];

const ALLOWED_SET = new Set<string>(ALLOWED);
const DROPPED = new Set([
  'script',
  'style',
  'template',
  'iframe',
  'object',
  'embed',
  'noscript',
  'head',
]);
const ATTRS: Record<string, string[]> = {
  form: ['action', 'method', 'name'],
  input: ['type', 'name', 'placeholder', 'value'],
  button: ['type', 'name', 'value'],
  a: ['href'],
  label: ['for'],
};
const INPUT_TYPES = new Set(['text', 'password', 'hidden', 'submit', 'email', 'number']);

/** One element being converted: its next child to visit, its depth, where its children go. */
interface Frame {
  next: Node | null;
  depth: number;
  out: PageNode[];
}

/**
 * Converts a parsed document's body into the safe tree, counting nodes against the limits.
 * A loop with its own stack (no recursion, whatever the nesting), and a generator: it pauses
 * (yields) whenever `due()` says the step has run long enough, so that a big page is converted
 * over several tasks. One pass: time in proportion to the page.
 */
function* convertSteps(
  body: Node | null,
  limits: { nodes: number; depth: number },
  due: () => boolean,
): Generator<void, { nodes: PageNode[]; seen: number }> {
  let kept = 0;
  let seen = 0;
  const nodes: PageNode[] = [];
  const stack: Frame[] = [{ next: body?.firstChild ?? null, depth: 0, out: nodes }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame;
    const node = frame.next;
    if (!node) {
      stack.pop();
      continue;
    }
    frame.next = node.nextSibling;
    // Checked every 256 nodes: often enough to pause in time, rarely enough to cost nothing.
    if ((++seen & 255) === 0 && due()) yield;
    if (node.nodeType === 3 /* TEXT_NODE */) {
      if (kept < limits.nodes) {
        kept++;
        frame.out.push({ type: 'text', text: node.textContent ?? '' });
      }
      continue;
    }
    if (node.nodeType !== 1 /* ELEMENT_NODE */) continue;
    const el = node as Element;
    const tag = el.tagName.toLowerCase();
    if (DROPPED.has(tag)) continue;
    // Unknown wrappers (html, body, font...) keep only their content, as does any element past
    // the depth limit (its text stays, its nesting goes).
    if (!ALLOWED_SET.has(tag) || frame.depth >= limits.depth) {
      stack.push({ next: el.firstChild, depth: frame.depth, out: frame.out });
      continue;
    }
    if (kept >= limits.nodes) {
      // Past the limit: only counted (nothing is kept any more).
      stack.push({ next: el.firstChild, depth: frame.depth + 1, out: [] });
      continue;
    }
    kept++;
    const attrs: Record<string, string> = {};
    for (const name of ATTRS[tag] ?? []) {
      const value = el.getAttribute(name);
      if (value !== null) attrs[name] = value;
    }
    if (tag === 'input' && attrs.type && !INPUT_TYPES.has(attrs.type.toLowerCase()))
      attrs.type = 'text';
    // Only same-site paths and fragments are followable; javascript: and other schemes are not links.
    if (tag === 'a' && attrs.href !== undefined && !/^(\/|#|\.|[a-z0-9_-]+\/?$)/i.test(attrs.href))
      delete attrs.href;
    const children: PageNode[] = [];
    frame.out.push({ type: 'element', tag: tag as AllowedTag, attrs, children });
    stack.push({ next: el.firstChild, depth: frame.depth + 1, out: children });
  }
  return { nodes, seen };
}

const never = () => false;

/** The title and the scripts (as text) of a parsed document. */
function headOf(doc: Document): Pick<Page, 'title' | 'scripts'> {
  const title = doc.querySelector('title')?.textContent?.trim() || null;
  const scripts = [...doc.querySelectorAll('script')]
    .filter((el) => SCRIPT_TYPES.has((el.getAttribute('type') ?? '').trim().toLowerCase()))
    .map((el) => ({ text: el.textContent ?? '', src: el.getAttribute('src') ?? '' }));
  return { title, scripts };
}

function rawPage(body: string): Page {
  return { title: null, nodes: [{ type: 'text', text: body }], raw: true, scripts: [] };
}

function finish(
  head: Pick<Page, 'title' | 'scripts'>,
  converted: { nodes: PageNode[]; seen: number },
  limits: { nodes: number },
): Page {
  const page: Page = { ...head, nodes: converted.nodes, raw: false };
  if (converted.seen > limits.nodes) page.cut = { nodes: converted.seen, limit: limits.nodes };
  return page;
}

/** Parses a response body into a page. DOMParser never runs scripts in what it parses. */
export function parsePage(
  body: string,
  contentType: string,
  limits: { nodes: number; depth: number } = PAGE_LIMITS,
): Page {
  if (!/^text\/html\b/i.test(contentType)) return rawPage(body);
  const doc = new DOMParser().parseFromString(body, 'text/html');
  const steps = convertSteps(doc.body, limits, never);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return finish(headOf(doc), step.value, limits);
}

/**
 * Bodies up to this many characters are parsed at once (tens of milliseconds at most); longer
 * ones in steps, by `parsePageInSteps`.
 */
export const PARSE_AT_ONCE = 128 * 1024;

export interface StepOptions {
  /** Lets the page breathe between steps (the UI: a new task). */
  pause: () => Promise<void>;
  /** How long one step may run, in ms. */
  stepMs?: number;
  /** Told how far the work is, from 0 to 1. */
  onProgress?: (done: number) => void;
  /** Checked after each pause: true stops the work (the result is then never used). */
  cancelled?: () => boolean;
  limits?: { nodes: number; depth: number };
  /** Characters handed to the parser at a time (the step ends when stepMs is reached). */
  piece?: number;
}

/** Thrown when `cancelled()` said so. */
export class ParseCancelled extends Error {}

/**
 * The same page as `parsePage`, built over several tasks: the HTML is given to the browser's
 * parser a piece at a time (document.write into an inert document, which has no browsing
 * context: like DOMParser's, it runs no script and loads nothing, and its parser takes the text
 * as one stream, so the tree is the same), then converted in steps. Each step runs for about
 * `stepMs`; between steps, `pause()`. Parsing 50,000 guestbook messages (1.4 MB) this way keeps
 * every task short where one DOMParser call held the page for most of a second.
 */
export async function parsePageInSteps(
  body: string,
  contentType: string,
  options: StepOptions,
): Promise<Page> {
  const limits = options.limits ?? PAGE_LIMITS;
  if (!/^text\/html\b/i.test(contentType)) return rawPage(body);
  const stepMs = options.stepMs ?? 30;
  const piece = options.piece ?? 16 * 1024;
  let stepStart = performance.now();
  const due = () => performance.now() - stepStart >= stepMs;
  const pause = async () => {
    await options.pause();
    if (options.cancelled?.()) throw new ParseCancelled('cancelled');
    stepStart = performance.now();
  };
  const doc = document.implementation.createHTMLDocument('');
  doc.open();
  for (let at = 0; at < body.length;) {
    let end = Math.min(body.length, at + piece);
    // A piece ends before a tag where it can, and never between the halves of a surrogate pair.
    const lt = body.lastIndexOf('<', end - 1);
    if (end < body.length && lt > at + piece / 2) end = lt;
    if (end < body.length && /[\ud800-\udbff]/.test(body[end - 1] as string)) end--;
    doc.write(body.slice(at, end));
    at = end;
    if (due()) {
      // Reading the text is most of the work: three quarters of the bar.
      options.onProgress?.((0.75 * at) / body.length);
      await pause();
    }
  }
  doc.close();
  const head = headOf(doc);
  const steps = convertSteps(doc.body, limits, due);
  let step = steps.next();
  while (!step.done) {
    options.onProgress?.(0.9);
    await pause();
    step = steps.next();
  }
  options.onProgress?.(1);
  return finish(head, step.value, limits);
}

/** A page's tree cut into pieces of about `size` nodes each, in document order. */
export interface PageChunks {
  chunks: PageNode[][];
  /** Each form element (and each copy of one cut across chunks) -> its index in formsOf(). */
  formIndex: Map<PageNode, number>;
  /** Whether a chunk holds an input (only those need the form's typed values). */
  hasInputs: boolean[];
}

/** Elements whose children a chunk may end between: each copy reads as the same block. */
const CUTTABLE = new Set<string>(['div', 'ul', 'ol', 'table', 'thead', 'tbody', 'form']);

/**
 * Cuts a page for drawing in steps: each chunk is a list of root nodes; an element cut between
 * two chunks appears in both, as a copy holding that chunk's part of its children (so a long
 * list becomes several lists, as a long page becomes several screens). One pass, in time
 * proportional to the page.
 */
export function chunkPage(nodes: PageNode[], size: number): PageChunks {
  const formIndex = new Map<PageNode, number>();
  let forms = 0;
  const chunks: PageNode[][] = [];
  const hasInputs: boolean[] = [];
  const open: Extract<PageNode, { type: 'element' }>[] = [];
  let copies: Extract<PageNode, { type: 'element' }>[] = [];
  let roots: PageNode[] = [];
  let used = 0;
  const start = () => {
    roots = [];
    chunks.push(roots);
    hasInputs.push(false);
    used = 0;
    let list = roots;
    copies = open.map((el) => {
      const copy = { ...el, children: [] as PageNode[] };
      const index = formIndex.get(el);
      if (index !== undefined) formIndex.set(copy, index);
      list.push(copy);
      list = copy.children;
      return copy;
    });
  };
  const visit = (node: PageNode): void => {
    // A chunk ends where a cut shows nothing: between the blocks of a container, not inside a
    // list item or a bold word (whose copy would show twice: a second bullet, an empty <b>).
    // A container-less stretch is cut anyway at four times the size.
    const inner = open[open.length - 1];
    if (used >= size && (!inner || CUTTABLE.has(inner.tag) || used >= size * 4)) start();
    used++;
    const list = copies.length
      ? (copies[copies.length - 1] as { children: PageNode[] }).children
      : roots;
    if (node.type === 'text') {
      list.push(node);
      return;
    }
    if (node.tag === 'form') formIndex.set(node, forms++);
    if (node.tag === 'input' || node.tag === 'button') hasInputs[hasInputs.length - 1] = true;
    if (node.children.length === 0) {
      list.push(node);
      return;
    }
    const copy = { ...node, children: [] as PageNode[] };
    const index = formIndex.get(node);
    if (index !== undefined) formIndex.set(copy, index);
    list.push(copy);
    open.push(node);
    copies.push(copy);
    for (const child of node.children) visit(child);
    open.pop();
    copies.pop();
  };
  start();
  for (const n of nodes) visit(n);
  return { chunks, formIndex, hasInputs };
}

export interface PageForm {
  action: string;
  method: 'GET' | 'POST';
  fields: { name: string; type: string; value: string; placeholder: string }[];
}

/** The forms on a page, in order, with their fields (what "submit" sends). Depth is bounded
 * by PAGE_LIMITS.depth, so recursion is safe. */
export function formsOf(nodes: PageNode[]): PageForm[] {
  const forms: PageForm[] = [];
  const walk = (list: PageNode[], current: PageForm | null) => {
    for (const n of list) {
      if (n.type !== 'element') continue;
      if (n.tag === 'form') {
        const form: PageForm = {
          action: n.attrs.action ?? '',
          method: (n.attrs.method ?? 'GET').toUpperCase() === 'POST' ? 'POST' : 'GET',
          fields: [],
        };
        forms.push(form);
        walk(n.children, form);
      } else {
        if (n.tag === 'input' && current && n.attrs.name && n.attrs.type !== 'submit') {
          current.fields.push({
            name: n.attrs.name,
            type: n.attrs.type ?? 'text',
            value: n.attrs.value ?? '',
            placeholder: n.attrs.placeholder ?? '',
          });
        }
        walk(n.children, current);
      }
    }
  };
  walk(nodes, null);
  return forms;
}

/** The visible text of a page, white space collapsed (what a screen reader would announce). */
export function pageText(nodes: PageNode[]): string {
  const parts: string[] = [];
  const walk = (list: PageNode[]) => {
    for (const n of list) {
      if (n.type === 'text') parts.push(n.text);
      else if (n.tag === 'button' || n.tag === 'input')
        parts.push(' ' + (n.attrs.value ?? '') + ' ');
      else walk(n.children);
      if (n.type === 'element' && n.tag === 'button') walk(n.children);
    }
  };
  walk(nodes);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}
