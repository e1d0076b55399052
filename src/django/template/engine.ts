/**
 * A deliberately small slice of the Django template language: what the site's templates use.
 *
 * - `{{ name }}`: the value, auto-escaped (`<b>` becomes `&lt;b&gt;`); a missing one renders as ''.
 * - `{{ name|safe }}`: the value NOT escaped, as Django's `safe` filter marks it. Only `safe` is
 *   known; any other filter leaves the tag as text.
 * - `{% for x in items %}…{% empty %}…{% endfor %}`: one level, simple names (no nesting).
 *
 * Rendering is one pass over the template's source: what a variable produces is never read again
 * as template text, so a value containing `{{ … }}` or `{% … %}` is shown, not run (as in Django).
 */
import { str, type PyValue } from '../../python';
import { escape } from '../utils/html';

export type Context = Record<string, PyValue>;

const NAME = '[A-Za-z_][A-Za-z0-9_]*';
const TAGS = new RegExp(
  // 1-4: a for loop (variable, list, body, optional {% empty %} part)
  `\\{%\\s*for\\s+(${NAME})\\s+in\\s+(${NAME})\\s*%\\}([\\s\\S]*?)` +
    `(?:\\{%\\s*empty\\s*%\\}([\\s\\S]*?))?\\{%\\s*endfor\\s*%\\}` +
    // 5-6: a variable, with or without |safe
    `|\\{\\{\\s*(${NAME})\\s*(\\|\\s*safe\\s*)?\\}\\}`,
  'g',
);

function renderSource(source: string, context: Context): string {
  return source.replace(
    TAGS,
    (
      _m,
      loopVar: string | undefined,
      listName: string | undefined,
      body: string | undefined,
      empty: string | undefined,
      name: string | undefined,
      safe: string | undefined,
    ) => {
      if (loopVar !== undefined && listName !== undefined) {
        const list = context[listName];
        const items = Array.isArray(list) ? list : [];
        if (items.length === 0) return renderSource(empty ?? '', context);
        return items
          .map((item) => renderSource(body ?? '', { ...context, [loopVar]: item }))
          .join('');
      }
      const value = context[name as string];
      if (value === undefined) return '';
      return safe ? str(value) : escape(str(value));
    },
  );
}

export class Template {
  constructor(readonly source: string) {}

  render(context: Context = {}): string {
    return renderSource(this.source, context);
  }
}

const registry = new Map<string, Template>();

/** What an app's templates/ directory provides. */
export function registerTemplates(templates: Record<string, string>): void {
  for (const [name, source] of Object.entries(templates)) registry.set(name, new Template(source));
}

export class TemplateDoesNotExist extends Error {}

export function get_template(name: string): Template {
  const t = registry.get(name);
  if (!t) throw new TemplateDoesNotExist(name);
  return t;
}
