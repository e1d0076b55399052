/**
 * Not in Django: what happened to a session during one request, recorded so that the playground
 * can explain each response in words. The Django port (src/django) stays a plain port; this
 * wraps its SessionStore in a subclass that watches load, create, save and delete from outside,
 * and tells the outcomes apart by looking at the store before and after.
 */
import { PyDict } from '../../python';
import { SessionBase, type SessionStoreClass } from '../../django/contrib/sessions/backends/base';
import { SessionStore as CacheStore } from '../../django/contrib/sessions/backends/cache';
import { SessionStore as CachedDbStore } from '../../django/contrib/sessions/backends/cached_db';
import { SessionStore as DbStore } from '../../django/contrib/sessions/backends/db';
import { SessionStore as FileStore } from '../../django/contrib/sessions/backends/file';
import { SessionStore as SignedCookieStore } from '../../django/contrib/sessions/backends/signed_cookies';
import { objects } from '../../django/contrib/sessions/models';
import { loads, SignatureExpired } from '../../django/core/signing';
import { SECRET_KEY } from '../../django/conf';
import type { LogRecord, Runtime } from '../../django/runtime';

export type SessionEvent =
  | { kind: 'key-rejected'; value: string }
  | { kind: 'loaded'; outcome: LoadOutcome }
  | { kind: 'created'; key: string }
  | { kind: 'saved'; key: string }
  | { kind: 'deleted'; key: string };

export type LoadOutcome =
  | 'found' // a stored, unexpired session
  | 'cache-hit' // found in the cache (cache, cached_db)
  | 'not-found' // no such key: the key is dropped, never adopted
  | 'expired' // stored but past its expiry
  | 'corrupt' // stored data whose signature does not verify
  | 'bad-signature' // signed_cookies: tampered or foreign cookie
  | 'signature-expired'; // signed_cookies: older than SESSION_COOKIE_AGE

/** A store that keeps its events. */
export interface ObservedStore extends SessionBase {
  readonly events: SessionEvent[];
}

export function eventsOf(session: SessionBase): SessionEvent[] {
  return (session as Partial<ObservedStore>).events ?? [];
}

type StoreConstructor = new (runtime: Runtime, session_key?: string | null) => SessionBase;

/** `decode()` logs a bad signature on this logger; that is how a corrupt record shows. */
const CORRUPT_LOGGER = 'django.security.SuspiciousSession';
const SIGNED_COOKIE_SALT = 'django.contrib.sessions.backends.signed_cookies';

const observedClasses = new WeakMap<SessionStoreClass, SessionStoreClass>();

/** The engine's SessionStore, watched (one subclass per engine class). */
export function observeStore(Store: SessionStoreClass): SessionStoreClass {
  const known = observedClasses.get(Store);
  if (known) return known;

  class Observed extends (Store as StoreConstructor) implements ObservedStore {
    readonly events: SessionEvent[] = [];
    private corrupt = false;
    private createdInLoad = false;
    private loading = false;

    constructor(runtime: Runtime, session_key: string | null = null) {
      super(runtime, session_key);
      if (session_key && this._session_key === null)
        this.events.push({ kind: 'key-rejected', value: session_key });
    }

    override load(): PyDict {
      const key = this.session_key as string;
      const event = { kind: 'loaded' as const, outcome: 'found' as LoadOutcome };
      this.events.push(event);
      const inCache = cacheHolds(this, key);
      this.corrupt = this.createdInLoad = false;
      this.loading = true;
      try {
        return super.load();
      } finally {
        this.loading = false;
        event.outcome = outcomeOf(this, key, inCache, this.createdInLoad);
        if (this.corrupt) this.events.push({ kind: 'loaded', outcome: 'corrupt' });
      }
    }

    /** A corrupt record is only visible as decode()'s warning: listen while it decodes. */
    override decode(session_data: string): PyDict {
      const runtime = this.runtime;
      const log = runtime.log;
      runtime.log = (record: LogRecord) => {
        if (record.logger === CORRUPT_LOGGER) this.corrupt = true;
        log.call(runtime, record);
      };
      try {
        return super.decode(session_data);
      } finally {
        runtime.log = log;
      }
    }

    override create(): void {
      if (this.loading) this.createdInLoad = true;
      super.create();
      if (!(this.store instanceof SignedCookieStore) && this.session_key !== null)
        this.events.push({ kind: 'created', key: this.session_key });
    }

    override save(must_create = false): void {
      // A save without a key creates the session (create() saves, and says so itself).
      const creates = this.session_key === null && !(this.store instanceof SignedCookieStore);
      super.save(must_create);
      if (!creates && this.session_key !== null)
        this.events.push({ kind: 'saved', key: this.session_key });
    }

    override delete(session_key: string | null = null): void {
      const key = session_key ?? this.session_key;
      const had = key !== null && holds(this, key);
      super.delete(session_key);
      if (key !== null && had && !holds(this, key)) this.events.push({ kind: 'deleted', key });
    }

    /** `this`, typed as the Django store it is (for instanceof tests). */
    private get store(): SessionBase {
      return this;
    }
  }
  const cls = Observed as unknown as SessionStoreClass;
  observedClasses.set(Store, cls);
  return cls;
}

function cacheHolds(store: SessionBase, key: string): boolean {
  if (!(store instanceof CachedDbStore)) return false;
  // `_cache` is the backend's own attribute; reading it leaves the entry as get() would.
  const cache = (store as unknown as { _cache: { has_key(k: string): boolean } })._cache;
  return cache.has_key(store.cache_key_prefix + key);
}

function outcomeOf(
  store: SessionBase,
  key: string,
  inCache: boolean,
  createdInLoad: boolean,
): LoadOutcome {
  if (store instanceof SignedCookieStore) {
    if (!createdInLoad) return 'found';
    return signatureExpired(store, key) ? 'signature-expired' : 'bad-signature';
  }
  if (store instanceof CacheStore) return store.session_key === null ? 'not-found' : 'cache-hit';
  if (inCache) return 'cache-hit';
  if (store instanceof FileStore) {
    if (store.session_key === null) return 'not-found';
    return store.session_key === key ? 'found' : 'expired';
  }
  if (store instanceof DbStore && store.session_key === null)
    return objects(store.runtime).get(key) ? 'expired' : 'not-found';
  return 'found';
}

/** Whether a signed cookie failed only because of its age (its signature is good). */
function signatureExpired(store: SessionBase, value: string): boolean {
  const settings = store.runtime.settings;
  try {
    loads(value, {
      key: SECRET_KEY(settings),
      fallbackKeys: settings.SECRET_KEY_FALLBACKS,
      salt: SIGNED_COOKIE_SALT,
      serializer: store.serializer,
      maxAge: Number(store.get_session_cookie_age()),
      time: () => store.runtime.clock.now() / 1000,
    });
  } catch (e) {
    return e instanceof SignatureExpired;
  }
  return false;
}

/** Whether the backend holds a record for the key (a key the file backend refuses: no). */
function holds(store: SessionBase, key: string): boolean {
  try {
    return store.exists(key);
  } catch {
    return false;
  }
}
