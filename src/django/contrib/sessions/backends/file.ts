/**
 * django/contrib/sessions/backends/file.py: one file per session, named
 * `<SESSION_COOKIE_NAME><key>` in SESSION_FILE_PATH (the temp directory by default), holding the
 * encode() output. Expiry comes from the data, or else from the file's modification time.
 */
import {
  PyDateTime,
  PyDict,
  PyOSError,
  PyTimeDelta,
  truthy,
  type PyValue,
} from '../../../../python';
import { ImproperlyConfigured, SuspiciousOperation } from '../../../core/exceptions';
import { joinPath } from '../../../core/files/fs';
import type { Runtime } from '../../../runtime';
import { InvalidSessionKey } from '../exceptions';
import { CreateError, SessionBase, UpdateError, VALID_KEY_CHARS } from './base';

const VALID = new Set(VALID_KEY_CHARS);

/** `tempfile.gettempdir()` on the playground's server. */
export const TEMP_DIR = '/tmp';

export function storagePath(runtime: Runtime): string {
  const path = runtime.settings.SESSION_FILE_PATH || TEMP_DIR;
  if (!runtime.files.isdir(path)) {
    throw new ImproperlyConfigured(
      `The session storage path '${path}' doesn't exist. Please set your SESSION_FILE_PATH setting to an existing directory in which Django can store session data.`,
    );
  }
  return path;
}

export class SessionStore extends SessionBase {
  readonly storage_path: string;
  readonly file_prefix: string;

  constructor(runtime: Runtime, session_key: string | null = null) {
    super(runtime, session_key);
    this.storage_path = storagePath(runtime);
    this.file_prefix = runtime.settings.SESSION_COOKIE_NAME;
  }

  /** The file for a key; refuses keys with characters that could leave the directory. */
  _key_to_file(session_key: string | null = null): string {
    const key = session_key ?? this._get_or_create_session_key();
    if (![...key].every((ch) => VALID.has(ch)))
      throw new InvalidSessionKey('Invalid characters in session key');
    return joinPath(this.storage_path, this.file_prefix + key);
  }

  _last_modification(): PyDateTime {
    const ms = this.runtime.files.mtime(this._key_to_file());
    return PyDateTime.fromEpochMicroseconds(
      BigInt(Math.round(ms * 1000)),
      this.runtime.settings.USE_TZ ? 0 : null,
    );
  }

  /** The expiry stored in the data, or else the file's age limit. */
  _expiry_date(session_data: PyDict): PyValue {
    const stored = session_data.get('_session_expiry');
    if (stored !== undefined && truthy(stored)) return stored;
    return this._last_modification().add(
      PyTimeDelta.of({ seconds: this.get_session_cookie_age() }),
    );
  }

  override load(): PyDict {
    let session_data = new PyDict();
    try {
      const file_data = this.runtime.files.read(this._key_to_file());
      // An empty file is the placeholder a create() is about to fill.
      if (file_data) {
        // Django still guards this against SuspiciousOperation, but decode() no longer raises.
        session_data = this.decode(file_data);
        // An expired file is deleted and replaced by a new, empty session.
        const age = this.get_expiry_age({ expiry: this._expiry_date(session_data) });
        if (Number(age) <= 0) {
          session_data = new PyDict();
          this.delete();
          this.create();
        }
      }
    } catch (e) {
      if (!(e instanceof PyOSError || e instanceof SuspiciousOperation)) throw e;
      this._session_key = null;
    }
    return session_data;
  }

  override create(): void {
    for (;;) {
      this._session_key = this._get_new_session_key();
      try {
        this.save(true);
      } catch (e) {
        if (e instanceof CreateError) continue;
        throw e;
      }
      this.modified = true;
      return;
    }
  }

  override save(must_create = false): void {
    if (this.session_key === null) return this.create();
    // Read the data before touching the file that holds it.
    const session_data = this._get_session(must_create);
    const path = this._key_to_file();
    const files = this.runtime.files;
    if (must_create) {
      try {
        files.createExclusive(path);
      } catch (e) {
        if (e instanceof PyOSError) throw new CreateError();
        throw e;
      }
    } else if (!files.exists(path)) {
      throw new UpdateError();
    }
    // Django writes a temporary file and renames it over the session file: readers never see half.
    files.write(path, this.encode(session_data));
  }

  override exists(session_key: string | null): boolean {
    return this.runtime.files.exists(this._key_to_file(session_key));
  }

  override delete(session_key: string | null = null): void {
    const key = session_key ?? this.session_key;
    if (key === null) return;
    try {
      this.runtime.files.unlink(this._key_to_file(key));
    } catch (e) {
      if (!(e instanceof PyOSError)) throw e;
    }
  }

  /** Loads every session file, which deletes the expired ones (without creating replacements). */
  static override clear_expired(runtime: Runtime): void {
    const dir = storagePath(runtime);
    const prefix = runtime.settings.SESSION_COOKIE_NAME;
    for (const name of runtime.files.listdir(dir)) {
      if (!name.startsWith(prefix)) continue;
      const session = new SessionStore(runtime, name.slice(prefix.length));
      session.create = () => {};
      session.load();
    }
  }
}
