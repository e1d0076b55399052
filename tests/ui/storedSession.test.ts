// @vitest-environment jsdom
/**
 * The at-a-glance view reads one stored session by its key instead of decoding them all: it must
 * say exactly what the store panel's full list says, for every engine.
 */
import { describe, expect, it } from 'vitest';
import { InPageTransport } from '../../src/browser/transport';
import type { DjangoServer } from '../../src/server/server';
import { VirtualClock } from '../../src/world/clock';
import { World } from '../../src/world/world';
import type { EngineName } from '../../src/world/settings';
import { storedSessionFor, storedSessionsOf } from '../../src/ui/hooks/useStoredSessions';

async function loggedIn(engine: EngineName) {
  const world = new World({
    clock: new VirtualClock(() => 1767225600000),
    transport: (get: () => DjangoServer) => new InPageTransport(get),
    settings: { SESSION_ENGINE: engine },
  });
  for (const [tab, name] of [
    ['A', 'alice'],
    ['B', 'bob'],
  ] as const) {
    if (tab === 'B') world.addTab('Bob');
    await world.navigate(tab, '/myapp/connection/');
    await world.submitForm(tab, 0, { username: name, password: 'x' });
  }
  const key = world.tab('B').browser.jar.all()[0]?.value as string;
  return { world, key };
}

describe('one stored session by its key', () => {
  it.each(['db', 'cached_db', 'cache', 'file'] as const)(
    '%s: the same row as the full list, where Django looks first',
    async (engine) => {
      const { world, key } = await loggedIn(engine);
      const all = storedSessionsOf(world.server, world.version).filter((r) => r.key === key);
      expect(all.length).toBeGreaterThan(0);
      const preferred = all.find((r) => r.where !== 'cache') ?? all[0];
      const one = storedSessionFor(world.server, world.version, key);
      expect(one).toEqual(preferred);
      expect(String(one?.data.get('username'))).toBe('bob');
      expect(
        storedSessionFor(world.server, world.version, 'nosuchkey00000000000000000000000'),
      ).toBe(undefined);
    },
  );
});
