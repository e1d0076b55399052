/**
 * The console as the workbench uses it: one line typed for a browser, parsed (the parser is a
 * good part of the code, so it loads when the console is first used), run as its own request
 * when it touches request.session (so the middleware saves and sets cookies as after any view),
 * and what Python's prompt would print, kept in the browser's console log.
 */
import { loads, PyDict, PyException, type PyValue } from '../../python';
import { ENGINE_PREFIX } from '../settings';
import { CONSOLE_LIMIT, type ConsoleLine } from '../tabs';
import type { World } from '../world';

export async function runConsole(world: World, tabId: string, text: string): Promise<ConsoleLine> {
  const tab = world.tab(tabId);
  const input = text.trim();
  if (input && tab.consoleHistory[tab.consoleHistory.length - 1] !== input)
    tab.consoleHistory.push(input);
  if (tab.consoleHistory.length > CONSOLE_LIMIT)
    tab.consoleHistory.splice(0, tab.consoleHistory.length - CONSOLE_LIMIT);
  const { parseConsoleInput, toWireBody, negatedRepr } = await import('./index');
  let line: ConsoleLine;
  try {
    const cmd = parseConsoleInput(text, { engine: ENGINE_PREFIX + world.settings.SESSION_ENGINE });
    if (cmd.kind === 'local') {
      line = { input, output: cmd.output, error: false, networkId: null };
    } else {
      const entry = await world.send(
        tabId,
        { method: 'POST', path: '/__session__/call', json: toWireBody(cmd) },
        { navigate: false },
      );
      line = {
        input,
        ...consoleAnswer(entry.response, cmd.negate ? negatedRepr : null),
        networkId: entry.id,
      };
    }
  } catch (e) {
    if (!(e instanceof PyException)) throw e;
    line = { input, output: e.toPython(), error: true, networkId: null };
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

/** What the console prints for the endpoint's answer: the result's repr, or the exception. */
function consoleAnswer(
  response: { status: number; contentType: string; body: string; logs: { message: string }[] },
  negate: ((result: PyValue) => string) | null,
): { output: string; error: boolean } {
  if (response.contentType.startsWith('application/json')) {
    const answer = loads(response.body);
    if (answer instanceof PyDict) {
      if (answer.has('repr')) {
        const result = answer.get('result') as PyValue;
        if (negate) return { output: negate(result), error: false };
        // Python's REPL prints nothing for None.
        return { output: result === null ? '' : String(answer.get('repr')), error: false };
      }
      if (answer.has('message')) return { output: String(answer.get('message')), error: true };
    }
  }
  // The line ran, but the response failed afterwards (the middleware could not save the session,
  // say): the server's log names the exception, as a traceback's last line would.
  const logged = response.logs
    .map((l) => l.message.split('\n').pop() ?? '')
    .filter((m) => /^\w+(\.\w+)*: /.test(m));
  return { output: logged[logged.length - 1] ?? `HTTP ${response.status}`, error: true };
}
