import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DJANGO_VERSIONS } from '../../src/django/conf/global_settings';
import type { RandomSource } from '../../src/django/runtime';
import {
  closeReplay,
  formatTranscripts,
  replayScenario,
  type RequestPath,
} from '../../src/conformance/replay';
import { parseScenario } from '../../src/conformance/scenario';
import { normalise } from './normalise';

// Every scenario is replayed, as each Django release the playground can be, through both request
// paths (MSW's handlers in Node, and the in-page fallback), and must match byte for byte what
// that release of real Django recorded for it (tests/conformance/expected/django-V.json, from
// ../shared/conformance/django_ref/record.py; see README.md). CI also has real Django decode the
// replay's signed values (compare.py).
const here = join(import.meta.dirname);
const scenarios = readdirSync(join(here, 'scenarios'))
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => parseScenario(readFileSync(join(here, 'scenarios', f), 'utf8'), f));

/** The same session keys on both paths, so their raw transcripts can be compared as text. */
function seededRandom(seed: number): RandomSource {
  let x = seed;
  return {
    fill(bytes) {
      for (let i = 0; i < bytes.length; i++) {
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        bytes[i] = x & 0xff;
      }
    },
  };
}

afterAll(() => closeReplay());

describe.each(DJANGO_VERSIONS)('the playground matches real Django %s', (django) => {
  const expected = normalise(readFileSync(join(here, 'expected', `django-${django}.json`), 'utf8'));

  it('has a transcript of real Django for every scenario, and none other', () => {
    expect([...expected.keys()].sort()).toEqual(scenarios.map((s) => s.name).sort());
  });

  it.each(scenarios.map((s) => [s.name, s] as const))('%s', async (_name, scenario) => {
    const raw = async (path: RequestPath) =>
      formatTranscripts([
        await replayScenario(scenario, { django, path, random: seededRandom(2026) }),
      ]);
    const viaMsw = await raw('msw');
    const inPage = await raw('in-page');
    expect(normalise(viaMsw).get(scenario.name)).toEqual(expected.get(scenario.name));
    // Both request paths build the same Django request and read the same answer.
    expect(inPage).toBe(viaMsw);
  });
});
