/**
 * The screen. The header and the lesson text render at once; the browsers, panels and clock
 * (the engine) arrive a moment later, in space kept for them so that nothing jumps.
 */
import { useEffect, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './components/LanguageSwitch';
import { ClockControls } from './components/ClockControls';
import { Notices, type Notice } from './components/Notices';
import { PanelContext } from './components/panelContext';
import type { PanelId } from './components/panelContext';
import { WorldContext } from './hooks/useWorld';
import { useInstructorMode } from './hooks/useInstructorMode';
import { LessonPane } from './lessons/LessonPane';
import { LessonsContext, type Lessons } from './lessons/context';
import type { Engine, EngineParts } from './engine';
import { useEngineIfLoaded } from './hooks/useEngine';

/** Whether a key press belongs to a control that uses arrows or typing itself. */
function ownsKeys(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return !!target.closest(
    'input, textarea, select, [role="tab"], [role="tablist"], [contenteditable="true"]',
  );
}

export interface ShellProps {
  lessons: Omit<Lessons, 'runner'>;
  notices: Notice[];
  /** The engine and its parts, once loaded. */
  loaded: { engine: Engine; parts: EngineParts } | null;
}

export function Shell({ lessons, notices, loaded }: ShellProps) {
  const { t } = useTranslation();
  const [panel, showPanel] = useState<PanelId>('cookies');
  const skip = (e: MouseEvent) => {
    // The skip link moves focus without touching the hash, which holds the lesson route.
    e.preventDefault();
    document.getElementById('main')?.focus();
  };
  return (
    <PanelContext.Provider value={{ panel, showPanel }}>
      <a className="skip-link" href="#main" onClick={skip}>
        {t('app.skip')}
      </a>
      <Screen lessons={lessons} notices={notices} loaded={loaded} />
    </PanelContext.Provider>
  );
}

/**
 * The lesson's place on screen. On a phone an open step becomes a compact card that sticks
 * above the browser and panels it talks about (scrolling inside itself), instead of 1,000 px of
 * text between them; one button shows the whole step in the page's flow, and back.
 * (On wider screens the lesson column sits beside the workbench and the button is hidden.)
 */
function LessonDock() {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState(false);
  return (
    <div className={expanded ? 'lesson-dock expanded' : 'lesson-dock'}>
      <button
        type="button"
        className="dock-toggle"
        aria-expanded={expanded}
        onClick={() => setExpanded(!expanded)}
      >
        {expanded ? t('dock.compact') : t('dock.expand')}
      </button>
      <LessonPane />
    </div>
  );
}

function Header({
  instructor,
  setInstructor,
}: {
  instructor: boolean;
  setInstructor: (on: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <h1 className="app-title">{t('app.title')}</h1>
      <button
        type="button"
        className="instructor-toggle"
        aria-pressed={instructor}
        onClick={() => setInstructor(!instructor)}
      >
        {t('app.instructor')}
      </button>
      <LanguageSwitch />
      <ClockControls />
    </header>
  );
}

/**
 * One tree before and after the engine has loaded, so that its arrival adds the workbench and
 * keeps everything else: the prerendered header and lesson text stay the very same elements
 * (taken over by hydration, never drawn twice).
 */
function Screen({ lessons, notices, loaded }: ShellProps) {
  const { t } = useTranslation();
  const [instructor, setInstructor] = useInstructorMode();
  const engine = useEngineIfLoaded(loaded?.engine ?? null);
  const runner = engine?.runner ?? null;
  // PageUp/PageDown step through the open lesson; in instructor mode the arrow keys do too.
  useEffect(() => {
    if (!runner) return;
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
  const blocked = engine?.ownership === 'other-tab' || engine?.ownership === 'taken-over';
  const parts = loaded?.parts;
  return (
    <WorldContext.Provider value={engine?.world ?? null}>
      <LessonsContext.Provider value={{ ...lessons, runner }}>
        <div inert={blocked || undefined}>
          <Header instructor={instructor} setInstructor={setInstructor} />
          <Notices notices={notices} />
          <main id="main" className="app-main" tabIndex={-1}>
            <LessonDock />
            {parts ? (
              <parts.Workbench />
            ) : (
              <div className="workbench workbench-placeholder">
                <p className="hint">{t('app.loading')}</p>
              </div>
            )}
          </main>
          {parts && engine && <parts.Footer engine={engine} />}
        </div>
        {parts && engine && <parts.OwnershipGate engine={engine} />}
        {parts && <parts.Narrator />}
      </LessonsContext.Provider>
    </WorldContext.Provider>
  );
}
