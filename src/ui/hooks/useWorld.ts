import { createContext, useContext, useSyncExternalStore } from 'react';
import type { World } from '../../world/world';

export const WorldContext = createContext<World | null>(null);

/** The world, re-rendering the caller whenever anything in it changes. */
export function useWorld(): World {
  const world = useWorldIfLoaded();
  if (!world) throw new Error('useWorld() outside <WorldContext.Provider>');
  return world;
}

/** The world once the engine has loaded (null before: the first screen), like useWorld(). */
export function useWorldIfLoaded(): World | null {
  const world = useContext(WorldContext);
  useSyncExternalStore(
    (cb) => world?.subscribe(cb) ?? (() => {}),
    () => world?.version ?? -1,
    () => world?.version ?? -1,
  );
  return world;
}
