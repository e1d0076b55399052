/**
 * Issue 14, item 10: console lines a careless or hostile student types, answered as Python and
 * Django answer them (measured with Django 5.2.18 on CPython 3.11.2, see
 * tests/conformance/console/), never with a JavaScript error, and with no effect Django would not
 * have.
 */
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/django/runtime';
import { DjangoServer, type Exchange } from '../../src/server/server';
// The console's Python, loaded at once (as the Node entry points do).
import '../../src/server/console/installed';

const START = 1767225600000;

function site() {
  const server = new DjangoServer({ clock: new ManualClock(START) });
  let cookie = '';
  const send = (path: string, body: string): Exchange => {
    const x = server.handle({
      method: 'POST',
      path,
      headers: { 'Content-Type': 'application/json', ...(cookie ? { Cookie: cookie } : {}) },
      body,
    });
    for (const c of x.setCookies) cookie = c.split(';')[0] as string;
    return x;
  };
  const line = (text: string) => send('/__session__/console', JSON.stringify({ line: text }));
  /** What the console prints, or for a 5xx the exception the server logged. */
  const run = (text: string) => {
    const x = line(text);
    if (x.status >= 500) return `${x.status} ${x.logs.at(-1)?.message.split('\n').pop()}`;
    return (JSON.parse(x.body) as { output: string }).output;
  };
  return { server, line, run, send, cookie: () => cookie };
}

describe('lines Python or Django refuse are refused the same way', () => {
  it('an int over 4,300 digits: printing it is a ValueError, storing it fails the save (500)', () => {
    const { run, server } = site();
    const limit =
      'ValueError: Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit';
    expect(run('10 ** 4300')).toBe(limit);
    expect(run('len(str(10 ** 4299))')).toBe('4300');
    expect(run("request.session['big'] = 10 ** 4300")).toBe(`500 ${limit}`);
    expect(server.storedSessions()).toEqual([]);
  });

  it.each([
    ['10 ** 20', 'OverflowError: timestamp out of range for platform time_t'],
    ['1e308', 'OverflowError: timestamp out of range for platform time_t'],
    ["float('nan')", 'ValueError: Invalid value NaN (not a number)'],
    ["float('inf')", 'OverflowError: timestamp out of range for platform time_t'],
    ['2 ** 53 + 1', 'ValueError: year 285428807 is out of range'],
    ['-10 ** 20', 'OverflowError: timestamp out of range for platform time_t'],
    ['10 ** 400', 'OverflowError: int too large to convert to float'],
  ])('set_expiry(%s): the cookie date cannot be written, a 500 (%s)', (value, error) => {
    const { run, line, server } = site();
    run("request.session['a'] = 1");
    const x = line(`request.session.set_expiry(${value})`);
    expect(x.status).toBe(500);
    expect(x.logs.at(-1)?.message.split('\n').pop()).toBe(error);
    expect(x.setCookies).toEqual([]);
    // Nothing was saved: the stored session still has no expiry of its own.
    expect(server.storedSessions()[0]?.data.has('_session_expiry')).toBe(false);
  });

  it('timezone.now() + timedelta(days=999999999): OverflowError printed, nothing else', () => {
    const { line, server } = site();
    const x = line('timezone.now() + timedelta(days=999999999)');
    expect(x.status).toBe(200);
    expect(JSON.parse(x.body)).toEqual({ output: 'OverflowError: date value out of range' });
    expect(x.setCookies).toEqual([]);
    expect(server.storedSessions()).toEqual([]);
  });

  it('timezone.utc was removed in Django 5.0: an AttributeError on 5.2, <UTC> on 3.2', () => {
    const { run, server } = site();
    expect(run('timezone.utc')).toBe(
      "AttributeError: module 'django.utils.timezone' has no attribute 'utc'",
    );
    server.configure({ DJANGO_VERSION: '3.2' });
    expect(run('timezone.utc')).toBe('<UTC>');
    server.configure({ DJANGO_VERSION: '4.2' });
    expect(run('timezone.utc')).toBe('datetime.timezone.utc');
  });

  it('... and NotImplemented as keys: JSON cannot write them, a 500 naming their types', () => {
    const { run } = site();
    expect(run("request.session[...] = 'x'")).toBe(
      '500 TypeError: keys must be str, int, float, bool or None, not ellipsis',
    );
    expect(run('request.session[NotImplemented] = 1')).toBe(
      '500 TypeError: keys must be str, int, float, bool or None, not NotImplementedType',
    );
    expect(run('request.session[...]')).toBe('KeyError: Ellipsis');
  });

  it('a line with leading spaces is an IndentationError, and runs nothing', () => {
    const { run, server } = site();
    expect(run("  request.session['a'] = 1")).toBe('IndentationError: unexpected indent');
    expect(run('\trequest.session.flush()')).toBe('IndentationError: unexpected indent');
    expect(server.storedSessions()).toEqual([]);
  });

  it("'a' * 5000000 is stored as Django stores it (the request body is one short line)", () => {
    const { run, server } = site();
    expect(run("request.session['text'] = 'a' * 5000000")).toBe('');
    const [row] = server.storedSessions();
    expect((row?.data.get('text') as string).length).toBe(5_000_000);
    expect(run("len(request.session['text'])")).toBe('5000000');
  });

  it('set_expiry with a date too far for a datetime is an OverflowError, as in Django', () => {
    const { run, send } = site();
    run("request.session['a'] = 1");
    expect(run('request.session.set_expiry(timedelta(days=10 ** 7))')).toBe(
      'OverflowError: date value out of range',
    );
    // Through the call endpoint, the date is built before the view's try: Django's 500.
    const x = send(
      '/__session__/call',
      '{"method": "set_expiry", "args": [{"datetimeIn": 1000000000000}]}',
    );
    expect(x.status).toBe(500);
    expect(x.logs.at(-1)?.message.split('\n').pop()).toBe('OverflowError: date value out of range');
  });

  it('no time value a line can make reaches JavaScript dates unchecked', () => {
    const { line } = site();
    const lines = [
      'datetime(9999, 12, 31, 23, 59, 59, 999999) + timedelta(microseconds=1)',
      'datetime(1, 1, 1) - timedelta(microseconds=1)',
      'datetime.fromtimestamp(1e20)',
      "datetime.fromtimestamp(float('-inf'))",
      'datetime.utcfromtimestamp(-62135596801)',
      'timedelta(days=10 ** 20)',
      "timedelta(seconds=float('nan'))",
      'timezone.now() - datetime.min.replace(tzinfo=timezone.timezone.utc)',
      "request.session['a'] = 1; request.session.set_expiry(datetime(9999, 12, 31, tzinfo=timezone.timezone.utc))",
      'request.session.set_expiry(timezone.now() + timedelta(days=2900000))',
      'request.session.get_expiry_date()',
      'request.session.set_expiry(-1e300)',
      'request.session.set_expiry(10 ** 18)',
      'request.session.get_expiry_age()',
    ];
    for (const text of lines) {
      const x = line(text);
      expect([200, 500]).toContain(x.status);
      expect(x.logs.map((l) => l.message).join('\n')).not.toMatch(/RangeError|Invalid time/);
    }
  });
});
