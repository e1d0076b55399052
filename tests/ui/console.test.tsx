// @vitest-environment jsdom
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { renderApp, startMsw, openPanel } from './helpers';

let stop: () => void;
beforeAll(() => {
  stop = startMsw();
});
afterAll(() => stop());

describe('Console panel', () => {
  it('runs each line as a request and prints what Python prints', async () => {
    const { user, world } = renderApp();
    await openPanel(user, 'Console');
    const input = screen.getByRole('textbox', { name: 'Python line for browser A' });
    const log = () => screen.getByRole('list', { name: 'Console output' });
    const run = async (line: string) => {
      const before = world.activeTab.consoleLog.length;
      await user.clear(input);
      await user.type(input, line.replace(/[[{]/g, '$&$&')); // [ and { start key names in user-event
      await user.keyboard('{Enter}');
      await waitFor(() => expect(world.activeTab.consoleLog.length).toBe(before + 1));
      return world.activeTab.consoleLog.at(-1);
    };
    await run("request.session['color'] = 'blue'");
    // The line was a request: the session was saved and the browser got a cookie.
    expect(world.activeTab.browser.jar.all().map((c) => c.name)).toEqual(['sessionid']);
    expect(await run("request.session['color']")).toMatchObject({ output: "'blue'", error: false });
    expect(await run("request.session['nope']")).toMatchObject({
      output: "KeyError: 'nope'",
      error: true,
    });
    expect(await run("'color' not in request.session")).toMatchObject({ output: 'False' });
    expect(await run('request.session.get_expiry_age()')).toMatchObject({ output: '1209600' });
    expect(await run('request.sesion')).toMatchObject({
      output: "AttributeError: 'WSGIRequest' object has no attribute 'sesion'",
      error: true,
    });
    expect(await run("request.session['a' ")).toMatchObject({
      output: "SyntaxError: '[' was never closed",
      error: true,
    });
    expect(within(log()).getByText("KeyError: 'nope'")).toHaveClass('error');
    // The playground's own explanations are beside Python's line, in the page's language.
    await run('print(1)');
    expect(within(log()).getByText(/print\(\) writes to the server's terminal/)).toBeVisible();
    await run('for k in []: pass');
    expect(within(log()).getByText(/“for” is not supported here/)).toHaveClass('error');
    // Up recalls the previous lines, Down comes back.
    await user.clear(input);
    await user.keyboard('{ArrowUp}');
    expect(input).toHaveValue('for k in []: pass');
    await user.keyboard('{ArrowUp}');
    expect(input).toHaveValue('print(1)');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(input).toHaveValue('');
    // Every line was a request, in the Network panel.
    expect(world.network.filter((e) => e.path === '/__session__/console')).toHaveLength(9);
  });
});
