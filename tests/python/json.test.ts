import { describe, expect, it } from 'vitest';
import { dumps, loads, PyDict, PyTuple, repr, type PyValue } from '../../src/python';

// Every expected string below was printed by CPython 3.11 (`json`, `repr`).
const compact = (v: PyValue) => dumps(v, { separators: [',', ':'] });

describe('json.dumps as Django calls it', () => {
  it('escapes non-ASCII as lowercase \\uXXXX, keeps 1.0, and turns keys into strings', () => {
    const d = new PyDict([
      ['name', 'José'],
      ['n', 1.0],
      ['ok', true],
      ['x', null],
      [1n, 2n],
      [2.5, 3n],
      [true, 4n],
      [null, 5n],
      ['e', '\u{1F600}\x7f\x1f'],
      ['f', [1e16, 1e-5, 0.1, -0.0, Infinity, NaN, 123456789.123, 1e22, 5e-324]],
    ]);
    expect(compact(d)).toBe(
      '{"name":"Jos\\u00e9","n":1.0,"ok":true,"x":null,"1":4,"2.5":3,"null":5,' +
        '"e":"\\ud83d\\ude00\\u007f\\u001f","f":[1e+16,1e-05,0.1,-0.0,Infinity,NaN,123456789.123,1e+22,5e-324]}',
    );
  });

  it("writes tuples as lists and refuses what JSON cannot hold, with Python's messages", () => {
    expect(compact(new PyTuple([1n, 'a']))).toBe('[1,"a"]');
    expect(() => compact(new PyDict([[new PyTuple([1n]), 1n]]))).toThrow(
      'keys must be str, int, float, bool or None, not tuple',
    );
    const cyclic: PyValue[] = [];
    cyclic.push(cyclic);
    expect(() => compact(cyclic)).toThrow('Circular reference detected');
  });

  it("uses Python's default separators when none are given", () => {
    expect(dumps(PyDict.of({ a: [1n, 2n] }))).toBe('{"a": [1, 2]}');
  });
});

describe('json.loads', () => {
  it("keeps ints and floats apart and reads Python's NaN and Infinity", () => {
    const v = loads(
      '{"i": 10, "f": 10.0, "e": 1e3, "big": 123456789012345678901234567890, "n": NaN, "inf": -Infinity}',
    );
    expect(repr(v)).toBe(
      "{'i': 10, 'f': 10.0, 'e': 1000.0, 'big': 123456789012345678901234567890, 'n': nan, 'inf': -inf}",
    );
  });

  it('joins escaped surrogate pairs and lets a repeated key keep its first place', () => {
    expect(loads('"\\ud83d\\ude00\\u09b0"')).toBe('\u{1F600}\u09b0');
    expect(repr(loads('{"a": 1, "b": 2, "a": 3}'))).toBe("{'a': 3, 'b': 2}");
  });

  const errors: [string, string][] = [
    ['', 'Expecting value: line 1 column 1 (char 0)'],
    [' ', 'Expecting value: line 1 column 2 (char 1)'],
    ['{', 'Expecting property name enclosed in double quotes: line 1 column 2 (char 1)'],
    ['[1,]', 'Expecting value: line 1 column 4 (char 3)'],
    ['{"a":1,}', 'Expecting property name enclosed in double quotes: line 1 column 8 (char 7)'],
    ['{"a" 1}', "Expecting ':' delimiter: line 1 column 6 (char 5)"],
    ['{a:1}', 'Expecting property name enclosed in double quotes: line 1 column 2 (char 1)'],
    ['[1 2]', "Expecting ',' delimiter: line 1 column 4 (char 3)"],
    ['"abc', 'Unterminated string starting at: line 1 column 1 (char 0)'],
    ['"a\\qb"', 'Invalid \\escape: line 1 column 3 (char 2)'],
    ['"\\u12"', 'Invalid \\uXXXX escape: line 1 column 3 (char 2)'],
    ['1 2', 'Extra data: line 1 column 3 (char 2)'],
    ['tru', 'Expecting value: line 1 column 1 (char 0)'],
    ['"\x01"', 'Invalid control character at: line 1 column 2 (char 1)'],
    ['{"a":}', 'Expecting value: line 1 column 6 (char 5)'],
    ['-', 'Expecting value: line 1 column 1 (char 0)'],
    ['01', 'Extra data: line 1 column 2 (char 1)'],
    ['1.', 'Extra data: line 1 column 2 (char 1)'],
    ['.5', 'Expecting value: line 1 column 1 (char 0)'],
    ['[', 'Expecting value: line 1 column 2 (char 1)'],
    ['{"a":1', "Expecting ',' delimiter: line 1 column 7 (char 6)"],
    ['\n\n  x', 'Expecting value: line 3 column 3 (char 4)'],
  ];
  it.each(errors)('rejects %j as Python does', (doc, message) => {
    expect(() => loads(doc)).toThrow(message);
  });

  it('round-trips what dumps writes', () => {
    const text = '{"a":[1,2.5,"x",null,true],"b":{"c":"\\u09b0"}}';
    expect(compact(loads(text))).toBe(text);
  });
});

describe('repr', () => {
  it('prints floats the way CPython does', () => {
    const floats = [
      1e16,
      1e-5,
      0.1,
      -0.0,
      Infinity,
      123456789.123,
      1e22,
      5e-324,
      1.5e300,
      0.0001,
      100.0,
      12345678901234568,
    ];
    expect(repr(floats)).toBe(
      '[1e+16, 1e-05, 0.1, -0.0, inf, 123456789.123, 1e+22, 5e-324, 1.5e+300, 0.0001, 100.0, 1.2345678901234568e+16]',
    );
  });

  it('quotes and escapes strings the way CPython does', () => {
    expect(repr("it's")).toBe('"it\'s"');
    expect(repr('say "hi"')).toBe('\'say "hi"\'');
    expect(repr('both \' and "')).toBe("'both \\' and \"'");
    expect(repr('tab\t\x00\x7f\u200b\u09b0\u{1F600}\\')).toBe("'tab\\t\\x00\\x7f\\u200bর😀\\\\'");
  });

  it('prints containers, tuples and dict keys that Python merges', () => {
    const d = new PyDict([
      [1n, 'a'],
      [1.0, 'b'],
      [true, 'c'],
      ['k', new PyTuple(['x'])],
    ]);
    expect(repr(d)).toBe("{1: 'c', 'k': ('x',)}");
    expect(repr(new PyTuple([]))).toBe('()');
  });
});
