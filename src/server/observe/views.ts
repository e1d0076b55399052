/**
 * What a view decided, recorded for the playground to explain (Django keeps it to itself): which
 * view ran and, for the login form, whether it was valid and why not.
 */
import type { HttpRequest } from '../../django/http/request';

export interface ViewNote {
  view: string;
  form?: { valid: boolean; errors: Record<string, string[]> };
  /** The console view: the session operations the line made (`setitem`, `flush`...). */
  sessionCalls?: string[];
}

const notes = new WeakMap<HttpRequest, ViewNote>();

export function noteView(request: HttpRequest, note: ViewNote): void {
  notes.set(request, note);
}

export function viewNoteOf(request: HttpRequest): ViewNote | undefined {
  return notes.get(request);
}
