// @vitest-environment jsdom
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import { renderApp, startMsw } from './helpers';
import { World } from '../../src/world/world';
import { VirtualClock } from '../../src/world/clock';

let stop: () => void;
beforeAll(() => {
  stop = startMsw();
});
afterAll(() => stop());
beforeEach(() => {
  window.history.replaceState(null, '', '/');
});

/** Presses "Do it for me" once it wakes up (with the step's world and its text), as a student would. */
async function doItForMe(user: ReturnType<typeof renderApp>['user']) {
  const button = screen.getByRole('button', { name: 'Do it for me' });
  await waitFor(() => expect(button).toBeEnabled(), { timeout: 5000 });
  await user.click(button);
}

const go = (hash: string) =>
  act(() => {
    window.location.hash = hash;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });

describe('the lesson list', () => {
  it('lists the eight lessons with their progress, and opens one', async () => {
    renderApp();
    const lists = await screen.findAllByRole('list');
    const lessonLinks = within(
      lists.find((l) => l.classList.contains('lesson-list')) as HTMLElement,
    ).getAllByRole('link');
    expect(lessonLinks).toHaveLength(8);
    expect(lessonLinks[2]).toHaveTextContent('login: storing the username');
    expect(screen.getAllByText('0 of 6 steps done').length).toBeGreaterThan(0);
    await go('#/lesson/login/1');
    expect(await screen.findByText('Step 1 of 6')).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { level: 2, name: 'login: storing the username' }),
    ).toBeInTheDocument();
  });
});

describe('a lesson step', () => {
  it('opens from a deep link in its own world, catching up, and goes on after "Do it for me"', async () => {
    window.history.replaceState(null, '', '/#/lesson/login/4');
    // What the student sees while the steps before it are done: step 4 all along, and its link.
    const seen = new Set<string>();
    const look = () => {
      const status = document.querySelector('.step-status')?.textContent;
      const position = document.querySelector('.step-position')?.textContent;
      if (position) seen.add(`${position}: ${status} ${window.location.hash}`);
    };
    const watch = new MutationObserver(look);
    watch.observe(document.body, { subtree: true, childList: true, characterData: true });
    const { user, runner, engine } = renderApp();
    const playground = engine.world;
    expect(await screen.findByText('Step 4 of 6')).toBeInTheDocument();
    expect(
      await screen.findByText(/Steps 1–3 were done for you/, undefined, { timeout: 5000 }),
    ).toBeInTheDocument();
    watch.disconnect();
    expect([...seen].filter((s) => !s.startsWith('Step 4 of 6: '))).toEqual([]);
    expect([...seen].filter((s) => !s.endsWith(' #/lesson/login/4'))).toEqual([]);
    expect(seen).toContain("Step 4 of 6: Preparing this lesson's world… #/lesson/login/4");
    expect(engine.world).not.toBe(playground);
    expect(playground.network).toEqual([]); // the student's playground is left alone
    const next = screen.getByRole('button', { name: 'Next' });
    expect(next).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByText(/Not done yet/)).toBeInTheDocument();
    // Pressed anyway: it says what is still missing.
    await user.click(next);
    expect(screen.getByText(/still to do before “Next”/i)).toBeInTheDocument();
    expect(document.querySelector('.still-to-do')).toHaveTextContent(
      'Browser A: POST /myapp/login/, the answer sets the cookie sessionid',
    );
    await doItForMe(user);
    await waitFor(() => expect(next).toHaveAttribute('aria-disabled', 'false'));
    expect(screen.getByText(/Done: the playground checked that it happened/)).toBeInTheDocument();
    expect(runner.progress.isDone('login', 'post')).toBe(true);
    await user.click(next);
    expect(await screen.findByText('Step 5 of 6')).toBeInTheDocument();
    expect(window.location.hash).toBe('#/lesson/login/5');
    expect(document.activeElement).toHaveTextContent('Step 5 of 6'); // focus moved to the step
    // The browser's back button returns to step 4 (done, so Next is lit at once).
    await act(async () => {
      window.history.back();
      await new Promise((r) => setTimeout(r, 50));
    });
    expect(await screen.findByText('Step 4 of 6')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next' })).toHaveAttribute('aria-disabled', 'false');
    // Back to the playground, and into the lesson again where it was left.
    await user.click(screen.getByRole('link', { name: 'Back to my playground' }));
    await waitFor(() => expect(engine.world).toBe(playground));
    await go('#/lesson/login');
    expect(await screen.findByText('Step 4 of 6')).toBeInTheDocument();
  });

  it('keeps the step and the world when the language changes mid-lesson', async () => {
    window.history.replaceState(null, '', '/#/lesson/login/4');
    const { user, engine } = renderApp();
    await screen.findByText('Step 4 of 6');
    await doItForMe(user);
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Next' })).toHaveAttribute(
        'aria-disabled',
        'false',
      ),
    );
    const world = engine.world;
    const cookie = world.activeTab.browser.jar.all()[0]?.value;
    await user.click(screen.getByRole('button', { name: 'বাংলা' }));
    expect(await screen.findByText('ধাপ ৪ / ৬')).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { level: 2, name: 'লগইন: সেশনে ইউজারনেম রাখা' }),
    ).toBeInTheDocument();
    // Still done: Next is lit again once the step's Bangla text is on screen.
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'পরের ধাপ' })).toHaveAttribute(
        'aria-disabled',
        'false',
      ),
    );
    expect(engine.world).toBe(world);
    expect(world.activeTab.browser.jar.all()[0]?.value).toBe(cookie);
    await user.click(screen.getByRole('button', { name: 'English' }));
  });

  it('says in the page\'s language what "Do it for me" did to start the step', async () => {
    window.history.replaceState(null, '', '/?lang=bn#/lesson/login/4');
    const { user, engine } = renderApp({ lang: 'bn' });
    await screen.findByText('ধাপ ৪ / ৬');
    await waitFor(() => expect(engine.runner.lesson?.slug).toBe('login'));
    // The student logs in early, by hand: the form is gone from browser A's page.
    await act(async () => {
      await engine.world.navigate('A', '/myapp/connection/');
      await engine.world.submitForm('A', 0, { username: 'mallory', password: 'x' });
    });
    await user.click(screen.getByRole('button', { name: 'আমার হয়ে করে দিন' }));
    const note = await screen.findByText(/এই ধাপ শুরু করতে আগে/);
    expect(note.closest('[role="status"]')).toHaveTextContent(
      'ব্রাউজার A-তে /myapp/logout/ খোলা হয়েছে',
    );
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'পরের ধাপ' })).toHaveAttribute(
        'aria-disabled',
        'false',
      ),
    );
  });

  it('steps with PageDown and PageUp from the keyboard, and PageDown on an unfinished step says why', async () => {
    window.history.replaceState(null, '', '/#/lesson/login/1');
    const { user } = renderApp();
    await screen.findByText('Step 1 of 6');
    await waitFor(() => expect(screen.getByText(/^Step 1 of 6/)).toBeInTheDocument());
    await user.keyboard('{PageDown}');
    expect(await screen.findByText('Step 2 of 6')).toBeInTheDocument();
    await user.keyboard('{PageDown}');
    expect(await screen.findByText(/still to do before “Next”/i)).toBeInTheDocument();
    expect(screen.getByText('Step 2 of 6')).toBeInTheDocument();
    await user.keyboard('{PageUp}');
    expect(await screen.findByText('Step 1 of 6')).toBeInTheDocument();
  });

  it('wakes its controls only with its text, so that they do not jump under the finger', async () => {
    let arrive = () => {};
    const textArrives = new Promise<void>((resolve) => (arrive = resolve));
    const { runner } = renderApp({ textArrives });
    await go('#/lesson/logout/1');
    await waitFor(() => expect(runner.lesson?.slug).toBe('logout'));
    await waitFor(() => expect(runner.busy).toBe(false));
    // The lesson's world is ready, its prose is still on its way.
    expect(screen.getByText('Step 1 of 7')).toBeInTheDocument();
    const doIt = screen.getByRole('button', { name: 'Do it for me' });
    expect(doIt).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Next' })).toHaveAttribute('aria-disabled', 'true');
    expect(document.querySelector('.step-status')).toHaveTextContent('Loading…');
    expect(document.querySelector('.step-status')).toHaveAttribute('aria-busy', 'true');
    expect(document.querySelector('.still-to-do')).toBeNull();
    await act(async () => {
      arrive();
      await textArrives;
    });
    await waitFor(() => expect(doIt).toBeEnabled());
    expect(document.querySelector('.lesson-player .prose')).not.toHaveTextContent('Loading…');
    expect(document.querySelector('.still-to-do')).not.toBeNull();
    expect(document.querySelector('.step-status')).not.toHaveAttribute('aria-busy');
  });

  it('shows the tutorial code next to modern Django with the running lines marked', async () => {
    window.history.replaceState(null, '', '/#/lesson/login/1');
    renderApp();
    await screen.findByText('Step 1 of 6');
    expect(screen.getByText('The tutorial')).toBeInTheDocument();
    expect(screen.getByText('Modern Django')).toBeInTheDocument();
    const hot = document.querySelectorAll('.code-block .line.hot');
    expect(hot.length).toBeGreaterThan(0);
    expect(hot[0]).toHaveTextContent('(runs in this step)');
  });
});

describe('a link into the middle of a lab', () => {
  it("catches up in the lab's own world, keeps the link's settings, and the step can be done", async () => {
    window.history.replaceState(null, '', '/#/lesson/httponly-xss/8?SESSION_COOKIE_AGE=600');
    const { user, engine, runner } = renderApp();
    const playground = engine.world;
    // Seven steps caught up first: on a loaded 2-core machine that can take over a second.
    expect(
      await screen.findByText(/This link set these settings/, undefined, { timeout: 5000 }),
    ).toBeInTheDocument();
    expect(screen.getByText(/Steps 1–7 were done for you/)).toBeInTheDocument();
    expect(screen.getByText('Step 8 of 9')).toBeInTheDocument();
    expect(window.location.hash).toBe('#/lesson/httponly-xss/8');
    const world = engine.world;
    expect(world).not.toBe(playground);
    expect(runner.progress.doneSteps('httponly-xss').size).toBe(7);
    expect(world.tabs.map((t) => t.id)).toEqual(['A', 'B']);
    expect(world.stolen.length).toBeGreaterThan(0);
    expect(world.settings.SESSION_COOKIE_AGE).toBe(600);
    expect(world.settings.SESSION_COOKIE_HTTPONLY).toBe(false);
    expect(playground.settings.SESSION_COOKIE_AGE).toBe(1209600);
    await doItForMe(user);
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Next' })).toHaveAttribute(
        'aria-disabled',
        'false',
      ),
    );
  });

  it('finishes first when the address changes meanwhile, then the address follows it', async () => {
    window.history.replaceState(null, '', '/#/lesson/httponly-xss/8');
    const { runner } = renderApp();
    // The browser's back button, pressed while the catch-up is at step 4.
    let pressed = false;
    const unsubscribe = runner.subscribe(() => {
      if (pressed || !runner.busy || runner.index !== 3) return;
      pressed = true;
      window.location.hash = '#/';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    await waitFor(() => expect(pressed).toBe(true), { timeout: 5000 });
    await waitFor(() => expect(runner.busy).toBe(false), { timeout: 5000 });
    unsubscribe();
    await waitFor(() => expect(window.location.hash).toBe('#/lesson/httponly-xss/8'));
    expect(screen.getByText('Step 8 of 9')).toBeInTheDocument();
    expect(runner.progress.doneSteps('httponly-xss').size).toBe(7);
  });
});

describe('a link with settings', () => {
  it('applies them once the step is open, says so, and drops them from the address', async () => {
    window.history.replaceState(
      null,
      '',
      '/#/lesson/expiry/2?SESSION_COOKIE_AGE=60&SESSION_COOKIE_HTTPONLY=False',
    );
    const { engine } = renderApp();
    const status = await screen.findByText(/This link set these settings/);
    expect(status.closest('[role="status"]')).toHaveTextContent(
      'SESSION_COOKIE_AGE = 60SESSION_COOKIE_HTTPONLY = False',
    );
    const world = engine.world;
    expect(world.settings).toMatchObject({
      SESSION_COOKIE_AGE: 60,
      SESSION_COOKIE_HTTPONLY: false,
    });
    expect(screen.getByText(/^Step 2 of/)).toBeInTheDocument();
    expect(window.location.hash).toBe('#/lesson/expiry/2');
    // Settings changed since are the student's: the same step opened again keeps them.
    act(() => void world.applySettings({ SESSION_COOKIE_AGE: 120 }));
    await go('#/lesson/expiry/2');
    expect(world.settings.SESSION_COOKIE_AGE).toBe(120);
  });

  it('refuses a link with a bad setting, names it, and changes nothing', async () => {
    window.history.replaceState(
      null,
      '',
      '/#/lesson/login/2?SESSION_COOKIE_AGE=60&SESSION_ENGNE=db',
    );
    const { engine } = renderApp();
    const alert = await screen.findByText(/Nothing from this link was applied/);
    expect(alert.closest('[role="alert"]')).toHaveTextContent(
      'SESSION_ENGNE = db: no such setting in the playground.',
    );
    expect(engine.world.settings.SESSION_COOKIE_AGE).toBe(1209600);
  });

  it('shares the current settings when asked to', async () => {
    window.history.replaceState(null, '', '/#/lesson/login/3');
    const { user, engine } = renderApp();
    await screen.findByText('Step 3 of 6');
    await waitFor(() => expect(engine.runner.lesson?.slug).toBe('login'));
    await waitFor(() => expect(engine.runner.busy).toBe(false));
    act(() => void engine.world.applySettings({ SESSION_ENGINE: 'cache' }));
    await user.click(screen.getByText('Share this step'));
    const input = screen.getByRole('textbox', { name: /Link to this step/ });
    expect(input).toHaveValue('http://localhost:3000/?lang=en#/lesson/login/3');
    await user.click(
      screen.getByRole('checkbox', {
        name: "with this lesson's settings (1 differs from Django's defaults)",
      }),
    );
    expect(input).toHaveValue(
      'http://localhost:3000/?lang=en#/lesson/login/3?SESSION_ENGINE=cache',
    );
  });
});

describe('predict, then reveal', () => {
  it('shows the question with its code, takes an answer, and grades it once the step has run', async () => {
    window.history.replaceState(null, '', '/#/lesson/signed-cookies/2');
    const { user } = renderApp();
    await screen.findByText('Step 2 of 7');
    const question = await screen.findByRole('group', { name: /Predict: With signed_cookies/ });
    expect(within(question).getByText("{'username': 'alice'}").tagName).toBe('CODE');
    // What happened is kept back while there are questions to answer.
    const reveal = /The cookie is the session/;
    expect(screen.queryByText(reveal)).not.toBeInTheDocument();
    expect(screen.getByText(/Answer the question above \(or skip it\)/)).toBeInTheDocument();
    await user.click(within(question).getByRole('radio', { name: /A row with/ }));
    expect(within(question).getByText(/checked against what Django does/)).toBeInTheDocument();
    const second = screen.getByRole('group', { name: /Predict: What will the/ });
    await user.click(within(second).getByRole('radio', { name: /Something longer/ }));
    expect(screen.getByText(/Now do the step: what happened/)).toBeInTheDocument();
    expect(screen.queryByText(reveal)).not.toBeInTheDocument();
    await doItForMe(user);
    await waitFor(() =>
      expect(within(question).getByText(/✗ not what happened/)).toBeInTheDocument(),
    );
    expect(within(question).getByRole('radio', { name: /Nothing at all/ })).toBeDisabled();
    expect(within(question).getByText('✓ this is what happened', { exact: false })).toBeVisible();
    expect(within(second).getByText(/Right: that is what Django did/)).toBeInTheDocument();
    expect(document.querySelector('.prose.reveal')).toHaveTextContent(reveal);
  });

  it('shows what happened after the questions are skipped and the step is done', async () => {
    window.history.replaceState(null, '', '/#/lesson/logout/2');
    const { user } = renderApp();
    await screen.findByText('Step 2 of 7');
    await doItForMe(user);
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Next' })).toHaveAttribute(
        'aria-disabled',
        'false',
      ),
    );
    expect(document.querySelector('.prose.reveal')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Skip the question' }));
    expect(document.querySelector('.prose.reveal')).toHaveTextContent(/You are logged out/);
  });
});

describe('importing a file', () => {
  it('forgets the lesson worlds saved before it, and keeps their backup copies', async () => {
    window.history.replaceState(null, '', '/#/lesson/login/4');
    const { engine } = renderApp();
    expect(await screen.findByText('Step 4 of 6')).toBeInTheDocument();
    const lessonWorld = 'django-session-playground:world:lesson:login';
    // As autosave leaves it (not waited for: a loaded machine makes the wait flaky).
    localStorage.setItem(lessonWorld, '{"saved":"before the import"}');
    localStorage.setItem(`${lessonWorld}:backup:1`, '{"kept":true}');
    const imported = new World({
      clock: new VirtualClock(() => 1767225600000),
      transport: engine.transportFor,
    });
    act(() => engine.replaceWorld(imported));
    expect(engine.world).toBe(imported);
    expect(localStorage.getItem(lessonWorld)).toBeNull();
    expect(localStorage.getItem(`${lessonWorld}:backup:1`)).toBe('{"kept":true}');
    // The lesson opens again from its own start, not in the world from before the import.
    await go('#/lesson/login');
    expect(await screen.findByText('Step 1 of 6')).toBeInTheDocument();
  });
});
