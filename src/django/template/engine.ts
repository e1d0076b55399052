/**
 * A deliberately small slice of the Django template language: `{{ name }}` with auto-escaping,
 * which is all the tutorial's templates use. Anything else is left as text.
 */
import { str, type PyValue } from '../../python';
import { escape } from '../utils/html';

export type Context = Record<string, PyValue>;

export class Template {
  constructor(readonly source: string) {}

  /** Variables are escaped (`<b>` becomes `&lt;b&gt;`); a missing one renders as ''. */
  render(context: Context = {}): string {
    return this.source.replace(/\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (_m, name: string) => {
      const value = context[name];
      return value === undefined ? '' : escape(str(value));
    });
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
