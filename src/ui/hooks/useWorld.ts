import { createContext, useContext, useSyncExternalStore } from 'react';
import type { World } from '../../world/world';

export const WorldContext = createContext<World | null>(null);

/** The world, re-rendering the caller whenever anything in it changes. */
export function useWorld(): World {
  const world = useContext(WorldContext);
  if (!world) throw new Error('useWorld() outside <WorldContext.Provider>');
  useSyncExternalStore(
    (cb) => world.subscribe(cb),
    () => world.version,
    () => world.version,
  );
  return world;
}
