/**
 * The right side of the screen: browsers above, panels below. The Cookies panel comes with the
 * page; the others are fetched the first time they are opened.
 */
import { lazy, Suspense, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { PANELS, usePanel, type PanelId } from './panelContext';
import { BrowserPane } from './BrowserPane';
import { SessionGlance } from './SessionGlance';
import { Tabs } from './Tabs';
import { CookiesPanel } from '../panels/CookiesPanel';

const NetworkPanel = lazy(() =>
  import('../panels/NetworkPanel').then((m) => ({ default: m.NetworkPanel })),
);
const StorePanel = lazy(() =>
  import('../panels/StorePanel').then((m) => ({ default: m.StorePanel })),
);
const ConsolePanel = lazy(() =>
  import('../panels/ConsolePanel').then((m) => ({ default: m.ConsolePanel })),
);
const SettingsPanel = lazy(() =>
  import('../panels/SettingsPanel').then((m) => ({ default: m.SettingsPanel })),
);
const InspectorPanel = lazy(() =>
  import('../inspector/InspectorPanel').then((m) => ({ default: m.InspectorPanel })),
);

export function Workbench() {
  const { t } = useTranslation();
  const { panel, showPanel: setPanel } = usePanel();
  const content: Record<PanelId, ReactElement> = {
    cookies: <CookiesPanel />,
    network: <NetworkPanel />,
    store: <StorePanel />,
    console: <ConsolePanel />,
    settings: <SettingsPanel />,
    inspector: <InspectorPanel />,
  };
  return (
    <div className="workbench">
      <BrowserPane />
      <SessionGlance />
      <section className="panels" aria-labelledby="panels-heading">
        <h2 id="panels-heading" className="visually-hidden">
          {t('panels.heading')}
        </h2>
        <Tabs
          label={t('panels.heading')}
          idPrefix="panel"
          selected={panel}
          onSelect={(id) => setPanel(id as PanelId)}
          items={PANELS.map((id) => ({
            id,
            label: t(`panels.${id}`),
            content: (
              <Suspense fallback={<p className="hint">{t('lesson.loading')}</p>}>
                {content[id]}
              </Suspense>
            ),
          }))}
        />
      </section>
    </div>
  );
}
