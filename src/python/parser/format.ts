/**
 * Python's text formatting: the format-spec mini-language (`format(x, '>8.2f')`, `str.format`,
 * f-strings) and printf-style `%` formatting, with CPython's rounding (exact, half to even) and
 * error messages.
 */
import { PyDateTime } from '../datetime';
import { PyIndexError, PyKeyError, PyTypeError, PyValueError } from '../errors';
import { floatRepr } from '../float';
import { intRepr, repr, str } from '../repr';
import { PyDict, PyTuple, asInt, typeName } from '../values';
import { strftime } from './strftime';
import type { Value } from './objects';

/** The exact decimal digits of a finite double: value = digits * 10**exponent. */
function exactDecimal(x: number): { digits: bigint; exponent: number } {
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, Math.abs(x));
  const bits = buf.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  let mantissa = bits & ((1n << 52n) - 1n);
  let e2 = biased - 1075;
  if (biased === 0) e2 = -1074;
  else mantissa |= 1n << 52n;
  if (e2 >= 0) return { digits: mantissa << BigInt(e2), exponent: 0 };
  // m / 2**k = m * 5**k / 10**k
  return { digits: mantissa * 5n ** BigInt(-e2), exponent: e2 };
}

/** |x| rounded half to even to `places` decimals, as a digit string and its scale. */
function roundedDigits(x: number, places: number): string {
  const { digits, exponent } = exactDecimal(x);
  const shift = exponent + places; // digits * 10**shift, rounded to an integer
  let n: bigint;
  if (shift >= 0) n = digits * 10n ** BigInt(shift);
  else {
    const div = 10n ** BigInt(-shift);
    n = digits / div;
    const rem = digits % div;
    if (rem * 2n > div || (rem * 2n === div && n % 2n === 1n)) n += 1n;
  }
  return n.toString();
}

/** `'%.*f' % (places, x)` for a finite x, without the sign. */
function fixed(x: number, places: number): string {
  const digits = roundedDigits(x, places).padStart(places + 1, '0');
  if (places === 0) return digits;
  return `${digits.slice(0, -places)}.${digits.slice(-places)}`;
}

/** `'%.*e' % (places, x)` for a finite x, without the sign. */
function exponential(x: number, places: number, upper = false): string {
  if (x === 0) return `${fixed(0, places)}${upper ? 'E' : 'e'}+00`;
  let exp = Math.floor(Math.log10(Math.abs(x)));
  let digits = roundedDigits(x / 1, places - exp);
  // log10 can be off by one near powers of ten; and rounding can add a digit.
  if (digits.length > places + 1) {
    exp += 1;
    digits = roundedDigits(x, places - exp);
  } else if (digits.length < places + 1) {
    exp -= 1;
    digits = roundedDigits(x, places - exp);
  }
  if (digits.length > places + 1) {
    exp += 1;
    digits = digits.slice(0, places + 1);
  }
  const mant = places ? `${digits[0]}.${digits.slice(1)}` : digits;
  const e = `${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return `${mant}${upper ? 'E' : 'e'}${e}`;
}

/** `'%.*g'`: fixed or exponential by the exponent, trailing zeros removed unless `alt`. */
function general(x: number, precision: number, alt: boolean, upper = false): string {
  const p = precision === 0 ? 1 : precision;
  if (x === 0) return alt ? fixed(0, p - 1) : '0';
  const e = exponential(x, p - 1);
  const exp = Number(e.slice(e.indexOf('e') + 1));
  let text = exp >= -4 && exp < p ? fixed(x, p - 1 - exp) : exponential(x, p - 1, upper);
  if (!alt) {
    text = text.replace(/(\.\d*?)0+(?=$|[eE])/, '$1').replace(/\.(?=$|[eE])/, '');
  }
  return text;
}

interface Spec {
  fill: string;
  align: string;
  sign: string;
  signGiven?: boolean;
  alt: boolean;
  zero: boolean;
  width: number;
  grouping: string;
  precision: number | null;
  type: string;
}

function parseSpec(spec: string): Spec {
  const m = /^(?:(.)?([<>=^]))?([-+ ])?(z)?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([a-zA-Z%])?$/su.exec(
    spec,
  );
  if (!m) throw new PyValueError('Invalid format specifier');
  return {
    fill: m[1] ?? (m[6] && !m[2] ? '0' : ' '),
    align: m[2] ?? (m[6] ? '=' : ''),
    sign: m[3] ?? '-',
    signGiven: m[3] !== undefined,
    alt: m[5] !== undefined,
    zero: m[6] !== undefined,
    width: m[7] ? Number(m[7]) : 0,
    grouping: m[8] ?? '',
    precision: m[9] !== undefined ? Number(m[9]) : null,
    type: m[10] ?? '',
  };
}

function group(intPart: string, sep: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/** Pads `body` (with `sign` in front) to the spec's width. */
function pad(sign: string, body: string, s: Spec, defaultAlign: string): string {
  const align = s.align || defaultAlign;
  const total = [...sign].length + [...body].length;
  const room = Math.max(0, s.width - total);
  if (align === '=') return sign + s.fill.repeat(room) + body;
  if (align === '<') return sign + body + s.fill.repeat(room);
  if (align === '^') {
    const left = Math.floor(room / 2);
    return s.fill.repeat(left) + sign + body + s.fill.repeat(room - left);
  }
  return s.fill.repeat(room) + sign + body;
}

function signOf(negative: boolean, s: Spec): string {
  if (negative) return '-';
  return s.sign === '+' ? '+' : s.sign === ' ' ? ' ' : '';
}

function formatInt(n: bigint, s: Spec): string {
  const negative = n < 0n;
  const abs = negative ? -n : n;
  let body: string;
  switch (s.type) {
    case '':
    case 'd':
    case 'n':
      body = intRepr(abs);
      break;
    case 'b':
      body = (s.alt ? '0b' : '') + abs.toString(2);
      break;
    case 'o':
      body = (s.alt ? '0o' : '') + abs.toString(8);
      break;
    case 'x':
      body = (s.alt ? '0x' : '') + abs.toString(16);
      break;
    case 'X':
      body = (s.alt ? '0X' : '') + abs.toString(16).toUpperCase();
      break;
    case 'c':
      return pad('', String.fromCodePoint(Number(n)), s, '>');
    default:
      return formatFloat(Number(n), s);
  }
  if (s.grouping) body = group(body, s.grouping);
  return pad(signOf(negative, s), body, s, '>');
}

function formatFloat(x: number, s: Spec): string {
  const negative = x < 0 || Object.is(x, -0);
  const abs = Math.abs(x);
  let body: string;
  if (!Number.isFinite(x)) {
    body = Number.isNaN(x) ? 'nan' : 'inf';
    if (/[A-Z]/.test(s.type)) body = body.toUpperCase();
    return pad(signOf(negative && !Number.isNaN(x), s), body, s, '>');
  }
  const p = s.precision;
  switch (s.type) {
    case 'f':
    case 'F':
      body = fixed(abs, p ?? 6);
      break;
    case 'e':
    case 'E':
      body = exponential(abs, p ?? 6, s.type === 'E');
      break;
    case 'g':
    case 'G':
      body = general(abs, p ?? 6, s.alt, s.type === 'G');
      break;
    case '%':
      body = fixed(abs * 100, p ?? 6) + '%';
      break;
    case '':
      body = p === null ? floatRepr(abs) : general(abs, p, s.alt);
      if (p !== null && !/[.e]/.test(body)) body += s.alt ? '.' : '';
      break;
    default:
      throw new PyValueError(`Unknown format code '${s.type}' for object of type 'float'`);
  }
  if (s.grouping) {
    const [intPart, rest] = [body.replace(/[.e%].*$/, ''), body.replace(/^\d+/, '')];
    body = group(intPart, s.grouping) + rest;
  }
  return pad(signOf(negative, s), body, s, '>');
}

/** `format(value, spec)`, as `value.__format__(spec)` answers for the built-in types. */
export function formatValue(value: Value, spec: string): string {
  if (value instanceof PyDateTime) return spec ? strftime(value, spec) : str(value);
  if (typeof value === 'boolean' && !spec) return str(value);
  const n = asInt(value);
  if (n !== undefined) {
    const s = parseSpec(spec);
    if (s.type === 's') throw new PyValueError(`Unknown format code 's' for object of type 'int'`);
    if (s.precision !== null && !/[eEfFgG%]/.test(s.type))
      throw new PyValueError('Precision not allowed in integer format specifier');
    return formatInt(n, s);
  }
  if (typeof value === 'number') return formatFloat(value, parseSpec(spec));
  if (typeof value === 'string') {
    const s = parseSpec(spec);
    if (s.type && s.type !== 's')
      throw new PyValueError(`Unknown format code '${s.type}' for object of type 'str'`);
    if (s.signGiven) throw new PyValueError('Sign not allowed in string format specifier');
    const text = s.precision === null ? value : [...value].slice(0, s.precision).join('');
    return pad('', text, s, '<');
  }
  if (spec)
    throw new PyTypeError(`unsupported format string passed to ${typeName(value)}.__format__`);
  return str(value);
}

// --- str.format ---------------------------------------------------------------------------------

/** `template.format(*args, **kwargs)`; `lookup` reads `{0.attr}` / `{0[key]}` fields. */
export function strFormat(
  template: string,
  args: Value[],
  kwargs: Map<string, Value>,
  field: (value: Value, path: string) => Value,
  convert: (value: Value, conversion: string) => Value,
): string {
  let out = '';
  let auto = 0;
  let manual = false;
  let autoUsed = false;
  for (let i = 0; i < template.length; i++) {
    const ch = template[i] as string;
    if (ch === '}') {
      if (template[i + 1] !== '}')
        throw new PyValueError("Single '}' encountered in format string");
      out += '}';
      i++;
      continue;
    }
    if (ch !== '{') {
      out += ch;
      continue;
    }
    if (template[i + 1] === '{') {
      out += '{';
      i++;
      continue;
    }
    const close = template.indexOf('}', i);
    if (close < 0) throw new PyValueError("Single '{' encountered in format string");
    const inner = template.slice(i + 1, close);
    i = close;
    const m = /^([^.[!:]*)((?:\.[^.[!:]+|\[[^\]]*\])*)(?:!([rsa]))?(?::(.*))?$/s.exec(inner);
    if (!m) throw new PyValueError("unmatched '{' in format spec");
    const [, name = '', path = '', conversion, spec = ''] = m;
    let value: Value;
    if (name === '') {
      if (manual)
        throw new PyValueError(
          'cannot switch from manual field specification to automatic field numbering',
        );
      autoUsed = true;
      if (auto >= args.length)
        throw new PyIndexError(`Replacement index ${auto} out of range for positional args tuple`);
      value = args[auto++] as Value;
    } else if (/^\d+$/.test(name)) {
      if (autoUsed)
        throw new PyValueError(
          'cannot switch from automatic field numbering to manual field specification',
        );
      manual = true;
      const at = Number(name);
      if (at >= args.length)
        throw new PyIndexError(`Replacement index ${at} out of range for positional args tuple`);
      value = args[at] as Value;
    } else {
      if (!kwargs.has(name)) throw new PyKeyError(repr(name));
      value = kwargs.get(name) as Value;
    }
    if (path) value = field(value, path);
    if (conversion) value = convert(value, conversion);
    out += formatValue(value, spec);
  }
  return out;
}

// --- printf-style -------------------------------------------------------------------------------

/** `template % values` */
export function percentFormat(
  template: string,
  values: Value,
  toStr: (v: Value) => string,
  toRepr: (v: Value) => string,
): string {
  const isMapping = values instanceof PyDict;
  const items = values instanceof PyTuple ? [...values.items] : [values];
  let next = 0;
  let usedMapping = false;
  const take = (): Value => {
    if (next >= items.length) throw new PyTypeError('not enough arguments for format string');
    return items[next++] as Value;
  };
  let out = '';
  const re = /%(?:\(([^)]*)\))?([-+ #0]*)(\*|\d+)?(?:\.(\*|\d+))?([a-zA-Z%])?/gy;
  let last = 0;
  for (let i = template.indexOf('%'); i >= 0; i = template.indexOf('%', last)) {
    out += template.slice(last, i);
    re.lastIndex = i;
    const m = re.exec(template);
    if (!m || m[5] === undefined) throw new PyValueError('incomplete format');
    last = re.lastIndex;
    const [, key, flags = '', widthText, precText, type] = m as unknown as string[];
    if (type === '%' && !key && !flags && !widthText && !precText) {
      out += '%';
      continue;
    }
    let value: Value = null;
    if (key !== undefined) {
      if (!isMapping) throw new PyTypeError('format requires a mapping');
      usedMapping = true;
      value = (values as PyDict).getItem(key, repr);
    }
    const width = widthText === '*' ? Number(asInt(take()) ?? 0) : Number(widthText ?? 0);
    const prec =
      precText === '*'
        ? Number(asInt(take()) ?? 0)
        : precText === undefined
          ? null
          : Number(precText);
    if (key === undefined) value = take();
    const spec: Spec = {
      fill: flags.includes('0') && !flags.includes('-') ? '0' : ' ',
      align: flags.includes('-') ? '<' : flags.includes('0') ? '=' : '>',
      sign: flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '-',
      alt: flags.includes('#'),
      zero: flags.includes('0'),
      width,
      grouping: '',
      precision: prec,
      type: '',
    };
    const v = value as Value;
    switch (type) {
      case 's':
      case 'r':
      case 'a': {
        let text = type === 's' ? toStr(v) : toRepr(v);
        if (prec !== null) text = [...text].slice(0, prec).join('');
        out += pad('', text, { ...spec, fill: ' ', align: flags.includes('-') ? '<' : '>' }, '>');
        break;
      }
      case 'd':
      case 'i':
      case 'u': {
        const n = typeof v === 'number' ? BigInt(Math.trunc(v)) : asInt(v);
        if (n === undefined)
          throw new PyTypeError(`%${type} format: a real number is required, not ${typeName(v)}`);
        out += formatInt(n, spec);
        break;
      }
      case 'x':
      case 'X':
      case 'o': {
        const n = asInt(v);
        if (n === undefined)
          throw new PyTypeError(`%${type} format: an integer is required, not ${typeName(v)}`);
        out += formatInt(n, { ...spec, type });
        break;
      }
      case 'f':
      case 'F':
      case 'e':
      case 'E':
      case 'g':
      case 'G': {
        const x = typeof v === 'number' ? v : asInt(v) !== undefined ? Number(asInt(v)) : undefined;
        if (x === undefined) throw new PyTypeError(`must be real number, not ${typeName(v)}`);
        out += formatFloat(x, { ...spec, type, precision: prec ?? 6 });
        break;
      }
      case 'c': {
        const n = asInt(v);
        out += n !== undefined ? String.fromCodePoint(Number(n)) : toStr(v);
        break;
      }
      default:
        throw new PyValueError(
          `unsupported format character '${type}' (0x${(type as string).charCodeAt(0).toString(16)}) at index ${i + m[0].length - 1}`,
        );
    }
  }
  out += template.slice(last);
  if (!isMapping && !usedMapping && next < items.length)
    throw new PyTypeError('not all arguments converted during string formatting');
  return out;
}
