/**
 * The settings a student may change, checked before they reach Django: a value Django itself
 * would refuse (or that would break every request) is turned away with a message instead.
 */
import {
  DJANGO_VERSIONS,
  type DjangoVersion,
  type SameSite,
  type Settings,
} from '../django/conf/global_settings';
import {
  ENGINE_NAMES,
  ENGINE_PREFIX,
  type EngineName,
} from '../django/contrib/sessions/backends/engines';
import { byteLength, MAX_COOKIE_BYTES } from '../browser/cookieJar';
import { SESSION_APP, SESSION_MIDDLEWARE } from '../server/mysite/settings';

// The engines are listed once, in django/contrib/sessions/backends (issue 12).
export const ENGINES = ENGINE_NAMES;
export { ENGINE_PREFIX, type EngineName };

/** What the settings panel edits, in the playground's terms. */
export interface EditableSettings {
  /** Which Django answers: 3.2, 4.2 or 5.2. */
  DJANGO_VERSION: DjangoVersion;
  SESSION_ENGINE: EngineName;
  SESSION_COOKIE_AGE: number;
  SESSION_COOKIE_NAME: string;
  SESSION_COOKIE_PATH: string;
  SESSION_COOKIE_DOMAIN: string | null;
  SESSION_COOKIE_SECURE: boolean;
  SESSION_COOKIE_HTTPONLY: boolean;
  SESSION_COOKIE_SAMESITE: SameSite;
  SESSION_EXPIRE_AT_BROWSER_CLOSE: boolean;
  SESSION_SAVE_EVERY_REQUEST: boolean;
  /** SessionMiddleware in MIDDLEWARE. */
  sessionMiddleware: boolean;
  /** 'django.contrib.sessions' in INSTALLED_APPS. */
  sessionsApp: boolean;
  DEBUG: boolean;
}

export const DEFAULT_EDITABLE: EditableSettings = {
  DJANGO_VERSION: '5.2',
  SESSION_ENGINE: 'db',
  SESSION_COOKIE_AGE: 1209600,
  SESSION_COOKIE_NAME: 'sessionid',
  SESSION_COOKIE_PATH: '/',
  SESSION_COOKIE_DOMAIN: null,
  SESSION_COOKIE_SECURE: false,
  SESSION_COOKIE_HTTPONLY: true,
  SESSION_COOKIE_SAMESITE: 'Lax',
  SESSION_EXPIRE_AT_BROWSER_CLOSE: false,
  SESSION_SAVE_EVERY_REQUEST: false,
  sessionMiddleware: true,
  sessionsApp: true,
  DEBUG: true,
};

/** A refusal: which setting, and a message key with its values (translated by the UI). */
export interface SettingError {
  setting: keyof EditableSettings;
  code:
    | 'django-version'
    | 'engine'
    | 'age-int'
    | 'age-range'
    | 'cookie-name'
    | 'cookie-name-length'
    | 'path'
    | 'domain'
    | 'samesite'
    | 'boolean';
}

// Python's http.cookies accepts a name only when every character is one of these.
const LEGAL_COOKIE_NAME = /^[A-Za-z0-9!#$%&'*+\-.^_`|~:]+$/;
/** Django accepts any length, but a browser keeps a cookie only when name + value fit in 4,096
 * bytes: with a 32-character session key, a longer name could never come back. */
export const MAX_COOKIE_NAME = MAX_COOKIE_BYTES - 32;

export function validateSettings(s: Record<string, unknown>): SettingError[] {
  const errors: SettingError[] = [];
  const bool = (k: keyof EditableSettings) => {
    if (typeof s[k] !== 'boolean') errors.push({ setting: k, code: 'boolean' });
  };
  if (!DJANGO_VERSIONS.includes(s.DJANGO_VERSION as DjangoVersion))
    errors.push({ setting: 'DJANGO_VERSION', code: 'django-version' });
  if (!ENGINES.includes(s.SESSION_ENGINE as EngineName))
    errors.push({ setting: 'SESSION_ENGINE', code: 'engine' });
  const age = s.SESSION_COOKIE_AGE;
  if (typeof age !== 'number' || !Number.isInteger(age))
    errors.push({ setting: 'SESSION_COOKIE_AGE', code: 'age-int' });
  // Ten years is past any browser's cap (Chrome keeps cookies 400 days at most), and http_date
  // must stay within year 9999.
  else if (age < 0 || age > 10 * 365 * 86400)
    errors.push({ setting: 'SESSION_COOKIE_AGE', code: 'age-range' });
  if (typeof s.SESSION_COOKIE_NAME !== 'string' || !LEGAL_COOKIE_NAME.test(s.SESSION_COOKIE_NAME)) {
    errors.push({ setting: 'SESSION_COOKIE_NAME', code: 'cookie-name' });
  } else if (byteLength(s.SESSION_COOKIE_NAME) > MAX_COOKIE_NAME) {
    errors.push({ setting: 'SESSION_COOKIE_NAME', code: 'cookie-name-length' });
  }
  if (
    typeof s.SESSION_COOKIE_PATH !== 'string' ||
    !/^\/[\x21-\x3a\x3c-\x7e]*$/.test(s.SESSION_COOKIE_PATH)
  ) {
    errors.push({ setting: 'SESSION_COOKIE_PATH', code: 'path' });
  }
  const domain = s.SESSION_COOKIE_DOMAIN;
  if (
    domain !== null &&
    (typeof domain !== 'string' || !/^\.?[a-z0-9-]+(\.[a-z0-9-]+)*$/i.test(domain))
  ) {
    errors.push({ setting: 'SESSION_COOKIE_DOMAIN', code: 'domain' });
  }
  if (!['Lax', 'Strict', 'None', false].includes(s.SESSION_COOKIE_SAMESITE as string | false)) {
    errors.push({ setting: 'SESSION_COOKIE_SAMESITE', code: 'samesite' });
  }
  for (const k of [
    'SESSION_COOKIE_SECURE',
    'SESSION_COOKIE_HTTPONLY',
    'SESSION_EXPIRE_AT_BROWSER_CLOSE',
    'SESSION_SAVE_EVERY_REQUEST',
    'sessionMiddleware',
    'sessionsApp',
    'DEBUG',
  ] as const) {
    bool(k);
  }
  return errors;
}

/** The Django settings these editable values stand for. */
export function toDjangoSettings(e: EditableSettings): Partial<Settings> {
  return {
    DJANGO_VERSION: e.DJANGO_VERSION,
    SESSION_ENGINE: ENGINE_PREFIX + e.SESSION_ENGINE,
    SESSION_COOKIE_AGE: e.SESSION_COOKIE_AGE,
    SESSION_COOKIE_NAME: e.SESSION_COOKIE_NAME,
    SESSION_COOKIE_PATH: e.SESSION_COOKIE_PATH,
    SESSION_COOKIE_DOMAIN: e.SESSION_COOKIE_DOMAIN,
    SESSION_COOKIE_SECURE: e.SESSION_COOKIE_SECURE,
    SESSION_COOKIE_HTTPONLY: e.SESSION_COOKIE_HTTPONLY,
    SESSION_COOKIE_SAMESITE: e.SESSION_COOKIE_SAMESITE,
    SESSION_EXPIRE_AT_BROWSER_CLOSE: e.SESSION_EXPIRE_AT_BROWSER_CLOSE,
    SESSION_SAVE_EVERY_REQUEST: e.SESSION_SAVE_EVERY_REQUEST,
    DEBUG: e.DEBUG,
    MIDDLEWARE: e.sessionMiddleware ? [SESSION_MIDDLEWARE] : [],
    INSTALLED_APPS: [
      'django.contrib.contenttypes',
      ...(e.sessionsApp ? [SESSION_APP] : []),
      'myapp',
    ],
  };
}
