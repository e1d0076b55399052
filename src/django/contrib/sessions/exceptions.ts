/** django/contrib/sessions/exceptions.py */
import { BadRequest, SuspiciousOperation } from '../../core/exceptions';

/** The file backend refuses keys with characters outside [a-z0-9] (no `../` in file names). */
export class InvalidSessionKey extends SuspiciousOperation {
  override get pyName() {
    return 'InvalidSessionKey';
  }
}
export class SuspiciousSession extends SuspiciousOperation {
  override get pyName() {
    return 'SuspiciousSession';
  }
}
/** The session was deleted (a logout elsewhere) while this request was using it: a 400. */
export class SessionInterrupted extends BadRequest {
  override get pyName() {
    return 'SessionInterrupted';
  }
}
