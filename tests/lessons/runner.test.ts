// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { LessonProgress } from '../../src/lessons/progress';
import { formatHash, LessonRunner, parseHash, shareLink } from '../../src/lessons/runner';
import type { World } from '../../src/world/world';
import { fixtureLessons, testWorld } from './helpers';

/** A page: the student's playground, lesson worlds made fresh (or restored from `saved`). */
function setup(progress = new LessonProgress(null), saved = new Map<string, World>()) {
  const { world: playground } = testWorld();
  const made: World[] = [];
  const keeper = {
    fresh: () => {
      const w = testWorld().world;
      made.push(w);
      return w;
    },
    restore: (slug: string) => saved.get(slug) ?? null,
  };
  const lessons = Object.values(fixtureLessons());
  const runner = new LessonRunner(playground, keeper, lessons, progress, 'en');
  return { playground, runner, progress, made };
}

describe('LessonRunner: worlds', () => {
  it("opens a lesson in a world of its own, built from the lesson's start; the playground stays", async () => {
    const { playground, runner, made } = setup();
    await playground.navigate('A', '/myapp/connection/');
    expect(await runner.open('nope')).toBe(false);
    expect(runner.world).toBe(playground);
    expect(await runner.open('fixture-login')).toBe(true);
    expect(made).toHaveLength(1);
    expect(runner.world).toBe(made[0]);
    expect(runner.world.settings.SESSION_COOKIE_AGE).toBe(600); // start.settings
    expect(runner.world.network).toEqual([]);
    expect(runner.step?.id).toBe('intro');
    runner.close();
    expect(runner.world).toBe(playground);
    expect(playground.settings.SESSION_COOKIE_AGE).toBe(1209600);
    expect(playground.network).toHaveLength(1);
  });

  it('resumes a lesson where the student left it, in the same world', async () => {
    const { runner, made, progress } = setup();
    await runner.open('fixture-login');
    runner.next();
    await runner.doItForMe(); // open-form
    runner.next();
    expect(runner.step?.id).toBe('log-in');
    runner.close();
    await runner.open('fixture-login');
    expect(runner.step?.id).toBe('log-in');
    expect(runner.world).toBe(made[0]);
    expect(made).toHaveLength(1);
    expect(progress.position('fixture-login')).toEqual({ step: 'log-in', reached: 'log-in' });
  });

  it('resumes from a saved world after a reload, and starts afresh when the world is gone', async () => {
    const progress = new LessonProgress(null);
    const first = setup(progress);
    await first.runner.open('fixture-login', 2); // caught up to log-in
    const saved = new Map([['fixture-login', first.runner.world]]);
    const reloaded = setup(progress, saved);
    await reloaded.runner.open('fixture-login');
    expect(reloaded.runner.step?.id).toBe('log-in');
    expect(reloaded.runner.world).toBe(first.runner.world);
    // The same progress without the saved world: step 1 of a fresh world, not a contradiction.
    const lost = setup(progress);
    await lost.runner.open('fixture-login');
    expect(lost.runner.step?.id).toBe('intro');
  });

  it('catches up with a linked step further than the world has been: steps done, and said', async () => {
    const { runner } = setup();
    expect(await runner.open('fixture-login', 99)).toBe(true);
    expect(runner.index).toBe(10); // clamped to the last step
    expect(runner.notes).toEqual([{ kind: 'caught-up', from: 1, to: 10 }]);
    expect(runner.error).toBeNull();
    expect(runner.hash).toBe('#/lesson/fixture-login/11');
    await runner.open('fixture-login', 1); // back by a link: no catching up, nothing said
    expect(runner.index).toBe(1);
    expect(runner.notes).toEqual([]);
    expect(runner.canAdvance).toBe(true); // the world has been past it
  });

  it('shows the linked step all through its catch-up, not the steps walked through', async () => {
    const { runner } = setup();
    const seen = new Set<string>();
    runner.subscribe(() => {
      if (runner.lesson) seen.add(`${runner.busy} ${runner.shownIndex} ${runner.hash}`);
    });
    await runner.open('fixture-login', 8);
    expect(runner.index).toBe(8);
    expect([...seen]).toEqual([
      'opening 8 #/lesson/fixture-login/9',
      'false 8 #/lesson/fixture-login/9',
    ]);
    // "Do it for me" where nothing less will do rebuilds the world from its start: the same.
    runner.world.closeBrowser('A'); // see "does it for me from anywhere" below
    seen.clear();
    expect((await runner.doItForMe()).notes).toEqual([{ kind: 'rebuilt', upTo: 8 }]);
    expect([...seen]).toEqual([
      'doing 8 #/lesson/fixture-login/9',
      'false 8 #/lesson/fixture-login/9',
    ]);
  });

  it('restarts a lesson: its world back to the start, step 1', async () => {
    const { runner, made } = setup();
    await runner.open('fixture-login', 4);
    expect(runner.world.server.storedSessions()).toHaveLength(1);
    await runner.restart();
    expect(runner.world).toBe(made[0]);
    expect(runner.index).toBe(0);
    expect(runner.world.server.storedSessions()).toHaveLength(0);
    expect(runner.world.settings.SESSION_COOKIE_AGE).toBe(600);
    runner.next();
    expect(runner.canAdvance).toBe(false); // done in a world since rebuilt: to be done again
  });
});

describe('LessonRunner: steps', () => {
  it('lights "next" when the check holds, re-evaluated on every change of the world', async () => {
    const { runner, progress } = setup();
    await runner.open('fixture-login');
    expect(runner.passed).toBe(true); // a reading step
    expect(progress.isDone('fixture-login', 'intro')).toBe(true);
    expect(runner.next()).toBe(true);
    expect(runner.step?.id).toBe('open-form');
    expect(runner.canAdvance).toBe(false);
    let notified = 0;
    runner.subscribe(() => notified++);
    await runner.world.navigate('A', '/myapp/connection/'); // the student does it by hand
    expect(runner.passed).toBe(true);
    expect(runner.canAdvance).toBe(true);
    expect(notified).toBeGreaterThan(0);
    expect(progress.isDone('fixture-login', 'open-form')).toBe(true);
  });

  it('says what is missing, and Next pressed too early says it louder', async () => {
    const { runner } = setup();
    await runner.open('fixture-login', 2); // log-in
    await runner.world.navigate('A', '/myapp/connection/');
    expect(runner.missing.map((c) => c.type)).toEqual(['response', 'cookie']);
    expect(runner.next()).toBe(false);
    expect(runner.nudged).toBe(true);
    await runner.world.submitForm('A', 0, { username: 'alice', password: 'x' });
    expect(runner.missing).toEqual([]);
    expect(runner.nudged).toBe(false);
  });

  it('counts what was done a moment early, but not what came before the step before', async () => {
    const { runner } = setup();
    await runner.open('fixture-login', 1); // open-form
    const world = runner.world;
    await world.navigate('A', '/myapp/connection/'); // open-form done
    await world.submitForm('A', 0, { username: 'alice', password: 'x' }); // log-in, early
    expect(runner.next()).toBe(true);
    expect(runner.step?.id).toBe('log-in');
    expect(runner.passed).toBe(true); // the early login counts
    // Back and forth: a step entered again starts a new window.
    runner.prev();
    runner.prev();
    runner.next();
    runner.next();
    expect(runner.step?.id).toBe('log-in');
    expect(runner.passed).toBe(false); // the login was before open-form's window
    expect(runner.canAdvance).toBe(true); // but the world has been past it
  });

  it('a step done stays done when the student goes on and undoes it', async () => {
    const { runner } = setup();
    await runner.open('fixture-login', 1);
    await runner.world.navigate('A', '/myapp/connection/');
    await runner.world.navigate('A', '/myapp/login/'); // the page check no longer holds
    expect(runner.passed).toBe(false);
    expect(runner.canAdvance).toBe(true);
  });

  it('does it for me: the starting condition first (said), then the actions', async () => {
    const { runner } = setup();
    await runner.open('fixture-login', 2); // log-in: before it, nobody may be logged in
    const world = runner.world;
    await world.navigate('A', '/myapp/connection/');
    await world.submitForm('A', 0, { username: 'mallory', password: 'x' });
    const result = await runner.doItForMe();
    expect(result.error).toBeNull();
    expect(result.notes).toEqual([
      {
        kind: 'fixed',
        actions: [
          { type: 'navigate', browser: 'A', path: '/myapp/logout/' },
          { type: 'navigate', browser: 'A', path: '/myapp/connection/' },
        ],
      },
    ]);
    expect(runner.passed).toBe(true);
    expect(runner.notes).toEqual(result.notes);
    runner.next();
    expect(runner.notes).toEqual([]); // a new step: the note is gone
  });

  it('does it for me from anywhere: the world rebuilt when nothing less will do', async () => {
    const { runner, made } = setup();
    await runner.open('fixture-login', 8); // restart: the planted cookie must be deleted
    runner.world.closeBrowser('A'); // and it was a browser-session cookie: gone
    const result = await runner.doItForMe();
    expect(result.error).toBeNull();
    expect(runner.passed).toBe(true);
    expect(result.notes).toEqual([{ kind: 'rebuilt', upTo: 8 }]);
    expect(runner.world).toBe(made[0]);
    expect(runner.index).toBe(8);
  });

  it('reports a step that cannot be done, as a code the UI translates', async () => {
    const { runner } = setup();
    await runner.open('fixture-broken', 1);
    const result = await runner.doItForMe();
    expect(result.error).toMatchObject({
      code: 'check-failed',
      values: { step: 2 },
      message: 'step 2 (open) did not pass its check.',
    });
    expect(runner.error).toEqual(result.error);
    expect(runner.busy).toBe(false);
    runner.prev();
    expect(runner.error).toBeNull(); // another step: the message is gone
  });

  it('ignores stepping and a second "do it for me" while busy', async () => {
    const { runner } = setup();
    await runner.open('fixture-login', 1);
    const open = runner.doItForMe();
    expect(runner.busy).toBe('doing');
    expect(runner.next()).toBe(false);
    expect(runner.prev()).toBe(false);
    expect(await runner.doItForMe()).toEqual({ effects: [], notes: [], error: null });
    await open;
    expect(runner.world.network).toHaveLength(1);
  });

  it('evaluates language-dependent checks in the chosen language', async () => {
    const { runner } = setup();
    await runner.open('fixture-login', 2);
    runner.setLang('bn');
    await runner.doItForMe(); // logs in as রহিম
    expect(runner.passed).toBe(true);
    runner.setLang('en'); // the check now wants "alice"
    expect(runner.passed).toBe(false);
    expect(runner.world.server.storedSessions()[0]?.data.get('username')).toBe('রহিম');
  });

  it('stops listening when disposed', async () => {
    const { runner } = setup();
    await runner.open('fixture-login', 1);
    runner.dispose();
    await runner.world.navigate('A', '/myapp/connection/');
    expect(runner.passed).toBe(false);
  });
});

describe('deep links', () => {
  it('parses #/lesson/<slug>/<n> (1-based), #/lesson/<slug> (resume), and a lang in the hash', () => {
    expect(parseHash('#/lesson/login/3')).toEqual({ slug: 'login', step: 3, index: 2 });
    expect(parseHash('#/lesson/login')).toEqual({ slug: 'login' });
    expect(parseHash('#/lesson/what-is-a-session/12/')).toEqual({
      slug: 'what-is-a-session',
      step: 12,
      index: 11,
    });
    expect(parseHash('/lesson/login/2?lang=bn')).toEqual({
      slug: 'login',
      step: 2,
      index: 1,
      lang: 'bn',
    });
    expect(parseHash('#/lesson/login/2?lang=fr')).toEqual({ slug: 'login', step: 2, index: 1 });
    for (const bad of [
      '',
      '#/',
      '#/lesson/',
      '#/lesson/login/0',
      '#/lesson/Login/1',
      '#/lesson/a/b',
      '#/lessons/login/1',
      '#/lesson/../x/1',
    ])
      expect(parseHash(bad)).toBeNull();
  });

  it('formats hashes and share links that keep the path, the query and set the language', () => {
    expect(formatHash('login', 3)).toBe('#/lesson/login/3');
    expect(formatHash('login')).toBe('#/lesson/login');
    expect(parseHash(formatHash('logout', 7))).toEqual({ slug: 'logout', step: 7, index: 6 });
    const location = {
      origin: 'https://example.org',
      pathname: '/django-sessions/',
      search: '?lang=en&theme=big',
    };
    expect(shareLink(location, 'login', 3, 'bn')).toBe(
      'https://example.org/django-sessions/?lang=bn&theme=big#/lesson/login/3',
    );
    expect(shareLink({ ...location, search: '' }, 'expiry', 1, 'en')).toBe(
      'https://example.org/django-sessions/?lang=en#/lesson/expiry/1',
    );
  });
});
