import { useSyncExternalStore } from 'react';
import type { Engine } from '../engine';

/** Re-renders the caller when the engine changes (a new world, ownership, the transport). */
export function useEngine(engine: Engine): Engine {
  useSyncExternalStore(
    (cb) => engine.subscribe(cb),
    () => engine.version,
    () => engine.version,
  );
  return engine;
}
