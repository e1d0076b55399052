/**
 * `virtual:lesson-index`: what the lesson list needs of every lesson (folder, slug, title,
 * order, kind, step ids), read from content/lessons/<nn-slug>/lesson.json at build time. The
 * first screen imports this small index; each lesson's full lesson.json (steps, code, checks)
 * is its own chunk, fetched when the lesson is opened.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';

const ID = 'virtual:lesson-index';
const RESOLVED = '\0' + ID;

export function lessonIndex(root = 'content/lessons'): Plugin {
  return {
    name: 'lesson-index',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      const entries = [];
      const base = resolve(root);
      for (const dir of readdirSync(base, { withFileTypes: true })) {
        if (!dir.isDirectory()) continue;
        const file = join(base, dir.name, 'lesson.json');
        let json: unknown;
        try {
          this.addWatchFile(file);
          json = JSON.parse(readFileSync(file, 'utf8'));
        } catch {
          continue; // a missing or broken file is reported when the lesson itself is loaded
        }
        const j = json as {
          slug?: unknown;
          title?: unknown;
          order?: unknown;
          kind?: unknown;
          steps?: { id?: unknown }[];
        };
        entries.push({
          dir: dir.name,
          slug: j.slug,
          title: j.title,
          order: j.order,
          kind: j.kind,
          stepIds: Array.isArray(j.steps) ? j.steps.map((s) => s?.id) : [],
        });
      }
      return `export default ${JSON.stringify(entries)};`;
    },
  };
}
