/**
 * The session middleware's decision for one response, as sentences (message keys with values).
 * Django keeps this reasoning to itself; the playground spells it out from the trace.
 */
import type { NetworkEntry } from '../browser/browser';
import { engineName } from '../django/contrib/sessions/backends/engines';
import { hostOf } from './hostOf';

export interface Sentence {
  key: string;
  values?: Record<string, string | number>;
  /** Values that are durations in seconds, formatted by the UI in the reader's language. */
  seconds?: Record<string, number>;
}

function short(key: string | null): string {
  return key === null ? '' : key.length > 16 ? key.slice(0, 12) + '…' : key;
}

export function explain(entry: NetworkEntry): Sentence[] {
  // A page script's request to another site (lab 15): no Django, no session; never sent.
  if (entry.via === 'simulated')
    return [{ key: 'explain.offsite', values: { host: hostOf(entry.url) } }];
  const out: Sentence[] = [];
  const r = entry.response;
  const view = r.view;
  if (view?.form && !view.form.valid) {
    const [field, errors] = Object.entries(view.form.errors)[0] ?? ['', []];
    out.push({ key: 'explain.formInvalid', values: { field, error: errors[0] ?? '' } });
  }
  const trace = r.session;
  if (!trace) {
    if (r.logs.some((l) => l.message.includes("has no attribute 'session'")))
      out.push({ key: 'explain.noMiddleware' });
    else if (r.status >= 500) out.push({ key: 'explain.serverError' });
    else out.push({ key: 'explain.noSessionMiddlewareRan' });
    return out.concat(exceptionNote(entry), jarNotes(entry));
  }
  const where = engineName(trace.engine) ?? 'db';
  // signed_cookies has no store: its sentences say where the data really goes, the cookie.
  const signed = where === 'signed_cookies' ? 'Signed' : '';
  for (const e of trace.events) {
    if (e.kind === 'key-rejected')
      out.push({ key: 'explain.keyRejected', values: { value: e.value.slice(0, 20) } });
    if (e.kind === 'loaded')
      out.push({
        key: `explain.loaded.${e.outcome}${e.outcome === 'found' ? signed : ''}`,
        values: { key: short(trace.cookieIn), where },
      });
    if (e.kind === 'created') out.push({ key: 'explain.created', values: { key: short(e.key) } });
    if (e.kind === 'deleted')
      out.push({ key: 'explain.deleted', values: { key: short(e.key), where } });
  }
  switch (trace.decision) {
    case 'untouched':
      out.push({ key: 'explain.untouched' });
      break;
    case 'read-only':
      out.push({ key: 'explain.readOnly' });
      break;
    case 'empty-not-saved':
      out.push({ key: 'explain.emptyNotSaved' });
      break;
    case 'not-saved-server-error':
      out.push({ key: 'explain.notSaved5xx', values: { status: r.status } });
      break;
    case 'interrupted':
      out.push({ key: 'explain.interrupted' });
      break;
    case 'cookie-deleted':
      out.push({ key: 'explain.cookieDeleted', values: { name: trace.cookieName } });
      break;
    case 'saved': {
      const why = (trace.modified ? 'explain.savedModified' : 'explain.savedEveryRequest') + signed;
      out.push({ key: why, values: { where, name: trace.cookieName } });
      if (trace.browserClose) out.push({ key: 'explain.cookieBrowserClose' });
      else
        out.push({
          key: 'explain.cookieMaxAge',
          seconds: { age: trace.maxAge ?? 0 },
          values: { maxAge: trace.maxAge ?? 0 },
        });
      break;
    }
  }
  if (trace.varyCookie) out.push({ key: 'explain.vary' });
  return out.concat(exceptionNote(entry), jarNotes(entry));
}

/** A server error's exception, as Django's traceback ends (not for console answers' own errors). */
function exceptionNote(entry: NetworkEntry): Sentence[] {
  const error = entry.response.serverError;
  return error ? [{ key: 'explain.exception', values: { error } }] : [];
}

function jarNotes(entry: NetworkEntry): Sentence[] {
  return entry.cookieResults
    .filter((c) => c.outcome !== 'stored')
    .map((c) =>
      c.outcome === 'deleted'
        ? { key: 'explain.jarDeleted', values: { name: c.name } }
        : { key: `explain.jarRejected.${c.reason ?? 'other'}`, values: { name: c.name } },
    );
}
