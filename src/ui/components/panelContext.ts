import { createContext, useContext } from 'react';
import type { PanelId } from './Workbench';

export interface PanelControl {
  panel: PanelId;
  showPanel: (panel: PanelId) => void;
}

export const PanelContext = createContext<PanelControl>({ panel: 'cookies', showPanel: () => {} });

/** Which panel is open, and a way for lessons to open another. */
export function usePanel(): PanelControl {
  return useContext(PanelContext);
}
