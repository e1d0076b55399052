/**
 * django/contrib/sessions/backends/base.py: the dictionary-like `request.session`, its flags,
 * its key, its expiry, and how its data is encoded. Each backend (db, cache, cached_db, file,
 * signed_cookies) is a small subclass that says where the data lives.
 *
 * Method names are Django's own (`set_expiry`, `get_expiry_age`, `cycle_key`) so that this file
 * reads side by side with Django's. Python's `s[k]`, `s[k] = v`, `del s[k]` and `k in s` are
 * `getitem`, `setitem`, `delitem` and `contains`.
 */
import {
  dictUpdate,
  PyDateTime,
  PyDict,
  PyException,
  PyKeyError,
  PyNotImplementedError,
  PyTimeDelta,
  PyTuple,
  PyTypeError,
  PyView,
  pyEquals,
  repr,
  truthy,
  typeName,
  type PyValue,
} from '../../../../python';
import { BadSignature, dumps, loads, type Serializer } from '../../../core/signing';
import { SECRET_KEY } from '../../../conf';
import type { Runtime } from '../../../runtime';
import { get_random_string } from '../../../utils/crypto';
import * as timezone from '../../../utils/timezone';
import { at_least } from '../../../version';
import { getSerializer } from '../serializers';

/** Session keys are lower case so that they are safe on case-insensitive file systems. */
export const VALID_KEY_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** `save(must_create=True)` found the key taken; `create()` catches it and tries another key. */
export class CreateError extends PyException {
  override get pyName() {
    return 'CreateError';
  }
}
/** `save()` found the record gone (deleted by a concurrent logout). */
export class UpdateError extends PyException {
  override get pyName() {
    return 'UpdateError';
  }
}

/** The keyword arguments of `get_expiry_age()` / `get_expiry_date()`; presence matters, not value. */
export interface ExpiryArgs {
  modification?: PyDateTime;
  expiry?: PyValue;
}

/** The marker for "no default given" in `pop()`, as Django's `__not_given`. */
const NOT_GIVEN = Symbol('not given');

export abstract class SessionBase {
  static readonly TEST_COOKIE_NAME = 'testcookie';
  static readonly TEST_COOKIE_VALUE = 'worked';

  /** True once anything read or wrote the data (the middleware then adds `Vary: Cookie`). */
  accessed = false;
  /** True once the data changed (the middleware then saves it and sends the cookie). */
  modified = false;
  readonly serializer: Serializer;
  /** Absent (undefined) until the data is first loaded, as Django's `_session_cache` attribute. */
  _session_cache?: PyDict;
  #sessionKey: string | null = null;

  constructor(
    readonly runtime: Runtime,
    session_key: string | null = null,
  ) {
    this._session_key = session_key;
    this.serializer = getSerializer(runtime.settings.SESSION_SERIALIZER);
  }

  /** Django's `type(self).__qualname__`: every built-in store is called `SessionStore`. */
  get qualname(): string {
    return 'SessionStore';
  }

  // --- the dictionary -------------------------------------------------------------------------

  /** `key in session` */
  contains(key: PyValue): boolean {
    return this._session.has(key);
  }
  /** `session[key]` */
  getitem(key: PyValue): PyValue {
    return this._session.getItem(key, repr);
  }
  /** `session[key] = value`: always marks the session modified, even for the same value. */
  setitem(key: PyValue, value: PyValue): void {
    this._session.set(key, value);
    this.modified = true;
  }
  /** `del session[key]` */
  delitem(key: PyValue): void {
    if (!this._session.delete(key)) throw new PyKeyError(repr(key));
    this.modified = true;
  }
  /** `session.get(key, default=None)` */
  get(key: PyValue, defaultValue: PyValue = null): PyValue {
    const value = this._session.get(key);
    return value === undefined ? defaultValue : value;
  }
  /** `session.pop(key[, default])`: modified only if the key was there. */
  pop(key: PyValue, defaultValue: PyValue | typeof NOT_GIVEN = NOT_GIVEN): PyValue {
    const data = this._session;
    this.modified = this.modified || data.has(key);
    const value = data.get(key);
    if (value === undefined) {
      if (defaultValue === NOT_GIVEN) throw new PyKeyError(repr(key));
      return defaultValue;
    }
    data.delete(key);
    return value;
  }
  /** `session.setdefault(key, value)`: modified only if the key was missing. */
  setdefault(key: PyValue, value: PyValue): PyValue {
    if (this.contains(key)) return this.getitem(key);
    this.setitem(key, value);
    return value;
  }
  /** `session.update(dict_)`: modified even for `update({})`. */
  update(dict_: PyValue): void {
    dictUpdate(this._session, dict_);
    this.modified = true;
  }
  /** `session.has_key(key)`: still in Django (the tutorial uses it); `key in session` is the idiom. */
  has_key(key: PyValue): boolean {
    return this.contains(key);
  }
  keys(): PyView {
    return new PyView('dict_keys', this._session.keys());
  }
  values(): PyView {
    return new PyView('dict_values', this._session.values());
  }
  items(): PyView {
    return new PyView(
      'dict_items',
      this._session.entries().map(([k, v]) => new PyTuple([k, v])),
    );
  }
  /** Empties the data without loading it first (there is no point reading what is thrown away). */
  clear(): void {
    this._session_cache = new PyDict();
    this.accessed = true;
    this.modified = true;
  }
  /** True when there is no key and no data; does not load (and does not set `accessed`). */
  is_empty(): boolean {
    if (this._session_key) return false;
    return this._session_cache === undefined || this._session_cache.size === 0;
  }

  set_test_cookie(): void {
    this.setitem(SessionBase.TEST_COOKIE_NAME, SessionBase.TEST_COOKIE_VALUE);
  }
  test_cookie_worked(): boolean {
    return pyEquals(this.get(SessionBase.TEST_COOKIE_NAME), SessionBase.TEST_COOKIE_VALUE);
  }
  delete_test_cookie(): void {
    this.delitem(SessionBase.TEST_COOKIE_NAME);
  }

  // --- encoding -------------------------------------------------------------------------------

  get key_salt(): string {
    return 'django.contrib.sessions.' + this.qualname;
  }

  protected get time(): () => number {
    return () => timezone.time(this.runtime);
  }

  /** `signing.dumps(session_dict, salt=key_salt, compress=True)`: what the database stores. */
  encode(session_dict: PyDict): string {
    return dumps(session_dict, {
      key: SECRET_KEY(this.runtime.settings),
      salt: this.key_salt,
      serializer: this.serializer,
      compress: true,
      time: this.time,
    });
  }

  /**
   * Never raises (Django 4+): a bad signature is logged as a suspicious session and gives `{}`;
   * anything else that fails (a signed value that is not JSON) silently gives `{}`.
   */
  decode(session_data: string): PyDict {
    try {
      const data = loads(session_data, {
        key: SECRET_KEY(this.runtime.settings),
        fallbackKeys: this.runtime.settings.SECRET_KEY_FALLBACKS,
        salt: this.key_salt,
        serializer: this.serializer,
        time: this.time,
      });
      // Only a holder of SECRET_KEY can sign a payload that is not a dict; treat it as empty.
      return data instanceof PyDict ? data : new PyDict();
    } catch (e) {
      if (e instanceof BadSignature) {
        this.runtime.log({
          logger: 'django.security.SuspiciousSession',
          level: 'WARNING',
          message: 'Session data corrupted',
        });
      }
      return new PyDict();
    }
  }

  // --- the key --------------------------------------------------------------------------------

  /** A fresh random key of 32 characters from [a-z0-9] that no stored session uses. */
  _get_new_session_key(): string {
    for (;;) {
      const key = get_random_string(this.runtime.random, 32, VALID_KEY_CHARS);
      if (!this.exists(key)) return key;
    }
  }

  _get_or_create_session_key(): string {
    if (this._session_key === null) this._session_key = this._get_new_session_key();
    return this._session_key as string;
  }

  /** At least 8 characters; anything else (empty, `abc`) becomes None. Nothing else is checked. */
  _validate_session_key(key: string | null): boolean {
    return !!key && [...key].length >= 8;
  }

  /** Read-only: assigning `session.session_key` raises AttributeError in Django. */
  get session_key(): string | null {
    return this.#sessionKey;
  }
  get _session_key(): string | null {
    return this.#sessionKey;
  }
  set _session_key(value: string | null) {
    this.#sessionKey = this._validate_session_key(value) ? value : null;
  }

  /** Loads lazily on first use; always marks the session accessed. */
  _get_session(no_load = false): PyDict {
    this.accessed = true;
    if (this._session_cache === undefined) {
      this._session_cache = this.session_key === null || no_load ? new PyDict() : this.load();
    }
    return this._session_cache;
  }
  get _session(): PyDict {
    return this._get_session();
  }

  // --- expiry ---------------------------------------------------------------------------------

  /** A hook: subclasses may use another age than SESSION_COOKIE_AGE. */
  get_session_cookie_age(): bigint | number {
    // The setting as Python holds it: an int, or a float (90.5 gives Max-Age=90).
    const age = this.runtime.settings.SESSION_COOKIE_AGE;
    return Number.isInteger(age) ? BigInt(age) : age;
  }

  private expiryArgs(kwargs: ExpiryArgs): [PyDateTime, PyValue] {
    const modification =
      'modification' in kwargs ? (kwargs.modification as PyDateTime) : timezone.now(this.runtime);
    // Passing expiry (even None) must not load the session: the argument counts, not its value.
    const expiry = 'expiry' in kwargs ? (kwargs.expiry as PyValue) : this.get('_session_expiry');
    return [modification, expiry];
  }

  /** Whether this release stores (and reads) a fixed expiry as an ISO string. */
  private get isoExpiry(): boolean {
    // Django 4.0: set_expiry() stores a datetime as its isoformat() and the getters parse a
    // string back; 3.2 stored the datetime itself, which the JSON serializer cannot save (a
    // 500, TypeError), and took any other value, a string too, for a number of seconds.
    return at_least(this.runtime.settings, 4, 0);
  }

  /**
   * Seconds until expiry. An int expiry is returned as is: it means "this many seconds after the
   * last save", not a countdown. A datetime (stored as an ISO string) gives the floor of the
   * seconds left, possibly negative. None or 0 gives SESSION_COOKIE_AGE.
   */
  get_expiry_age(kwargs: ExpiryArgs = {}): PyValue {
    const [modification, expiry] = this.expiryArgs(kwargs);
    if (!truthy(expiry)) return this.get_session_cookie_age(); // Checks both None and 0 cases
    if (!(expiry instanceof PyDateTime) && !(this.isoExpiry && typeof expiry === 'string'))
      return expiry;
    const when = typeof expiry === 'string' ? PyDateTime.fromisoformat(expiry) : expiry;
    return when.minus(modification).wholeSeconds();
  }

  /** The moment of expiry: a stored datetime as is, otherwise modification + age. */
  get_expiry_date(kwargs: ExpiryArgs = {}): PyDateTime {
    const [modification, expiry] = this.expiryArgs(kwargs);
    if (expiry instanceof PyDateTime) return expiry;
    if (this.isoExpiry && typeof expiry === 'string') return PyDateTime.fromisoformat(expiry);
    const seconds = truthy(expiry) ? expiry : this.get_session_cookie_age();
    return modification.add(timedeltaSeconds(seconds));
  }

  /**
   * int: seconds of inactivity (0: until the browser closes); datetime or timedelta: a fixed
   * moment, stored as an ISO string (3.2: the datetime itself, see isoExpiry); None: back to
   * the global policy.
   */
  set_expiry(value: PyValue): void {
    if (value === null) {
      try {
        this.delitem('_session_expiry');
      } catch (e) {
        if (!(e instanceof PyKeyError)) throw e;
      }
      return;
    }
    let v = value;
    if (v instanceof PyTimeDelta) v = timezone.now(this.runtime).add(v);
    if (this.isoExpiry && v instanceof PyDateTime) v = v.isoformat();
    this.setitem('_session_expiry', v);
  }

  /** True for `set_expiry(0)`; the setting decides when no expiry was set. */
  get_expire_at_browser_close(): boolean {
    const expiry = this.get('_session_expiry');
    if (expiry === null) return this.runtime.settings.SESSION_EXPIRE_AT_BROWSER_CLOSE;
    return pyEquals(expiry, 0n);
  }

  // --- life cycle -----------------------------------------------------------------------------

  /** Logout: empty the data, delete the stored record, forget the key. */
  flush(): void {
    this.clear();
    this.delete();
    this._session_key = null;
  }

  /** A new key for the same data (login does this against session fixation); the old record goes. */
  cycle_key(): void {
    const data = this._session;
    const key = this.session_key;
    this.create();
    this._session_cache = data;
    if (key) this.delete(key);
  }

  // --- what each backend provides -------------------------------------------------------------

  exists(_session_key: string | null): boolean {
    throw new PyNotImplementedError('subclasses of SessionBase must provide an exists() method');
  }
  create(): void {
    throw new PyNotImplementedError('subclasses of SessionBase must provide a create() method');
  }
  save(_must_create = false): void {
    throw new PyNotImplementedError('subclasses of SessionBase must provide a save() method');
  }
  delete(_session_key: string | null = null): void {
    throw new PyNotImplementedError('subclasses of SessionBase must provide a delete() method');
  }
  load(): PyDict {
    throw new PyNotImplementedError('subclasses of SessionBase must provide a load() method');
  }
  /** A classmethod in Django: `SessionStore.clear_expired()`, what `manage.py clearsessions` runs. */
  static clear_expired(_runtime: Runtime): void {
    throw new PyNotImplementedError('This backend does not support clear_expired().');
  }
}

/** `timedelta(seconds=value)` with Python's complaint about anything that is not a number. */
function timedeltaSeconds(value: PyValue): PyTimeDelta {
  if (typeof value === 'bigint' || typeof value === 'number')
    return PyTimeDelta.of({ seconds: value });
  if (typeof value === 'boolean') return PyTimeDelta.of({ seconds: value ? 1n : 0n });
  throw new PyTypeError(`unsupported type for timedelta seconds component: ${typeName(value)}`);
}

/** `engine.SessionStore`: a class, with its classmethod `clear_expired()`. */
export type SessionStoreClass = (new (
  runtime: Runtime,
  session_key?: string | null,
) => SessionBase) & {
  clear_expired(runtime: Runtime): void;
};

/** A backend module, as `import_module(settings.SESSION_ENGINE)` gives it. */
export interface SessionEngine {
  SessionStore: SessionStoreClass;
}
