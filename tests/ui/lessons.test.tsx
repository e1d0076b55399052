// @vitest-environment jsdom
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import type { DoItResult } from '../../src/lessons/runner';
import { renderApp, startMsw } from './helpers';

let stop: () => void;
beforeAll(() => {
  stop = startMsw();
});
afterAll(() => stop());
beforeEach(() => {
  window.history.replaceState(null, '', '/');
});

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
  it('opens from a deep link, waits for the engine, and goes on after "Do it for me"', async () => {
    window.history.replaceState(null, '', '/#/lesson/login/4');
    const { user, runner } = renderApp();
    expect(await screen.findByText('Step 4 of 6')).toBeInTheDocument();
    const next = screen.getByRole('button', { name: 'Next' });
    expect(next).toBeDisabled();
    expect(screen.getByText(/Not done yet/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Do it for me' }));
    await waitFor(() => expect(next).toBeEnabled());
    expect(screen.getByText(/Done: the playground checked that it happened/)).toBeInTheDocument();
    expect(runner.progress.isDone('login', 'post')).toBe(true);
    await user.click(next);
    expect(await screen.findByText('Step 5 of 6')).toBeInTheDocument();
    expect(window.location.hash).toBe('#/lesson/login/5');
    // The browser's back button returns to step 4 (done, so Next is lit at once).
    await act(async () => {
      window.history.back();
      await new Promise((r) => setTimeout(r, 50));
    });
    expect(await screen.findByText('Step 4 of 6')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Next' })).toBeEnabled();
  });

  it('keeps the step and the world when the language changes mid-lesson', async () => {
    window.history.replaceState(null, '', '/#/lesson/login/4');
    const { user, world } = renderApp();
    await screen.findByText('Step 4 of 6');
    await user.click(screen.getByRole('button', { name: 'Do it for me' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Next' })).toBeEnabled());
    const cookie = world.activeTab.browser.jar.all()[0]?.value;
    await user.click(screen.getByRole('button', { name: 'বাংলা' }));
    expect(await screen.findByText('ধাপ ৪ / ৬')).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { level: 2, name: 'লগইন: সেশনে ইউজারনেম রাখা' }),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(document.querySelector('.prose')).toHaveTextContent(
        'ইউজারনেমে `রহিম`'.replace(/`/g, ''),
      ),
    );
    expect(screen.getByRole('button', { name: 'পরের ধাপ' })).toBeEnabled();
    expect(world.activeTab.browser.jar.all()[0]?.value).toBe(cookie);
    await user.click(screen.getByRole('button', { name: 'English' }));
  });

  it('steps with PageDown and PageUp from the keyboard', async () => {
    window.history.replaceState(null, '', '/#/lesson/login/1');
    const { user } = renderApp();
    await screen.findByText('Step 1 of 6');
    await user.keyboard('{PageDown}');
    expect(await screen.findByText('Step 2 of 6')).toBeInTheDocument();
    await user.keyboard('{PageUp}');
    expect(await screen.findByText('Step 1 of 6')).toBeInTheDocument();
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

describe('a step opened before the steps it builds on', () => {
  it('says so, and says why "Do it for me" then fails', async () => {
    window.history.replaceState(null, '', '/#/lesson/httponly-xss/8');
    const { user } = renderApp();
    expect(await screen.findByText('Step 8 of 9')).toBeInTheDocument();
    expect(screen.getByText(/some of them have not been done in this playground/)).toBeVisible();
    const start = screen.getByRole('link', { name: 'Start from step 1' });
    expect(start).toHaveAttribute('href', '#/lesson/httponly-xss/1');
    await user.click(screen.getByRole('button', { name: 'Do it for me' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      '“Do it for me” could not do this step here: There is no browser B.',
    );
    await go('#/lesson/httponly-xss/1');
    expect(await screen.findByText('Step 1 of 9')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.queryByText(/have not been done in this playground/)).not.toBeInTheDocument();
  });

  it("does the earlier steps on request, from a fresh playground, and keeps the link's settings", async () => {
    window.history.replaceState(null, '', '/#/lesson/httponly-xss/8?SESSION_COOKIE_AGE=600');
    const { user, world, runner } = renderApp();
    expect(await screen.findByText(/This link set these settings/)).toBeInTheDocument();
    world.addTab('stray'); // gone after the fresh start
    const before = window.history.length;
    const asked = vi.spyOn(window, 'confirm').mockReturnValue(true);
    await user.click(screen.getByRole('button', { name: 'Do steps 1–7 for me' }));
    expect(asked).toHaveBeenCalledWith(expect.stringContaining('do steps 1–7 for you?'));
    asked.mockRestore();
    await waitFor(() =>
      expect(screen.queryByText(/have not been done in this playground/)).not.toBeInTheDocument(),
    );
    expect(screen.getByText('Step 8 of 9')).toBeInTheDocument();
    expect(window.location.hash).toBe('#/lesson/httponly-xss/8');
    expect(window.history.length).toBe(before); // back does not walk through steps 1 to 7
    expect(runner.progress.doneSteps('httponly-xss').size).toBe(7);
    expect(world.tabs.map((t) => t.id)).toEqual(['A', 'B']);
    expect(world.stolen.length).toBeGreaterThan(0);
    expect(world.settings.SESSION_COOKIE_AGE).toBe(600);
    expect(world.settings.SESSION_COOKIE_HTTPONLY).toBe(false);
    // Now step 8's own "Do it for me" works.
    await user.click(screen.getByRole('button', { name: 'Do it for me' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Next' })).toBeEnabled());
  });
});

describe('catching up', () => {
  it('finishes first when the address changes meanwhile, then the address follows it', async () => {
    window.history.replaceState(null, '', '/#/lesson/httponly-xss/8');
    const { runner } = renderApp();
    expect(await screen.findByText('Step 8 of 9')).toBeInTheDocument();
    let caught: Promise<DoItResult> = Promise.resolve({ effects: [], error: null });
    act(() => {
      caught = runner.catchUp();
      // The browser's back button, pressed before the catch-up is through.
      window.location.hash = '#/';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(await act(() => caught)).toMatchObject({ error: null });
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
    const { world } = renderApp();
    const status = await screen.findByText(/This link set these settings/);
    expect(status.closest('[role="status"]')).toHaveTextContent(
      'SESSION_COOKIE_AGE = 60SESSION_COOKIE_HTTPONLY = False',
    );
    expect(world.settings).toMatchObject({
      SESSION_COOKIE_AGE: 60,
      SESSION_COOKIE_HTTPONLY: false,
    });
    expect(screen.getByText(/^Step 2 of/)).toBeInTheDocument();
    expect(window.location.hash).toBe('#/lesson/expiry/2');
    // Settings changed since are the student's: the same step opened again keeps them.
    world.applySettings({ SESSION_COOKIE_AGE: 120 });
    await go('#/lesson/expiry/2');
    expect(world.settings.SESSION_COOKIE_AGE).toBe(120);
  });

  it('refuses a link with a bad setting, names it, and changes nothing', async () => {
    window.history.replaceState(
      null,
      '',
      '/#/lesson/login/2?SESSION_COOKIE_AGE=60&SESSION_ENGNE=db',
    );
    const { world } = renderApp();
    const alert = await screen.findByText(/Nothing from this link was applied/);
    expect(alert.closest('[role="alert"]')).toHaveTextContent(
      'SESSION_ENGNE = db: no such setting in the playground.',
    );
    expect(world.settings.SESSION_COOKIE_AGE).toBe(1209600);
  });

  it('shares the current settings when asked to', async () => {
    window.history.replaceState(null, '', '/#/lesson/login/3');
    const { user, world } = renderApp();
    await screen.findByText('Step 3 of 6');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Next' })).toBeInTheDocument());
    act(() => void world.applySettings({ SESSION_ENGINE: 'cache' }));
    await user.click(screen.getByText('Share this step, start over'));
    const input = screen.getByRole('textbox', { name: /Link to this step/ });
    expect(input).toHaveValue('http://localhost:3000/?lang=en#/lesson/login/3');
    await user.click(
      screen.getByRole('checkbox', {
        name: "with this playground's settings (1 differs from Django's defaults)",
      }),
    );
    expect(input).toHaveValue(
      'http://localhost:3000/?lang=en#/lesson/login/3?SESSION_ENGINE=cache',
    );
  });
});

describe('predict, then reveal', () => {
  it('shows the question with its code, takes an answer, and grades it once the step has run', async () => {
    window.history.replaceState(null, '', '/#/lesson/signed-cookies/1');
    const { user } = renderApp();
    await screen.findByText('Step 1 of 7');
    await user.click(screen.getByRole('button', { name: 'Do it for me' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Next' })).toBeEnabled());
    await user.click(screen.getByRole('button', { name: 'Next' }));
    const question = await screen.findByRole('group', { name: /Predict: With signed_cookies/ });
    expect(within(question).getByText("{'username': 'alice'}").tagName).toBe('CODE');
    await user.click(within(question).getByRole('radio', { name: /A row with/ }));
    expect(within(question).getByText(/checked against what Django does/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Do it for me' }));
    await waitFor(() =>
      expect(within(question).getByText(/✗ not what happened/)).toBeInTheDocument(),
    );
    expect(within(question).getByRole('radio', { name: /Nothing at all/ })).toBeDisabled();
    expect(within(question).getByText('✓ this is what happened', { exact: false })).toBeVisible();
  });
});
