/**
 * Attributes and methods of the built-in types a console line meets (str, list, tuple, dict,
 * set, bytes, int, float), with CPython 3.11's argument checks and messages. Lists, dicts and
 * sets change in place, as in Python: changing a list held in a session does not mark the
 * session modified.
 */
import { PyDateTime, PyTimeDelta } from '../datetime';
import { PyIndexError, PyKeyError, PyTypeError, PyValueError, PyException } from '../errors';
import { repr, str } from '../repr';
import { PY_LEADING, PY_SPACE, pyStrip } from '../text';

const PY_SPACE_RUN_ONE = new RegExp(`${PY_SPACE.source}+`);
import {
  PyBytes,
  PyDict,
  PySet,
  PyTuple,
  PyView,
  asInt,
  dictUpdate,
  hashKey,
  pyEquals,
  typeName,
} from '../values';
import { datetimeAttribute, timedeltaAttribute } from './datetimes';
import { percentFormat, strFormat } from './format';
import { TYPE_DIRS } from './names';
import { ADDRESS, BuiltinFunction, type Kwargs, type Value } from './objects';
import { lessThan } from './operators';
import { asIndex, getattr, getitem, iterate, tick, toList } from './protocol';

type Impl = (args: Value[], kwargs: Kwargs) => Value;

// --- argument checks, in CPython's several styles -----------------------------------------------

const plural = (n: number, word = 'argument') => `${n} ${word}${n === 1 ? '' : 's'}`;

/** METH_NOARGS */
export function noArgs(qualname: string, args: Value[], kwargs: Kwargs): void {
  if (kwargs.length) throw new PyTypeError(`${qualname}() takes no keyword arguments`);
  if (args.length) throw new PyTypeError(`${qualname}() takes no arguments (${args.length} given)`);
}

/** METH_O */
export function oneArg(qualname: string, args: Value[], kwargs: Kwargs): Value {
  if (kwargs.length) throw new PyTypeError(`${qualname}() takes no keyword arguments`);
  if (args.length !== 1)
    throw new PyTypeError(`${qualname}() takes exactly one argument (${args.length} given)`);
  return args[0] as Value;
}

/** `_PyArg_CheckPositional`: "get expected at least 1 argument, got 0". */
export function between(name: string, min: number, max: number, args: Value[], kwargs: Kwargs) {
  if (kwargs.length) throw new PyTypeError(`${name}() takes no keyword arguments`);
  const n = args.length;
  if (min === max && n !== min) throw new PyTypeError(`${name} expected ${plural(min)}, got ${n}`);
  if (n < min) throw new PyTypeError(`${name} expected at least ${plural(min)}, got ${n}`);
  if (n > max) throw new PyTypeError(`${name} expected at most ${plural(max)}, got ${n}`);
}

/** The older "takes at least/at most" style of str's slicing methods. */
function takes(name: string, min: number, max: number, args: Value[], kwargs: Kwargs) {
  if (kwargs.length) throw new PyTypeError(`${name}() takes no keyword arguments`);
  const n = args.length;
  if (n < min) throw new PyTypeError(`${name}() takes at least ${plural(min)} (${n} given)`);
  if (n > max) throw new PyTypeError(`${name}() takes at most ${plural(max)} (${n} given)`);
}

/** Argument Clinic's binding of positional-or-keyword parameters: `split(sep=None, maxsplit=-1)`. */
export function clinic(
  name: string,
  params: string[],
  required: number,
  args: Value[],
  kwargs: Kwargs,
): (Value | undefined)[] {
  if (args.length > params.length)
    throw new PyTypeError(
      `${name}() takes at most ${plural(params.length)} (${args.length} given)`,
    );
  const out: (Value | undefined)[] = [...args];
  for (const [k, v] of kwargs) {
    const at = params.indexOf(k);
    if (at < 0) throw new PyTypeError(`${name}() got an unexpected keyword argument '${k}'`);
    if (at < args.length)
      throw new PyTypeError(
        `argument for ${name}() given by name ('${k}') and position (${at + 1})`,
      );
    out[at] = v;
  }
  for (let i = 0; i < required; i++)
    if (out[i] === undefined)
      throw new PyTypeError(`${name}() missing required argument '${params[i]}' (pos ${i + 1})`);
  return out;
}

function bound(owner: string, name: string, impl: Impl): BuiltinFunction {
  return new BuiltinFunction(
    name,
    impl,
    `<built-in method ${name} of ${owner} object at ${ADDRESS}>`,
  );
}

// --- str ----------------------------------------------------------------------------------------

function strArg(v: Value, message: string): string {
  if (typeof v !== 'string') throw new PyTypeError(message);
  return v;
}

function optionalStr(v: Value | undefined, what = 'str or None'): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') throw new PyTypeError(`must be ${what}, not ${typeName(v)}`);
  return v;
}

function stripChars(s: string, chars: string | null, left: boolean, right: boolean): string {
  if (chars === null) {
    if (left && right) return pyStrip(s);
    return left ? pyStrip(s + 'x').slice(0, -1) : pyStrip('x' + s).slice(1);
  }
  const set = new Set(chars);
  const cs = [...s];
  let a = 0;
  let b = cs.length;
  if (left) while (a < b && set.has(cs[a] as string)) a++;
  if (right) while (b > a && set.has(cs[b - 1] as string)) b--;
  return cs.slice(a, b).join('');
}

function split(s: string, sep: string | null, maxsplit: number): string[] {
  if (sep === '') throw new PyValueError('empty separator');
  if (sep === null) {
    const out: string[] = [];
    let rest = s.replace(PY_LEADING, '');
    while (rest) {
      if (maxsplit >= 0 && out.length >= maxsplit) {
        out.push(rest);
        break;
      }
      const m = PY_SPACE_RUN_ONE.exec(rest);
      if (!m) {
        out.push(rest);
        break;
      }
      out.push(rest.slice(0, m.index));
      rest = rest.slice(m.index + m[0].length);
    }
    return out;
  }
  const parts = s.split(sep);
  if (maxsplit < 0 || parts.length <= maxsplit + 1) return parts;
  return [...parts.slice(0, maxsplit), parts.slice(maxsplit).join(sep)];
}

/** `s.find(sub[, start[, end]])` over code points. */
function findIn(s: string, args: Value[], from: 'first' | 'last'): number {
  const sub = strArg(args[0] as Value, `must be str, not ${typeName(args[0] as Value)}`);
  const chars = [...s];
  const n = chars.length;
  const norm = (v: Value | undefined, d: number) => {
    if (v === undefined || v === null) return d;
    const i = Number(asIndex(v));
    return i < 0 ? Math.max(0, i + n) : Math.min(i, n);
  };
  const start = norm(args[1], 0);
  const end = norm(args[2], n);
  const hay = chars.slice(start, end).join('');
  if (start > end) return -1;
  const at = from === 'first' ? hay.indexOf(sub) : hay.lastIndexOf(sub);
  return at < 0 ? -1 : start + [...hay.slice(0, at)].length;
}

function affix(s: string, args: Value[], kind: 'startswith' | 'endswith'): boolean {
  const what = args[0] as Value;
  const options =
    typeof what === 'string'
      ? [what]
      : what instanceof PyTuple
        ? what.items.map((x) => {
            if (typeof x !== 'string')
              throw new PyTypeError(`tuple for ${kind} must only contain str, not ${typeName(x)}`);
            return x;
          })
        : null;
  if (options === null)
    throw new PyTypeError(`${kind} first arg must be str or a tuple of str, not ${typeName(what)}`);
  const chars = [...s];
  const n = chars.length;
  const norm = (v: Value | undefined, d: number) => {
    if (v === undefined || v === null) return d;
    const i = Number(asIndex(v));
    return i < 0 ? Math.max(0, i + n) : Math.min(i, n);
  };
  const part = chars.slice(norm(args[1], 0), norm(args[2], n)).join('');
  return options.some((o) => (kind === 'startswith' ? part.startsWith(o) : part.endsWith(o)));
}

function encode(s: string, encoding: string): PyBytes {
  const enc = encoding.toLowerCase().replace(/[-_]/g, '');
  if (enc === 'utf8') return new PyBytes(new TextEncoder().encode(s));
  if (enc === 'ascii' || enc === 'latin1' || enc === 'iso88591') {
    const limit = enc === 'ascii' ? 0x80 : 0x100;
    const chars = [...s];
    const bad = chars.findIndex((c) => (c.codePointAt(0) as number) >= limit);
    if (bad >= 0) {
      const name = enc === 'ascii' ? 'ascii' : 'latin-1';
      throw new UnicodeError(
        'UnicodeEncodeError',
        `'${name}' codec can't encode character '${escapeChar(chars[bad] as string)}' in position ${bad}: ordinal not in range(${limit})`,
      );
    }
    return PyBytes.latin1(s);
  }
  throw new PyException(`unknown encoding: ${encoding}`);
}

/** A character as codec messages write it: `\xe9`, `\u20ac`, `\U0001f600`. */
function escapeChar(c: string): string {
  const cp = c.codePointAt(0) as number;
  if (cp < 0x100) return '\\x' + cp.toString(16).padStart(2, '0');
  if (cp < 0x10000) return '\\u' + cp.toString(16).padStart(4, '0');
  return '\\U' + cp.toString(16).padStart(8, '0');
}

class UnicodeError extends PyException {
  constructor(
    private readonly className: string,
    message: string,
  ) {
    super(message);
  }
  override get pyName() {
    return this.className;
  }
}

/** `bytes.decode('utf-8')`, with Python's message for the first bad sequence. */
export function decodeUtf8(data: Uint8Array): string {
  const fail = (start: number, end: number, reason: string): never => {
    const where =
      end - start === 1
        ? `byte 0x${data[start]!.toString(16).padStart(2, '0')} in position ${start}`
        : `bytes in position ${start}-${end - 1}`;
    throw new UnicodeError('UnicodeDecodeError', `'utf-8' codec can't decode ${where}: ${reason}`);
  };
  for (let i = 0; i < data.length;) {
    const b = data[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    const need =
      b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    if (!need) fail(i, i + 1, 'invalid start byte');
    const [lo, hi] =
      b === 0xe0
        ? [0xa0, 0xbf]
        : b === 0xed
          ? [0x80, 0x9f]
          : b === 0xf0
            ? [0x90, 0xbf]
            : b === 0xf4
              ? [0x80, 0x8f]
              : [0x80, 0xbf];
    for (let k = 1; k <= need; k++) {
      if (i + k >= data.length) fail(i, data.length, 'unexpected end of data');
      const c = data[i + k] as number;
      const ok = k === 1 ? c >= lo && c <= hi : c >= 0x80 && c <= 0xbf;
      if (!ok) fail(i, i + k, 'invalid continuation byte');
    }
    i += need + 1;
  }
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(data);
}

function strMethods(s: string): Record<string, Impl> {
  const q = (name: string) => `str.${name}`;
  const plain =
    (name: string, fn: (s: string) => Value): Impl =>
    (a, k) => {
      noArgs(q(name), a, k);
      return fn(s);
    };
  const chars = () => [...s];
  const test = (re: RegExp) => (x: string) => x.length > 0 && [...x].every((c) => re.test(c));
  return {
    upper: plain('upper', (x) => x.toUpperCase()),
    lower: plain('lower', (x) => x.toLowerCase()),
    casefold: plain('casefold', (x) => x.toLowerCase()),
    swapcase: plain('swapcase', (x) =>
      [...x].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join(''),
    ),
    title: plain('title', (x) =>
      x
        .toLowerCase()
        .replace(/(^|[^\p{L}])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase()),
    ),
    capitalize: plain('capitalize', (x) => {
      const [first = '', ...rest] = [...x];
      return first.toUpperCase() + rest.join('').toLowerCase();
    }),
    isdigit: plain('isdigit', test(/\p{Nd}/u)),
    isnumeric: plain('isnumeric', test(/\p{N}/u)),
    isdecimal: plain('isdecimal', test(/\p{Nd}/u)),
    isalpha: plain('isalpha', test(/\p{L}/u)),
    isalnum: plain('isalnum', test(/[\p{L}\p{N}]/u)),
    isspace: plain('isspace', (x) => x.length > 0 && pyStrip(x) === ''),
    isupper: plain('isupper', (x) => /\p{Lu}/u.test(x) && !/\p{Ll}/u.test(x)),
    islower: plain('islower', (x) => /\p{Ll}/u.test(x) && !/\p{Lu}/u.test(x)),
    strip: (a, k) => (between('strip', 0, 1, a, k), stripChars(s, stripArg(a[0]), true, true)),
    lstrip: (a, k) => (between('lstrip', 0, 1, a, k), stripChars(s, stripArg(a[0]), true, false)),
    rstrip: (a, k) => (between('rstrip', 0, 1, a, k), stripChars(s, stripArg(a[0]), false, true)),
    split: (a, k) => {
      const [sep, max] = clinic('split', ['sep', 'maxsplit'], 0, a, k);
      return split(s, optionalStr(sep), max === undefined ? -1 : Number(asIndex(max)));
    },
    rsplit: (a, k) => {
      const [sep, max] = clinic('rsplit', ['sep', 'maxsplit'], 0, a, k);
      const limit = max === undefined ? -1 : Number(asIndex(max));
      const reversed = [...s].reverse().join('');
      const rsep = optionalStr(sep);
      return split(reversed, rsep === null ? null : [...rsep].reverse().join(''), limit)
        .map((part) => [...part].reverse().join(''))
        .reverse();
    },
    splitlines: (a, k) => (
      noArgs(q('splitlines'), a, k),
      s
        .split(/\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]/)
        .filter((x, i, all) => i < all.length - 1 || x !== '')
    ),
    join: (a, k) => {
      const items = toList(oneArg(q('join'), a, k));
      return items
        .map((x, i) => {
          if (typeof x !== 'string')
            throw new PyTypeError(
              `sequence item ${i}: expected str instance, ${typeName(x)} found`,
            );
          return x;
        })
        .join(s);
    },
    replace: (a, k) => {
      between('replace', 2, 3, a, k);
      const old = strArg(
        a[0] as Value,
        `replace() argument 1 must be str, not ${typeName(a[0] as Value)}`,
      );
      const nu = strArg(
        a[1] as Value,
        `replace() argument 2 must be str, not ${typeName(a[1] as Value)}`,
      );
      const count = a[2] === undefined ? -1 : Number(asIndex(a[2]));
      if (count < 0) return s.split(old).join(nu);
      const parts = s.split(old);
      return (
        parts.slice(0, count + 1).join(nu) +
        (parts.length > count + 1 ? old + parts.slice(count + 1).join(old) : '')
      );
    },
    startswith: (a, k) => (takes('startswith', 1, 3, a, k), affix(s, a, 'startswith')),
    endswith: (a, k) => (takes('endswith', 1, 3, a, k), affix(s, a, 'endswith')),
    find: (a, k) => (takes('find', 1, 3, a, k), BigInt(findIn(s, a, 'first'))),
    rfind: (a, k) => (takes('rfind', 1, 3, a, k), BigInt(findIn(s, a, 'last'))),
    index: (a, k) => {
      takes('index', 1, 3, a, k);
      const at = findIn(s, a, 'first');
      if (at < 0) throw new PyValueError('substring not found');
      return BigInt(at);
    },
    count: (a, k) => {
      takes('count', 1, 3, a, k);
      const sub = strArg(a[0] as Value, `must be str, not ${typeName(a[0] as Value)}`);
      const c = chars();
      const n = c.length;
      const norm = (v: Value | undefined, d: number) => {
        if (v === undefined || v === null) return d;
        const i = Number(asIndex(v));
        return i < 0 ? Math.max(0, i + n) : Math.min(i, n);
      };
      const part = c.slice(norm(a[1], 0), norm(a[2], n)).join('');
      if (sub === '') return BigInt([...part].length + 1);
      return BigInt(part.split(sub).length - 1);
    },
    zfill: (a, k) => {
      const width = Number(asIndex(oneArg(q('zfill'), a, k)));
      const sign = /^[+-]/.test(s) ? (s[0] as string) : '';
      const body = sign ? s.slice(1) : s;
      return sign + body.padStart(width - sign.length, '0');
    },
    ljust: (a, k) => justify(s, a, k, 'ljust'),
    rjust: (a, k) => justify(s, a, k, 'rjust'),
    center: (a, k) => justify(s, a, k, 'center'),
    removeprefix: (a, k) => {
      const p = strArg(oneArg(q('removeprefix'), a, k), 'removeprefix() argument must be str');
      return s.startsWith(p) ? s.slice(p.length) : s;
    },
    removesuffix: (a, k) => {
      const p = strArg(oneArg(q('removesuffix'), a, k), 'removesuffix() argument must be str');
      return p && s.endsWith(p) ? s.slice(0, -p.length) : s;
    },
    encode: (a, k) => {
      const [enc] = clinic('encode', ['encoding', 'errors'], 0, a, k);
      return encode(s, optionalStr(enc, 'str') ?? 'utf-8');
    },
    format: (a, k) =>
      strFormat(
        s,
        a,
        new Map(k),
        (value, path) => fieldPath(value, path),
        (value, c) => (c === 's' ? str(value) : repr(value)),
      ),
  };
}

function stripArg(v: Value | undefined): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') throw new PyTypeError('strip arg must be None or str');
  return v;
}

function justify(s: string, a: Value[], k: Kwargs, kind: 'ljust' | 'rjust' | 'center'): string {
  between(kind, 1, 2, a, k);
  const width = Number(asIndex(a[0] as Value));
  const fill = a[1] === undefined ? ' ' : (a[1] as Value);
  if (typeof fill !== 'string' || [...fill].length !== 1)
    throw new PyTypeError('The fill character must be exactly one character long');
  const room = Math.max(0, width - [...s].length);
  if (kind === 'ljust') return s + fill.repeat(room);
  if (kind === 'rjust') return fill.repeat(room) + s;
  const left = Math.floor(room / 2) + (room % 2 && width % 2 ? 1 : 0);
  return fill.repeat(left) + s + fill.repeat(room - left);
}

/** `{0.attr[key]}` in a format string. */
function fieldPath(value: Value, path: string): Value {
  let v = value;
  for (const m of path.matchAll(/\.([^.[]+)|\[([^\]]*)\]/g)) {
    if (m[1] !== undefined) v = getattr(v, m[1]);
    else v = getitem(v, /^\d+$/.test(m[2] as string) ? BigInt(m[2] as string) : (m[2] as string));
  }
  return v;
}

/** `'...' % values` */
export function strModulo(template: string, values: Value): string {
  return percentFormat(template, values, str, repr);
}

// --- list, tuple --------------------------------------------------------------------------------

/** `list.sort()`: CPython's binary insertion sort over runs, so errors name the same operands. */
export function sortValues(
  items: Value[],
  key: Value | null,
  reverse: boolean,
  call: (f: Value, x: Value) => Value,
): void {
  const keys = key === null ? items.slice() : items.map((x) => call(key, x));
  const order = items.map((_, i) => i);
  if (reverse) order.reverse();
  const lt = (a: number, b: number) => lessThan(keys[a] as Value, keys[b] as Value);
  const n = order.length;
  if (n >= 2) {
    // count_run: a strictly descending start is reversed in place.
    let run = 2;
    if (lt(order[1]!, order[0]!)) {
      while (run < n && lt(order[run]!, order[run - 1]!)) run++;
      order.splice(0, run, ...order.slice(0, run).reverse());
    } else {
      while (run < n && !lt(order[run]!, order[run - 1]!)) run++;
    }
    for (let start = run; start < n; start++) {
      tick();
      const pivot = order[start] as number;
      let l = 0;
      let r = start;
      while (l < r) {
        const p = l + ((r - l) >> 1);
        if (lt(pivot, order[p]!)) r = p;
        else l = p + 1;
      }
      order.splice(start, 1);
      order.splice(l, 0, pivot);
    }
  }
  if (reverse) order.reverse();
  const sorted = order.map((i) => items[i] as Value);
  items.splice(0, items.length, ...sorted);
}

function seqIndex(items: readonly Value[], a: Value[], kind: string): bigint {
  const n = items.length;
  const norm = (v: Value | undefined, d: number) => {
    if (v === undefined) return d;
    const i = Number(asIndex(v));
    return i < 0 ? Math.max(0, i + n) : Math.min(i, n);
  };
  for (let i = norm(a[1], 0); i < norm(a[2], n); i++)
    if (pyEquals(items[i] as Value, a[0] as Value)) return BigInt(i);
  if (kind === 'tuple') throw new PyValueError('tuple.index(x): x not in tuple');
  throw new PyValueError(`${repr(a[0] as Value)} is not in list`);
}

function listMethods(l: Value[], call: (f: Value, x: Value) => Value): Record<string, Impl> {
  return {
    append: (a, k) => (l.push(oneArg('list.append', a, k)), null),
    extend: (a, k) => (l.push(...toList(oneArg('list.extend', a, k))), null),
    insert: (a, k) => {
      between('insert', 2, 2, a, k);
      const i = Number(asIndex(a[0] as Value));
      const at = i < 0 ? Math.max(0, i + l.length) : Math.min(i, l.length);
      l.splice(at, 0, a[1] as Value);
      return null;
    },
    pop: (a, k) => {
      between('pop', 0, 1, a, k);
      const i = a.length ? Number(asIndex(a[0] as Value)) : -1;
      if (!l.length) throw new PyIndexError('pop from empty list');
      const at = i < 0 ? i + l.length : i;
      if (at < 0 || at >= l.length) throw new PyIndexError('pop index out of range');
      return l.splice(at, 1)[0] as Value;
    },
    remove: (a, k) => {
      const x = oneArg('list.remove', a, k);
      const at = l.findIndex((v) => pyEquals(v, x));
      if (at < 0) throw new PyValueError('list.remove(x): x not in list');
      l.splice(at, 1);
      return null;
    },
    index: (a, k) => (between('index', 1, 3, a, k), seqIndex(l, a, 'list')),
    count: (a, k) => {
      const x = oneArg('list.count', a, k);
      return BigInt(l.filter((v) => pyEquals(v, x)).length);
    },
    clear: (a, k) => (noArgs('list.clear', a, k), l.splice(0), null),
    copy: (a, k) => (noArgs('list.copy', a, k), [...l]),
    reverse: (a, k) => (noArgs('list.reverse', a, k), l.reverse(), null),
    sort: (a, k) => {
      if (a.length) throw new PyTypeError('sort() takes no positional arguments');
      let key: Value = null;
      let reverse = false;
      for (const [name, v] of k) {
        if (name === 'key') key = v;
        else if (name === 'reverse') reverse = Boolean(asInt(v) ?? (v === null ? 0n : 1n));
        else throw new PyTypeError(`sort() got an unexpected keyword argument '${name}'`);
      }
      sortValues(l, key, reverse, call);
      return null;
    },
  };
}

function tupleMethods(t: PyTuple): Record<string, Impl> {
  return {
    index: (a, k) => (between('index', 1, 3, a, k), seqIndex(t.items, a, 'tuple')),
    count: (a, k) => {
      const x = oneArg('tuple.count', a, k);
      return BigInt(t.items.filter((v) => pyEquals(v, x)).length);
    },
  };
}

// --- dict, set ----------------------------------------------------------------------------------

function dictMethods(d: PyDict): Record<string, Impl> {
  return {
    get: (a, k) => {
      between('get', 1, 2, a, k);
      const v = d.get(a[0] as Value);
      return v === undefined ? (a[1] ?? null) : v;
    },
    keys: (a, k) => (noArgs('dict.keys', a, k), new PyView('dict_keys', d.keys())),
    values: (a, k) => (noArgs('dict.values', a, k), new PyView('dict_values', d.values())),
    items: (a, k) => (
      noArgs('dict.items', a, k),
      new PyView(
        'dict_items',
        d.entries().map(([x, y]) => new PyTuple([x, y])),
      )
    ),
    pop: (a, k) => {
      between('pop', 1, 2, a, k);
      const v = d.get(a[0] as Value);
      if (v === undefined) {
        if (a.length > 1) return a[1] as Value;
        throw new PyKeyError(repr(a[0] as Value));
      }
      d.delete(a[0] as Value);
      return v;
    },
    popitem: (a, k) => {
      noArgs('dict.popitem', a, k);
      const last = d.entries().pop();
      if (!last) throw new PyKeyError(repr('popitem(): dictionary is empty'));
      d.delete(last[0]);
      return new PyTuple(last);
    },
    setdefault: (a, k) => {
      between('setdefault', 1, 2, a, k);
      const v = d.get(a[0] as Value);
      if (v !== undefined) return v;
      const dflt = a[1] ?? null;
      d.set(a[0] as Value, dflt);
      return dflt;
    },
    update: (a, k) => {
      if (a.length > 1)
        throw new PyTypeError(`update expected at most 1 argument, got ${a.length}`);
      if (a.length) dictUpdate(d, a[0] as Value);
      for (const [name, v] of k) d.set(name, v);
      return null;
    },
    clear: (a, k) => (noArgs('dict.clear', a, k), d.clear(), null),
    copy: (a, k) => (noArgs('dict.copy', a, k), new PyDict(d.entries())),
  };
}

function setMethods(s: PySet): Record<string, Impl> {
  const others = (a: Value[]) => a.map((x) => new PySet(toList(x)));
  return {
    add: (a, k) => (s.add(oneArg('set.add', a, k)), null),
    discard: (a, k) => (s.delete(oneArg('set.discard', a, k)), null),
    remove: (a, k) => {
      const x = oneArg('set.remove', a, k);
      if (!s.delete(x)) throw new PyKeyError(repr(x));
      return null;
    },
    pop: (a, k) => {
      noArgs('set.pop', a, k);
      const first = s.items()[0];
      if (first === undefined && s.size === 0) throw new PyKeyError(repr('pop from an empty set'));
      s.delete(first as Value);
      return first as Value;
    },
    clear: (a, k) => (noArgs('set.clear', a, k), s.clear(), null),
    copy: (a, k) => (noArgs('set.copy', a, k), new PySet(s.items())),
    union: (a, k) => {
      noKw('set.union', k);
      return new PySet([...s.items(), ...others(a).flatMap((o) => o.items())]);
    },
    intersection: (a, k) => {
      noKw('set.intersection', k);
      const os = others(a);
      return new PySet(s.items().filter((x) => os.every((o) => o.has(x))));
    },
    difference: (a, k) => {
      noKw('set.difference', k);
      const os = others(a);
      return new PySet(s.items().filter((x) => !os.some((o) => o.has(x))));
    },
  };
}

function noKw(qualname: string, k: Kwargs): void {
  if (k.length) throw new PyTypeError(`${qualname}() takes no keyword arguments`);
}

// --- the lookup ---------------------------------------------------------------------------------

let caller: (f: Value, x: Value) => Value = () => null;
/** How a `key=` function is called (set by the evaluator, which knows how to call). */
export function setCaller(fn: (f: Value, x: Value) => Value): void {
  caller = fn;
}

/** `dir()` of a built-in value. */
export function builtinDir(v: Value): readonly string[] | undefined {
  return TYPE_DIRS[typeName(v)];
}

/** The attribute `name` of a built-in value, or undefined when this console has none. */
export function builtinAttribute(v: Value, name: string): Value | undefined {
  if (v instanceof PyDateTime) return datetimeAttribute(v, name);
  if (v instanceof PyTimeDelta) return timedeltaAttribute(v, name);
  if (name === '__class__' || name === '__doc__') return undefined;
  let table: Record<string, Impl> | undefined;
  const owner = typeName(v);
  if (typeof v === 'string') table = strMethods(v);
  else if (Array.isArray(v)) table = listMethods(v, caller);
  else if (v instanceof PyTuple) table = tupleMethods(v);
  else if (v instanceof PyDict) table = dictMethods(v);
  else if (v instanceof PySet) table = setMethods(v);
  else if (v instanceof PyBytes)
    table = {
      decode: (a, k) => {
        clinic('decode', ['encoding', 'errors'], 0, a, k);
        return decodeUtf8(v.data);
      },
      hex: (a, k) => (
        noArgs('bytes.hex', a, k),
        [...v.data].map((b) => b.toString(16).padStart(2, '0')).join('')
      ),
    };
  else if (typeof v === 'bigint' || typeof v === 'boolean') {
    const n = asInt(v) as bigint;
    if (name === 'real' || name === 'numerator') return n;
    if (name === 'imag') return 0n;
    if (name === 'denominator') return 1n;
    table = {
      bit_length: (a, k) => (
        noArgs('int.bit_length', a, k),
        BigInt(n < 0n ? (-n).toString(2).length : n === 0n ? 0 : n.toString(2).length)
      ),
    };
  } else if (typeof v === 'number') {
    if (name === 'real') return v;
    if (name === 'imag') return 0;
    table = {
      is_integer: (a, k) => (noArgs('float.is_integer', a, k), Number.isInteger(v)),
    };
  }
  const impl = table && Object.hasOwn(table, name) ? table[name] : undefined;
  if (!impl) return undefined;
  return bound(owner, name, (a, k) => {
    tick();
    return impl(a, k);
  });
}

/** Used by `hash()` and set members: the value is hashable, or Python's TypeError. */
export function checkHashable(v: Value): void {
  hashKey(v);
}

export { iterate };
