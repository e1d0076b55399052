import { useEffect, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ClockControls } from './components/ClockControls';
import { LanguageSwitch } from './components/LanguageSwitch';
import { Narrator } from './components/Narrator';
import { Workbench, type PanelId } from './components/Workbench';
import { Notices, type Notice } from './components/Notices';
import { PanelContext } from './components/panelContext';
import { useWorld } from './hooks/useWorld';
import { LessonPane } from './lessons/LessonPane';
import { useLessons } from './lessons/context';
import { useInstructorMode } from './hooks/useInstructorMode';

/** Whether a key press belongs to a control that uses arrows or typing itself. */
function ownsKeys(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return !!target.closest(
    'input, textarea, select, [role="tab"], [role="tablist"], [contenteditable="true"]',
  );
}

export function App({ notices }: { notices: Notice[] }) {
  const { t } = useTranslation();
  const world = useWorld();
  const { runner } = useLessons();
  const [panel, showPanel] = useState<PanelId>('cookies');
  const [instructor, setInstructor] = useInstructorMode();
  // PageUp/PageDown step through the open lesson; in instructor mode the arrow keys do too.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!runner.lesson || e.altKey || e.ctrlKey || e.metaKey || ownsKeys(e.target)) return;
      const forward = e.key === 'PageDown' || (instructor && e.key === 'ArrowRight');
      const back = e.key === 'PageUp' || (instructor && e.key === 'ArrowLeft');
      if (forward && runner.next()) e.preventDefault();
      if (back && runner.prev()) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [runner, instructor]);
  // The skip link moves focus without touching the hash, which holds the lesson route.
  const skip = (e: MouseEvent) => {
    e.preventDefault();
    document.getElementById('main')?.focus();
  };
  return (
    <PanelContext.Provider value={{ panel, showPanel }}>
      <a className="skip-link" href="#main" onClick={skip}>
        {t('app.skip')}
      </a>
      <header className="app-header">
        <h1 className="app-title">{t('app.title')}</h1>
        <button type="button" aria-pressed={instructor} onClick={() => setInstructor(!instructor)}>
          {t('app.instructor')}
        </button>
        <LanguageSwitch />
        <ClockControls />
      </header>
      <Notices notices={notices} />
      <main id="main" className="app-main" tabIndex={-1}>
        <LessonPane />
        <Workbench />
      </main>
      <footer className="app-footer">
        <button type="button" onClick={() => world.restartServer()}>
          {t('server.restart')}
        </button>
        <ResetButton />
        <span className="transport">{t(`transport.${world.transport.kind}`)}</span>
      </footer>
      <Narrator />
    </PanelContext.Provider>
  );
}

function ResetButton() {
  const { t } = useTranslation();
  const world = useWorld();
  return (
    <button
      type="button"
      onClick={() => {
        if (window.confirm(t('server.resetConfirm'))) world.resetEverything();
      }}
    >
      {t('server.reset')}
    </button>
  );
}
