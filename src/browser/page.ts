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
}

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

function convert(node: Node): PageNode[] {
  if (node.nodeType === 3 /* TEXT_NODE */) return [{ type: 'text', text: node.textContent ?? '' }];
  if (node.nodeType !== 1 /* ELEMENT_NODE */) return [];
  const el = node as Element;
  const tag = el.tagName.toLowerCase();
  if (DROPPED.has(tag)) return [];
  const children = [...el.childNodes].flatMap(convert);
  if (!ALLOWED_SET.has(tag)) return children; // unknown wrappers (html, body, font...) keep only content
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
  return [{ type: 'element', tag: tag as AllowedTag, attrs, children }];
}

/** Parses a response body into a page. DOMParser never runs scripts in what it parses. */
export function parsePage(body: string, contentType: string): Page {
  if (!/^text\/html\b/i.test(contentType))
    return { title: null, nodes: [{ type: 'text', text: body }], raw: true, scripts: [] };
  const doc = new DOMParser().parseFromString(body, 'text/html');
  const title = doc.querySelector('title')?.textContent?.trim() || null;
  const scripts = [...doc.querySelectorAll('script')]
    .filter((el) => SCRIPT_TYPES.has((el.getAttribute('type') ?? '').trim().toLowerCase()))
    .map((el) => ({ text: el.textContent ?? '', src: el.getAttribute('src') ?? '' }));
  return { title, nodes: [...doc.body.childNodes].flatMap(convert), raw: false, scripts };
}

export interface PageForm {
  action: string;
  method: 'GET' | 'POST';
  fields: { name: string; type: string; value: string; placeholder: string }[];
}

/** The forms on a page, in order, with their fields (what "submit" sends). */
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
