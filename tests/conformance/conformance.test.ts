import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeReplay, formatTranscripts, replayScenario } from '../../src/conformance/replay';
import { validateScenario } from '../../src/conformance/scenario';
import { normalise } from './normalise';

// Every scenario is replayed through the MSW handlers (msw/node) and must match, step by step,
// what real Django recorded for it (tests/conformance/expected/*.json, from record.py).
const here = join(import.meta.dirname);
const expected = new Map<string, unknown>();
for (const file of readdirSync(join(here, 'expected'))) {
  for (const [name, t] of normalise(readFileSync(join(here, 'expected', file), 'utf8')))
    expected.set(name, t);
}
const scenarios = readdirSync(join(here, 'scenarios'))
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => validateScenario(JSON.parse(readFileSync(join(here, 'scenarios', f), 'utf8')), f));

afterAll(() => closeReplay());

describe('the playground matches real Django', () => {
  it('has a Django transcript for every scenario', () => {
    expect(scenarios.map((s) => s.name).filter((n) => !expected.has(n))).toEqual([]);
  });

  it.each(scenarios.map((s) => [s.name, s] as const))('%s', async (_name, scenario) => {
    const transcript = await replayScenario(scenario);
    const actual = normalise(formatTranscripts([transcript])).get(scenario.name);
    expect(actual).toEqual(expected.get(scenario.name));
  });
});
