/** django/views/defaults.py: the pages a site without its own error templates answers with. */
import { HttpResponse } from '../http/response';

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

export function page_not_found(): HttpResponse {
  return new HttpResponse(
    ERROR_PAGE_TEMPLATE('Not Found', 'The requested resource was not found on this server.'),
    {
      status: 404,
      content_type: 'text/html',
    },
  );
}

export function server_error(): HttpResponse {
  return new HttpResponse(ERROR_PAGE_TEMPLATE('Server Error (500)', ''), {
    status: 500,
    content_type: 'text/html',
  });
}

export function bad_request(): HttpResponse {
  return new HttpResponse(ERROR_PAGE_TEMPLATE('Bad Request (400)', ''), {
    status: 400,
    content_type: 'text/html',
  });
}

export function permission_denied(): HttpResponse {
  return new HttpResponse(ERROR_PAGE_TEMPLATE('403 Forbidden', ''), {
    status: 403,
    content_type: 'text/html',
  });
}
