/**
 * One ticker for every countdown on screen: a single timer reads the virtual clock and the
 * components that show time subscribe to it. Nothing else polls.
 */
import { useSyncExternalStore } from 'react';
import type { Clock } from '../../django/runtime';

const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;
let tick = 0;

function subscribe(cb: () => void): () => void {
  listeners.add(cb);
  timer ??= setInterval(() => {
    tick++;
    for (const l of listeners) l();
  }, 500);
  return () => {
    listeners.delete(cb);
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };
}

/** The virtual time, refreshed twice a second (and whenever the clock is changed). */
export function useNow(clock: Clock): number {
  useSyncExternalStore(
    subscribe,
    () => tick,
    () => 0,
  );
  return clock.now();
}
