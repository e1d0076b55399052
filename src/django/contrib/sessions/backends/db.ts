/**
 * django/contrib/sessions/backends/db.py: sessions in the `django_session` table. The default
 * engine. Expired rows stay until `clear_expired()` (`manage.py clearsessions`) deletes them.
 */
import { PyDict } from '../../../../python';
import { DatabaseError, IntegrityError, SuspiciousOperation } from '../../../core/exceptions';
import type { Runtime } from '../../../runtime';
import * as timezone from '../../../utils/timezone';
import { objects, type Session } from '../models';
import { CreateError, SessionBase, UpdateError } from './base';

export class SessionStore extends SessionBase {
  /** The row for this key if it has not expired; otherwise forget the key (never adopt it). */
  _get_session_from_db(): Session | undefined {
    try {
      // Session.objects.get(session_key=..., expire_date__gt=timezone.now())
      const row = objects(this.runtime).get(this.session_key as string);
      const now = timezone.now(this.runtime).epochMicroseconds;
      if (row && row.expire_date.epochMicroseconds > now) return row;
    } catch (e) {
      if (!(e instanceof SuspiciousOperation)) throw e;
      this.runtime.log({
        logger: `django.security.${e.pyName}`,
        level: 'WARNING',
        message: e.message,
      });
    }
    this._session_key = null;
    return undefined;
  }

  override load(): PyDict {
    const row = this._get_session_from_db();
    return row ? this.decode(row.session_data) : new PyDict();
  }

  /** Whether a row has this key, expired or not. */
  override exists(session_key: string | null): boolean {
    return session_key !== null && objects(this.runtime).get(session_key) !== undefined;
  }

  override create(): void {
    for (;;) {
      this._session_key = this._get_new_session_key();
      try {
        // Save immediately so the key is reserved for this session.
        this.save(true);
      } catch (e) {
        if (e instanceof CreateError) continue; // the key was taken between the check and the insert
        throw e;
      }
      this.modified = true;
      return;
    }
  }

  /** A hook for custom session models: the row to write. */
  create_model_instance(data: PyDict): Session {
    return {
      session_key: this._get_or_create_session_key(),
      session_data: this.encode(data),
      expire_date: this.get_expiry_date(),
    };
  }

  /**
   * Insert (must_create) or update the row. The expiry date is recomputed on every save, so a
   * save slides it forward; a row that vanished meanwhile raises UpdateError, not a resurrection.
   */
  override save(must_create = false): void {
    if (this.session_key === null) return this.create();
    const data = this._get_session(must_create);
    const obj = this.create_model_instance(data);
    const table = objects(this.runtime);
    try {
      if (must_create) table.insert(obj);
      else table.update(obj);
    } catch (e) {
      if (e instanceof IntegrityError && must_create) throw new CreateError();
      if (e instanceof DatabaseError && !must_create) throw new UpdateError();
      throw e;
    }
  }

  override delete(session_key: string | null = null): void {
    const key = session_key ?? this.session_key;
    if (key === null) return;
    objects(this.runtime).delete(key);
  }

  /** Deletes rows whose expire_date is in the past (strictly: load needs it strictly in the future). */
  static override clear_expired(runtime: Runtime): void {
    const now = timezone.now(runtime).epochMicroseconds;
    objects(runtime).deleteWhere((row) => row.expire_date.epochMicroseconds < now);
  }
}
