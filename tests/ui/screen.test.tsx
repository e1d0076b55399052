// @vitest-environment jsdom
/**
 * The screen a student learns from: whole keys with marks that tell keys apart, this browser's
 * session at a glance (cookie, row, both clocks), Cookie and Set-Cookie first in Network,
 * clear_expired() saying what it removed, and the language kept in the address.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act, screen, within, waitFor } from '@testing-library/react';
import { renderApp, startMsw, openPanel } from './helpers';
import { addressWithLanguage } from '../../src/ui/i18n';
import { MARK_COLOURS } from '../../src/ui/components/keyMarks';
import { handMadeCookie } from '../../src/browser/cookieJar';

let stop: () => void;
beforeAll(() => {
  stop = startMsw();
});
afterAll(() => stop());

type World = ReturnType<typeof renderApp>['world'];

async function login(world: World, tab = 'A', name = 'alice') {
  await act(async () => {
    await world.navigate(tab, '/myapp/connection/');
    await world.submitForm(tab, 0, { username: name, password: 'x' });
  });
}

const panel = (name: string) => screen.getByRole('tabpanel', { name });
const glance = () => screen.getByRole('region', { name: /session at a glance/ });
const keyOf = (world: World, tab: string) =>
  world
    .tab(tab)
    .browser.jar.all()
    .find((c) => c.name === 'sessionid')?.value as string;

/** The mark shown just before a key's text, and its colour. */
function markBefore(keyText: HTMLElement): { label: string; colour: string } {
  const chip = keyText.closest('.session-key')?.querySelector('.key-mark') as HTMLElement;
  return {
    label: chip.querySelector('.visually-hidden')?.textContent ?? '',
    colour: chip.style.getPropertyValue('--key-colour'),
  };
}

describe('the key link', () => {
  it('shows whole keys in Cookies and Store, one mark per key, different keys clearly apart', async () => {
    const { user, world } = renderApp();
    await login(world, 'A', 'alice');
    act(() => void world.addTab('Bob'));
    await login(world, 'B', 'bob');
    const a = keyOf(world, 'A');
    const b = keyOf(world, 'B');
    expect(a).toMatch(/^[a-z0-9]{32}$/);
    expect(b).not.toBe(a);

    act(() => world.setActiveTab('A'));
    const inCookies = within(panel('Cookies')).getByText(a);
    expect(inCookies.tagName).toBe('CODE');
    const markA = markBefore(inCookies);

    await openPanel(user, 'Session store');
    const store = panel('Session store');
    const rowA = within(store).getByText(a);
    const rowB = within(store).getByText(b);
    expect(markBefore(rowA)).toEqual(markA);
    const markB = markBefore(rowB);
    expect(markB.label).not.toBe(markA.label);
    expect(markB.colour).not.toBe(markA.colour);
    expect(MARK_COLOURS).toContain(markA.colour);
    expect(MARK_COLOURS).toContain(markB.colour);
    expect(markA.label).toMatch(/^key \d+$/);
  });
});

describe("this browser's session at a glance", () => {
  it('shows the cookie, its row, and both countdowns ticking on the virtual clock', async () => {
    const { world } = renderApp();
    expect(glance()).toHaveTextContent('No sessionid cookie in this browser.');
    await login(world);
    const key = keyOf(world, 'A');
    expect(within(glance()).getByText(key)).toBeInTheDocument();
    expect(glance()).toHaveTextContent("row in django_session: ●1key 1 {'username': 'alice'}");
    const clocks = () =>
      within(glance())
        .getAllByText(/days/)
        .map((c) => c.textContent);
    expect(clocks()).toEqual(['14 days 00:00:00', '14 days 00:00:00']);
    act(() => world.clock.jump(86_400_000 + 1000));
    await within(glance()).findAllByText('12 days 23:59:59');
    expect(clocks()).toEqual(['12 days 23:59:59', '12 days 23:59:59']);
  });

  it('says when the key in the cookie has no row: Django will not accept it', async () => {
    const { world } = renderApp();
    await login(world, 'A', 'alice'); // a real row exists, for another key
    act(
      () =>
        void world.putCookie(
          'A',
          handMadeCookie('sessionid', 'attackerchosen000000000000000000', 'localhost'),
        ),
    );
    expect(glance()).toHaveTextContent('attackerchosen000000000000000000');
    expect(glance()).toHaveTextContent(
      'No row in django_session for this key: Django will not accept it.',
    );
    expect(glance()).toHaveTextContent('until the browser closes');
  });

  it('with signed_cookies, shows the data in the cookie and how long Django honours the signature', async () => {
    const { world } = renderApp();
    act(
      () => void world.applySettings({ SESSION_ENGINE: 'signed_cookies', SESSION_COOKIE_AGE: 600 }),
    );
    await login(world);
    expect(glance()).toHaveTextContent('with signed_cookies the data is in the cookie itself');
    expect(glance()).toHaveTextContent("{'username': 'alice'}");
    expect(glance()).toHaveTextContent('Signature honoured (server)00:10:00');
    act(() => world.clock.jump(60_000));
    await within(glance()).findAllByText('00:09:00');
  });
});

describe('Network', () => {
  it("puts the request's Cookie and the response's Set-Cookie first, with the key's mark", async () => {
    const { user, world } = renderApp();
    await login(world);
    const key = keyOf(world, 'A');
    await act(async () => {
      await world.navigate('A', '/myapp/connection/');
    });
    await openPanel(user, 'Network');
    const exchange = within(panel('Network')).getByRole('region', {
      name: 'Cookies: sent and received',
    });
    expect(exchange).toHaveTextContent(`Request's Cookie:sessionid=●1key 1${key}`);
    expect(exchange).toHaveTextContent(
      "Response's Set-Cookie:none: the server asked the browser to keep nothing new",
    );
    // It comes before the reasoning and the other headers.
    const detail = panel('Network').querySelector('.network-detail') as HTMLElement;
    expect(detail.firstElementChild).toBe(exchange);
  });
});

describe('clear_expired()', () => {
  it('says how many expired rows it removed', async () => {
    const { user, world } = renderApp();
    await login(world, 'A', 'alice');
    act(() => void world.addTab('Bob'));
    await login(world, 'B', 'bob');
    await openPanel(user, 'Session store');
    act(() => world.clock.jump(14 * 86_400_000 + 1000));
    await user.click(screen.getByRole('button', { name: 'clear_expired()' }));
    expect(panel('Session store')).toHaveTextContent('clear_expired() removed 2 expired rows.');
    await user.click(screen.getByRole('button', { name: 'clear_expired()' }));
    expect(panel('Session store')).toHaveTextContent('clear_expired() removed 0 expired rows.');
  });
});

describe('language in the address', () => {
  it('writes ?lang= when the reader switches, keeping the path and the lesson hash', async () => {
    window.history.replaceState(null, '', '/sub/?lang=en#/lesson/login/3');
    const { user } = renderApp();
    // A switch may fetch the language's strings first (those of panels opened before, too).
    await user.click(screen.getByRole('button', { name: 'বাংলা' }));
    await waitFor(() => expect(window.location.search).toBe('?lang=bn'));
    expect(window.location.pathname).toBe('/sub/');
    expect(window.location.hash).toBe('#/lesson/login/3');
    await user.click(screen.getByRole('button', { name: 'English' }));
    await waitFor(() => expect(window.location.search).toBe('?lang=en'));
    window.history.replaceState(null, '', '/');
  });

  it('rewrites a lang written inside the hash too, and leaves other parameters alone', () => {
    expect(
      addressWithLanguage('http://h/p/?instructor=1#/lesson/login/3?lang=en&DEBUG=True', 'bn'),
    ).toBe('http://h/p/?instructor=1&lang=bn#/lesson/login/3?lang=bn&DEBUG=True');
    expect(addressWithLanguage('http://h/', 'en')).toBe('http://h/?lang=en');
  });
});

/** Alice logged in with signed-cookie sessions, her sessionid cookie in the Inspector. */
async function inspectAliceSignedCookie() {
  const app = renderApp();
  act(() => void app.world.applySettings({ SESSION_ENGINE: 'signed_cookies' }));
  await login(app.world, 'A', 'alice');
  await openPanel(app.user, 'Inspector');
  await app.user.selectOptions(
    screen.getByLabelText('Use a value from this playground'),
    'cookie sessionid in browser A',
  );
  return app;
}

describe('Inspector: edit the data and sign it again', () => {
  const pageText = () => screen.getByRole('region', { name: /Page shown in browser A/ });

  it('signed with SECRET_KEY, an edited cookie is accepted; with another key Django refuses it', async () => {
    const { user, world } = await inspectAliceSignedCookie();
    const data = screen.getByLabelText('Data (JSON, as Django serializes it)');
    expect(data).toHaveValue('{"username":"alice"}');
    await user.clear(data);
    await user.type(data, '{{"username":"admin"}');
    const resign = within(panel('Inspector')).getByRole('region', {
      name: 'Edit the data and sign it again',
    });
    expect(resign).toHaveTextContent(
      "The playground's server would accept it: a valid signed_cookies session.",
    );
    await user.click(
      within(resign).getByRole('button', { name: 'Set the sessionid cookie to this value' }),
    );
    await act(async () => {
      await world.navigate('A', '/myapp/connection/');
    });
    expect(pageText()).toHaveTextContent('You are : admin');

    // The same edit, signed with a key that is not the server's.
    await user.click(within(resign).getByLabelText('another key'));
    expect(resign).toHaveTextContent("The playground's server would refuse it");
    await user.click(
      within(resign).getByRole('button', { name: 'Set the sessionid cookie to this value' }),
    );
    await act(async () => {
      await world.navigate('A', '/myapp/connection/');
    });
    expect(pageText()).not.toHaveTextContent('You are : admin');
  });

  it('says why bad JSON cannot be signed, in Python words', async () => {
    const { user } = await inspectAliceSignedCookie();
    const data = screen.getByLabelText('Data (JSON, as Django serializes it)');
    await user.clear(data);
    await user.type(data, '{{"username": ');
    expect(panel('Inspector')).toHaveTextContent(
      'This is not JSON Django could load: JSONDecodeError: Expecting value: line 1 column 14 (char 13)',
    );
    await user.clear(data);
    await user.type(data, '[[1]');
    expect(panel('Inspector')).toHaveTextContent('A session is a JSON object');
  });
});
