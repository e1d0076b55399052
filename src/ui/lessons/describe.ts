/**
 * Lesson data put into words in the page's language: what a step still needs (the parts of its
 * check that do not hold, for "still to do"), and what "do it for me" did besides the step (the
 * actions that made its starting condition true). Built from the same data the engine runs, so
 * the words cannot drift from what is checked.
 */
import type { TFunction } from 'i18next';
import { localize, type Lang } from '../../lessons/localized';
import { pythonLiteral } from '../../lessons/linkSettings';
import { DEFAULT_BROWSER, type Action, type Check } from '../../lessons/types';
import type { EditableSettings } from '../../world/settings';
import { formatDuration, formatNumber } from '../format';

type Response = Extract<Check, { type: 'response' }>;

/** A session method as a student types it in the Console. */
function consoleLine(method: string): string {
  switch (method) {
    case 'contains':
      return "'…' in request.session";
    case 'getitem':
      return "request.session['…']";
    case 'setitem':
      return "request.session['…'] = …";
    case 'delitem':
      return "del request.session['…']";
    case 'session_key':
      return 'request.session.session_key';
    default:
      return `request.session.${method}(…)`;
  }
}

function describeResponse(c: Response, t: TFunction, lang: Lang): string {
  const browser = c.browser ?? DEFAULT_BROWSER;
  const base = c.consoleMethod
    ? t('lesson.todo.console', { browser, line: consoleLine(c.consoleMethod) })
    : t('lesson.todo.request', {
        browser,
        method: c.method ?? t('lesson.todo.anyMethod'),
        path: c.path ?? t('lesson.todo.anyPath'),
      });
  const parts = [base];
  if (c.status !== undefined) parts.push(t('lesson.todo.status', { status: c.status }));
  if (c.setsCookie !== undefined) parts.push(t('lesson.todo.setsCookie', { name: c.setsCookie }));
  if (c.deletesCookie !== undefined)
    parts.push(t('lesson.todo.deletesCookie', { name: c.deletesCookie }));
  if (c.bodyIncludes !== undefined)
    parts.push(t('lesson.todo.shows', { text: localize(c.bodyIncludes, lang) }));
  if (c.decision !== undefined)
    parts.push(t('lesson.todo.decision', { decision: t(`lesson.decision.${c.decision}`) }));
  return parts.join(t('lesson.todo.and'));
}

function describeCookie(c: Extract<Check, { type: 'cookie' }>, t: TFunction, lang: Lang): string {
  const browser = c.browser ?? DEFAULT_BROWSER;
  if (!c.present) return t('lesson.todo.noCookie', { browser, name: c.name });
  const parts = [t('lesson.todo.cookie', { browser, name: c.name })];
  if (c.value !== undefined) parts.push(t('lesson.todo.cookieValue', { value: c.value }));
  if (c.session !== undefined)
    parts.push(t(c.session ? 'lesson.todo.untilClose' : 'lesson.todo.persistent'));
  if (c.httpOnly !== undefined)
    parts.push(t(c.httpOnly ? 'lesson.todo.httpOnly' : 'lesson.todo.notHttpOnly'));
  if (c.expiresWithin !== undefined)
    parts.push(t('lesson.todo.expiresWithin', { time: formatDuration(c.expiresWithin, lang) }));
  if (c.lasts !== undefined)
    parts.push(t('lesson.todo.lasts', { time: formatDuration(c.lasts, lang) }));
  return parts.join(t('lesson.todo.and'));
}

function describeStore(c: Extract<Check, { type: 'store' }>, t: TFunction, lang: Lang): string {
  const parts: string[] = [];
  const n = (x: number) => formatNumber(x, lang);
  if (c.count !== undefined)
    parts.push(t('lesson.todo.storeCount', { count: c.count, n: n(c.count) }));
  if (c.atLeast !== undefined)
    parts.push(t('lesson.todo.storeAtLeast', { count: c.atLeast, n: n(c.atLeast) }));
  if (c.dataKey !== undefined)
    parts.push(
      c.dataValue === undefined
        ? t('lesson.todo.storeKey', { key: c.dataKey })
        : t('lesson.todo.storeValue', { key: c.dataKey, value: localize(c.dataValue, lang) }),
    );
  if (c.expired !== undefined)
    parts.push(t(c.expired ? 'lesson.todo.storeExpired' : 'lesson.todo.storeNoExpired'));
  return parts.join(t('lesson.todo.and'));
}

/** A setting as the Settings panel shows it (`MIDDLEWARE` lines for the two switches). */
function settingLine(name: keyof EditableSettings, value: unknown): string {
  if (name === 'sessionMiddleware')
    return `MIDDLEWARE ${value ? '+=' : '-='} ['django.contrib.sessions.middleware.SessionMiddleware']`;
  if (name === 'sessionsApp')
    return `INSTALLED_APPS ${value ? '+=' : '-='} ['django.contrib.sessions']`;
  return `${name} = ${pythonLiteral(name, value as EditableSettings[typeof name])}`;
}

/** One check (a part of a step's check that does not hold yet) in words. */
export function describeCheck(c: Check, t: TFunction, lang: Lang): string {
  switch (c.type) {
    case 'read':
      return t('lesson.todo.read');
    case 'response':
      return describeResponse(c, t, lang);
    case 'cookie':
      return describeCookie(c, t, lang);
    case 'stolen':
      return t(c.present ? 'lesson.todo.stolen' : 'lesson.todo.notStolen');
    case 'store':
      return describeStore(c, t, lang);
    case 'setting':
      return t('lesson.todo.setting', {
        setting: settingLine(c.name, c.value),
        apply: t('settings.apply'),
      });
    case 'clockAdvanced':
      return t('lesson.todo.clock', { time: formatDuration(c.seconds, lang) });
    case 'page':
      return t(c.form ? 'lesson.todo.pageForm' : 'lesson.todo.page', {
        browser: c.browser ?? DEFAULT_BROWSER,
        path: c.path,
      });
    case 'session': {
      const browser = c.browser ?? DEFAULT_BROWSER;
      if (c.key === 'username')
        return c.present
          ? c.value === undefined
            ? t('lesson.todo.loggedIn', { browser })
            : t('lesson.todo.loggedInAs', { browser, name: localize(c.value, lang) })
          : t('lesson.todo.loggedOut', { browser });
      return c.present
        ? t('lesson.todo.sessionHas', { browser, key: c.key })
        : t('lesson.todo.sessionHasNot', { browser, key: c.key });
    }
    case 'browser':
      return t(c.present ? 'lesson.todo.browserOpen' : 'lesson.todo.browserClosed', {
        browser: c.browser,
      });
    case 'all':
      return c.checks.map((x) => describeCheck(x, t, lang)).join(t('lesson.todo.and'));
    case 'any':
      return c.checks.map((x) => describeCheck(x, t, lang)).join(t('lesson.todo.or'));
  }
}

/** What one action did, for "to start this step, it first ...". */
export function describeAction(a: Action, t: TFunction, lang: Lang): string {
  const browser = ('browser' in a && a.browser) || DEFAULT_BROWSER;
  switch (a.type) {
    case 'navigate':
      return t('lesson.did.navigate', { browser, path: a.path });
    case 'submit':
      return t('lesson.did.submit', {
        browser,
        values: Object.entries(a.values)
          .filter(([name]) => name !== 'password')
          .map(([name, v]) => `${name} = ${localize(v, lang)}`)
          .join(', '),
      });
    case 'console':
      return t('lesson.did.console', { browser, code: localize(a.code, lang) });
    case 'settings':
      return t('lesson.did.settings', {
        settings: Object.entries(a.patch)
          .map(([k, v]) => settingLine(k as keyof EditableSettings, v))
          .join(', '),
      });
    case 'advance':
      return t('lesson.did.advance', { time: formatDuration(a.seconds, lang) });
    case 'closeBrowser':
      return t('lesson.did.closeBrowser', { browser });
    case 'addBrowser':
      return t('lesson.did.addBrowser', { browser: a.id ?? '' });
    case 'plantCookie':
      return t('lesson.did.plantCookie', { browser, name: a.name });
    case 'deleteCookie':
      return t('lesson.did.deleteCookie', { browser, name: a.name });
    case 'replayStolen':
      return t('lesson.did.replayStolen', { browser });
    case 'clearExpired':
      return t('lesson.did.clearExpired');
    case 'restartServer':
      return t('lesson.did.restartServer');
    case 'showPanel':
      return '';
  }
}
