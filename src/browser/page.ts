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

/** Converts a parsed document's body into the safe tree, counting nodes against the limits. */
function convertAll(
  body: Node,
  limits: { nodes: number; depth: number },
): { nodes: PageNode[]; seen: number } {
  let kept = 0;
  let seen = 0;
  const convert = (node: Node, depth: number, out: PageNode[]): void => {
    seen++;
    if (node.nodeType === 3 /* TEXT_NODE */) {
      if (kept < limits.nodes) {
        kept++;
        out.push({ type: 'text', text: node.textContent ?? '' });
      }
      return;
    }
    if (node.nodeType !== 1 /* ELEMENT_NODE */) return;
    const el = node as Element;
    const tag = el.tagName.toLowerCase();
    if (DROPPED.has(tag)) return;
    // Unknown wrappers (html, body, font...) keep only their content, as does any element past
    // the depth limit (its text stays, its nesting goes).
    if (!ALLOWED_SET.has(tag) || depth >= limits.depth) {
      for (let c = el.firstChild; c; c = c.nextSibling) convert(c, depth, out);
      return;
    }
    if (kept >= limits.nodes) {
      for (let c = el.firstChild; c; c = c.nextSibling) convert(c, depth + 1, []);
      return;
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
    out.push({ type: 'element', tag: tag as AllowedTag, attrs, children });
    for (let c = el.firstChild; c; c = c.nextSibling) convert(c, depth + 1, children);
  };
  const nodes: PageNode[] = [];
  for (let c = body.firstChild; c; c = c.nextSibling) convert(c, 0, nodes);
  return { nodes, seen };
}

/** Parses a response body into a page. DOMParser never runs scripts in what it parses. */
export function parsePage(
  body: string,
  contentType: string,
  limits: { nodes: number; depth: number } = PAGE_LIMITS,
): Page {
  if (!/^text\/html\b/i.test(contentType))
    return { title: null, nodes: [{ type: 'text', text: body }], raw: true, scripts: [] };
  const doc = new DOMParser().parseFromString(body, 'text/html');
  const title = doc.querySelector('title')?.textContent?.trim() || null;
  const scripts = [...doc.querySelectorAll('script')]
    .filter((el) => SCRIPT_TYPES.has((el.getAttribute('type') ?? '').trim().toLowerCase()))
    .map((el) => ({ text: el.textContent ?? '', src: el.getAttribute('src') ?? '' }));
  const { nodes, seen } = convertAll(doc.body, limits);
  const page: Page = { title, nodes, raw: false, scripts };
  if (seen > limits.nodes) page.cut = { nodes: seen, limit: limits.nodes };
  return page;
}

/** A page's tree cut into pieces of about `size` nodes each, in document order. */
export interface PageChunks {
  chunks: PageNode[][];
  /** Each form element (and each copy of one cut across chunks) -> its index in formsOf(). */
  formIndex: Map<PageNode, number>;
  /** Whether a chunk holds an input (only those need the form's typed values). */
  hasInputs: boolean[];
}

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
    if (used >= size) start();
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
