/**
 * django/core/handlers/base.py: the request pipeline. MIDDLEWARE wraps the view like onion
 * layers (the first listed is the outermost); the URL resolver picks the view.
 */
import { ImproperlyConfigured } from '../exceptions';
import type { HttpRequest } from '../../http/request';
import type { HttpResponse } from '../../http/response';
import type { Runtime } from '../../runtime';
import { SessionMiddleware } from '../../contrib/sessions/middleware';
import { resolve, type URLConf } from '../../urls/resolvers';
import { convert_exception_to_response } from './exception';
import { log_response } from '../../utils/log';

type GetResponse = (request: HttpRequest) => HttpResponse;
type MiddlewareFactory = (get_response: GetResponse, runtime: Runtime) => GetResponse;

/** The middleware this port knows, by the dotted path settings.MIDDLEWARE uses. */
export const MIDDLEWARE_CLASSES: Record<string, MiddlewareFactory> = {
  'django.contrib.sessions.middleware.SessionMiddleware': (get_response, runtime) => {
    const mw = new SessionMiddleware(get_response, runtime);
    return (request) => mw.call(request);
  },
};

export class BaseHandler {
  private readonly middleware_chain: GetResponse;

  constructor(
    private readonly runtime: Runtime,
    private readonly urlconf: URLConf,
  ) {
    let handler = convert_exception_to_response((request) => this._get_response(request), urlconf);
    for (const path of [...runtime.settings.MIDDLEWARE].reverse()) {
      const factory = MIDDLEWARE_CLASSES[path];
      if (!factory)
        throw new ImproperlyConfigured(
          `Module "${path}" does not define a middleware this playground knows.`,
        );
      handler = convert_exception_to_response(factory(handler, runtime), urlconf);
    }
    this.middleware_chain = handler;
  }

  get_response(request: HttpRequest): HttpResponse {
    const response = this.middleware_chain(request);
    // Every 4xx/5xx is logged on django.request, unless already logged where it was raised.
    if (response.status_code >= 400)
      log_response(this.runtime, `${response.reason_phrase}: ${request.path}`, response);
    return response;
  }

  private _get_response(request: HttpRequest): HttpResponse {
    const match = resolve(request.path_info, this.urlconf);
    return match.view(request);
  }
}
