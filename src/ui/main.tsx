/**
 * The entry: strings for the language on screen, the lesson list or step, painted first; then
 * the engine (Django, browsers, panels, MSW) in a chunk of its own. Whatever breaks, at start or
 * later, shows the recovery screen (components/Recovery.tsx), never a blank page.
 */
import { startTransition, StrictMode, useEffect, useState } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import i18next from 'i18next';
import { lessonCatalog } from '../lessons/load';
import { LessonProgress } from '../lessons/progress';
import type { Notice } from './components/Notices';
import { ErrorBoundary, RecoveryScreen } from './components/Recovery';
import type { Engine, EngineParts } from './engine';
import { haltSaving } from './halt';
import { initialLanguage, startI18n } from './i18n';
import { Shell } from './Shell';
import { keepOffline } from './update';
import './styles.css';

const notices: Notice[] = [];
const catalog = lessonCatalog();
const progress = new LessonProgress();
if (progress.notice) notices.push({ id: 'progress', key: 'notice.progressReset', tone: 'warning' });
/** The engine's chunk (and Django's, which it imports) is fetched from the start, while the
 * strings load and the page is taken over: on a slow line it would otherwise wait for all that
 * before its first byte. It starts once the page is on screen (Root's effect). */
const engineModule = import('./engine');
// A failure is Root's to show (the recovery screen), not an unhandled rejection before then.
engineModule.catch(() => {});
let engineLoad: Promise<{ engine: Engine; parts: EngineParts }> | null = null;
let engine: Engine | null = null;

/** What the recovery screen can export: the live world when there is one. */
const recoverySource = () => ({ world: engine?.world ?? null, progress, lang: i18next.language });

function Root() {
  const [loaded, setLoaded] = useState<{ engine: Engine; parts: EngineParts } | null>(null);
  const [failed, setFailed] = useState<unknown>(null);
  const [, setTick] = useState(0);
  useEffect(() => {
    // Once per page, even under StrictMode's double effects.
    engineLoad ??= engineModule.then((m) => {
      // The engine's news (ownership, a notice, the transport, a new world) redraws the screen
      // as a transition too: news that lands while React draws the workbench in slices then
      // joins that drawing instead of forcing it all to be drawn again in one long task.
      const onChange = () => startTransition(() => setTick((n) => n + 1));
      engine = m.startEngine({ catalog, progress, notices, onChange });
      return { engine, parts: m.parts };
    });
    // A transition: React renders the workbench in slices, so no long task blocks a first tap.
    engineLoad.then(
      (l) => startTransition(() => setLoaded(l)),
      (e: unknown) => {
        // The engine could not start (its chunk did not load, the world would not build).
        haltSaving();
        setFailed(e ?? new Error('unknown'));
      },
    );
    // The offline copy (service worker) and new versions: after the page has loaded.
    keepOffline({ notices, changed: () => setTick((n) => n + 1) });
  }, []);
  if (failed !== null) return <RecoveryScreen error={failed} source={recoverySource} />;
  return <Shell lessons={{ catalog, progress }} notices={[...notices]} loaded={loaded} />;
}

const container = document.getElementById('root') as HTMLElement;
const app = (
  <StrictMode>
    <ErrorBoundary source={recoverySource}>
      <Root />
    </ErrorBoundary>
  </StrictMode>
);
/**
 * Whether the first screen on the page (prerendered, scripts/build/html.ts) is exactly what the
 * app would draw now: the lesson list in this language, with no progress, notice or instructor
 * mode, which the build could not know. Then React takes it over as it is (hydration) rather
 * than drawing it again; a returning student's page is drawn afresh. (A lesson clicked in the
 * list while the scripts loaded needs no check here: LessonPane reads the address as the build
 * did while hydrating, then follows it.)
 */
function prerenderMatches(lang: string): boolean {
  const first = container.firstElementChild;
  return (
    first !== null &&
    !first.hasAttribute('data-prerender') &&
    document.documentElement.lang === lang &&
    !document.documentElement.classList.contains('instructor') &&
    notices.length === 0 &&
    !progress.anyDone()
  );
}

const lang = initialLanguage();
void startI18n(lang).then(
  () => {
    // The prerendered page is already on screen: React's render of it may take its time.
    if (prerenderMatches(lang)) startTransition(() => void hydrateRoot(container, app));
    else startTransition(() => createRoot(container).render(app));
  },
  // Without its strings the page still starts: the recovery screen has English defaults.
  (e: unknown) =>
    createRoot(container).render(
      <StrictMode>
        <RecoveryScreen error={e} source={recoverySource} />
      </StrictMode>,
    ),
);
