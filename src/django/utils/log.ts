/** django/utils/log.py */
import type { HttpResponse } from '../http/response';
import type { LogLevel, Runtime } from '../runtime';

/**
 * `log_response(message, response=...)`: logs a 4xx/5xx response on `django.request` once (a
 * response logged where its exception was caught is not logged again by the handler). The level
 * follows the status: ERROR for 5xx, WARNING for 4xx, INFO otherwise.
 */
export function log_response(
  runtime: Pick<Runtime, 'log'>,
  message: string,
  response: HttpResponse,
): void {
  if (response._has_been_logged) return;
  const level: LogLevel =
    response.status_code >= 500 ? 'ERROR' : response.status_code >= 400 ? 'WARNING' : 'INFO';
  runtime.log({ logger: 'django.request', level, message });
  response._has_been_logged = true;
}
