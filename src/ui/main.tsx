/**
 * The entry: strings for the language on screen, the lesson list or step, painted first; then
 * the engine (Django, browsers, panels, MSW) in a chunk of its own.
 */
import { startTransition, StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { lessonCatalog } from '../lessons/load';
import { LessonProgress } from '../lessons/progress';
import type { Notice } from './components/Notices';
import type { Engine, EngineParts } from './engine';
import { initialLanguage, startI18n } from './i18n';
import { Shell } from './Shell';
import { keepOffline } from './update';
import './styles.css';

const notices: Notice[] = [];
const catalog = lessonCatalog();
const progress = new LessonProgress();
if (progress.notice) notices.push({ id: 'progress', key: 'notice.progressReset', tone: 'warning' });
let engineLoad: Promise<{ engine: Engine; parts: EngineParts }> | null = null;

function Root() {
  const [loaded, setLoaded] = useState<{ engine: Engine; parts: EngineParts } | null>(null);
  const [, setTick] = useState(0);
  useEffect(() => {
    // Once per page, even under StrictMode's double effects.
    engineLoad ??= import('./engine').then((m) => ({
      engine: m.startEngine({ catalog, progress, notices, onChange: () => setTick((n) => n + 1) }),
      parts: m.parts,
    }));
    // A transition: React renders the workbench in slices, so no long task blocks a first tap.
    void engineLoad.then((l) => startTransition(() => setLoaded(l)));
    // The offline copy (service worker) and new versions: after the page has loaded.
    keepOffline({ notices, changed: () => setTick((n) => n + 1) });
  }, []);
  return <Shell lessons={{ catalog, progress }} notices={[...notices]} loaded={loaded} />;
}

void startI18n(initialLanguage()).then(() => {
  const root = createRoot(document.getElementById('root') as HTMLElement);
  // The prerendered page is already on screen: React's render of the same page may take its time.
  startTransition(() =>
    root.render(
      <StrictMode>
        <Root />
      </StrictMode>,
    ),
  );
});
