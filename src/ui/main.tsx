import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { App } from './App';
import { WorldContext } from './hooks/useWorld';
import { initI18n, initialLanguage } from './i18n';
import { autosave, claimOwnership, loadWorld, type Ownership } from './bootstrap';
import type { Notice } from './components/Notices';
import { LessonsContext, type Lessons } from './lessons/context';
import { lessonCatalog } from '../lessons/load';
import { LessonProgress } from '../lessons/progress';
import { LessonRunner } from '../lessons/runner';
import { isLang } from '../lessons/localized';
import i18next from 'i18next';
import './styles.css';

initI18n(initialLanguage());

const notices: Notice[] = [];
let rerender: () => void = () => {};
const world = loadWorld(notices, () => rerender());
// Claimed once for the page (not in an effect, which StrictMode would run twice).
let ownership: Ownership = 'unknown';
const setOwnership = (o: Ownership) => {
  ownership = o;
  rerender();
};
claimOwnership(setOwnership);

const catalog = lessonCatalog();
const progress = new LessonProgress();
if (progress.notice) notices.push({ id: 'progress', key: 'notice.progressReset', tone: 'warning' });
const runner = new LessonRunner(
  world,
  catalog.lessons,
  progress,
  isLang(i18next.language) ? i18next.language : 'en',
);
i18next.on('languageChanged', (l) => {
  if (isLang(l)) runner.setLang(l);
});
const lessons: Lessons = { runner, catalog };

function OwnershipGate({
  ownership,
  onTakeOver,
}: {
  ownership: Ownership;
  onTakeOver: () => void;
}) {
  const { t } = useTranslation();
  if (ownership !== 'other-tab' && ownership !== 'taken-over') return null;
  return (
    <div className="overlay">
      <div
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="owner-title"
        aria-describedby="owner-text"
        className="dialog"
      >
        <h2 id="owner-title">{t('owner.title')}</h2>
        <p id="owner-text">{t(ownership === 'other-tab' ? 'owner.otherTab' : 'owner.takenOver')}</p>
        <button type="button" onClick={onTakeOver} autoFocus>
          {t('owner.takeOver')}
        </button>
      </div>
    </div>
  );
}

function Root() {
  const [, setTick] = useState(0);
  useEffect(() => {
    rerender = () => setTick((n) => n + 1);
    rerender();
  }, []);
  useEffect(
    () =>
      autosave(
        world,
        () => ownership === 'owner' || ownership === 'unknown',
        () => {
          notices.push({ id: 'save-failed', key: 'notice.saveFailed', tone: 'warning' });
          rerender();
        },
      ),
    [ownership],
  );
  const blocked = ownership === 'other-tab' || ownership === 'taken-over';
  return (
    <WorldContext.Provider value={world}>
      <LessonsContext.Provider value={lessons}>
        <div inert={blocked || undefined}>
          <App notices={[...notices]} />
        </div>
        <OwnershipGate
          ownership={ownership}
          onTakeOver={() => claimOwnership(setOwnership, true)}
        />
      </LessonsContext.Provider>
    </WorldContext.Provider>
  );
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
