/**
 * Django's default settings (django/conf/global_settings.py) for everything the session
 * machinery reads. A world overrides them, as a project's settings.py does.
 */
export type SameSite = 'Lax' | 'Strict' | 'None' | false | null;

/**
 * The Django release the port behaves as. Not a Django setting (Django knows its own version):
 * the playground's switch between the releases it ports, 5.2 (the LTS students install) by
 * default. Version differences are small named branches that read it.
 */
export const DJANGO_VERSIONS = ['3.2', '4.2', '5.2'] as const;
export type DjangoVersion = (typeof DJANGO_VERSIONS)[number];

export interface Settings {
  /** See DjangoVersion. */
  DJANGO_VERSION: DjangoVersion;
  SECRET_KEY: string;
  /** Django 4.1+: old keys still accepted when verifying signatures. */
  SECRET_KEY_FALLBACKS: string[];
  DEBUG: boolean;
  USE_TZ: boolean;
  ROOT_URLCONF: string;
  INSTALLED_APPS: string[];
  MIDDLEWARE: string[];

  SESSION_CACHE_ALIAS: string;
  SESSION_COOKIE_NAME: string;
  SESSION_COOKIE_AGE: number;
  SESSION_COOKIE_DOMAIN: string | null;
  SESSION_COOKIE_SECURE: boolean;
  SESSION_COOKIE_PATH: string;
  SESSION_COOKIE_HTTPONLY: boolean;
  SESSION_COOKIE_SAMESITE: SameSite;
  SESSION_SAVE_EVERY_REQUEST: boolean;
  SESSION_EXPIRE_AT_BROWSER_CLOSE: boolean;
  SESSION_ENGINE: string;
  SESSION_FILE_PATH: string | null;
  SESSION_SERIALIZER: string;

  /** Request body limits that turn oversized posts into a 400 (django.http.request). */
  DATA_UPLOAD_MAX_MEMORY_SIZE: number;
  DATA_UPLOAD_MAX_NUMBER_FIELDS: number;
}

export const globalSettings: Readonly<Settings> = Object.freeze({
  DJANGO_VERSION: '5.2',
  SECRET_KEY: '',
  SECRET_KEY_FALLBACKS: [],
  DEBUG: false,
  USE_TZ: true, // the default since Django 5.0 (and what startproject has always written)
  ROOT_URLCONF: 'mysite.urls',
  INSTALLED_APPS: [],
  MIDDLEWARE: [],

  SESSION_CACHE_ALIAS: 'default',
  SESSION_COOKIE_NAME: 'sessionid',
  SESSION_COOKIE_AGE: 60 * 60 * 24 * 7 * 2,
  SESSION_COOKIE_DOMAIN: null,
  SESSION_COOKIE_SECURE: false,
  SESSION_COOKIE_PATH: '/',
  SESSION_COOKIE_HTTPONLY: true,
  SESSION_COOKIE_SAMESITE: 'Lax',
  SESSION_SAVE_EVERY_REQUEST: false,
  SESSION_EXPIRE_AT_BROWSER_CLOSE: false,
  SESSION_ENGINE: 'django.contrib.sessions.backends.db',
  SESSION_FILE_PATH: null,
  SESSION_SERIALIZER: 'django.contrib.sessions.serializers.JSONSerializer',

  DATA_UPLOAD_MAX_MEMORY_SIZE: 2621440,
  DATA_UPLOAD_MAX_NUMBER_FIELDS: 1000,
});

/** `settings.configure(**overrides)`: the defaults with a project's own values on top. */
export function configure(overrides: Partial<Settings> = {}): Settings {
  return { ...globalSettings, ...overrides };
}
