/**
 * The "Did you mean: 'x'?" that CPython 3.11 adds to NameError and AttributeError when it prints
 * them (Python/suggestions.c): a Levenshtein distance where a case change costs 1 and any other
 * edit 2, over at most 750 candidates, accepting at most a third of the characters changed.
 */
const MAX_CANDIDATE_ITEMS = 750;
const MAX_STRING_SIZE = 40;
const MOVE_COST = 2;
const CASE_COST = 1;

function substitutionCost(a: number, b: number): number {
  if ((a & 31) !== (b & 31)) return MOVE_COST;
  if (a === b) return 0;
  const lower = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);
  return lower(a) === lower(b) ? CASE_COST : MOVE_COST;
}

/** On UTF-8 bytes, as CPython compares them. */
function levenshtein(aText: string, bText: string, maxCost: number): number {
  let a = new TextEncoder().encode(aText);
  let b = new TextEncoder().encode(bText);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  a = a.subarray(start);
  b = b.subarray(start);
  let endA = a.length;
  let endB = b.length;
  while (endA && endB && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  a = a.subarray(0, endA);
  b = b.subarray(0, endB);
  if (!a.length || !b.length) return (a.length + b.length) * MOVE_COST;
  if (a.length > MAX_STRING_SIZE || b.length > MAX_STRING_SIZE) return maxCost + 1;
  if (b.length < a.length) [a, b] = [b, a];
  if ((b.length - a.length) * MOVE_COST > maxCost) return maxCost + 1;
  const row = Array.from({ length: a.length }, (_, i) => (i + 1) * MOVE_COST);
  let result = 0;
  for (let bi = 0; bi < b.length; bi++) {
    const code = b[bi] as number;
    let distance = (result = bi * MOVE_COST);
    let minimum = Infinity;
    for (let i = 0; i < a.length; i++) {
      const substitute = distance + substitutionCost(code, a[i] as number);
      distance = row[i] as number;
      result = Math.min(Math.min(result, distance) + MOVE_COST, substitute);
      row[i] = result;
      if (result < minimum) minimum = result;
    }
    if (minimum > maxCost) return maxCost + 1;
  }
  return result;
}

/** `calculate_suggestions`: the closest candidate, or undefined. */
export function suggest(name: string, candidates: readonly string[]): string | undefined {
  if (candidates.length >= MAX_CANDIDATE_ITEMS) return undefined;
  const nameSize = new TextEncoder().encode(name).length;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const item of candidates) {
    if (item === name) continue;
    const itemSize = new TextEncoder().encode(item).length;
    const maxDistance = Math.min(
      Math.floor(((nameSize + itemSize + 3) * MOVE_COST) / 6),
      bestDistance - 1,
    );
    const distance = levenshtein(name, item, maxDistance);
    if (distance > maxDistance) continue;
    if (best === undefined || distance < bestDistance) {
      best = item;
      bestDistance = distance;
    }
  }
  return best;
}

/** The message with CPython's suggestion appended, if there is one. */
export function withSuggestion(message: string, name: string, candidates?: readonly string[]) {
  const hint = candidates && suggest(name, candidates);
  return hint === undefined ? message : `${message}. Did you mean: '${hint}'?`;
}
