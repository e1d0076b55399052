/**
 * Deep links to a step: `#/lesson/<slug>/<n>`, n counted from 1 as people count. The language
 * lives in the query (`?lang=bn`), outside the hash, where the app reads it at start. Settings
 * ride in the hash's own query (`#/lesson/login/3?SESSION_COOKIE_AGE=60`, see linkSettings.ts).
 */
import type { EditableSettings } from '../world/settings';
import { formatLinkSettings, parseLinkSettings, type LinkSettings } from './linkSettings';
import { isLang, type Lang } from './localized';

export interface StepLink {
  slug: string;
  /** 1-based, as in the URL; absent in `#/lesson/<slug>`: where the student left the lesson. */
  step?: number;
  /** 0-based, for LessonRunner.open(); absent with `step`. */
  index?: number;
  /** A `?lang=` written inside the hash by hand (`#/lesson/login/3?lang=bn`) is honoured too. */
  lang?: Lang;
  /** Settings the link applies when it is followed (present only when the link has any). */
  settings?: LinkSettings;
  /** The hash's query as written, so that a link is applied once however often it is seen. */
  query?: string;
}

const HASH = /^#?\/lesson\/([a-z0-9]+(?:-[a-z0-9]+)*)(?:\/(\d{1,4}))?\/?$/;

/**
 * `#/lesson/login/3` -> {slug: 'login', step: 3, index: 2}; `#/lesson/login` -> {slug: 'login'}
 * (resume the lesson); anything else -> null.
 */
export function parseHash(hash: string): StepLink | null {
  const [route = '', query = ''] = hash.split('?', 2);
  const m = HASH.exec(route);
  if (!m) return null;
  const link: StepLink = { slug: m[1] as string };
  if (m[2] !== undefined) {
    const step = Number(m[2]);
    if (step < 1) return null;
    Object.assign(link, { step, index: step - 1 });
  }
  const params = new URLSearchParams(query);
  const lang = params.get('lang');
  if (isLang(lang)) link.lang = lang;
  params.delete('lang');
  if ([...params.keys()].length > 0) {
    link.settings = parseLinkSettings(params);
    link.query = query;
  }
  return link;
}

/** `formatHash('login', 3)` -> `#/lesson/login/3` (step counted from 1); no step: resume. */
export function formatHash(slug: string, step?: number): string {
  const lesson = `#/lesson/${encodeURIComponent(slug)}`;
  return step === undefined ? lesson : `${lesson}/${step}`;
}

/**
 * The full address of a step in a language, keeping the page's path (the app may live under a
 * sub-path) and any other query parameters; with `settings`, those that differ from Django's
 * defaults travel in the link too.
 */
export function shareLink(
  location: Pick<Location, 'origin' | 'pathname' | 'search'>,
  slug: string,
  step: number,
  lang: Lang,
  settings?: EditableSettings,
): string {
  const params = new URLSearchParams(location.search);
  params.set('lang', lang);
  const withSettings = settings ? formatLinkSettings(settings).toString() : '';
  const hash = formatHash(slug, step) + (withSettings ? `?${withSettings}` : '');
  return `${location.origin}${location.pathname}?${params}${hash}`;
}
