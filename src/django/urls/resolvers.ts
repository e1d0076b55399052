/** django/urls: `path(route, view, name=...)` and resolving a request path to its view. */
import { Http404 } from '../core/exceptions';
import type { HttpRequest } from '../http/request';
import type { HttpResponse } from '../http/response';

export type View = (request: HttpRequest) => HttpResponse;

export interface URLPattern {
  route: string;
  view: View;
  name?: string;
}

/** `path('myapp/login/', views.login, name='login')`; routes here have no converters. */
export function path(route: string, view: View, name?: string): URLPattern {
  return { route, view, name };
}

/** `str(pattern)` as the technical 404 page lists it: `myapp/login/ [name='login']`. */
export function describePattern(p: URLPattern): string {
  return p.name ? `${p.route} [name='${p.name}']` : p.route;
}

export interface URLConf {
  /** The dotted name shown by the debug 404 page (ROOT_URLCONF). */
  name: string;
  urlpatterns: URLPattern[];
}

export class Resolver404 extends Http404 {
  constructor(
    readonly path: string,
    readonly tried: URLPattern[],
  ) {
    super(`The current path, ${path}, didn't match any of these.`);
  }
  override get pyName() {
    return 'Resolver404';
  }
}

/** The first pattern whose route equals the path (without its leading slash). */
export function resolve(requestPath: string, urlconf: URLConf): URLPattern {
  const p = requestPath.replace(/^\//, '');
  const match = urlconf.urlpatterns.find((pattern) => pattern.route === p);
  if (!match) throw new Resolver404(p, urlconf.urlpatterns);
  return match;
}
