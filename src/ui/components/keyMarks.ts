/**
 * Marks for session keys: the first key the playground shows becomes mark 1, the next mark 2,
 * and so on, so that one key carries the same mark (a number, a shape and a colour) in the jar,
 * the headers, the store and the at-a-glance view, and two keys never look alike. Colour alone
 * failed: two hashed hues came out nearly the same magenta. The first eight marks get eight
 * well-separated colours and shapes; the number tells any two apart.
 */

/** Dark enough for white text (contrast >= 5.4:1), ordered so that neighbours differ most. */
export const MARK_COLOURS = [
  '#1f5fbf', // blue
  '#b34700', // orange
  '#1a7a3a', // green
  '#b0123f', // crimson
  '#8e2c9e', // purple
  '#00727a', // teal
  '#6b5a00', // olive
  '#4b3fc4', // indigo
] as const;

export const MARK_SHAPES = ['●', '▲', '■', '◆', '▼', '★', '✚', '✖'] as const;

export interface KeyMark {
  /** 1, 2, 3... in the order the keys were first shown. */
  n: number;
  colour: string;
  shape: string;
}

/** One numbering per world (a new world, e.g. an imported one, starts again at 1). */
const registries = new WeakMap<object, Map<string, number>>();

export function keyMark(owner: object, key: string): KeyMark {
  let marks = registries.get(owner);
  if (!marks) registries.set(owner, (marks = new Map()));
  let n = marks.get(key);
  if (n === undefined) marks.set(key, (n = marks.size + 1));
  const i = (n - 1) % MARK_COLOURS.length;
  return { n, colour: MARK_COLOURS[i] as string, shape: MARK_SHAPES[i] as string };
}

/** A session key as db, cache and file engines make them: get_random_string(32, [a-z0-9]). */
export const SESSION_KEY_LIKE = /^[a-z0-9]{32}$/;
