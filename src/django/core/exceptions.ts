/** django/core/exceptions.py: the exceptions the request handler turns into responses. */
import { PyException } from '../../python';

function named(name: string, Base: typeof PyException = PyException) {
  return class extends Base {
    override get pyName() {
      return name;
    }
  };
}

export class ImproperlyConfigured extends named('ImproperlyConfigured') {}
/** The user did something suspicious: answered with 400 and logged to django.security.<Name>. */
export class SuspiciousOperation extends named('SuspiciousOperation') {}
export class TooManyFieldsSent extends named('TooManyFieldsSent', SuspiciousOperation) {}
export class RequestDataTooBig extends named('RequestDataTooBig', SuspiciousOperation) {}
/** The request is malformed: answered with 400. */
export class BadRequest extends named('BadRequest') {}
export class PermissionDenied extends named('PermissionDenied') {}
export class ViewDoesNotExist extends named('ViewDoesNotExist') {}
/** django.db.utils.OperationalError, e.g. `no such table: django_session`. */
export class OperationalError extends named('OperationalError') {}
export class IntegrityError extends named('IntegrityError') {}
export class DatabaseError extends named('DatabaseError') {}
/** django.http.Http404 */
export class Http404 extends named('Http404') {}
