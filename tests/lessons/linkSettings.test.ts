// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { parseHash, shareLink } from '../../src/lessons/links';
import { formatLinkSettings, parseLinkSettings } from '../../src/lessons/linkSettings';
import { LessonProgress } from '../../src/lessons/progress';
import { LessonRunner } from '../../src/lessons/runner';
import { DEFAULT_EDITABLE, type EditableSettings } from '../../src/world/settings';
import { fixtureLessons, testWorld } from './helpers';

const read = (query: string) => parseLinkSettings(new URLSearchParams(query));

describe('settings in a link', () => {
  it('reads values as settings.py spells them', () => {
    expect(
      read(
        'SESSION_ENGINE=django.contrib.sessions.backends.signed_cookies' +
          '&SESSION_COOKIE_AGE=60&SESSION_COOKIE_HTTPONLY=False&SESSION_COOKIE_NAME=%27sid%27' +
          '&SESSION_COOKIE_DOMAIN=.example.com&SESSION_SAVE_EVERY_REQUEST=True&DEBUG=False',
      ),
    ).toEqual({
      patch: {
        SESSION_ENGINE: 'signed_cookies',
        SESSION_COOKIE_AGE: 60,
        SESSION_COOKIE_HTTPONLY: false,
        SESSION_COOKIE_NAME: 'sid',
        SESSION_COOKIE_DOMAIN: '.example.com',
        SESSION_SAVE_EVERY_REQUEST: true,
        DEBUG: false,
      },
      problems: [],
    });
    expect(read('SESSION_ENGINE=cache').patch).toEqual({ SESSION_ENGINE: 'cache' });
  });

  it("tells Python's None from the SameSite string 'None'", () => {
    expect(read('SESSION_COOKIE_SAMESITE=None').patch).toEqual({ SESSION_COOKIE_SAMESITE: false });
    expect(read('SESSION_COOKIE_SAMESITE=False').patch).toEqual({ SESSION_COOKIE_SAMESITE: false });
    expect(read("SESSION_COOKIE_SAMESITE='None'").patch).toEqual({
      SESSION_COOKIE_SAMESITE: 'None',
    });
    expect(read('SESSION_COOKIE_SAMESITE=Strict').patch).toEqual({
      SESSION_COOKIE_SAMESITE: 'Strict',
    });
    expect(read('SESSION_COOKIE_DOMAIN=None').patch).toEqual({ SESSION_COOKIE_DOMAIN: null });
  });

  it('refuses the whole link when one setting is unknown or would be refused by Django', () => {
    expect(read('SESSION_COOKIE_AGE=60&SESION_COOKIE_AGE=5')).toEqual({
      patch: {},
      problems: [{ name: 'SESION_COOKIE_AGE', value: '5', code: 'unknown' }],
    });
    expect(
      read('SESSION_ENGINE=redis&SESSION_COOKIE_AGE=soon&SESSION_COOKIE_HTTPONLY=yes'),
    ).toEqual({
      patch: {},
      problems: [
        { name: 'SESSION_ENGINE', value: 'redis', code: 'engine' },
        { name: 'SESSION_COOKIE_AGE', value: 'soon', code: 'age-int' },
        { name: 'SESSION_COOKIE_HTTPONLY', value: 'yes', code: 'boolean' },
      ],
    });
    expect(read('SESSION_COOKIE_AGE=-1').problems).toEqual([
      { name: 'SESSION_COOKIE_AGE', value: '-1', code: 'age-range' },
    ]);
    expect(read('SESSION_COOKIE_NAME=a%20b').problems[0]?.code).toBe('cookie-name');
  });

  it('writes only what differs from the defaults, and reads back what it wrote', () => {
    expect(formatLinkSettings(DEFAULT_EDITABLE).toString()).toBe('');
    const settings: EditableSettings = {
      ...DEFAULT_EDITABLE,
      SESSION_ENGINE: 'cached_db',
      SESSION_COOKIE_AGE: 90,
      SESSION_COOKIE_HTTPONLY: false,
      SESSION_COOKIE_SAMESITE: 'None',
      SESSION_COOKIE_DOMAIN: 'None',
      sessionsApp: false,
    };
    const params = formatLinkSettings(settings);
    expect(params.toString()).toBe(
      'SESSION_ENGINE=cached_db&SESSION_COOKIE_AGE=90&SESSION_COOKIE_DOMAIN=%27None%27' +
        '&SESSION_COOKIE_HTTPONLY=False&SESSION_COOKIE_SAMESITE=%27None%27&sessionsApp=False',
    );
    expect({ ...DEFAULT_EDITABLE, ...parseLinkSettings(params).patch }).toEqual(settings);
    const noSameSite = { ...DEFAULT_EDITABLE, SESSION_COOKIE_SAMESITE: false as const };
    expect(parseLinkSettings(formatLinkSettings(noSameSite)).patch).toEqual({
      SESSION_COOKIE_SAMESITE: false,
    });
  });

  it('travels in the hash, beside a language, and in share links', () => {
    const link = parseHash('#/lesson/signed-cookies/3?lang=bn&SESSION_ENGINE=signed_cookies');
    expect(link).toMatchObject({ slug: 'signed-cookies', step: 3, lang: 'bn' });
    expect(link?.settings?.patch).toEqual({ SESSION_ENGINE: 'signed_cookies' });
    expect(link?.query).toBe('lang=bn&SESSION_ENGINE=signed_cookies');
    expect(parseHash('#/lesson/login/2?lang=bn')).not.toHaveProperty('settings');
    const location = { origin: 'https://example.org', pathname: '/s/', search: '' };
    const settings = { ...DEFAULT_EDITABLE, SESSION_COOKIE_AGE: 60 };
    const shared = shareLink(location, 'expiry', 2, 'en', settings);
    expect(shared).toBe('https://example.org/s/?lang=en#/lesson/expiry/2?SESSION_COOKIE_AGE=60');
    expect(parseHash(new URL(shared).hash)?.settings?.patch).toEqual({ SESSION_COOKIE_AGE: 60 });
    expect(shareLink(location, 'expiry', 2, 'en', DEFAULT_EDITABLE)).toBe(
      'https://example.org/s/?lang=en#/lesson/expiry/2',
    );
  });
});

describe('LessonRunner.applyLinkSettings', () => {
  async function setup() {
    const runner = new LessonRunner(
      testWorld().world,
      { fresh: () => testWorld().world, restore: () => null },
      Object.values(fixtureLessons()),
      new LessonProgress(null),
    );
    await runner.open('fixture-login', 2);
    return { world: runner.world, runner };
  }

  it("applies a link's settings over the lesson's, restarting the server once", async () => {
    const { world, runner } = await setup();
    const apply = vi.spyOn(world, 'applySettings');
    runner.applyLinkSettings(read('SESSION_COOKIE_AGE=60&SESSION_ENGINE=cache'));
    expect(apply).toHaveBeenCalledTimes(1);
    expect(world.settings).toMatchObject({ SESSION_COOKIE_AGE: 60, SESSION_ENGINE: 'cache' });
    expect(runner.linked).toEqual({
      applied: { SESSION_COOKIE_AGE: 60, SESSION_ENGINE: 'cache' },
      problems: [],
    });
    // The same settings again change nothing and restart nothing.
    runner.applyLinkSettings(read('SESSION_COOKIE_AGE=60'));
    expect(apply).toHaveBeenCalledTimes(1);
    // Opening another step forgets what the link did (the settings stay).
    await runner.open('fixture-login', 3);
    expect(runner.linked).toBeNull();
    expect(world.settings.SESSION_COOKIE_AGE).toBe(60);
  });

  it('changes nothing when the link is refused, and says why', async () => {
    const { world, runner } = await setup();
    const before = { ...world.settings };
    runner.applyLinkSettings(read('SESSION_COOKIE_AGE=60&SESSION_COOKIE_PATH=nope'));
    expect(world.settings).toEqual(before);
    expect(runner.linked).toEqual({
      applied: {},
      problems: [{ name: 'SESSION_COOKIE_PATH', value: 'nope', code: 'path' }],
    });
  });
});

describe('a link longer than any link needs (issue 14, item 8)', () => {
  it('a 100,000-character link is refused whole, quoting only its start', () => {
    const result = read(`SESSION_COOKIE_NAME=${'a'.repeat(100_000)}`);
    expect(result.patch).toEqual({});
    expect(result.problems).toEqual([
      { name: 'SESSION_COOKIE_NAME', value: 'a'.repeat(60) + '…', code: 'link-too-long' },
    ]);
  });

  it('so are more settings than exist', () => {
    const many = Array.from({ length: 31 }, (_, i) => `X${i}=1`).join('&');
    expect(read(many).problems[0]?.code).toBe('link-too-long');
  });

  it('every setting at once, spelled out, is well within the limit', () => {
    const all = formatLinkSettings({
      ...DEFAULT_EDITABLE,
      DJANGO_VERSION: '4.2',
      SESSION_ENGINE: 'signed_cookies',
      SESSION_COOKIE_AGE: 315360000,
      SESSION_COOKIE_NAME: 'my_session_cookie_name',
      SESSION_COOKIE_PATH: '/myapp/',
      SESSION_COOKIE_DOMAIN: '.example.com',
      SESSION_COOKIE_SECURE: true,
      SESSION_COOKIE_HTTPONLY: false,
      SESSION_COOKIE_SAMESITE: 'None',
      SESSION_EXPIRE_AT_BROWSER_CLOSE: true,
      SESSION_SAVE_EVERY_REQUEST: true,
      sessionMiddleware: false,
      sessionsApp: false,
      DEBUG: false,
    });
    expect(parseLinkSettings(all).problems).toEqual([]);
  });

  it('a long (legal) cookie name within the limit is read', () => {
    expect(
      read(`SESSION_COOKIE_NAME=${'n'.repeat(1999 - 'SESSION_COOKIE_NAME'.length - 2)}`).problems,
    ).toEqual([]);
  });
});
