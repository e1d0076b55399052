import { describe, expect, it } from 'vitest';
import { PyException, PyDict, loads } from '../../src/python';
import {
  CONSOLE_HELP,
  ConsoleUnsupported,
  negatedRepr,
  parseConsoleInput,
  toWireBody,
  type ConsoleCommand,
  type ConsoleOptions,
} from '../../src/world/console';

/** What the console shows for a line: a wire body, a local output, or the error line. */
function outcome(text: string, options?: ConsoleOptions): string {
  try {
    const cmd = parseConsoleInput(text, options);
    if (cmd.kind === 'local') return cmd.output;
    return `${cmd.negate ? 'NOT ' : ''}${toWireBody(cmd)}`;
  } catch (e) {
    if (e instanceof PyException) return e.toPython();
    throw e;
  }
}

const call = (method: string, args: string, kwargs = '{}') =>
  `{"method": "${method}", "args": ${args}, "kwargs": ${kwargs}, "detail": true}`;

describe('console: lines that become one endpoint call', () => {
  it.each([
    ["request.session['k']", call('getitem', '["k"]')],
    ["request.session['k'] = 'v'", call('setitem', '["k", "v"]')],
    ['del request.session["k"]', call('delitem', '["k"]')],
    ["'k' in request.session", call('contains', '["k"]')],
    ["'k' not in request.session", 'NOT ' + call('contains', '["k"]')],
    ["not 'k' in request.session", 'NOT ' + call('contains', '["k"]')],
    ["request.session.has_key('k')", call('contains', '["k"]')],
    ["request.session.has_key(key='k')", call('contains', '["k"]')],
    ["request.session.get('k')", call('get', '["k"]')],
    ["request.session.get('k', 0)", call('get', '["k", 0]')],
    ['request.session.get()', call('get', '[]')],
    [
      "request.session.get(key='k', default=None)",
      call('get', '[]', '{"key": "k", "default": null}'),
    ],
    ["request.session.get(*['a'], **{'default': 1})", call('get', '["a"]', '{"default": 1}')],
    ["request.session.pop('k')", call('pop', '["k"]')],
    ["request.session.pop('k', None)", call('pop', '["k", null]')],
    ["request.session.setdefault('k', [])", call('setdefault', '["k", []]')],
    ["request.session.update({'a': 1})", call('update', '[{"a": 1}]')],
    ['request.session.update(dict(a=1, b=2.5))', call('update', '[{"a": 1, "b": 2.5}]')],
    ['request.session.keys()', call('keys', '[]')],
    ['request.session.values()', call('values', '[]')],
    ['request.session.items(1)', call('items', '[1]')],
    ['request.session.clear()', call('clear', '[]')],
    ['request.session.is_empty()', call('is_empty', '[]')],
    ['not request.session.is_empty()', 'NOT ' + call('is_empty', '[]')],
    ['request.session.flush()', call('flush', '[]')],
    ['request.session.cycle_key()', call('cycle_key', '[]')],
    ['request.session.set_expiry(300)', call('set_expiry', '[300]')],
    ['request.session.set_expiry(60 * 60 * 24)', call('set_expiry', '[86400]')],
    ['request.session.set_expiry(0)', call('set_expiry', '[0]')],
    ['request.session.set_expiry(None)', call('set_expiry', '[null]')],
    ['request.session.set_expiry(timedelta(days=1))', call('set_expiry', '[{"timedelta": 86400}]')],
    ['request.session.set_expiry(timedelta(1, 2))', call('set_expiry', '[{"timedelta": 86402}]')],
    [
      'request.session.set_expiry(datetime.timedelta(minutes=5, milliseconds=500))',
      call('set_expiry', '[{"timedelta": 300.5}]'),
    ],
    [
      'request.session.set_expiry(timezone.now() + timedelta(hours=1))',
      call('set_expiry', '[{"datetimeIn": 3600}]'),
    ],
    [
      'request.session.set_expiry(timezone.now() - timedelta(seconds=10))',
      call('set_expiry', '[{"datetimeIn": -10}]'),
    ],
    [
      'request.session.set_expiry(timedelta(weeks=1) + timezone.now())',
      call('set_expiry', '[{"datetimeIn": 604800}]'),
    ],
    [
      'request.session.set_expiry(datetime(2026, 1, 1, tzinfo=timezone.utc))',
      call('set_expiry', '[{"datetime": "2026-01-01T00:00:00+00:00"}]'),
    ],
    [
      'request.session.set_expiry(datetime.datetime(2026, 1, 1, 12, 30))',
      call('set_expiry', '[{"datetime": "2026-01-01T12:30:00"}]'),
    ],
    [
      'request.session.set_expiry(datetime(2026, 1, 1, tzinfo=datetime.timezone.utc) + timedelta(days=1))',
      call('set_expiry', '[{"datetime": "2026-01-02T00:00:00+00:00"}]'),
    ],
    ['request.session.get_expiry_age()', call('get_expiry_age', '[]')],
    [
      'request.session.get_expiry_age(modification=timezone.now())',
      call('get_expiry_age', '[]', '{"modification": {"datetimeIn": 0}}'),
    ],
    [
      'request.session.get_expiry_date(expiry=timezone.now() + timedelta(seconds=90))',
      call('get_expiry_date', '[]', '{"expiry": {"datetimeIn": 90}}'),
    ],
    ['request.session.get_expire_at_browser_close()', call('get_expire_at_browser_close', '[]')],
    ['request.session.clear_expired()', call('clear_expired', '[]')],
    ['request.session.set_test_cookie()', call('set_test_cookie', '[]')],
    ['request.session.test_cookie_worked()', call('test_cookie_worked', '[]')],
    ['request.session.delete_test_cookie()', call('delete_test_cookie', '[]')],
    ['request.session.exists(request.session.session_key)', call('exists', '[]')],
    ['request.session.exists(session_key=request.session.session_key)', call('exists', '[]')],
    ['request.session.session_key', call('session_key', '[]')],
    ["  request.session['k'] ;  ", call('getitem', '["k"]')],
    ["request.session['k']  # read it back", call('getitem', '["k"]')],
    ['request .session. get("k")', call('get', '["k"]')],
    ['request.session[1] = 2.5', call('setitem', '[1, 2.5]')],
    ['request.session[None]', call('getitem', '[null]')],
    ['request.session[[1]]', call('getitem', '[[1]]')],
  ])('%s', (text, expected) => {
    expect(outcome(text)).toBe(expected);
  });
});

describe('console: values travel as Python JSON (toWireBody is byte-exact)', () => {
  it.each([
    [
      "request.session['n'] = 1.0",
      '{"method": "setitem", "args": ["n", 1.0], "kwargs": {}, "detail": true}',
    ],
    [
      "request.session['n'] = 1",
      '{"method": "setitem", "args": ["n", 1], "kwargs": {}, "detail": true}',
    ],
    [
      "request.session['n'] = -1_000",
      '{"method": "setitem", "args": ["n", -1000], "kwargs": {}, "detail": true}',
    ],
    [
      "request.session['n'] = 1e3",
      '{"method": "setitem", "args": ["n", 1000.0], "kwargs": {}, "detail": true}',
    ],
    [
      "request.session['n'] = 0x1F",
      '{"method": "setitem", "args": ["n", 31], "kwargs": {}, "detail": true}',
    ],
    [
      "request.session['n'] = 2 ** 70",
      '{"method": "setitem", "args": ["n", 1180591620717411303424], "kwargs": {}, "detail": true}',
    ],
    [
      "request.session['t'] = (1,)",
      '{"method": "setitem", "args": ["t", [1]], "kwargs": {}, "detail": true}',
    ],
    [
      "request.session['d'] = {1: 'a', None: True, 2.5: [1, (2, 3)]}",
      '{"method": "setitem", "args": ["d", {"1": "a", "null": true, "2.5": [1, [2, 3]]}], "kwargs": {}, "detail": true}',
    ],
    [
      "request.session['s'] = 'caf\\u00e9\\n' r'\\d'",
      '{"method": "setitem", "args": ["s", "caf\\u00e9\\n\\\\d"], "kwargs": {}, "detail": true}',
    ],
    [
      "request.session['f'] = float('inf')",
      '{"method": "setitem", "args": ["f", Infinity], "kwargs": {}, "detail": true}',
    ],
  ])('%s', (text, body) => {
    expect(outcome(text)).toBe(body);
  });

  it('sends the command fields as they are', () => {
    const cmd = parseConsoleInput("'x' not in request.session") as ConsoleCommand;
    expect(cmd).toEqual({
      kind: 'call',
      method: 'contains',
      args: ['x'],
      kwargs: {},
      negate: true,
    });
    if (cmd.kind !== 'call') return;
    const body = loads(toWireBody(cmd));
    expect(body instanceof PyDict && body.get('detail')).toBe(true);
    expect(negatedRepr(true)).toBe('False');
    expect(negatedRepr(0n)).toBe('True');
  });
});

/** Expected lines printed by /usr/bin/python3 (CPython 3.11.2, Django 3.2.25) running the line
 * in a view whose module did `from datetime import datetime, timedelta` and
 * `from django.utils import timezone`, with SessionMiddleware only. */
const PYTHON_ERRORS: [string, string][] = [
  ["reqest.session['k']", "NameError: name 'reqest' is not defined. Did you mean: 'request'?"],
  ["Request.session['k']", "NameError: name 'Request' is not defined. Did you mean: 'request'?"],
  [
    "request.sesion['k']",
    "AttributeError: 'WSGIRequest' object has no attribute 'sesion'. Did you mean: 'session'?",
  ],
  [
    "request.sessions['k']",
    "AttributeError: 'WSGIRequest' object has no attribute 'sessions'. Did you mean: 'session'?",
  ],
  [
    'request.Session',
    "AttributeError: 'WSGIRequest' object has no attribute 'Session'. Did you mean: 'session'?",
  ],
  ['request.foo', "AttributeError: 'WSGIRequest' object has no attribute 'foo'"],
  [
    'request.COOKIE',
    "AttributeError: 'WSGIRequest' object has no attribute 'COOKIE'. Did you mean: 'COOKIES'?",
  ],
  ['request.cookies', "AttributeError: 'WSGIRequest' object has no attribute 'cookies'"],
  ['del request.foo', "AttributeError: 'WSGIRequest' object has no attribute 'foo'"],
  [
    "request.session.gett('k')",
    "AttributeError: 'SessionStore' object has no attribute 'gett'. Did you mean: 'get'?",
  ],
  ['request.session.foo', "AttributeError: 'SessionStore' object has no attribute 'foo'"],
  [
    'request.session.key',
    "AttributeError: 'SessionStore' object has no attribute 'key'. Did you mean: 'keys'?",
  ],
  [
    'request.session.iems()',
    "AttributeError: 'SessionStore' object has no attribute 'iems'. Did you mean: 'items'?",
  ],
  [
    'request.session.value()',
    "AttributeError: 'SessionStore' object has no attribute 'value'. Did you mean: 'values'?",
  ],
  [
    'request.session.set_expire(1)',
    "AttributeError: 'SessionStore' object has no attribute 'set_expire'. Did you mean: 'set_expiry'?",
  ],
  [
    'request.session.sesion_key',
    "AttributeError: 'SessionStore' object has no attribute 'sesion_key'. Did you mean: 'session_key'?",
  ],
  [
    'request.session.delete_testcookie()',
    "AttributeError: 'SessionStore' object has no attribute 'delete_testcookie'. Did you mean: 'delete_test_cookie'?",
  ],
  [
    'request.session.expiry_age()',
    "AttributeError: 'SessionStore' object has no attribute 'expiry_age'. Did you mean: 'get_expiry_age'?",
  ],
  [
    "request.session.session_key = 'x'",
    "AttributeError: property 'session_key' of 'SessionStore' object has no setter",
  ],
  [
    'del request.session.session_key',
    "AttributeError: property 'session_key' of 'SessionStore' object has no deleter",
  ],
  ['del request.session.foo', "AttributeError: 'SessionStore' object has no attribute 'foo'"],
  ['len(request.session)', "TypeError: object of type 'SessionStore' has no len()"],
  ['len(request)', "TypeError: object of type 'WSGIRequest' has no len()"],
  ["request.session('k')", "TypeError: 'SessionStore' object is not callable"],
  ["request.session.get['k']", "TypeError: 'method' object is not subscriptable"],
  ['request.session.get.foo', "AttributeError: 'function' object has no attribute 'foo'"],
  ['request.session.get.foo = 1', "AttributeError: 'method' object has no attribute 'foo'"],
  ['request.session[1:2]', "TypeError: unhashable type: 'slice'"],
  ['request.session[1:2] = 3', "TypeError: unhashable type: 'slice'"],
  ['del request.session[1:2]', "TypeError: unhashable type: 'slice'"],
  ['request.session[{1}]', "TypeError: unhashable type: 'set'"],
  [
    'request.session.has_key()',
    "TypeError: SessionBase.has_key() missing 1 required positional argument: 'key'",
  ],
  [
    'request.session.has_key(1, 2)',
    'TypeError: SessionBase.has_key() takes 2 positional arguments but 3 were given',
  ],
  [
    'request.session.has_key(k=1)',
    "TypeError: SessionBase.has_key() got an unexpected keyword argument 'k'",
  ],
  [
    'request.session.exists()',
    "TypeError: SessionStore.exists() missing 1 required positional argument: 'session_key'",
  ],
  [
    'request.session.exists(1, 2)',
    'TypeError: SessionStore.exists() takes 2 positional arguments but 3 were given',
  ],
  [
    'request.session.clear_expired(1)',
    'TypeError: SessionStore.clear_expired() takes 1 positional argument but 2 were given',
  ],
  [
    'request.session.clear_expired(x=1)',
    "TypeError: SessionStore.clear_expired() got an unexpected keyword argument 'x'",
  ],
  ['request.session.get(foo)', "NameError: name 'foo' is not defined"],
  ["request.session[name] = 'x'", "NameError: name 'name' is not defined"],
  ["request.session['k'] = true", "NameError: name 'true' is not defined. Did you mean: 'True'?"],
  ["request.session['k'] = null", "NameError: name 'null' is not defined"],
  ['foo', "NameError: name 'foo' is not defined"],
  ['timdelta(days=1)', "NameError: name 'timdelta' is not defined. Did you mean: 'timedelta'?"],
  [
    'timezone.noww()',
    "AttributeError: module 'django.utils.timezone' has no attribute 'noww'. Did you mean: 'now'?",
  ],
  [
    'timezone.UTC',
    "AttributeError: module 'django.utils.timezone' has no attribute 'UTC'. Did you mean: 'utc'?",
  ],
  [
    'timedelta.day',
    "AttributeError: type object 'datetime.timedelta' has no attribute 'day'. Did you mean: 'days'?",
  ],
  [
    'datetime.datetim(2026, 1, 1)',
    "AttributeError: type object 'datetime.datetime' has no attribute 'datetim'",
  ],
  [
    'timedelta(days=1).day',
    "AttributeError: 'datetime.timedelta' object has no attribute 'day'. Did you mean: 'days'?",
  ],
  [
    'request.session.set_expiry(timedelta(month=1))',
    "TypeError: 'month' is an invalid keyword argument for __new__()",
  ],
  [
    'request.session.set_expiry(timedelta(1, 2, 3, 4, 5, 6, 7, 8))',
    'TypeError: __new__() takes at most 7 arguments (8 given)',
  ],
  [
    "request.session.set_expiry(timedelta('1'))",
    'TypeError: unsupported type for timedelta days component: str',
  ],
  [
    'request.session.set_expiry(timedelta(1, days=1))',
    "TypeError: argument for __new__() given by name ('days') and position (1)",
  ],
  [
    'request.session.set_expiry(timedelta(days=1000000000))',
    'OverflowError: days=1000000000; must have magnitude <= 999999999',
  ],
  [
    "request.session.set_expiry(timedelta(days=float('inf')))",
    'OverflowError: cannot convert float infinity to integer',
  ],
  ['request.session.set_expiry(datetime(2026, 13, 1))', 'ValueError: month must be in 1..12'],
  [
    'request.session.set_expiry(datetime(2026, 2, 30))',
    'ValueError: day is out of range for month',
  ],
  [
    'request.session.set_expiry(datetime(2026, 1))',
    "TypeError: function missing required argument 'day' (pos 3)",
  ],
  [
    'request.session.set_expiry(datetime())',
    "TypeError: function missing required argument 'year' (pos 1)",
  ],
  [
    "request.session.set_expiry(datetime('2026', 1, 1))",
    "TypeError: 'str' object cannot be interpreted as an integer",
  ],
  [
    'request.session.set_expiry(datetime(2026.0, 1, 1))',
    "TypeError: 'float' object cannot be interpreted as an integer",
  ],
  [
    'request.session.set_expiry(datetime(2026, 1, 1, tzinfo=1))',
    "TypeError: tzinfo argument must be None or of a tzinfo subclass, not type 'int'",
  ],
  [
    'request.session.set_expiry(datetime(2026, 1, 1, month=2))',
    "TypeError: argument for function given by name ('month') and position (2)",
  ],
  [
    'request.session.set_expiry(datetime(2026, 1, 1, zone=1))',
    "TypeError: 'zone' is an invalid keyword argument for this function",
  ],
  [
    'request.session.set_expiry(datetime(1, 2, 3, 4, 5, 6, 7, 8, 9))',
    'TypeError: function takes at most 8 positional arguments (9 given)',
  ],
  [
    'request.session.set_expiry(timezone.now() + 1)',
    "TypeError: unsupported operand type(s) for +: 'datetime.datetime' and 'int'",
  ],
  [
    'request.session.set_expiry(timezone.now(1))',
    'TypeError: now() takes 0 positional arguments but 1 was given',
  ],
  [
    'request.session.set_expiry(timedelta(days=1) + 1)',
    "TypeError: unsupported operand type(s) for +: 'datetime.timedelta' and 'int'",
  ],
  ['request.session.set_expiry(1/0)', 'ZeroDivisionError: division by zero'],
  ["request.session['k'] = 'a' + 1", 'TypeError: can only concatenate str (not "int") to str'],
  [
    "request.session['k'] = 1 + 'a'",
    "TypeError: unsupported operand type(s) for +: 'int' and 'str'",
  ],
  ["request.session['k'] = -'a'", "TypeError: bad operand type for unary -: 'str'"],
  ["request.session['k'] = [1][5]", 'IndexError: list index out of range'],
  ["request.session['k'] = {'a': 1}['b']", "KeyError: 'b'"],
  ["request.session['k'] = {[1]: 2}", "TypeError: unhashable type: 'list'"],
  ["request.session['k'] = int('x')", "ValueError: invalid literal for int() with base 10: 'x'"],
];

describe('console: errors raised before any request, exactly as Python prints them', () => {
  it.each(PYTHON_ERRORS)('%s', (text, expected) => {
    expect(outcome(text)).toBe(expected);
  });
});

/** What the Python REPL echoes for the same lines (measured as above). */
const LOCAL_OUTPUT: [string, string][] = [
  ['42', '42'],
  ['-1.50', '-1.5'],
  ['1_000', '1000'],
  ['0x1F', '31'],
  ['1e3', '1000.0'],
  ['.5', '0.5'],
  ["'abc'", "'abc'"],
  ['"it\'s"', '"it\'s"'],
  ["'a' 'b'", "'ab'"],
  ["r'a\\b'", "'a\\\\b'"],
  ["'\\u00e9\\t'", "'é\\t'"],
  ["[1, 2.0, 'x', None, True]", "[1, 2.0, 'x', None, True]"],
  ['(1,)', '(1,)'],
  ['()', '()'],
  ["{'a': (1,), 2: [3]}", "{'a': (1,), 2: [3]}"],
  ['None', ''],
  ['True', 'True'],
  ['60 * 60 * 24', '86400'],
  ['7 // 2', '3'],
  ['2 ** 10', '1024'],
  ['10 / 4', '2.5'],
  ['timedelta(days=1, hours=2)', 'datetime.timedelta(days=1, seconds=7200)'],
  ['timedelta(seconds=1.5)', 'datetime.timedelta(seconds=1, microseconds=500000)'],
  ['timedelta(weeks=1, days=-1)', 'datetime.timedelta(days=6)'],
  ['timedelta(microseconds=-1)', 'datetime.timedelta(days=-1, seconds=86399, microseconds=999999)'],
  ['datetime(2026, 1, 1)', 'datetime.datetime(2026, 1, 1, 0, 0)'],
  [
    'datetime(2026, 1, 1, 12, 30, tzinfo=timezone.utc)',
    'datetime.datetime(2026, 1, 1, 12, 30, tzinfo=<UTC>)',
  ],
  ['datetime(2026, 1, 2) - datetime(2026, 1, 1)', 'datetime.timedelta(days=1)'],
  ['timezone.utc', '<UTC>'],
  ['request', "<WSGIRequest: POST '/__session__/call'>"],
  [
    'request.session.clear_expired',
    "<bound method SessionStore.clear_expired of <class 'django.contrib.sessions.backends.db.SessionStore'>>",
  ],
  [
    'timezone',
    "<module 'django.utils.timezone' from '/usr/lib/python3/dist-packages/django/utils/timezone.py'>",
  ],
  ['timedelta', "<class 'datetime.timedelta'>"],
  ['len', '<built-in function len>'],
  ["len('abc')", '3'],
  ['dict(a=1)', "{'a': 1}"],
  ['not request.session', 'False'],
  ['request.session == {}', 'False'],
];

describe('console: lines answered without a request', () => {
  it.each(LOCAL_OUTPUT)('%s', (text, expected) => {
    expect(outcome(text)).toBe(expected);
  });

  it.each([
    [
      'request.session',
      '<django.contrib.sessions.backends.db.SessionStore object at 0x7f5e2c3b1d50>',
    ],
    [
      'request.session.get',
      '<bound method SessionBase.get of <django.contrib.sessions.backends.db.SessionStore object at 0x7f5e2c3b1d50>>',
    ],
    [
      'request.session.exists',
      '<bound method SessionStore.exists of <django.contrib.sessions.backends.db.SessionStore object at 0x7f5e2c3b1d50>>',
    ],
    // `datetime` answers both `datetime(...)` and `datetime.datetime(...)`.
    ['datetime.timedelta(minutes=5)', 'datetime.timedelta(seconds=300)'],
    ['datetime.timezone.utc', 'datetime.timezone.utc'],
    ['', ''],
    ['   ', ''],
    ['# only a comment', ''],
    ['pass', ''],
    ['help', CONSOLE_HELP],
    ['help()', CONSOLE_HELP],
  ])('%s', (text, expected) => {
    expect(outcome(text)).toBe(expected);
  });

  it('names the engine that the settings chose', () => {
    const engine = 'django.contrib.sessions.backends.signed_cookies';
    expect(outcome('request.session', { engine })).toBe(
      `<${engine}.SessionStore object at 0x7f5e2c3b1d50>`,
    );
    expect(outcome('request.session.cycle_key', { engine })).toMatch(
      /^<bound method SessionStore\.cycle_key of /,
    );
    expect(outcome('request', { requestRepr: "<WSGIRequest: GET '/'>" })).toBe(
      "<WSGIRequest: GET '/'>",
    );
  });
});

describe('console: engine-specific signatures (measured)', () => {
  it('exists() needs a key except with signed cookies', () => {
    expect(outcome('request.session.exists()')).toBe(
      "TypeError: SessionStore.exists() missing 1 required positional argument: 'session_key'",
    );
    expect(
      outcome('request.session.exists()', {
        engine: 'django.contrib.sessions.backends.signed_cookies',
      }),
    ).toBe(call('exists', '[]'));
  });

  it('has engine-specific attributes for hints', () => {
    const engine = 'django.contrib.sessions.backends.cache';
    expect(outcome('request.session.cache_kye', { engine })).toBe(
      "AttributeError: 'SessionStore' object has no attribute 'cache_kye'. Did you mean: 'cache_key'?",
    );
  });
});

describe('console: what Django would raise when it saves the session', () => {
  it.each([
    [
      "request.session['tags'] = {'a', 'b'}",
      'TypeError: Object of type set is not JSON serializable',
    ],
    ["request.session['t'] = set()", 'TypeError: Object of type set is not JSON serializable'],
    [
      "request.session['when'] = [timezone.now()]",
      'TypeError: Object of type datetime is not JSON serializable',
    ],
    [
      "request.session.update({'d': timedelta(days=1)})",
      'TypeError: Object of type timedelta is not JSON serializable',
    ],
    [
      "request.session['r'] = request",
      'TypeError: Object of type WSGIRequest is not JSON serializable',
    ],
    [
      "request.session['k'] = {(1, 2): 'a'}",
      'TypeError: keys must be str, int, float, bool or None, not tuple',
    ],
    [
      'request.session.update({timedelta(1): 1})',
      'TypeError: keys must be str, int, float, bool or None, not datetime.timedelta',
    ],
    [
      "request.session['tz'] = datetime.timezone.utc",
      'TypeError: Object of type timezone is not JSON serializable',
    ],
    [
      "request.session[(1, 2)] = 'a'",
      'TypeError: keys must be str, int, float, bool or None, not tuple',
    ],
  ])('%s', (text, expected) => {
    expect(outcome(text)).toBe(expected);
  });
});

describe('console: valid Python this console cannot run', () => {
  it.each([
    "request.session['visits'] = request.session.get('visits', 0) + 1",
    "request.session['n'] += 1",
    'len(request.session.keys())',
    "request.session['a'], request.session['b']",
    "request.session['a'], missing_name",
    "print(request.session['k'])",
    "x = request.session['k']",
    "request.session['a'] = 1; request.session['b'] = 2",
    "if 'k' in request.session: del request.session['k']",
    'from datetime import timedelta',
    "request.session.exists('abc')",
    "request.session.get('k', b'bytes')",
    "request.session['k'] = f'{1}'",
    "request.session['k'] = 'x'.upper()",
    "request.session['k', 'j']",
    'request.session.modified = True',
    'request.method',
    'timezone.now()',
    'datetime.now()',
    '[x for x in request.session]',
    "request.session.get('k', {1, 2})",
  ])('%s', (text) => {
    let error: unknown;
    try {
      parseConsoleInput(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConsoleUnsupported);
    expect((error as ConsoleUnsupported).toPython()).toMatch(/^ConsoleError: /);
  });
});
