/**
 * The console's endpoints as the site's URLconf knows them: `__session__/console` (one line of
 * Python) and `__session__/call` (one SessionBase method, for the conformance scenarios).
 *
 * Their Python (a parser and an evaluator) is a good part of the code, and most visits never use
 * the console: it loads on demand (`loadConsole()`, which the page's console awaits before its
 * first line; Node entry points import `./installed`). A request that arrives before it has
 * loaded is answered 503 with Retry-After, and the loading starts.
 */
import type { HttpRequest } from '../../django/http/request';
import { HttpResponse } from '../../django/http/response';

interface ConsoleViews {
  run_line(request: HttpRequest): HttpResponse;
  call(request: HttpRequest): HttpResponse;
}

let views: ConsoleViews | null = null;
let loading: Promise<void> | null = null;

export function installConsole(v: ConsoleViews): void {
  views = v;
}

/** Loads the console's Python once; resolves when the views can answer. */
export function loadConsole(): Promise<void> {
  loading ??= import('./evaluator').then((m) => installConsole(m));
  return loading;
}

function notYet(): HttpResponse {
  void loadConsole();
  const response = new HttpResponse('The console is loading; try again in a moment.', {
    status: 503,
    content_type: 'text/plain; charset=utf-8',
  });
  response.headers.set('Retry-After', '1');
  return response;
}

export function run_line(request: HttpRequest): HttpResponse {
  return views ? views.run_line(request) : notYet();
}

export function call(request: HttpRequest): HttpResponse {
  return views ? views.call(request) : notYet();
}
