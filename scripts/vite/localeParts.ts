/**
 * content/locales/<lang>.json in two parts, so that a first visit fetches only the strings its
 * screen can show: `?part=first` gives every top-level group but those below, `?part=later` only
 * them. The later groups belong to panels that are themselves fetched when first opened (the
 * Inspector, the Console, the Network panel with its attacker's server and its explanations);
 * src/ui/i18n.ts loads their strings with them. Translators still edit one file per language.
 */
import type { Plugin } from 'vite';

export const LATER_GROUPS: readonly string[] = [
  'inspector',
  'console',
  'network',
  'attacker',
  'explain',
];

const PART = /\/content\/locales\/[^/]+\.json\?part=(first|later)$/;

/** The part of a language's strings: the later groups, or all the others. */
export function localePart(all: Record<string, unknown>, part: 'first' | 'later') {
  return Object.fromEntries(
    Object.entries(all).filter(([group]) => LATER_GROUPS.includes(group) === (part === 'later')),
  );
}

export function localeParts(): Plugin {
  return {
    name: 'locale-parts',
    // Before Vite's JSON plugin, which leaves a file read with a query to the others.
    enforce: 'pre',
    transform(code, id) {
      const part = PART.exec(id)?.[1] as 'first' | 'later' | undefined;
      if (!part) return null;
      const strings = JSON.stringify(localePart(JSON.parse(code) as Record<string, unknown>, part));
      return { code: `export default ${strings};`, map: null, moduleType: 'js' };
    },
  };
}
