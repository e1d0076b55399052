// @vitest-environment jsdom
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { renderApp, startMsw, openPanel } from './helpers';

let stop: () => void;
beforeAll(() => {
  stop = startMsw();
});
afterAll(() => stop());

describe('the tutorial flow, driven through the UI and the MSW handlers', () => {
  it('logs in, and every panel shows what happened', async () => {
    const { user, world } = renderApp();
    await user.click(screen.getByRole('button', { name: 'Go' }));
    await screen.findByRole('button', { name: 'Login' });
    await user.type(screen.getByLabelText('Username'), 'alice');
    await user.type(screen.getByLabelText('Password'), 'secret');
    await user.click(screen.getByRole('button', { name: 'Login' }));
    await screen.findByText('alice', { selector: 'strong' });

    // Cookies: the session cookie, HttpOnly, two weeks.
    const cookies = screen.getByRole('tabpanel', { name: 'Cookies' });
    const row = within(cookies)
      .getByText('sessionid', { selector: 'code' })
      .closest('tr') as HTMLElement;
    const key = world.activeTab.browser.jar.all()[0]?.value as string;
    expect(key).toMatch(/^[a-z0-9]{32}$/);
    const cells = within(row)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    // Name, Value, Domain, Path, Expires, Left, Size, HttpOnly, Secure, SameSite
    expect(cells.slice(2, 4)).toEqual(['localhost', '/']);
    expect(cells[5]).toBe('14 days 00:00:00');
    expect(cells.slice(7, 10)).toEqual(['✓yes', 'no', 'Lax']);
    expect(cells[1]).toContain(key.slice(0, 10));

    // Network: the login POST, its Set-Cookie, and why.
    await openPanel(user, 'Network');
    const panel = screen.getByRole('tabpanel', { name: 'Network' });
    expect(within(panel).getByRole('button', { name: /POST \/myapp\/login\// })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(panel).toHaveTextContent(`sessionid=${key}; expires=`);
    expect(panel).toHaveTextContent('HttpOnly; Max-Age=1209600; Path=/; SameSite=Lax');
    expect(panel).toHaveTextContent(
      'The session was modified and is not empty (it has a session key), so Django saved it in the db store and sent the sessionid cookie.',
    );
    expect(panel).toHaveTextContent('Vary: Cookie');

    // Session store: one row holding the username.
    await openPanel(user, 'Session store');
    const store = screen.getByRole('tabpanel', { name: 'Session store' });
    expect(store).toHaveTextContent("{'username': 'alice'}");
    expect(store).toHaveTextContent(key.slice(0, 10));

    // Logout: the row keeps {} and the cookie is sent again.
    await user.clear(screen.getByLabelText('Address'));
    await user.type(screen.getByLabelText('Address'), '/myapp/logout/');
    await user.click(screen.getByRole('button', { name: 'Go' }));
    await screen.findByText('You are logged out.');
    await waitFor(() =>
      expect(screen.getByRole('tabpanel', { name: 'Session store' })).toHaveTextContent('{}'),
    );
    expect(screen.getByRole('tabpanel', { name: 'Session store' })).not.toHaveTextContent('alice');
  });
});
