/**
 * `request.session` as Python code in a view sees it: the port's SessionStore behind Python's
 * attribute access, method binding (`SessionBase.get() missing 1 required positional argument:
 * 'key'`), operators and `dir()`, for the Django version the server runs. Every method runs on
 * the real store, so the middleware then saves and sets the cookie as after any view.
 */
import type { DjangoVersion } from '../../django/conf/global_settings';
import { SessionBase, type ExpiryArgs } from '../../django/contrib/sessions/backends/base';
import { import_engine } from '../../django/contrib/sessions/backends';
import {
  PYTZ_UTC,
  PyAttributeError,
  PyDateTime,
  PyDict,
  PyTypeError,
  UTC,
  type PyValue,
} from '../../python';
import {
  ADDRESS,
  BuiltinFunction,
  ConsoleUnsupported,
  PyClass,
  PyObj,
  type Kwargs,
  type Value,
} from '../../python/parser';
import { tick } from '../../python/parser/protocol';
import { bindArguments, type Param } from './arguments';
import { DIRS } from './dirs';

export const ENGINE_PREFIX = 'django.contrib.sessions.backends.';

/** The marker for `pop(key)` without a default, as Django's `__not_given`. */
const NOT_GIVEN = Symbol('not given');

interface MethodSpec {
  params: Param[];
  /** `**kwargs`, as `get_expiry_age(**kwargs)` takes them. */
  varKeywords?: boolean;
  /** Engines whose SessionStore overrides it (then its qualname is `SessionStore.x`). */
  ownIn?: (engine: string) => boolean;
  run(s: SessionBase, v: (name: string) => Value, kw: Map<string, Value>): Value;
}

const everywhere = () => true;
const none = (): null => null;

/** `get_expiry_age(modification=..., expiry=...)`: only the presence of a keyword counts. */
function expiryArgs(kw: Map<string, Value>): ExpiryArgs {
  const out: ExpiryArgs = {};
  if (kw.has('modification')) {
    const m = kw.get('modification');
    if (!(m instanceof PyDateTime))
      throw new ConsoleUnsupported('attribute', { object: 'SessionStore', name: 'modification' });
    out.modification = m;
  }
  if (kw.has('expiry')) out.expiry = kw.get('expiry') as PyValue;
  for (const name of kw.keys())
    if (name !== 'modification' && name !== 'expiry') {
      // Django ignores other keywords: `kwargs['modification']` and `kwargs['expiry']` only.
    }
  return out;
}

const METHODS: Record<string, MethodSpec> = {
  get: {
    params: [{ name: 'key' }, { name: 'default', default: null }],
    run: (s, v) => s.get(v('key'), v('default')),
  },
  pop: {
    params: [{ name: 'key' }, { name: 'default', default: NOT_GIVEN as unknown as PyValue }],
    run: (s, v) => {
      const d = v('default');
      return (d as unknown) === NOT_GIVEN ? s.pop(v('key')) : s.pop(v('key'), d);
    },
  },
  setdefault: {
    params: [{ name: 'key' }, { name: 'value' }],
    run: (s, v) => s.setdefault(v('key'), v('value')),
  },
  update: { params: [{ name: 'dict_' }], run: (s, v) => (s.update(v('dict_')), null) },
  has_key: { params: [{ name: 'key' }], run: (s, v) => s.has_key(v('key')) },
  keys: { params: [], run: (s) => s.keys() },
  values: { params: [], run: (s) => s.values() },
  items: { params: [], run: (s) => s.items() },
  clear: { params: [], run: (s) => (s.clear(), null) },
  is_empty: { params: [], run: (s) => s.is_empty() },
  set_test_cookie: { params: [], run: (s) => (s.set_test_cookie(), null) },
  test_cookie_worked: { params: [], run: (s) => s.test_cookie_worked() },
  delete_test_cookie: { params: [], run: (s) => (s.delete_test_cookie(), null) },
  encode: {
    params: [{ name: 'session_dict' }],
    run: (s, v) => {
      const d = v('session_dict');
      if (!(d instanceof PyDict))
        throw new ConsoleUnsupported('attribute', { object: 'SessionStore', name: 'encode' });
      return s.encode(d);
    },
  },
  decode: {
    params: [{ name: 'session_data' }],
    run: (s, v) => {
      const data = v('session_data');
      if (typeof data !== 'string')
        throw new ConsoleUnsupported('attribute', { object: 'SessionStore', name: 'decode' });
      return s.decode(data);
    },
  },
  get_session_cookie_age: { params: [], run: (s) => s.get_session_cookie_age() },
  get_expiry_age: {
    params: [],
    varKeywords: true,
    run: (s, _v, kw) => s.get_expiry_age(expiryArgs(kw)),
  },
  get_expiry_date: {
    params: [],
    varKeywords: true,
    run: (s, _v, kw) => s.get_expiry_date(expiryArgs(kw)),
  },
  set_expiry: { params: [{ name: 'value' }], run: (s, v) => (s.set_expiry(v('value')), null) },
  get_expire_at_browser_close: { params: [], run: (s) => s.get_expire_at_browser_close() },
  flush: {
    params: [],
    ownIn: (e) => e === 'cached_db',
    run: (s) => (s.flush(), null),
  },
  cycle_key: {
    params: [],
    ownIn: (e) => e === 'signed_cookies',
    run: (s) => (s.cycle_key(), null),
  },
  exists: {
    params: [{ name: 'session_key' }],
    ownIn: everywhere,
    run: (s, v) => {
      const key = v('session_key');
      if (key !== null && typeof key !== 'string')
        throw new ConsoleUnsupported('attribute', { object: 'SessionStore', name: 'exists' });
      return s.exists(key);
    },
  },
  create: { params: [], ownIn: everywhere, run: (s) => (s.create(), null) },
  save: {
    params: [{ name: 'must_create', default: false }],
    ownIn: everywhere,
    run: (s, v) => (s.save(Boolean(v('must_create'))), null),
  },
  delete: {
    params: [{ name: 'session_key', default: null }],
    ownIn: everywhere,
    run: (s, v) => {
      const key = v('session_key');
      if (key !== null && typeof key !== 'string')
        throw new ConsoleUnsupported('attribute', { object: 'SessionStore', name: 'delete' });
      return (s.delete(key), null);
    },
  },
  load: { params: [], ownIn: everywhere, run: (s) => s.load() },
  clear_expired: {
    params: [],
    ownIn: everywhere,
    run: (s) => {
      import_engine(s.runtime.settings.SESSION_ENGINE).SessionStore.clear_expired(s.runtime);
      return none();
    },
  },
};

/** `request.session` */
export class SessionObj extends PyObj {
  readonly pyType = 'SessionStore';
  /** Attributes a line set on the instance (Python allows any). */
  private readonly extra = new Map<string, Value>();
  /** The session operations this request made, in the call endpoint's words (for lessons). */
  readonly calls: string[] = [];

  constructor(
    readonly store: SessionBase,
    readonly version: DjangoVersion,
  ) {
    super();
  }

  /** 'db', 'cache', ... */
  get engine(): string {
    return this.store.runtime.settings.SESSION_ENGINE.replace(ENGINE_PREFIX, '');
  }
  get module(): string {
    return this.store.runtime.settings.SESSION_ENGINE;
  }
  override get tpName(): string {
    return 'SessionStore';
  }
  override repr(): string {
    return `<${this.module}.SessionStore object at ${ADDRESS}>`;
  }
  typeObject(): PyClass {
    return new PyClass('SessionStore', `${this.module}.SessionStore`);
  }

  override attributeNames(): readonly string[] {
    const dirs = DIRS[this.version];
    const names = [...dirs.session, ...(dirs.engines[this.engine] ?? []), ...this.extra.keys()];
    if (this.store._session_cache !== undefined) names.push('_session_cache');
    return [...new Set(names)].sort();
  }

  /** A datetime as this Django version's code made it: 3.2's UTC is pytz's. */
  private dated(v: Value): Value {
    if (this.version === '3.2' && v instanceof PyDateTime && v.tzinfo === UTC)
      return PyDateTime.fromEpochMicroseconds(v.epochMicroseconds, PYTZ_UTC);
    return v;
  }

  private qualname(name: string): string {
    const own = METHODS[name]?.ownIn?.(this.engine) ?? false;
    return `${own ? 'SessionStore' : 'SessionBase'}.${name}`;
  }

  private method(name: string, spec: MethodSpec): BuiltinFunction {
    const qualname = this.qualname(name);
    const bound =
      name === 'clear_expired'
        ? `<bound method ${qualname} of <class '${this.module}.SessionStore'>>`
        : `<bound method ${qualname} of ${this.repr()}>`;
    const params =
      name === 'exists' && this.engine === 'signed_cookies'
        ? [{ name: 'session_key', default: null }]
        : spec.params;
    const fn = new BuiltinFunction(
      name,
      (args, kwargs) => {
        const kw: Record<string, PyValue> = {};
        for (const [k, v] of kwargs)
          Object.defineProperty(kw, k, { value: v, enumerable: true, writable: true });
        const b = bindArguments({ qualname, params, varKeywords: spec.varKeywords }, args, kw);
        this.calls.push(name === 'has_key' ? 'contains' : name);
        const value = (n: string) => b.values.get(n) as Value;
        return this.dated(spec.run(this.store, value, b.kwargs as Map<string, Value>));
      },
      bound,
      'method',
    );
    (fn as BuiltinFunction & { qualname?: string }).qualname = qualname;
    return fn;
  }

  override getattr(name: string): Value {
    if (this.extra.has(name)) return this.extra.get(name) as Value;
    const spec = Object.hasOwn(METHODS, name) ? METHODS[name] : undefined;
    if (spec) return this.method(name, spec);
    const s = this.store;
    switch (name) {
      case 'session_key':
        this.calls.push('session_key');
        return s.session_key;
      case '_session_key':
        return s._session_key;
      case 'accessed':
        return s.accessed;
      case 'modified':
        return s.modified;
      case 'TEST_COOKIE_NAME':
        return SessionBase.TEST_COOKIE_NAME;
      case 'TEST_COOKIE_VALUE':
        return SessionBase.TEST_COOKIE_VALUE;
      case 'key_salt':
        return s.key_salt;
      case 'serializer':
        return new PyClass('JSONSerializer', 'django.core.signing.JSONSerializer');
      case '_session':
        return s._session;
      case '_session_cache':
        if (s._session_cache === undefined) break;
        return s._session_cache;
    }
    if (name === 'model' && (this.engine === 'db' || this.engine === 'cached_db'))
      return new PyClass('Session', 'django.contrib.sessions.models.Session');
    const own = s as unknown as Record<string, unknown>;
    if (
      ['cache_key', 'cache_key_prefix', 'storage_path', 'file_prefix'].includes(name) &&
      typeof own[name] === 'string'
    )
      return own[name] as string;
    throw this.noAttribute(name);
  }

  override setattr(name: string, value: Value): void {
    if (name === 'session_key')
      throw new PyAttributeError("property 'session_key' of 'SessionStore' object has no setter");
    if (name === 'accessed' || name === 'modified') {
      this.store[name] = value === true || (value !== false && value !== null && value !== 0n);
      this.extra.delete(name);
      if (typeof value !== 'boolean') this.extra.set(name, value);
      return;
    }
    if (this.attributeNames().includes(name) && !this.extra.has(name))
      throw new ConsoleUnsupported('attribute', { object: 'request.session', name });
    this.extra.set(name, value);
  }

  override delattr(name: string): void {
    if (name === 'session_key')
      throw new PyAttributeError("property 'session_key' of 'SessionStore' object has no deleter");
    if (this.extra.delete(name)) return;
    if (this.attributeNames().includes(name))
      throw new ConsoleUnsupported('attribute', { object: 'request.session', name });
    throw this.noAttribute(name);
  }

  override getitem(key: Value): Value {
    this.calls.push('getitem');
    return this.store.getitem(key);
  }
  override setitem(key: Value, value: Value): void {
    this.calls.push('setitem');
    this.store.setitem(key, value);
  }
  override delitem(key: Value): void {
    this.calls.push('delitem');
    this.store.delitem(key);
  }
  override contains(item: Value): boolean {
    this.calls.push('contains');
    return this.store.contains(item);
  }
  /** No `__iter__`: Python falls back to `self[0]`, `self[1]`... (a KeyError at once). */
  override *iter(): Iterable<Value> {
    for (let i = 0n; ; i++) {
      tick();
      yield this.getitem(i);
    }
  }
  override call(_args: Value[], _kwargs: Kwargs): Value {
    throw new PyTypeError("'SessionStore' object is not callable");
  }
}
