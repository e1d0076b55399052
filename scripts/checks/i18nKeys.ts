/**
 * Every UI string exists in both languages: the same keys (plural forms per each language's
 * rules), no empty values, the same {{placeholders}}.
 */
type Tree = { [key: string]: string | Tree };

const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1] as string).sort();
}

/** Keys with plural suffixes folded into their base key. */
function bases(keys: Iterable<string>): Set<string> {
  return new Set([...keys].map((k) => k.replace(PLURAL, '')));
}

export function compareLocales(locales: Record<string, Tree>): string[] {
  const problems: string[] = [];
  const flat = Object.fromEntries(
    Object.entries(locales).map(([lang, tree]) => [lang, flatten(tree)]),
  );
  const langs = Object.keys(flat);
  const reference = langs[0] as string;
  for (const lang of langs) {
    const rules = new Intl.PluralRules(lang);
    const needed = rules.resolvedOptions().pluralCategories;
    const map = flat[lang] as Map<string, string>;
    for (const [key, value] of map) if (!value.trim()) problems.push(`${lang}: ${key} is empty`);
    // Plural keys must have every category this language uses.
    for (const base of bases(map.keys())) {
      const forms = [...map.keys()].filter((k) => k.replace(PLURAL, '') === base && PLURAL.test(k));
      if (forms.length === 0) continue;
      for (const cat of needed)
        if (!map.has(`${base}_${cat}`))
          problems.push(`${lang}: ${base}_${cat} is missing (plural)`);
    }
    if (lang === reference) continue;
    const refMap = flat[reference] as Map<string, string>;
    const refBases = bases(refMap.keys());
    const ownBases = bases(map.keys());
    for (const b of refBases) if (!ownBases.has(b)) problems.push(`${lang}: missing ${b}`);
    for (const b of ownBases)
      if (!refBases.has(b)) problems.push(`${lang}: extra ${b} (not in ${reference})`);
    for (const [key, value] of map) {
      const refValue = refMap.get(key) ?? refMap.get(key.replace(PLURAL, '_other'));
      if (refValue === undefined) continue;
      const a = placeholders(refValue).filter((p) => p !== 'count');
      const b = placeholders(value).filter((p) => p !== 'count');
      if (a.join() !== b.join())
        problems.push(`${lang}: ${key} has placeholders {${b}} but ${reference} has {${a}}`);
    }
  }
  return problems;
}
