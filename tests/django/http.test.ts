/**
 * Cookies and Vary (spec sections 3.1, 3.3 and 4): what `HttpResponse.set_cookie` /
 * `delete_cookie` write, how `parse_cookie` reads a Cookie header, and `patch_vary_headers`.
 * Every expected value was printed by Django 3.2.25 (Python 3.11) with time.time() == 1700000000.
 */
import { describe, expect, it } from 'vitest';
import { parse_cookie, quote } from '../../src/django/http/cookie';
import { PyDateTime, PyValueError } from '../../src/python';
import { patch_vary_headers } from '../../src/django/utils/cache';
import { http_date } from '../../src/django/utils/http';
import { ManualClock } from '../../src/django/runtime';
import { response, T0 } from './helpers';

const fresh = () => response(new ManualClock(T0 * 1000), '');
const out = (r: ReturnType<typeof fresh>, name = 'c') => r.cookies.get(name)?.OutputString();

describe('HttpResponse.set_cookie / delete_cookie', () => {
  it.each([
    ['defaults', (r: ReturnType<typeof fresh>) => r.set_cookie('c', 'v'), 'c=v; Path=/'],
    [
      'max_age sets expires from time.time()',
      (r: ReturnType<typeof fresh>) => r.set_cookie('c', 'v', { max_age: 10 }),
      'c=v; expires=Tue, 14 Nov 2023 22:13:30 GMT; Max-Age=10; Path=/',
    ],
    [
      'a float max_age is written as int; a value with a space and ";" is quoted, ";" as \\073',
      (r: ReturnType<typeof fresh>) => r.set_cookie('c', 'v w;', { max_age: 10.7 }),
      'c="v w\\073"; expires=Tue, 14 Nov 2023 22:13:30 GMT; Max-Age=10; Path=/',
    ],
    [
      'an expires string is used verbatim; an empty value is ""',
      (r: ReturnType<typeof fresh>) =>
        r.set_cookie('c', '', { expires: 'Wed, 21 Oct 2015 07:28:00 GMT' }),
      'c=""; expires=Wed, 21 Oct 2015 07:28:00 GMT; Path=/',
    ],
    [
      'an expires datetime 10 s ahead becomes Max-Age=11 (one second added)',
      (r: ReturnType<typeof fresh>) =>
        r.set_cookie('c', 'v', {
          expires: PyDateTime.of({
            year: 2023,
            month: 11,
            day: 14,
            hour: 22,
            minute: 13,
            second: 30,
          }),
        }),
      'c=v; expires=Tue, 14 Nov 2023 22:13:31 GMT; Max-Age=11; Path=/',
    ],
    [
      'an expires datetime 10.5 s ahead: Max-Age floors to 11',
      (r: ReturnType<typeof fresh>) =>
        r.set_cookie('c', 'v', {
          expires: PyDateTime.of({
            year: 2023,
            month: 11,
            day: 14,
            hour: 22,
            minute: 13,
            second: 30,
            microsecond: 500000,
          }),
        }),
      'c=v; expires=Tue, 14 Nov 2023 22:13:31 GMT; Max-Age=11; Path=/',
    ],
    [
      'an expires datetime in the past gives Max-Age=0',
      (r: ReturnType<typeof fresh>) =>
        r.set_cookie('c', 'v', {
          expires: PyDateTime.of({ year: 2023, month: 11, day: 14, hour: 22, minute: 13 }),
        }),
      'c=v; expires=Tue, 14 Nov 2023 22:13:20 GMT; Max-Age=0; Path=/',
    ],
    [
      'samesite keeps its casing; Secure comes last, HttpOnly before Path',
      (r: ReturnType<typeof fresh>) =>
        r.set_cookie('c', 'v', { samesite: 'strict', secure: true, httponly: true }),
      'c=v; HttpOnly; Path=/; SameSite=strict; Secure',
    ],
    [
      'quoting: \\" and \\\\ escaped, latin-1 as octal',
      (r: ReturnType<typeof fresh>) => r.set_cookie('c', 'a"b\\cé'),
      'c="a\\"b\\\\c\\351"; Path=/',
    ],
    [
      'delete_cookie',
      (r: ReturnType<typeof fresh>) => r.delete_cookie('c'),
      'c=""; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/',
    ],
  ])('%s', (_name, act, expected) => {
    const r = fresh();
    act(r);
    expect(out(r)).toBe(expected);
  });

  it('delete_cookie adds Secure for __Secure-/__Host- names and SameSite=None', () => {
    let r = fresh();
    r.delete_cookie('__Secure-c');
    expect(out(r, '__Secure-c')).toBe(
      '__Secure-c=""; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; Secure',
    );
    r = fresh();
    r.delete_cookie('__Host-c', { path: '/x/', domain: 'd.com', samesite: 'Lax' });
    expect(out(r, '__Host-c')).toBe(
      '__Host-c=""; Domain=d.com; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/x/; SameSite=Lax; Secure',
    );
    r = fresh();
    r.delete_cookie('sessionid', { path: '/app/', domain: '.example.com', samesite: 'None' });
    expect(out(r, 'sessionid')).toBe(
      'sessionid=""; Domain=.example.com; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/app/; SameSite=None; Secure',
    );
  });

  it('a samesite other than lax/none/strict raises ValueError', () => {
    expect(() => fresh().set_cookie('c', 'v', { samesite: 'bogus' })).toThrow(
      new PyValueError('samesite must be "lax", "none", or "strict".'),
    );
  });

  it('quote() leaves legal values (session keys, signed values) alone', () => {
    expect(quote('mqhc5jdktj7scdwbnnpngatg1s63t06q')).toBe('mqhc5jdktj7scdwbnnpngatg1s63t06q');
    expect(quote('.eJyr:1r31eq:zMBN-_')).toBe('.eJyr:1r31eq:zMBN-_');
    expect(quote('')).toBe('""');
  });
});

describe('http_date', () => {
  it.each([
    [1700000000, 'Tue, 14 Nov 2023 22:13:20 GMT'],
    [5, 'Thu, 01 Jan 1970 00:00:05 GMT'],
    [1700000000.9, 'Tue, 14 Nov 2023 22:13:20 GMT'],
  ])('http_date(%d) == %s', (t, expected) => {
    expect(http_date(t)).toBe(expected);
  });
});

describe('parse_cookie', () => {
  it.each<[string, Record<string, string>]>([
    ['a=1; b=2', { a: '1', b: '2' }],
    ['a=1;a=2', { a: '2' }],
    ['sessionid=abc; sessionid=def', { sessionid: 'def' }],
    ['nameonly', { '': 'nameonly' }],
    ['a;b', { '': 'b' }],
    ['=x', { '': 'x' }],
    ['a="x y"', { a: 'x y' }],
    [' a = 1 ;  b=2', { a: '1', b: '2' }],
    ['a="\\"q\\""', { a: '"q"' }],
    ['a="\\073"', { a: ';' }],
    ['a="\\q"', { a: 'q' }],
    ['a="x"y"', { a: 'x"y' }],
    ['a=""', { a: '' }],
    ['a="', { a: '"' }],
    ['a="unterminated', { a: '"unterminated' }],
    ['a=" spaced "', { a: ' spaced ' }],
    ['a=1;;b=2', { a: '1', b: '2' }],
    [' ; ;', {}],
    ['', {}],
    ['k=v=w', { k: 'v=w' }],
    ['a=1,b=2', { a: '1,b=2' }],
    ['c=é', { c: 'é' }],
    ['"a"=b', { '"a"': 'b' }],
    [';;; =; sessionid; ===', { '': '==' }],
  ])('parse_cookie(%j)', (header, expected) => {
    expect(parse_cookie(header)).toEqual(expected);
  });

  it("strips with Python's str.strip(), not JavaScript's trim()", () => {
    // \x1c-\x1f are white space to Python; U+FEFF is not (JavaScript trims it).
    expect(parse_cookie('a=\x1fx\x1f')).toEqual({ a: 'x' });
    expect(parse_cookie('\x1cb=1')).toEqual({ b: '1' });
    expect(parse_cookie('a=\u00a0x')).toEqual({ a: 'x' });
    expect(parse_cookie('a=\ufeffx')).toEqual({ a: '\ufeffx' });
  });

  it("unquotes with Python's regex: a backslash escapes \\r but not \\n", () => {
    expect(parse_cookie('a="x\\\ry"')).toEqual({ a: 'x\ry' });
    expect(parse_cookie('a="x\\\ny"')).toEqual({ a: 'x\\\ny' });
  });

  it('a cookie called __proto__ is a cookie like any other', () => {
    const cookies = parse_cookie('__proto__=x; sessionid=abc');
    expect(Object.keys(cookies)).toEqual(['__proto__', 'sessionid']);
    expect(cookies['__proto__']).toBe('x');
    expect(parse_cookie('a=1')['constructor']).toBeUndefined();
  });
});

describe('patch_vary_headers', () => {
  it.each<[string | null, string[], string]>([
    [null, ['Cookie'], 'Cookie'],
    ['Accept-Encoding', ['Cookie'], 'Accept-Encoding, Cookie'],
    ['cookie', ['Cookie'], 'cookie'],
    ['Accept, Cookie', ['Cookie', 'Accept-Language'], 'Accept, Cookie, Accept-Language'],
    ['*', ['Cookie'], '*'],
    [null, ['*'], '*'],
    ['Accept', ['*', 'Cookie'], '*'],
    ['Accept-Encoding,  User-Agent', ['Cookie'], 'Accept-Encoding, User-Agent, Cookie'],
    ['', ['Cookie'], ', Cookie'],
  ])('Vary %j + %j -> %j', (existing, added, expected) => {
    const r = fresh();
    if (existing !== null) r.headers.set('Vary', existing);
    patch_vary_headers(r, added);
    expect(r.headers.get('Vary')).toBe(expected);
  });
});
