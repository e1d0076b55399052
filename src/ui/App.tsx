import { useTranslation } from 'react-i18next';
import { ClockControls } from './components/ClockControls';
import { LanguageSwitch } from './components/LanguageSwitch';
import { Narrator } from './components/Narrator';
import { Workbench } from './components/Workbench';
import { Notices, type Notice } from './components/Notices';
import { useWorld } from './hooks/useWorld';

export function App({ notices }: { notices: Notice[] }) {
  const { t } = useTranslation();
  const world = useWorld();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="app-header">
        <h1 className="app-title">{t('app.title')}</h1>
        <LanguageSwitch />
        <ClockControls />
      </header>
      <Notices notices={notices} />
      <main id="main" className="app-main">
        <aside className="lesson-pane" aria-labelledby="lesson-heading">
          <h2 id="lesson-heading">{t('intro.heading')}</h2>
          <p>{t('intro.p1')}</p>
          <p>{t('intro.p2')}</p>
        </aside>
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
    </>
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
