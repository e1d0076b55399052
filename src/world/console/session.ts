/**
 * `request` and `request.session` as a view sees them, for the console's evaluator. Using the
 * session does not compute anything here: it yields a `PendingCall`, the one request the line
 * will make, and any attempt to use that call's result (which only the server knows) is refused.
 */
import { PyAttributeError, PyTypeError, type PyValue } from '../../python';
import { ConsoleUnsupported } from '../../python/parser/errors';
import { ADDRESS, PyObj, type Kwargs, type Value } from '../../python/parser/objects';
import { bindArguments, type Param } from '../../server/console/arguments';
import type { ConsoleMethod } from '../../server/console/call';
import { REQUEST_DIR, SESSION_DIRS } from './names';

export const DEFAULT_ENGINE = 'django.contrib.sessions.backends.db';

/** How a call is written, for messages: `request.session['k']`, `request.session.get(...)`. */
function describe(method: ConsoleMethod): string {
  if (method === 'getitem' || method === 'setitem' || method === 'delitem')
    return 'request.session[...]';
  if (method === 'contains') return "'...' in request.session";
  if (method === 'session_key') return 'request.session.session_key';
  return `request.session.${method}()`;
}

/** The request a line makes. Its result is on the server: nothing here can use it. */
export class PendingCall extends PyObj {
  /** How many have been made, so that a caller can tell whether a line made one. */
  static made = 0;
  readonly tpName = 'SessionStore';
  constructor(
    readonly method: ConsoleMethod,
    readonly args: Value[] = [],
    readonly kwargs: Kwargs = [],
    readonly negate = false,
  ) {
    super();
    PendingCall.made++;
  }

  /** The explanation for a line that would go on after its request. */
  static followUp(method: ConsoleMethod): ConsoleUnsupported {
    return new ConsoleUnsupported(
      `this line needs the result of ${describe(method)} first, and each request is one ` +
        'line here: run that part on its own line, then use what it printed',
    );
  }
  private refuse(): never {
    throw PendingCall.followUp(this.method);
  }
  override use(): never {
    return this.refuse();
  }
  override repr(): never {
    return this.refuse();
  }
  override getattr(): never {
    return this.refuse();
  }
  override setattr(): never {
    return this.refuse();
  }
  override delattr(): never {
    return this.refuse();
  }
  override call(): never {
    return this.refuse();
  }
  override getitem(): never {
    return this.refuse();
  }
  override setitem(): never {
    return this.refuse();
  }
  override delitem(): never {
    return this.refuse();
  }
  override contains(): never {
    return this.refuse();
  }
  override len(): never {
    return this.refuse();
  }
  override truthy(): never {
    return this.refuse();
  }
  override not(): Value {
    return new PendingCall(this.method, this.args, this.kwargs, !this.negate);
  }
}

/** Methods that some engines override in their own SessionStore class. */
const OVERRIDDEN: Record<string, readonly string[]> = {
  'django.contrib.sessions.backends.cached_db': ['flush'],
  'django.contrib.sessions.backends.signed_cookies': ['cycle_key'],
};

/** The SessionBase methods the console passes to the server as they are written. */
const PASS_THROUGH = new Set<ConsoleMethod>([
  'get',
  'pop',
  'setdefault',
  'update',
  'keys',
  'values',
  'items',
  'clear',
  'is_empty',
  'flush',
  'cycle_key',
  'set_expiry',
  'get_expiry_age',
  'get_expiry_date',
  'get_expire_at_browser_close',
  'set_test_cookie',
  'test_cookie_worked',
  'delete_test_cookie',
]);

export class SessionObj extends PyObj {
  readonly tpName = 'SessionStore';
  constructor(readonly engine: string) {
    super();
  }
  override attributeNames(): readonly string[] {
    return SESSION_DIRS[this.engine] ?? (SESSION_DIRS[DEFAULT_ENGINE] as readonly string[]);
  }
  override repr(): string {
    return `<${this.engine}.SessionStore object at ${ADDRESS}>`;
  }
  /** `SessionBase.get` or, for a method the engine overrides, `SessionStore.exists`. */
  qualname(method: string): string {
    const own = ['exists', 'clear_expired', ...(OVERRIDDEN[this.engine] ?? [])];
    return `${own.includes(method) ? 'SessionStore' : 'SessionBase'}.${method}`;
  }
  override getitem(key: Value): Value {
    return new PendingCall('getitem', [key]);
  }
  override setitem(key: Value, value: Value): Value {
    return new PendingCall('setitem', [key, value]);
  }
  override delitem(key: Value): Value {
    return new PendingCall('delitem', [key]);
  }
  override contains(key: Value): Value {
    return new PendingCall('contains', [key]);
  }
  override getattr(name: string): Value {
    if (name === 'session_key') return new PendingCall('session_key');
    if (
      PASS_THROUGH.has(name as ConsoleMethod) ||
      ['has_key', 'exists', 'clear_expired'].includes(name)
    )
      return new SessionMethod(this, name);
    if (this.attributeNames().includes(name))
      throw new ConsoleUnsupported(
        `request.session.${name} exists, but this console only offers the session's public ` +
          'methods (type help to see them)',
      );
    throw this.noAttribute(name);
  }
  override setattr(name: string): Value | undefined {
    if (name === 'session_key')
      throw new PyAttributeError("property 'session_key' of 'SessionStore' object has no setter");
    throw new ConsoleUnsupported('setting attributes of request.session is not supported here');
  }
  override delattr(name: string): Value | undefined {
    if (name === 'session_key')
      throw new PyAttributeError("property 'session_key' of 'SessionStore' object has no deleter");
    if (['accessed', 'modified', 'serializer'].includes(name) || name.startsWith('_'))
      throw new ConsoleUnsupported('deleting attributes of request.session is not supported here');
    throw new PyAttributeError(`'SessionStore' object has no attribute '${name}'`);
  }
}

/** Python's argument binding for the few methods checked here rather than on the server. */
function bind(qualname: string, params: Param[], args: Value[], kwargs: Kwargs) {
  // The binder only moves values around; objects pass through it untouched.
  const asData = (v: Value) => v as unknown as PyValue;
  const kw: Record<string, PyValue> = {};
  for (const [k, v] of kwargs)
    Object.defineProperty(kw, k, { value: asData(v), enumerable: true, writable: true });
  const bound = bindArguments({ qualname, params }, args.map(asData), kw);
  return (name: string) => bound.values.get(name) as unknown as Value | undefined;
}

/** A bound method of the session: `request.session.get`. */
export class SessionMethod extends PyObj {
  readonly tpName = 'method';
  constructor(
    private readonly session: SessionObj,
    readonly name: string,
  ) {
    super();
  }
  override repr(): string {
    const qualname = this.session.qualname(this.name);
    if (this.name === 'clear_expired')
      return `<bound method ${qualname} of <class '${this.session.engine}.SessionStore'>>`;
    return `<bound method ${qualname} of ${this.session.repr()}>`;
  }
  override getattr(name: string): Value {
    throw new PyAttributeError(`'function' object has no attribute '${name}'`);
  }
  override setattr(name: string): Value | undefined {
    throw new PyAttributeError(`'method' object has no attribute '${name}'`);
  }
  override call(args: Value[], kwargs: Kwargs): Value {
    const qualname = this.session.qualname(this.name);
    switch (this.name) {
      case 'has_key': {
        const arg = bind(qualname, [{ name: 'key' }], args, kwargs);
        return new PendingCall('contains', [arg('key') as Value]);
      }
      case 'clear_expired':
        bind(qualname, [], args, kwargs);
        return new PendingCall('clear_expired');
      case 'exists': {
        const optional = this.session.engine.endsWith('.signed_cookies');
        const param: Param = optional
          ? { name: 'session_key', default: null }
          : { name: 'session_key' };
        const key = bind(qualname, [param], args, kwargs)('session_key');
        const current = key instanceof PendingCall && key.method === 'session_key' && !key.negate;
        if (current || (optional && key === null)) return new PendingCall('exists');
        throw new ConsoleUnsupported(
          'this console can ask exists() only about the current key: ' +
            'request.session.exists(request.session.session_key)',
        );
      }
      default:
        if (PASS_THROUGH.has(this.name as ConsoleMethod))
          return new PendingCall(this.name as ConsoleMethod, args, kwargs);
        throw new PyTypeError(`'method' object is not callable`);
    }
  }
}

/** `request`: a WSGIRequest whose only attribute the console offers is `session`. */
export class RequestObj extends PyObj {
  readonly tpName = 'WSGIRequest';
  constructor(
    private readonly session: SessionObj,
    private readonly text: string,
  ) {
    super();
  }
  override attributeNames(): readonly string[] {
    return REQUEST_DIR;
  }
  override repr(): string {
    return this.text;
  }
  override getattr(name: string): Value {
    if (name === 'session') return this.session;
    if (REQUEST_DIR.includes(name))
      throw new ConsoleUnsupported(
        `request.${name} exists, but this console only offers request.session`,
      );
    throw this.noAttribute(name);
  }
  override setattr(): Value | undefined {
    throw new ConsoleUnsupported('setting attributes of request is not supported here');
  }
  override delattr(name: string): Value | undefined {
    if (name === 'session' || REQUEST_DIR.includes(name))
      throw new ConsoleUnsupported('deleting attributes of request is not supported here');
    throw new PyAttributeError(`'WSGIRequest' object has no attribute '${name}'`);
  }
  override contains(): Value {
    throw new ConsoleUnsupported(
      "`in request` looks through the request body's lines, which this console does not offer",
    );
  }
}
