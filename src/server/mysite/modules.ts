/**
 * The classes settings.MIDDLEWARE can name, by dotted path: what `import_string()` finds in this
 * project. SessionMiddleware is the playground's observed subclass of Django's (observe/), which
 * decides exactly as Django's and writes down why.
 */
import type { ImportString, MiddlewareClass } from '../../django/core/handlers/base';
import { ObservedSessionMiddleware } from '../observe/middleware';
import { SESSION_MIDDLEWARE } from './settings';

const MODULES: Readonly<Record<string, MiddlewareClass>> = {
  [SESSION_MIDDLEWARE]: ObservedSessionMiddleware,
};

export const import_string: ImportString = (dotted_path) =>
  Object.hasOwn(MODULES, dotted_path) ? MODULES[dotted_path] : undefined;
