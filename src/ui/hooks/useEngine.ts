import { startTransition, useEffect, useState } from 'react';
import type { Engine } from '../engine';

/**
 * The engine once loaded (null before), redrawing the caller when it changes (a new world,
 * ownership, the transport) as a transition, not as an external store: a store's change forces
 * React to redraw at once, in one task, whatever it was drawing in slices (the workbench,
 * arriving), and the engine's news lands exactly then, while it starts.
 */
export function useEngineIfLoaded(engine: Engine | null): Engine | null {
  const [, setSeen] = useState(engine?.version);
  useEffect(() => {
    if (!engine) return;
    const follow = () => startTransition(() => setSeen(engine.version));
    follow(); // news between this render and now
    return engine.subscribe(follow);
  }, [engine]);
  return engine;
}
