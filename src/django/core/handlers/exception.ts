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
import { at_least } from '../../version';

export function response_for_exception(
  request: HttpRequest,
  exc: unknown,
  urlconf: URLConf,
): HttpResponse {
  const { runtime } = request;
  const debug = runtime.settings.DEBUG;
  // A 404 is logged by the handler's log_response ("Not Found: <path>") once the middleware ran.
  if (exc instanceof Http404) {
    return debug ? technical_404_response(request, exc, urlconf) : page_not_found(request);
  }
  if (exc instanceof PermissionDenied) {
    const response = permission_denied(request);
    log_response(runtime, 'Forbidden (Permission denied): %s', [request.path], response);
    return response;
  }
  if (exc instanceof BadRequest) {
    const response = debug ? technical_500_response(request, exc, 400) : bad_request(request);
    // `log_response('%s: %s', str(exc), request.path)`: the exception's own message.
    log_response(runtime, '%s: %s', [exc.pyStr, request.path], response);
    return response;
  }
  if (exc instanceof SuspiciousOperation) {
    const response = debug ? technical_500_response(request, exc, 400) : bad_request(request);
    const logger = `django.security.${exc.pyName}`;
    if (at_least(runtime.settings, 4, 2)) {
      // The security logger gets it through log_response, once (4.2.28 and 5.2.18, measured:
      // the CVE-2025-48432 releases); the handler does not log the 400 again.
      log_response(runtime, exc.pyStr, [], response, { logger, level: 'ERROR' });
    } else {
      // 3.2: the security logger, and then the handler's "Bad Request: <path>" on django.request.
      runtime.log({ logger, level: 'ERROR', message: exc.pyStr });
    }
    return response;
  }
  got_request_exception.send({ request, exc });
  const response = debug ? technical_500_response(request, exc) : server_error(request);
  // `log_response('%s: %s', response.reason_phrase, request.path, exc_info=...)`: the
  // traceback's last line stands for exc_info.
  const { type, value } = describeException(exc);
  log_response(runtime, '%s: %s', [response.reason_phrase, request.path], response, {
    exception: value ? `${type}: ${value}` : type,
  });
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
