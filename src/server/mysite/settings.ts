/**
 * mysite/settings.py: the tutorial's project, as the conformance reference configures it: the
 * sessions app installed, SessionMiddleware the only middleware, USE_TZ on, a local-memory cache.
 */
import { configure, type Settings } from '../../django/conf/global_settings';

/** The SECRET_KEY that the conformance transcripts were recorded with. */
export const CONFORMANCE_SECRET_KEY = 'playground-conformance-secret-key-0123456789';

export const SESSION_APP = 'django.contrib.sessions';
export const SESSION_MIDDLEWARE = 'django.contrib.sessions.middleware.SessionMiddleware';

export function projectSettings(overrides: Partial<Settings> = {}): Settings {
  return configure({
    SECRET_KEY: CONFORMANCE_SECRET_KEY,
    DEBUG: false,
    USE_TZ: true,
    ROOT_URLCONF: 'mysite.urls',
    INSTALLED_APPS: ['django.contrib.contenttypes', SESSION_APP, 'myapp'],
    MIDDLEWARE: [SESSION_MIDDLEWARE],
    ...overrides,
  });
}
