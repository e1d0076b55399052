import { useSyncExternalStore } from 'react';

const never = () => () => {};

/**
 * False while React draws the prerendered first screen (at build time) or takes it over in the
 * browser (hydration), true afterwards: what only the browser knows (the time) shows then, so
 * that the markup taken over matches what was built.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    never,
    () => true,
    () => false,
  );
}
