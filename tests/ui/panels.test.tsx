// @vitest-environment jsdom
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import { renderApp, startMsw, openPanel } from './helpers';

let stop: () => void;
beforeAll(() => {
  stop = startMsw();
});
afterAll(() => stop());

async function login(world: ReturnType<typeof renderApp>['world'], name = 'alice') {
  await act(async () => {
    await world.navigate('A', '/myapp/connection/');
    await world.submitForm('A', 0, { username: name, password: 'x' });
  });
}

const panel = (name: string) => screen.getByRole('tabpanel', { name });

describe('Cookies panel', () => {
  it('plants, edits and deletes a cookie by hand', async () => {
    const { user, world } = renderApp();
    await user.clear(screen.getByLabelText('Value'));
    await user.type(screen.getByLabelText('Value'), 'attackerchosen000000000000000000');
    await user.click(screen.getByRole('button', { name: 'Add cookie' }));
    expect(world.activeTab.browser.jar.all()).toMatchObject([
      { name: 'sessionid', value: 'attackerchosen000000000000000000', expiresAt: null },
    ]);
    expect(panel('Cookies')).toHaveTextContent('until the browser closes');

    await user.click(screen.getByRole('button', { name: 'Edit cookie sessionid' }));
    const value = screen.getByLabelText('Value');
    await user.clear(value);
    await user.type(value, 'abc');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(world.activeTab.browser.jar.all()).toMatchObject([{ name: 'sessionid', value: 'abc' }]);

    await user.click(screen.getByRole('button', { name: 'Delete cookie sessionid' }));
    expect(panel('Cookies')).toHaveTextContent('No cookies in this browser.');
  });

  it('counts down with the virtual clock and drops the cookie when it expires', async () => {
    const { world } = renderApp();
    world.applySettings({ SESSION_COOKIE_AGE: 90 });
    await login(world);
    expect(panel('Cookies')).toHaveTextContent('00:01:30');
    act(() => world.clock.jump(60_000));
    await within(panel('Cookies')).findByText('00:00:30');
    act(() => world.clock.jump(31_000));
    await within(panel('Cookies')).findByText('No cookies in this browser.');
  });
});

describe('Network panel', () => {
  it('explains a flush: the cookie is deleted with an empty value from 1970', async () => {
    const { user, world } = renderApp();
    await login(world);
    await act(async () => {
      await world.send(
        'A',
        { method: 'POST', path: '/__session__/call', json: '{"method": "flush", "args": []}' },
        { navigate: false },
      );
    });
    await openPanel(user, 'Network');
    const p = panel('Network');
    expect(p).toHaveTextContent(
      'sessionid=""; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/; SameSite=Lax',
    );
    expect(p).toHaveTextContent(
      'The browser sent a sessionid cookie but the session is now empty, so Django told the browser to delete the cookie',
    );
    expect(p).toHaveTextContent(
      'The browser removed its sessionid cookie, as the expiry in the past asked.',
    );
  });

  it('filters by browser and clears', async () => {
    const { user, world } = renderApp();
    await login(world);
    act(() => void world.addTab('Bob'));
    await act(async () => {
      await world.navigate('B', '/myapp/connection/');
    });
    await openPanel(user, 'Network');
    const list = () =>
      within(panel('Network'))
        .queryAllByRole('button', { pressed: false })
        .concat(within(panel('Network')).queryAllByRole('button', { pressed: true }));
    expect(list().filter((b) => b.textContent?.includes('/myapp/'))).toHaveLength(3);
    await user.selectOptions(screen.getByLabelText('Browser'), 'B');
    expect(list().filter((b) => b.textContent?.includes('/myapp/'))).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Clear' }));
    await user.selectOptions(screen.getByLabelText('Browser'), 'all');
    expect(list().filter((b) => b.textContent?.includes('/myapp/'))).toHaveLength(2);
  });
});

describe('Session store panel', () => {
  it('greys expired rows until clear_expired() removes them', async () => {
    const { user, world } = renderApp();
    await login(world);
    await openPanel(user, 'Session store');
    expect(panel('Session store')).toHaveTextContent("{'username': 'alice'}");
    act(() => world.clock.jump(14 * 86_400_000 + 1000));
    const row = (await screen.findByText('expired (still stored)')).closest('tr') as HTMLElement;
    expect(row).toHaveClass('expired');
    await user.click(screen.getByRole('button', { name: 'clear_expired()' }));
    expect(panel('Session store')).toHaveTextContent('No rows.');
  });

  it('shows the cache for the cache engine, empty after a restart, and nothing for signed cookies', async () => {
    const { user, world } = renderApp();
    act(() => void world.applySettings({ SESSION_ENGINE: 'cache' }));
    await login(world);
    await openPanel(user, 'Session store');
    expect(panel('Session store')).toHaveTextContent('Cache (memory of the server process)');
    expect(panel('Session store')).toHaveTextContent("{'username': 'alice'}");
    await user.click(
      within(panel('Session store')).getByRole('button', { name: 'Restart server' }),
    );
    expect(panel('Session store')).toHaveTextContent('No entries.');
    act(() => void world.applySettings({ SESSION_ENGINE: 'signed_cookies' }));
    expect(panel('Session store')).toHaveTextContent('Nothing is stored on the server');
  });
});

describe('Settings panel', () => {
  it('refuses a bad value with a message and changes nothing, then applies a good one', async () => {
    const { user, world } = renderApp();
    await openPanel(user, 'Settings');
    const age = screen.getByRole('textbox', { name: 'SESSION_COOKIE_AGE' });
    await user.clear(age);
    await user.type(age, 'two weeks');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    expect(screen.getByRole('alert')).toHaveTextContent(
      'SESSION_COOKIE_AGE must be a whole number of seconds.',
    );
    expect(age).toHaveAttribute('aria-invalid', 'true');
    expect(world.settings.SESSION_COOKIE_AGE).toBe(1209600);
    await user.clear(age);
    await user.type(age, '300');
    await user.selectOptions(screen.getByRole('combobox', { name: 'SESSION_ENGINE' }), 'file');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    expect(world.settings).toMatchObject({ SESSION_COOKIE_AGE: 300, SESSION_ENGINE: 'file' });
    expect(
      screen.getByText('Applied. The server restarted with the new settings.'),
    ).toBeInTheDocument();
  });
});

describe('Settings panel: which Django answers', () => {
  it('offers 3.2, 4.2 and 5.2 (5.2 by default); choosing 3.2 makes the server Django 3.2', async () => {
    const { user, world } = renderApp();
    await openPanel(user, 'Settings');
    const version = screen.getByRole('combobox', { name: 'Django version' });
    expect(
      within(version)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['3.2.25 (LTS)', '4.2.28 (LTS)', '5.2.18 (LTS)']);
    expect(version).toHaveValue('5.2');
    await user.selectOptions(version, '3.2');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    expect(world.settings.DJANGO_VERSION).toBe('3.2');
    expect(world.server.settings.DJANGO_VERSION).toBe('3.2');
    // Django 3.2's 404 page says text/html without a charset (4.x adds it).
    await act(async () => {
      await world.navigate('A', '/myapp/nothing/');
    });
    expect(world.network.at(-1)?.response.contentType).toBe('text/html');
  });
});

describe('Clock', () => {
  it('jumps two weeks and shows how far ahead the virtual time is', async () => {
    const { user } = renderApp();
    await user.click(screen.getByRole('button', { name: '+2 weeks' }));
    expect(screen.getByRole('group', { name: 'Virtual clock' })).toHaveTextContent('15 Jan 2026');
    expect(screen.getByRole('group', { name: 'Virtual clock' })).toHaveTextContent(
      '(+14 days 00:00:00)',
    );
    await user.click(screen.getByRole('button', { name: 'Back to now' }));
    expect(screen.getByRole('group', { name: 'Virtual clock' })).toHaveTextContent('1 Jan 2026');
  });
});
