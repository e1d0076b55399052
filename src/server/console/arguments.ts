/**
 * Python's argument binding for the console's method calls, with Python's TypeError messages:
 * `SessionBase.get() missing 1 required positional argument: 'key'`.
 */
import { PyTypeError, type PyValue } from '../../python';

export interface Param {
  name: string;
  /** Absent: required. */
  default?: PyValue;
}

export interface Signature {
  /** `SessionBase.get` */
  qualname: string;
  params: Param[];
  /** `**kwargs`: any keyword accepted, as `get_expiry_age(**kwargs)` does. */
  varKeywords?: boolean;
}

export interface BoundArgs {
  values: Map<string, PyValue>;
  kwargs: Map<string, PyValue>;
}

export function bindArguments(
  sig: Signature,
  args: PyValue[],
  kwargs: Record<string, PyValue> = {},
): BoundArgs {
  const { qualname, params } = sig;
  const required = params.filter((p) => !('default' in p)).length;
  if (args.length > params.length) {
    // Python counts `self` too.
    const takes =
      required === params.length
        ? `${params.length + 1} positional argument${params.length ? 's' : ''}`
        : `from ${required + 1} to ${params.length + 1} positional arguments`;
    throw new PyTypeError(`${qualname}() takes ${takes} but ${args.length + 1} were given`);
  }
  const values = new Map<string, PyValue>();
  params.forEach((p, i) => {
    if (i < args.length) values.set(p.name, args[i] as PyValue);
  });
  const extra = new Map<string, PyValue>();
  for (const [name, value] of Object.entries(kwargs)) {
    if (params.some((p) => p.name === name)) {
      if (values.has(name))
        throw new PyTypeError(`${qualname}() got multiple values for argument '${name}'`);
      values.set(name, value);
    } else if (sig.varKeywords) {
      extra.set(name, value);
    } else {
      throw new PyTypeError(`${qualname}() got an unexpected keyword argument '${name}'`);
    }
  }
  const missing = params
    .filter((p) => !values.has(p.name) && !('default' in p))
    .map((p) => `'${p.name}'`);
  if (missing.length) {
    const list =
      missing.length === 1
        ? missing[0]
        : `${missing.slice(0, -1).join(', ')} and ${missing[missing.length - 1]}`;
    throw new PyTypeError(
      `${qualname}() missing ${missing.length} required positional argument${missing.length > 1 ? 's' : ''}: ${list}`,
    );
  }
  for (const p of params)
    if (!values.has(p.name) && 'default' in p) values.set(p.name, p.default as PyValue);
  return { values, kwargs: extra };
}
