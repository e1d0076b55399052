/** The right side of the screen: browsers above, panels below. */
import type { ReactElement } from 'react';
import { usePanel } from './panelContext';
import { useTranslation } from 'react-i18next';
import { BrowserPane } from './BrowserPane';
import { Tabs } from './Tabs';
import { CookiesPanel } from '../panels/CookiesPanel';
import { NetworkPanel } from '../panels/NetworkPanel';
import { StorePanel } from '../panels/StorePanel';
import { ConsolePanel } from '../panels/ConsolePanel';
import { SettingsPanel } from '../panels/SettingsPanel';

export const PANELS = ['cookies', 'network', 'store', 'console', 'settings'] as const;
export type PanelId = (typeof PANELS)[number];

export function Workbench() {
  const { t } = useTranslation();
  const { panel, showPanel: setPanel } = usePanel();
  const content: Record<PanelId, ReactElement> = {
    cookies: <CookiesPanel />,
    network: <NetworkPanel />,
    store: <StorePanel />,
    console: <ConsolePanel />,
    settings: <SettingsPanel />,
  };
  return (
    <div className="workbench">
      <BrowserPane />
      <section className="panels" aria-labelledby="panels-heading">
        <h2 id="panels-heading" className="visually-hidden">
          {t('panels.heading')}
        </h2>
        <Tabs
          label={t('panels.heading')}
          idPrefix="panel"
          selected={panel}
          onSelect={(id) => setPanel(id as PanelId)}
          items={PANELS.map((id) => ({ id, label: t(`panels.${id}`), content: content[id] }))}
        />
      </section>
    </div>
  );
}
