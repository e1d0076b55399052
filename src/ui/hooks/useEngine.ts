import { useSyncExternalStore } from 'react';
import type { Engine } from '../engine';

/**
 * The engine once loaded (null before), re-rendering the caller when it changes (a new world,
 * ownership, the transport).
 */
export function useEngineIfLoaded(engine: Engine | null): Engine | null {
  useSyncExternalStore(
    (cb) => engine?.subscribe(cb) ?? (() => {}),
    () => engine?.version ?? -1,
    () => engine?.version ?? -1,
  );
  return engine;
}
