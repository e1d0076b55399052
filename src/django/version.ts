/**
 * django/__init__.py: `VERSION` and `get_version()`, for the release the port behaves as
 * (settings.DJANGO_VERSION, the playground's switch). Each release is the one Debian ships and
 * the conformance reference runs (`../shared/conformance/django_ref/get-django.sh`), measured:
 * bookworm's python3-django 3.2.25, trixie's 4.2.28 and sid's 5.2.18, all on bookworm's
 * CPython 3.11.2 (`/usr/bin/python3`).
 */
import type { DjangoVersion, Settings } from './conf/global_settings';

export const RELEASES: Readonly<Record<DjangoVersion, string>> = {
  '3.2': '3.2.25',
  '4.2': '4.2.28',
  '5.2': '5.2.18',
};

/** `django.VERSION[:3]` of each release, parsed once (every request asks). */
const VERSION_TUPLES = Object.fromEntries(
  Object.entries(RELEASES).map(([v, full]) => [v, full.split('.').map(Number)]),
) as Record<DjangoVersion, [number, number, number]>;

/** The Python the reference runs every release on (`sys.version.split()[0]`). */
export const PYTHON_VERSION = '3.11.2';

/** `django.get_version()`: `5.2.18`. */
export function get_version(settings: Pick<Settings, 'DJANGO_VERSION'>): string {
  return RELEASES[settings.DJANGO_VERSION];
}

/**
 * `django.VERSION >= (major, minor, micro)`: the test a version branch makes. A branch cites the
 * Django change it follows, e.g. `if (at_least(settings, 4, 2)) // #34173: every 5xx`.
 */
export function at_least(
  settings: Pick<Settings, 'DJANGO_VERSION'>,
  major: number,
  minor = 0,
  micro = 0,
): boolean {
  const [a, b, c] = VERSION_TUPLES[settings.DJANGO_VERSION];
  return a !== major ? a > major : b !== minor ? b > minor : c >= micro;
}

/**
 * The `Server` header `runserver` sends (wsgiref's `server_version` and `sys_version`): the same
 * WSGIServer/0.2 on every release, with the reference's CPython.
 */
export const SERVER_SOFTWARE = `WSGIServer/0.2 CPython/${PYTHON_VERSION}`;
