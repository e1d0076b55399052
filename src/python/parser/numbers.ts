/** NUMBER tokens as values: ints are bigints, floats numbers; complex literals are marked. */
import type { Expr } from './ast';
import { PySyntaxError } from './errors';

const MAX_STR_DIGITS = 4300;

export function number(
  text: string,
): Extract<Expr, { kind: 'Constant' }> extends infer C ? Omit<C, 'first' | 'last'> : never {
  const t = text.replace(/_/g, '').toLowerCase();
  if (t.endsWith('j')) return { kind: 'Constant', value: null, special: 'complex' };
  if (/^0[xob]/.test(t)) return { kind: 'Constant', value: BigInt(t) };
  if (/[.e]/.test(t)) return { kind: 'Constant', value: Number(t) };
  const digits = t.replace(/^0+(?=\d)/, '');
  if (digits.length > MAX_STR_DIGITS) {
    throw new PySyntaxError(
      `Exceeds the limit (${MAX_STR_DIGITS} digits) for integer string conversion: value has ` +
        `${digits.length} digits; use sys.set_int_max_str_digits() to increase the limit - ` +
        'Consider hexadecimal for huge integer literals to avoid decimal conversion limits.',
    );
  }
  return { kind: 'Constant', value: BigInt(t) };
}
