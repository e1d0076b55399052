/**
 * The guestbook that lab 15 adds to the tutorial's site: GET lists the messages, POST adds one.
 * Messages are rendered with |safe on purpose (the lab's bug); they are database rows, so they
 * survive a server restart and travel in the server's snapshot.
 */
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/django/runtime';
import { DjangoServer } from '../../src/server/server';

const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };

function server() {
  return new DjangoServer({ clock: new ManualClock(1_700_000_000_000) });
}
const sign = (s: DjangoServer, message: string) =>
  s.handle({
    method: 'POST',
    path: '/myapp/guestbook/',
    headers: FORM,
    body: new URLSearchParams({ message }).toString(),
  });

describe('the guestbook', () => {
  it('lists nothing at first, then each message in order, unescaped', () => {
    const s = server();
    const empty = s.handle({ method: 'GET', path: '/myapp/guestbook/', headers: {} });
    expect(empty.status).toBe(200);
    expect(empty.body).toContain('<li>No messages yet.</li>');
    expect(empty.body).toContain(
      '<form name="guestbook" action="/myapp/guestbook/" method="POST">',
    );
    sign(s, 'hello & welcome');
    const posted = sign(s, '<script>alert(1)</script>');
    expect(posted.status).toBe(200);
    expect(posted.body).toContain(
      '<li>hello & welcome</li>\n<li><script>alert(1)</script></li>\n</ul>',
    );
    expect(posted.view).toEqual({ view: 'guestbook' });
    // The view never touches the session: no cookie, no Vary.
    expect(posted.setCookies).toEqual([]);
    expect(posted.session?.decision).toBe('untouched');
  });

  it('ignores an empty message', () => {
    const s = server();
    sign(s, '');
    expect(s.snapshot().guestbook).toEqual([]);
  });

  it('keeps its rows across a restart and in the snapshot', () => {
    const s = server();
    sign(s, 'one');
    s.restart();
    expect(s.snapshot().guestbook).toEqual([{ id: 1, text: 'one' }]);
    const copy = server();
    copy.restore(s.snapshot());
    sign(copy, 'two');
    expect(copy.snapshot().guestbook).toEqual([
      { id: 1, text: 'one' },
      { id: 2, text: 'two' },
    ]);
    // A snapshot from before the guestbook existed restores to an empty one.
    const { guestbook: _dropped, ...old } = s.snapshot();
    copy.restore(old);
    expect(copy.snapshot().guestbook).toEqual([]);
  });
});
