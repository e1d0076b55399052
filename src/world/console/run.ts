/**
 * The console as the workbench uses it: each line typed for a browser is one request,
 * `POST /__session__/console` with {"line": ...}, run by the server in a view (so the middleware
 * saves and sets cookies as after any view, and the line shows in Network). What Python's prompt
 * prints comes back as {"output": ...}; the playground's own explanations (a line the console
 * cannot run, a failed save, print()) are message keys the page shows in its language.
 */
import { loadConsole } from '../../server/console/views';
import { CONSOLE_LIMIT, type ConsoleLine } from '../tabs';
import type { World } from '../world';
import { answerOf } from './answer';

export const CONSOLE_PATH = '/__session__/console';

export async function runConsole(world: World, tabId: string, text: string): Promise<ConsoleLine> {
  const tab = world.tab(tabId);
  // What was typed, as typed: leading spaces are Python's business (IndentationError).
  const input = text.replace(/[\r\n]+$/, '');
  if (input.trim() && tab.consoleHistory[tab.consoleHistory.length - 1] !== input)
    tab.consoleHistory.push(input);
  if (tab.consoleHistory.length > CONSOLE_LIMIT)
    tab.consoleHistory.splice(0, tab.consoleHistory.length - CONSOLE_LIMIT);
  let line: ConsoleLine;
  if (!input.trim()) {
    // An empty line at the prompt does nothing: no request.
    line = { input, output: '', error: false, networkId: null };
  } else {
    // The server's Python loads with the first line (the in-page site runs in this page).
    await loadConsole();
    const entry = await world.send(
      tabId,
      { method: 'POST', path: CONSOLE_PATH, json: JSON.stringify({ line: input }) },
      { navigate: false },
    );
    const { explain } = await import('./notes');
    line = { input, ...explain(input, answerOf(entry.response)), networkId: entry.id };
  }
  tab.consoleLog.push(line);
  if (tab.consoleLog.length > CONSOLE_LIMIT)
    tab.consoleLog.splice(0, tab.consoleLog.length - CONSOLE_LIMIT);
  world.changed();
  return line;
}

export function clearConsole(world: World, tabId: string): void {
  world.tab(tabId).consoleLog = [];
  world.changed();
}
