// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { LessonProgress } from '../../src/lessons/progress';
import { formatHash, LessonRunner, parseHash, shareLink } from '../../src/lessons/runner';
import { fixtureLessons, testWorld } from './helpers';

function setup(progress = new LessonProgress(null)) {
  const { world } = testWorld();
  const lessons = Object.values(fixtureLessons());
  const runner = new LessonRunner(world, lessons, progress, 'en');
  return { world, runner, progress };
}

describe('LessonRunner', () => {
  it('opens a lesson at a step (clamped), or says there is no such lesson', () => {
    const { runner } = setup();
    expect(runner.start('nope')).toBe(false);
    expect(runner.lesson).toBeNull();
    expect(runner.canAdvance).toBe(false);
    expect(runner.start('fixture-login', 99)).toBe(true);
    expect(runner.index).toBe(10);
    expect(runner.isLast).toBe(true);
    expect(runner.hash).toBe('#/lesson/fixture-login/11');
    runner.start('fixture-login', -3);
    expect(runner.step?.id).toBe('intro');
  });

  it("applies the lesson's settings when it starts at the first step, and only what differs", () => {
    const progress = new LessonProgress(null);
    progress.markDone('fixture-login', 'intro');
    const { world, runner } = setup(progress);
    const apply = vi.spyOn(world, 'applySettings');
    // A lesson under way, reopened at a later step (a reload): its settings stay as they are.
    runner.start('fixture-login', 2);
    expect(apply).not.toHaveBeenCalled();
    runner.start('fixture-login', 0);
    expect(apply).toHaveBeenCalledWith({ SESSION_COOKIE_AGE: 600 });
    expect(world.settings.SESSION_COOKIE_AGE).toBe(600);
    runner.start('fixture-login', 0);
    expect(apply).toHaveBeenCalledTimes(1); // already so: no needless server restart
  });

  it("applies the lesson's settings when a link opens a lesson not yet begun in the middle", () => {
    const { world, runner } = setup();
    runner.start('fixture-login', 2);
    expect(world.settings.SESSION_COOKIE_AGE).toBe(600);
  });

  it('can start a lesson from a fresh world', async () => {
    const { world, runner } = setup();
    await world.navigate('A', '/myapp/connection/');
    world.addTab();
    runner.start('fixture-login', 0, { reset: true });
    expect(world.tabs.map((t) => t.id)).toEqual(['A']);
    expect(world.network).toEqual([]);
    expect(world.settings.SESSION_COOKIE_AGE).toBe(600); // the lesson's settings, after the reset
  });

  it('lights "next" when the check holds, re-evaluated on every change of the world', async () => {
    const { world, runner, progress } = setup();
    runner.start('fixture-login', 0);
    expect(runner.passed).toBe(true); // a reading step
    expect(progress.isDone('fixture-login', 'intro')).toBe(true);
    expect(runner.next()).toBe(true);
    expect(runner.step?.id).toBe('open-form');
    expect(runner.canAdvance).toBe(false);
    expect(runner.next()).toBe(false);
    let notified = 0;
    runner.subscribe(() => notified++);
    await world.navigate('A', '/myapp/connection/'); // the student does it by hand
    expect(runner.passed).toBe(true);
    expect(runner.canAdvance).toBe(true);
    expect(notified).toBeGreaterThan(0);
    expect(progress.isDone('fixture-login', 'open-form')).toBe(true);
  });

  it('counts only what happens after the step began', async () => {
    const { world, runner } = setup();
    runner.start('fixture-login', 1);
    await world.navigate('A', '/myapp/connection/');
    await world.submitForm('A', 0, { username: 'alice', password: 'x' });
    runner.start('fixture-login', 2); // log-in: wants a login response of its own
    expect(runner.passed).toBe(false);
    await world.navigate('A', '/myapp/logout/');
    await world.navigate('A', '/myapp/connection/');
    await world.submitForm('A', 0, { username: 'alice', password: 'x' });
    expect(runner.passed).toBe(true);
  });

  it('keeps a completed step completed (prev, then next again)', async () => {
    const { runner } = setup();
    runner.start('fixture-login', 1);
    await runner.doItForMe();
    expect(runner.next()).toBe(true);
    expect(runner.prev()).toBe(true);
    expect(runner.step?.id).toBe('open-form');
    expect(runner.passed).toBe(true); // the page check holds again (present state)
    runner.start('fixture-login', 2);
    await runner.doItForMe();
    runner.next();
    runner.prev(); // log-in: no new login response since re-entering, but it was done
    expect(runner.passed).toBe(false);
    expect(runner.canAdvance).toBe(true);
    runner.start('fixture-login', 0);
    expect(runner.prev()).toBe(false);
  });

  it('does it for me: the actions in order, their effects, and a failure as a message', async () => {
    const { world, runner } = setup();
    runner.start('fixture-login', 3); // the-row: shows the store panel
    expect(await runner.doItForMe()).toEqual({ effects: [{ panel: 'store' }], error: null });
    runner.start('fixture-login', 2); // log-in, on a blank page: no form to submit
    const result = await runner.doItForMe();
    expect(result.error).toBe("Browser A's page (about:blank) has no form to submit.");
    expect(runner.error).toBe(result.error);
    expect(runner.busy).toBe(false);
    expect(runner.passed).toBe(false);
    runner.start('fixture-login', 1);
    expect(runner.error).toBeNull();
    const open = runner.doItForMe();
    expect(runner.busy).toBe(true);
    expect(await runner.doItForMe()).toEqual({ effects: [], error: null }); // ignored while busy
    await open;
    expect(world.network).toHaveLength(1);
  });

  it('catches up: the steps before this one done from a fresh world, or where that stopped', async () => {
    const { world, runner, progress } = setup();
    world.addTab(); // a stray browser: the catch-up starts afresh
    runner.start('fixture-login', 4); // second-browser, opened by a link
    expect(runner.firstStepNotDoneBefore).toBe(0);
    runner.start('fixture-login', 1); // only 'intro' (read) before it: nothing to build on
    expect(runner.firstStepNotDoneBefore).toBeNull();
    runner.start('fixture-login', 4);
    const caught = runner.catchUp();
    expect(runner.busy).toBe(true);
    expect(runner.next()).toBe(false); // no stepping meanwhile
    expect(runner.prev()).toBe(false);
    expect(await caught).toEqual({ effects: [{}, {}, { panel: 'store' }], error: null });
    expect(runner.index).toBe(4);
    expect(runner.firstStepNotDoneBefore).toBeNull();
    expect([...progress.doneSteps('fixture-login')]).toEqual([
      'intro',
      'open-form',
      'log-in',
      'the-row',
    ]);
    expect(world.tabs.map((t) => t.id)).toEqual(['A']);
    // A lesson whose earlier step cannot pass: the catch-up stops there and says which.
    runner.start('fixture-broken', 2);
    const failed = await runner.catchUp();
    expect(failed.error).toBe('step 2 (open) did not pass its check.');
    expect(runner.index).toBe(1);
    expect(runner.busy).toBe(false);
  });

  it('evaluates language-dependent checks in the chosen language', async () => {
    const { world, runner } = setup();
    runner.start('fixture-login', 1);
    await runner.doItForMe();
    runner.next();
    runner.setLang('bn');
    await runner.doItForMe(); // logs in as রহিম
    expect(runner.passed).toBe(true);
    runner.setLang('en'); // the check now wants "alice"
    expect(runner.passed).toBe(false);
    expect(world.server.storedSessions()[0]?.data.get('username')).toBe('রহিম');
  });

  it('stops listening when disposed', async () => {
    const { world, runner } = setup();
    runner.start('fixture-login', 1);
    runner.dispose();
    await world.navigate('A', '/myapp/connection/');
    expect(runner.passed).toBe(false);
  });
});

describe('deep links', () => {
  it('parses #/lesson/<slug>/<n> (1-based) and tolerates a lang in the hash', () => {
    expect(parseHash('#/lesson/login/3')).toEqual({ slug: 'login', step: 3, index: 2 });
    expect(parseHash('#/lesson/login')).toEqual({ slug: 'login', step: 1, index: 0 });
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
