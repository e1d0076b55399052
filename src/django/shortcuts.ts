/** django/shortcuts.py */
import type { HttpRequest } from './http/request';
import { HttpResponse } from './http/response';
import { get_template, type Context } from './template/engine';

/** `render(request, 'loggedin.html', {"username": username})` */
export function render(
  _request: HttpRequest,
  templateName: string,
  context: Context = {},
): HttpResponse {
  return new HttpResponse(get_template(templateName).render(context));
}
