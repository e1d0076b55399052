/**
 * `request` as a console line in the view sees it: a WSGIRequest whose session is the real one
 * (see session.ts) and whose simple attributes (method, path, COOKIES, GET, POST, body...) are
 * the request's own. What this console does not model is refused, not invented.
 */
import type { DjangoVersion } from '../../django/conf/global_settings';
import type { HttpRequest } from '../../django/http/request';
import { PyBytes, PyDict, repr } from '../../python';
import {
  BuiltinFunction,
  ConsoleUnsupported,
  PyClass,
  PyObj,
  type Value,
} from '../../python/parser';
import { DIRS } from './dirs';
import { SessionObj } from './session';

/** `<QueryDict: {'a': ['1']}>` */
class QueryDictObj extends PyObj {
  readonly pyType = 'QueryDict';
  constructor(private readonly lists: [string, string[]][]) {
    super();
  }
  override repr(): string {
    const d = new PyDict(this.lists.map(([k, v]) => [k, [...v]]));
    return `<QueryDict: ${repr(d)}>`;
  }
}

function method(name: string, fn: () => Value): BuiltinFunction {
  return new BuiltinFunction(
    name,
    () => fn(),
    `<bound method HttpRequest.${name} of <WSGIRequest: POST '/__session__/console'>>`,
    'method',
  );
}

export class RequestObj extends PyObj {
  readonly pyType = 'WSGIRequest';
  readonly session: SessionObj | null;
  private readonly extra = new Map<string, Value>();

  constructor(
    private readonly request: HttpRequest,
    private readonly version: DjangoVersion,
  ) {
    super();
    this.session = request.hasSession() ? new SessionObj(request.session, version) : null;
  }

  override repr(): string {
    return `<WSGIRequest: ${this.request.method} ${repr(this.request.path)}>`;
  }
  typeObject(): PyClass {
    return new PyClass('WSGIRequest', 'django.core.handlers.wsgi.WSGIRequest');
  }
  override attributeNames(): readonly string[] {
    return DIRS[this.version].request;
  }

  override getattr(name: string): Value {
    if (this.extra.has(name)) return this.extra.get(name) as Value;
    const r = this.request;
    switch (name) {
      case 'session':
        if (this.session) return this.session;
        break;
      case 'method':
        return r.method;
      case 'path':
      case 'path_info':
        return r[name];
      case 'COOKIES':
        return PyDict.of(r.COOKIES);
      case 'GET':
      case 'POST': {
        const q = r[name];
        return new QueryDictObj(q.keys().map((k) => [k, q.getlist(k)]));
      }
      case 'body':
        return new PyBytes(new TextEncoder().encode(r.body));
      case 'content_type':
        return r.content_type;
      case 'encoding':
        return null;
      case 'scheme':
        return r.is_secure() ? 'https' : 'http';
      case 'is_secure':
        return method('is_secure', () => r.is_secure());
      case 'get_full_path':
        return method(
          'get_full_path',
          () => r.path + (r.META.QUERY_STRING ? `?${r.META.QUERY_STRING}` : ''),
        );
    }
    throw this.noAttribute(name);
  }

  /** Python lets a view set any attribute on the request; this console only its own. */
  override setattr(name: string, value: Value): void {
    if (this.attributeNames().includes(name))
      throw new ConsoleUnsupported('attribute', { object: 'request', name });
    this.extra.set(name, value);
  }
}
