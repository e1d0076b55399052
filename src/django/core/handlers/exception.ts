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
import { log_response } from '../../utils/log';
import { got_request_exception } from '../signals';

export function response_for_exception(
  request: HttpRequest,
  exc: unknown,
  urlconf: URLConf,
): HttpResponse {
  const { runtime } = request;
  const debug = runtime.settings.DEBUG;
  // A 404 is logged by the handler's log_response ("Not Found: <path>") once the middleware ran.
  if (exc instanceof Http404) {
    return debug ? technical_404_response(request, exc, urlconf) : page_not_found();
  }
  if (exc instanceof PermissionDenied) {
    const response = permission_denied();
    log_response(runtime, `Forbidden (Permission denied): ${request.path}`, response);
    return response;
  }
  if (exc instanceof BadRequest) {
    const response = debug ? technical_500_response(request, exc, 400) : bad_request();
    // `log_response('%s: %s', str(exc), request.path)`: the exception's own message.
    log_response(runtime, `${exc.pyStr}: ${request.path}`, response);
    return response;
  }
  if (exc instanceof SuspiciousOperation) {
    // The security logger gets every SuspiciousOperation; the handler then logs the 400 on
    // django.request ("Bad Request: <path>").
    runtime.log({ logger: `django.security.${exc.pyName}`, level: 'ERROR', message: exc.message });
    return debug ? technical_500_response(request, exc, 400) : bad_request();
  }
  got_request_exception.send({ request, exc });
  const response = debug ? technical_500_response(request, exc) : server_error();
  // `log_response('%s: %s', response.reason_phrase, request.path, exc_info=...)`: the
  // traceback's last line stands for exc_info.
  const { type, value } = describeException(exc);
  log_response(runtime, `${response.reason_phrase}: ${request.path}\n${type}: ${value}`, response);
  return response;
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
