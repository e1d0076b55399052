/**
 * django/core/handlers/exception.py: every exception becomes a response, so nothing a view or a
 * middleware raises escapes the request. Which response depends on the exception and on DEBUG.
 */
import type { HttpRequest } from '../../http/request';
import type { HttpResponse } from '../../http/response';
import type { URLConf } from '../../urls/resolvers';
import {
  technical_404_response,
  technical_500_response,
  describeException,
} from '../../views/debug';
import { bad_request, page_not_found, permission_denied, server_error } from '../../views/defaults';
import { BadRequest, Http404, PermissionDenied, SuspiciousOperation } from '../exceptions';

export function response_for_exception(
  request: HttpRequest,
  exc: unknown,
  urlconf: URLConf,
): HttpResponse {
  const { runtime } = request;
  const debug = runtime.settings.DEBUG;
  if (exc instanceof Http404) {
    runtime.log({
      logger: 'django.request',
      level: 'WARNING',
      message: `Not Found: ${request.path}`,
    });
    return debug ? technical_404_response(request, exc, urlconf) : page_not_found();
  }
  if (exc instanceof PermissionDenied) {
    runtime.log({
      logger: 'django.request',
      level: 'WARNING',
      message: `Forbidden (Permission denied): ${request.path}`,
    });
    return permission_denied();
  }
  if (exc instanceof BadRequest) {
    runtime.log({
      logger: 'django.request',
      level: 'WARNING',
      message: `Bad Request: ${request.path}`,
    });
    return debug ? technical_500_response(request, exc, 400) : bad_request();
  }
  if (exc instanceof SuspiciousOperation) {
    runtime.log({ logger: `django.security.${exc.pyName}`, level: 'ERROR', message: exc.message });
    return debug ? technical_500_response(request, exc, 400) : bad_request();
  }
  const { type, value } = describeException(exc);
  runtime.log({
    logger: 'django.request',
    level: 'ERROR',
    message: `Internal Server Error: ${request.path}\n${type}: ${value}`,
  });
  return debug ? technical_500_response(request, exc) : server_error();
}

/** Wraps each layer, as Django wraps each middleware, so an exception becomes a response in place. */
export function convert_exception_to_response(
  get_response: (request: HttpRequest) => HttpResponse,
  urlconf: URLConf,
): (request: HttpRequest) => HttpResponse {
  return (request) => {
    let response: HttpResponse;
    try {
      response = get_response(request);
    } catch (exc) {
      response = response_for_exception(request, exc, urlconf);
    }
    // Responses compute cookie dates from their world's clock.
    response.time = () => request.runtime.clock.now() / 1000;
    return response;
  };
}
