/** django/views/defaults.py: the pages a site without its own error templates answers with. */
import type { HttpRequest } from '../http/request';
import { HttpResponse } from '../http/response';
import { at_least } from '../version';

const ERROR_PAGE_TEMPLATE = (title: string, details: string) => `
<!doctype html>
<html lang="en">
<head>
  <title>${title}</title>
</head>
<body>
  <h1>${title}</h1><p>${details}</p>
</body>
</html>
`;

/**
 * The response for a built-in error page: Django 4.x gives it the default type, with the
 * charset (`text/html; charset=utf-8`); 3.2 wrote `content_type='text/html'` (measured).
 */
function errorPage(request: HttpRequest, body: string, status: number): HttpResponse {
  return new HttpResponse(
    body,
    at_least(request.runtime.settings, 4, 0) ? { status } : { status, content_type: 'text/html' },
  );
}

/** `page_not_found(request, exception)` */
export function page_not_found(request: HttpRequest): HttpResponse {
  return errorPage(
    request,
    ERROR_PAGE_TEMPLATE('Not Found', 'The requested resource was not found on this server.'),
    404,
  );
}

/** `server_error(request)` */
export function server_error(request: HttpRequest): HttpResponse {
  return errorPage(request, ERROR_PAGE_TEMPLATE('Server Error (500)', ''), 500);
}

/** `bad_request(request, exception)` */
export function bad_request(request: HttpRequest): HttpResponse {
  return errorPage(request, ERROR_PAGE_TEMPLATE('Bad Request (400)', ''), 400);
}

/** `permission_denied(request, exception)` */
export function permission_denied(request: HttpRequest): HttpResponse {
  return errorPage(request, ERROR_PAGE_TEMPLATE('403 Forbidden', ''), 403);
}
