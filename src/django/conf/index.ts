/**
 * django/conf/__init__.py, the part the port needs: LazySettings refuses an empty SECRET_KEY
 * when it is read (since Django 3.2; measured in 3.2.25, 4.2.28 and 5.2.18: the request that
 * signs fails with ImproperlyConfigured, a 500), not when the settings load.
 */
import { ImproperlyConfigured } from '../core/exceptions';
import type { Settings } from './global_settings';

/** `settings.SECRET_KEY` */
export function SECRET_KEY(settings: Pick<Settings, 'SECRET_KEY'>): string {
  if (!settings.SECRET_KEY)
    throw new ImproperlyConfigured('The SECRET_KEY setting must not be empty.');
  return settings.SECRET_KEY;
}
