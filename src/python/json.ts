/**
 * Python's `json` module as Django's JSONSerializer calls it: `json.dumps(obj, separators=(',',
 * ':'))` (ensure_ascii, `1.0` stays `1.0`, NaN and Infinity allowed) and `json.loads(text)` (ints
 * stay ints, floats stay floats, the same error messages).
 */
import { JSONDecodeError, PyTypeError, PyValueError } from './errors';
import { floatRepr } from './float';
import { intRepr } from './repr';
import { PyDateTime, PyTimeDelta } from './datetime';
import { PyDict, PyObject, PyTuple, typeName, type PyValue } from './values';

/** `Py_TYPE(obj)->tp_name`, which the C encoder's messages print. */
function tpName(v: PyValue): string {
  if (v instanceof PyObject) return v.tpName;
  if (v instanceof PyDateTime || v instanceof PyTimeDelta) return `datetime.${v.pyType}`;
  return typeName(v);
}

export interface DumpsOptions {
  /** Python's `separators`; Django's serializer uses (',', ':'). */
  separators?: [string, string];
  /** `ensure_ascii` (default true, as in Python). */
  ensureAscii?: boolean;
}

const SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};
/** With ensure_ascii, everything outside ' '..'~' is escaped; without, only controls. */
const NEEDS_ESCAPE_ASCII = /["\\\x00-\x1f\x7f-\uffff]/g;
const NEEDS_ESCAPE = /["\\\x00-\x1f]/g;

function escapeChar(ch: string): string {
  return SHORT_ESCAPES[ch] ?? '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0');
}

/**
 * A string as json.dumps writes it: quote, backslash and controls escaped, and with
 * ensure_ascii every UTF-16 unit outside ' '..'~' as `\uXXXX` (a character outside the BMP as
 * its surrogate pair). One regular-expression pass: session values can be megabytes long.
 */
function encodeString(s: string, ensureAscii: boolean): string {
  return '"' + s.replace(ensureAscii ? NEEDS_ESCAPE_ASCII : NEEDS_ESCAPE, escapeChar) + '"';
}

function encodeFloat(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  return floatRepr(x);
}

function encodeKey(key: PyValue): string {
  if (typeof key === 'string') return key;
  if (typeof key === 'bigint') return intRepr(key);
  if (typeof key === 'number') return encodeFloat(key);
  if (typeof key === 'boolean') return key ? 'true' : 'false';
  if (key === null) return 'null';
  throw new PyTypeError(`keys must be str, int, float, bool or None, not ${tpName(key)}`);
}

export function dumps(value: PyValue, options: DumpsOptions = {}): string {
  const [itemSep, keySep] = options.separators ?? [', ', ': '];
  const ensureAscii = options.ensureAscii ?? true;
  const seen = new Set<object>();
  const encode = (v: PyValue): string => {
    if (v === null) return 'null';
    switch (typeof v) {
      case 'boolean':
        return v ? 'true' : 'false';
      case 'bigint':
        return intRepr(v);
      case 'number':
        return encodeFloat(v);
      case 'string':
        return encodeString(v, ensureAscii);
    }
    const items = Array.isArray(v) ? v : v instanceof PyTuple ? v.items : undefined;
    if (items !== undefined || v instanceof PyDict) {
      if (seen.has(v)) throw new PyValueError('Circular reference detected');
      seen.add(v);
      const text =
        items !== undefined
          ? `[${items.map(encode).join(itemSep)}]`
          : `{${(v as PyDict)
              .entries()
              .map(([k, x]) => encodeString(encodeKey(k), ensureAscii) + keySep + encode(x))
              .join(itemSep)}}`;
      seen.delete(v);
      return text;
    }
    throw new PyTypeError(`Object of type ${typeName(v)} is not JSON serializable`);
  };
  return encode(value);
}

const WS = /[ \t\n\r]*/y;
const NUMBER = /(-?(?:0|[1-9]\d*))(\.\d+)?([eE][-+]?\d+)?/y;
const STRING_CHUNK = /[^"\\\x00-\x1f]*/y;
const ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

/** `json.loads(text)`: raises JSONDecodeError with Python's message and position. */
export function loads(doc: string): PyValue {
  let pos = 0;
  const fail = (msg: string, at = pos): never => {
    throw new JSONDecodeError(msg, doc, at);
  };
  const skipWs = () => {
    WS.lastIndex = pos;
    WS.exec(doc);
    pos = WS.lastIndex;
  };
  const parseString = (): string => {
    const begin = pos - 1; // the opening quote
    let out = '';
    for (;;) {
      STRING_CHUNK.lastIndex = pos;
      out += (STRING_CHUNK.exec(doc) as RegExpExecArray)[0];
      pos = STRING_CHUNK.lastIndex;
      const ch = doc[pos];
      if (ch === undefined) fail('Unterminated string starting at', begin);
      if (ch === '"') {
        pos++;
        return out;
      }
      if (ch !== '\\') fail('Invalid control character at');
      const esc = doc[pos + 1];
      if (esc === undefined) fail('Unterminated string starting at', begin);
      if (esc !== 'u') {
        const plain = ESCAPES[esc as string];
        if (plain === undefined) fail('Invalid \\escape', pos);
        out += plain;
        pos += 2;
        continue;
      }
      const hex = doc.slice(pos + 2, pos + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('Invalid \\uXXXX escape', pos + 1);
      let code = parseInt(hex, 16);
      pos += 6;
      // A high surrogate followed by an escaped low surrogate is one character, as in Python.
      if (code >= 0xd800 && code <= 0xdbff && doc.slice(pos, pos + 2) === '\\u') {
        const low = doc.slice(pos + 2, pos + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(low)) fail('Invalid \\uXXXX escape', pos + 1);
        const lowCode = parseInt(low, 16);
        if (lowCode >= 0xdc00 && lowCode <= 0xdfff) {
          code = 0x10000 + ((code - 0xd800) << 10) + (lowCode - 0xdc00);
          pos += 6;
        }
      }
      out += String.fromCodePoint(code);
    }
  };
  const parseValue = (): PyValue => {
    const ch = doc[pos];
    if (ch === '"') {
      pos++;
      return parseString();
    }
    if (ch === '{') return parseObject();
    if (ch === '[') return parseArray();
    for (const [word, value] of [
      ['null', null],
      ['true', true],
      ['false', false],
      ['NaN', NaN],
      ['Infinity', Infinity],
      ['-Infinity', -Infinity],
    ] as const) {
      if (doc.startsWith(word, pos)) {
        pos += word.length;
        return value;
      }
    }
    NUMBER.lastIndex = pos;
    const m = NUMBER.exec(doc);
    if (!m) return fail('Expecting value');
    pos = NUMBER.lastIndex;
    if (m[2] === undefined && m[3] === undefined) return BigInt(m[1] as string);
    return Number(m[0]);
  };
  const parseArray = (): PyValue[] => {
    pos++;
    const out: PyValue[] = [];
    skipWs();
    if (doc[pos] === ']') {
      pos++;
      return out;
    }
    for (;;) {
      skipWs();
      out.push(parseValue());
      skipWs();
      if (doc[pos] === ']') {
        pos++;
        return out;
      }
      if (doc[pos] !== ',') fail("Expecting ',' delimiter");
      pos++;
    }
  };
  const parseObject = (): PyDict => {
    pos++;
    const out = new PyDict();
    skipWs();
    if (doc[pos] === '}') {
      pos++;
      return out;
    }
    for (;;) {
      skipWs();
      if (doc[pos] !== '"') fail('Expecting property name enclosed in double quotes');
      pos++;
      const key = parseString();
      skipWs();
      if (doc[pos] !== ':') fail("Expecting ':' delimiter");
      pos++;
      skipWs();
      out.set(key, parseValue());
      skipWs();
      if (doc[pos] === '}') {
        pos++;
        return out;
      }
      if (doc[pos] !== ',') fail("Expecting ',' delimiter");
      pos++;
    }
  };
  skipWs();
  const value = parseValue();
  skipWs();
  if (pos !== doc.length) fail('Extra data');
  return value;
}
