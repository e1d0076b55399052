/**
 * What the console endpoint answered, read from the exchange: Python's output, the reason the
 * console could not run the line (501), or the server error that replaced the answer (a 500:
 * the line ran, then the session could not be saved).
 */
import type { Exchange } from '../../server/server';

export type ConsoleAnswer =
  | { kind: 'output'; output: string }
  | { kind: 'unsupported'; reason: string; values: Record<string, string> }
  | { kind: 'serverError'; status: number; error: string | null }
  | { kind: 'http'; status: number };

function json(body: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(body);
    return typeof v === 'object' && v !== null && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** The last line of the traceback the server logged for a 5xx, as Python prints it. */
function loggedError(response: Exchange): string | null {
  for (const record of [...response.logs].reverse()) {
    const lines = record.message.split('\n');
    if (lines.length > 1) return lines[lines.length - 1] ?? null;
  }
  return null;
}

export function answerOf(response: Exchange): ConsoleAnswer {
  const body = response.contentType.startsWith('application/json') ? json(response.body) : null;
  if (response.status === 200 && typeof body?.output === 'string')
    return { kind: 'output', output: body.output };
  if (response.status === 501 && typeof body?.unsupported === 'string') {
    const values: Record<string, string> = {};
    for (const [k, v] of Object.entries(body))
      if (k !== 'unsupported' && typeof v === 'string') values[k] = v;
    return { kind: 'unsupported', reason: body.unsupported, values };
  }
  if (response.status >= 500)
    return { kind: 'serverError', status: response.status, error: loggedError(response) };
  return { kind: 'http', status: response.status };
}
