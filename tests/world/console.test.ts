/**
 * The console as the student uses it: each line typed in a browser's console is one request to
 * the site, and the console prints what Python's prompt prints for it (the playground's own
 * explanations are message keys beside it, never mixed into Python's line).
 */
import { describe, expect, it } from 'vitest';
import { InPageTransport } from '../../src/browser/transport';
import { VirtualClock } from '../../src/world/clock';
import { clearConsole, runConsole } from '../../src/world/console/run';
import { World } from '../../src/world/world';

function world() {
  return new World({
    clock: new VirtualClock(() => 1767225600000),
    transport: (get) => new InPageTransport(get),
  });
}

/** What the console shows for each line: `>>> line` and the printed output. */
async function session(w: World, ...lines: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const line of lines) {
    const printed = await runConsole(w, 'A', line);
    out.push(`>>> ${printed.input}`);
    if (printed.output) out.push(printed.output);
  }
  return out;
}

describe('the console prints what Python prints', () => {
  it('runs each line in a view, against the browser session', async () => {
    const w = world();
    expect(
      await session(
        w,
        "request.session['username'] = 'alice'",
        "request.session['username']",
        "request.session['cart'] = ['tea']; request.session['cart'].append('milk')",
        "request.session['cart']",
        "request.session.get('nope', 'default')",
        "'username' in request.session",
        'request.session.get_expiry_age()',
        'request.session.items()',
        "request.session['nothing']",
      ),
    ).toEqual([
      ">>> request.session['username'] = 'alice'",
      ">>> request.session['username']",
      "'alice'",
      ">>> request.session['cart'] = ['tea']; request.session['cart'].append('milk')",
      ">>> request.session['cart']",
      "['tea', 'milk']",
      ">>> request.session.get('nope', 'default')",
      "'default'",
      ">>> 'username' in request.session",
      'True',
      '>>> request.session.get_expiry_age()',
      '1209600',
      '>>> request.session.items()',
      "dict_items([('username', 'alice'), ('cart', ['tea', 'milk'])])",
      ">>> request.session['nothing']",
      "KeyError: 'nothing'",
    ]);
    // The first line saved the session: the browser holds its key.
    expect(
      w
        .tab('A')
        .browser.jar.all()
        .map((c) => c.name),
    ).toEqual(['sessionid']);
  });

  it('sends every line as its own request, visible in Network', async () => {
    const w = world();
    const line = await runConsole(w, 'A', '1 + 1');
    expect(line.output).toBe('2');
    const entry = w.network.find((e) => e.id === line.networkId);
    expect(entry?.method).toBe('POST');
    expect(entry?.path).toBe('/__session__/console');
    expect(JSON.parse(entry?.requestBody ?? '')).toEqual({ line: '1 + 1' });
    expect(JSON.parse(entry?.response.body ?? '')).toEqual({ output: '2' });
  });

  it('marks exceptions, and keeps Python’s line as Python prints it', async () => {
    const w = world();
    const err = await runConsole(w, 'A', 'request.sesion');
    expect(err).toMatchObject({
      output: "AttributeError: 'WSGIRequest' object has no attribute 'sesion'",
      error: true,
    });
    expect((await runConsole(w, 'A', "'KeyError: x'")).error).toBe(false);
    expect((await runConsole(w, 'A', 'None')).output).toBe('');
    expect((await runConsole(w, 'A', 'Ellipsis')).error).toBe(false);
  });

  it('keeps leading spaces: Python refuses an indented line', async () => {
    const w = world();
    expect(await runConsole(w, 'A', "  request.session['a'] = 1")).toMatchObject({
      input: "  request.session['a'] = 1",
      output: 'IndentationError: unexpected indent',
      error: true,
    });
    expect(w.tab('A').browser.jar.all()).toEqual([]);
  });

  it('explains in the page’s language what the console cannot run, and changes nothing', async () => {
    const w = world();
    const line = await runConsole(w, 'A', "for k in ['a']: request.session[k] = 1");
    expect(line).toMatchObject({
      output: '',
      error: true,
      note: { key: 'console.unsupported.statement', values: { keyword: 'for' } },
    });
    expect(w.network.at(-1)?.response.status).toBe(501);
    expect(w.tab('A').browser.jar.all()).toEqual([]);
  });

  it('says when the session could not be saved: the view ran, then Django answered 500', async () => {
    const w = world();
    const line = await runConsole(w, 'A', "request.session['tags'] = {'a', 'b'}");
    expect(line).toMatchObject({
      output: 'TypeError: Object of type set is not JSON serializable',
      error: true,
      note: { key: 'console.note.serverError', values: { status: '500' } },
    });
    expect(w.tab('A').browser.jar.all()).toEqual([]);
  });

  it('adds the hints Python’s own prompt would give', async () => {
    const w = world();
    expect(await runConsole(w, 'A', 'reqest.session')).toMatchObject({
      output: "NameError: name 'reqest' is not defined",
      note: { key: 'console.note.didYouMean', values: { name: 'request' } },
    });
    expect(await runConsole(w, 'A', "print(request.session.get('a'))")).toMatchObject({
      output: '',
      note: { key: 'console.note.print' },
    });
  });

  it('answers as the Django version the server runs', async () => {
    const w = world();
    const now = async () => (await runConsole(w, 'A', 'timezone.now()')).output;
    expect(await now()).toBe('datetime.datetime(2026, 1, 1, 0, 0, tzinfo=datetime.timezone.utc)');
    expect((await runConsole(w, 'A', 'timezone.utc')).output).toBe(
      "AttributeError: module 'django.utils.timezone' has no attribute 'utc'",
    );
    w.applySettings({ DJANGO_VERSION: '3.2' });
    expect(await now()).toBe('datetime.datetime(2026, 1, 1, 0, 0, tzinfo=<UTC>)');
    expect((await runConsole(w, 'A', 'timezone.utc')).output).toBe('<UTC>');
    w.applySettings({ DJANGO_VERSION: '4.2' });
    expect((await runConsole(w, 'A', 'timezone.utc')).output).toBe('datetime.timezone.utc');
  });

  it('sends nothing for an empty line, remembers lines as typed, and clears', async () => {
    const w = world();
    const before = w.network.length;
    expect(await runConsole(w, 'A', '   ')).toMatchObject({ output: '', networkId: null });
    expect(w.network).toHaveLength(before);
    await runConsole(w, 'A', ' 1');
    await runConsole(w, 'A', ' 1');
    await runConsole(w, 'A', '2');
    expect(w.tab('A').consoleHistory).toEqual([' 1', '2']);
    clearConsole(w, 'A');
    expect(w.tab('A').consoleLog).toEqual([]);
  });
});
