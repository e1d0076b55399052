/**
 * Fuzzing in CI (issue 14): fixed seeds and a bounded number of runs, so that a run is
 * deterministic and quick. FUZZ_RUNS raises the runs for a longer local search
 * (`FUZZ_RUNS=2000 npx vitest run tests/fuzz`); FUZZ_SEED tries another seed.
 */
import fc from 'fast-check';

export const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
export const SEED = Number(process.env.FUZZ_SEED ?? 20261205);

export function fuzzConfig(runs = RUNS): fc.Parameters<unknown> {
  return { seed: SEED, numRuns: process.env.FUZZ_RUNS ? RUNS : runs, endOnFailure: true };
}

/** Strings a hostile user types or a damaged file holds: any code unit, long runs, protocol bits. */
export const hostileString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('', ' ', ';', '=', '\u0000', '\ufeff', '\ud800', 'ünï😀', 'a'.repeat(5000)),
);

/** Numbers at and past every range edge that exists. */
export const hostileNumber = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(
    0,
    -1,
    8.64e15,
    8.64e15 + 1,
    -8.64e15 - 1,
    17964362872630000,
    253402300800000,
    Number.MAX_SAFE_INTEGER,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
  ),
);

/** Any JSON-ish value, with the hostile strings and numbers in it. */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileString,
    hostileNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(hostileString, tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** Room for FUZZ_RUNS in the thousands on a loaded 2-core machine. */
export const TIMEOUT = 20_000 + RUNS * 100;
