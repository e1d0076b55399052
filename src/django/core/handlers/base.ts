/**
 * django/core/handlers/base.py: the request pipeline. MIDDLEWARE wraps the view like onion
 * layers (the first listed is the outermost); the URL resolver picks the view.
 */
import { ImproperlyConfigured } from '../exceptions';
import type { HttpRequest } from '../../http/request';
import type { HttpResponse } from '../../http/response';
import type { Runtime } from '../../runtime';
import { resolve, type URLConf } from '../../urls/resolvers';
import { convert_exception_to_response } from './exception';
import { log_response } from '../../utils/log';

export type GetResponse = (request: HttpRequest) => HttpResponse;

/** A middleware class: `Middleware(get_response)` is called with each request. */
export type MiddlewareClass = new (
  get_response: GetResponse,
  runtime: Runtime,
) => { __call__(request: HttpRequest): HttpResponse };

/**
 * `import_string(middleware_path)`: the project's modules by dotted path. The port has no import
 * system, so whoever builds the handler (the site, src/server) says which classes exist.
 */
export type ImportString = (dotted_path: string) => MiddlewareClass | undefined;

export class BaseHandler {
  private readonly middleware_chain: GetResponse;

  constructor(
    private readonly runtime: Runtime,
    private readonly urlconf: URLConf,
    import_string: ImportString,
  ) {
    let handler = convert_exception_to_response((request) => this._get_response(request), urlconf);
    for (const path of [...runtime.settings.MIDDLEWARE].reverse()) {
      const middleware = import_string(path);
      if (!middleware)
        throw new ImproperlyConfigured(
          `Module "${path}" does not define a middleware this playground knows.`,
        );
      const mw_instance = new middleware(handler, runtime);
      handler = convert_exception_to_response((request) => mw_instance.__call__(request), urlconf);
    }
    this.middleware_chain = handler;
  }

  get_response(request: HttpRequest): HttpResponse {
    const response = this.middleware_chain(request);
    // Every 4xx/5xx is logged on django.request, unless already logged where it was raised.
    if (response.status_code >= 400)
      log_response(this.runtime, '%s: %s', [response.reason_phrase, request.path], response);
    return response;
  }

  private _get_response(request: HttpRequest): HttpResponse {
    const match = resolve(request.path_info, this.urlconf);
    return match.view(request);
  }
}
