/**
 * The left side: the lesson list, or the open lesson step. The address's hash decides which
 * (`#/lesson/<slug>/<n>`, or `#/lesson/<slug>` for where the student left it), so a step can be
 * linked to and the browser's back button works. The step's prose shows at once; its controls
 * wake up when the playground's engine has loaded and the lesson's own world is ready.
 */
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { formatHash, parseHash, type StepLink } from '../../lessons/links';
import { switchLanguage } from '../i18n';
import { useLessons } from './context';
import { LessonIndex } from './LessonIndex';
import { LessonPlayer } from './LessonPlayer';

function followHash(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  window.addEventListener('popstate', onChange);
  return () => {
    window.removeEventListener('hashchange', onChange);
    window.removeEventListener('popstate', onChange);
  };
}

/**
 * The step the address names. Read as an external store: while React takes over the
 * prerendered page it reads "no hash" (the list the build drew), and a link followed while the
 * page was starting (before anyone listened for hashchange) is still seen. The runner writes the
 * address with history.pushState / replaceState, which fire no event: it then calls `reread`.
 */
function useHashLink(): [StepLink | null, () => void] {
  const [, setReads] = useState(0);
  const hash = useSyncExternalStore(
    followHash,
    () => window.location.hash,
    () => '',
  );
  const link = useMemo(() => parseHash(hash), [hash]);
  const reread = useCallback(() => setReads((n) => n + 1), []);
  return [link, reread];
}

export function LessonPane() {
  const { i18n } = useTranslation();
  const { runner, catalog } = useLessons();
  const [link, reread] = useHashLink();
  const known = link && catalog.bySlug(link.slug) ? link : null;
  // A link's own `?lang=` (inside the hash) applies once, when the link is followed; after
  // that the reader's choice of language wins.
  const applied = useRef<string | null>(null);
  useEffect(() => {
    const hash = window.location.hash;
    if (link?.lang && applied.current !== hash) {
      applied.current = hash;
      if (link.lang !== i18n.language) void switchLanguage(link.lang);
    }
  }, [link, i18n]);
  // The hash opens a lesson step; the runner follows it (once the lesson itself has loaded).
  // Settings in the link apply once, after the step has opened; the address then loses them,
  // so that reloading the page does not undo what the student changed since.
  const linkApplied = useRef<string | null>(null);
  useEffect(() => {
    // While a catch-up walks through the steps, it owns them; the address follows it after.
    if (!runner || runner.busy) return;
    if (!known) {
      if (runner.lesson) runner.close();
      return;
    }
    const { settings, query = null } = known;
    if (!settings) linkApplied.current = null;
    const applyLink = () => {
      if (!settings || linkApplied.current === query) return;
      linkApplied.current = query;
      runner.applyLinkSettings(settings);
      const clean = formatHash(known.slug, known.step);
      window.history.replaceState(null, '', clean);
      reread();
    };
    const here = runner.lesson?.slug === known.slug;
    if (here && (known.index === undefined || runner.shownIndex === known.index))
      return applyLink();
    let live = true;
    void catalog.loadDef(known.slug).then(
      async (def) => {
        // The address may have moved on while the lesson loaded: the runner stepped on (a key
        // pressed twice in quick succession) and wrote its own hash. Starting at this stale step
        // would write it back, and the two would chase each other for ever.
        const now = parseHash(window.location.hash);
        if (!live || runner.busy || now?.slug !== known.slug || now.index !== known.index) return;
        runner.register(def);
        await runner.open(known.slug, known.index);
        // Even if the address moved meanwhile (the runner writes its steps there while it
        // catches up), the link's settings belong to the lesson it opened.
        if (runner.lesson?.slug === known.slug) applyLink();
      },
      () => {}, // the player says why the lesson could not load
    );
    return () => {
      live = false;
    };
  }, [runner, catalog, known?.slug, known?.index, known?.query]);
  // A step change (next, prev) writes the hash, so that back goes back a step; what a busy
  // runner writes (the lesson it opened at its first step, say) replaces it instead.
  const hash = runner?.hash ?? null;
  const busy = runner?.busy ?? false;
  useEffect(() => {
    if (hash && window.location.hash !== hash) {
      // `#/lesson/<slug>` (resume) names the same place as the step it resumed at.
      const resumed = parseHash(window.location.hash);
      const same = resumed?.index === undefined && resumed?.slug === runner?.lesson?.slug;
      if (busy || same) window.history.replaceState(null, '', hash);
      else window.history.pushState(null, '', hash);
      reread(); // neither fires an event: keep the link in step
    }
  }, [hash, busy, reread, runner]);
  if (link && !known && runner) window.history.replaceState(null, '', '#/');
  return (
    <aside className="lesson-pane">{known ? <LessonPlayer link={known} /> : <LessonIndex />}</aside>
  );
}
