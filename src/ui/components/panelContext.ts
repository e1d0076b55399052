import { createContext, useContext } from 'react';

/** The workbench's panels, in the order of their tabs. */
export const PANELS = ['cookies', 'network', 'store', 'console', 'settings', 'inspector'] as const;
export type PanelId = (typeof PANELS)[number];

export interface PanelControl {
  panel: PanelId;
  showPanel: (panel: PanelId) => void;
}

export const PanelContext = createContext<PanelControl>({ panel: 'cookies', showPanel: () => {} });

/** Which panel is open, and a way for lessons to open another. */
export function usePanel(): PanelControl {
  return useContext(PanelContext);
}
