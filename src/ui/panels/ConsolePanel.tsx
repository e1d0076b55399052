/** Placeholder until the console parser lands. */
export function ConsolePanel() {
  return null;
}
