/**
 * Every console line of the console scenarios (the public ones and ours), replayed through the
 * playground's `POST /__session__/console` as each Django release, must print exactly what real
 * Django of that release printed (tests/conformance/console/expected/django-V.json, recorded by
 * ../shared/conformance/django_ref/record.py), or fail the same way (a 5xx and its exception).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DJANGO_VERSIONS } from '../../src/django/conf/global_settings';
import {
  expectedConsole,
  normaliseKeys,
  replayConsole,
  type ConsoleScenario,
} from './consoleReplay';

const dir = join(import.meta.dirname, '../conformance/console');
const scenarios = readdirSync(join(dir, 'scenarios'))
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(dir, 'scenarios', f), 'utf8')) as ConsoleScenario);

describe.each(DJANGO_VERSIONS)('console lines print what Django %s prints', (django) => {
  type Transcript = Parameters<typeof expectedConsole>[0] & { name: string };
  const recorded = new Map<string, Transcript>(
    (
      JSON.parse(
        readFileSync(join(dir, 'expected', `django-${django}.json`), 'utf8'),
      ) as Transcript[]
    ).map((t) => [t.name, t]),
  );

  it('has a transcript of real Django for every scenario', () => {
    expect(scenarios.map((s) => s.name).filter((n) => !recorded.has(n))).toEqual([]);
  });

  it.each(scenarios.map((s) => [s.name, s] as const))('%s', async (name, scenario) => {
    const expected = normaliseKeys(expectedConsole(recorded.get(name)!));
    const actual = normaliseKeys(await replayConsole(scenario, django));
    expect(actual).toEqual(expected);
  });
});
