/**
 * The right side of the screen: browsers above, panels below. The Cookies panel comes with the
 * page; the others are fetched the first time they are opened.
 */
import { lazy, Suspense, type ComponentType, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { loadLaterStrings } from '../i18n';
import { PANELS, usePanel, type PanelId } from './panelContext';
import { BrowserPane } from './BrowserPane';
import { SessionGlance } from './SessionGlance';
import { Tabs } from './Tabs';
import { CookiesPanel } from '../panels/CookiesPanel';

/** A panel fetched the first time it is opened. */
const later = (load: () => Promise<ComponentType>) => lazy(async () => ({ default: await load() }));
/** ...with the strings only it shows (LATER_GROUPS in scripts/vite/localeParts.ts). */
const laterWithStrings = (load: () => Promise<ComponentType>) =>
  later(async () => (await Promise.all([load(), loadLaterStrings()]))[0]);

const NetworkPanel = laterWithStrings(() =>
  import('../panels/NetworkPanel').then((m) => m.NetworkPanel),
);
const ConsolePanel = laterWithStrings(() =>
  import('../panels/ConsolePanel').then((m) => m.ConsolePanel),
);
const InspectorPanel = laterWithStrings(() =>
  import('../inspector/InspectorPanel').then((m) => m.InspectorPanel),
);
const StorePanel = later(() => import('../panels/StorePanel').then((m) => m.StorePanel));
const SettingsPanel = later(() => import('../panels/SettingsPanel').then((m) => m.SettingsPanel));

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
