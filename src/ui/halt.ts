/**
 * Whether the page broke. Once it has, nothing is saved any more: the world in memory may be
 * what broke it, and saving it would break every reload too. Tiny on purpose: the first screen
 * (main.tsx, the recovery screen) sets it without loading the engine.
 */
let halted = false;

export function haltSaving(): void {
  halted = true;
}

export function savingHalted(): boolean {
  return halted;
}
