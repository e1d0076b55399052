/**
 * django/contrib/sessions/backends/signed_cookies.py: no server storage at all. The cookie value
 * *is* the session: its data as signed JSON. Readable by the user (base64), but not changeable
 * without SECRET_KEY, and impossible to revoke: an old copy stays valid until it is too old.
 */
import { PyDict } from '../../../../python';
import { dumps, loads } from '../../../core/signing';
import { SECRET_KEY } from '../../../conf';
import type { Runtime } from '../../../runtime';
import { SessionBase } from './base';

const SALT = 'django.contrib.sessions.backends.signed_cookies';

export class SessionStore extends SessionBase {
  /**
   * Only SESSION_COOKIE_AGE is checked against the signature's timestamp: a custom set_expiry()
   * is not enforced on the server (Django tickets #19201, #27775). Anything wrong resets the
   * session to a new empty one.
   */
  override load(): PyDict {
    try {
      const data = loads(this.session_key as string, {
        key: SECRET_KEY(this.runtime.settings),
        fallbackKeys: this.runtime.settings.SECRET_KEY_FALLBACKS,
        salt: SALT,
        serializer: this.serializer,
        maxAge: Number(this.get_session_cookie_age()),
        time: this.time,
      });
      // Only a holder of SECRET_KEY can sign a value that is not a dict; Django would hand it
      // back as the session, the port starts afresh instead.
      if (data instanceof PyDict) return data;
      this.create();
    } catch {
      // BadSignature, ValueError, or unpickling exceptions. If any of these happen, reset the
      // session.
      this.create();
    }
    return new PyDict();
  }

  /** Nothing to reserve: just mark the session modified so the middleware sends a cookie. */
  override create(): void {
    this.modified = true;
  }

  /** The "key" becomes the signed data, with a fresh timestamp. */
  override save(_must_create = false): void {
    this._session_key = this._get_session_key();
    this.modified = true;
  }

  override exists(_session_key: string | null = null): boolean {
    return false;
  }

  override delete(_session_key: string | null = null): void {
    this._session_key = '';
    this._session_cache = new PyDict();
    this.modified = true;
  }

  /** A new signature over the same data; the old cookie stays valid (it cannot be revoked). */
  override cycle_key(): void {
    this.save();
  }

  _get_session_key(): string {
    return dumps(this._session, {
      key: SECRET_KEY(this.runtime.settings),
      salt: SALT,
      serializer: this.serializer,
      compress: true,
      time: this.time,
    });
  }

  static override clear_expired(_runtime: Runtime): void {}
}
