/**
 * i18next with the playground's two languages. The language comes from `?lang=`, else the last
 * choice, else the browser's preference; `<html lang>` and the page title follow it. Only the
 * language on screen is downloaded; the other one when the reader switches. And only the strings
 * the first screen can show: those of the panels fetched later come with them
 * (scripts/vite/localeParts.ts splits each language's file).
 */
import i18next, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { isLang, LESSON_LANGS, type Lang } from '../lessons/localized';

export const LANGUAGES = LESSON_LANGS;
export type Language = Lang;
export const LANGUAGE_KEY = 'django-session-playground:lang';

type Strings = Record<string, unknown>;
const FIRST = import.meta.glob<Strings>('../../content/locales/*.json', {
  import: 'default',
  query: '?part=first',
});
const LATER = import.meta.glob<Strings>('../../content/locales/*.json', {
  import: 'default',
  query: '?part=later',
});

export const isLanguage = isLang;

export function initialLanguage(search: string = location.search): Language {
  const fromUrl = new URLSearchParams(search).get('lang');
  if (isLanguage(fromUrl)) return fromUrl;
  try {
    const saved = localStorage.getItem(LANGUAGE_KEY);
    if (isLanguage(saved)) return saved;
  } catch {
    // storage blocked: fall through to the browser's preference
  }
  return navigator.language?.toLowerCase().startsWith('bn') ? 'bn' : 'en';
}

async function loadStrings(part: typeof FIRST, lng: Language): Promise<Strings> {
  const load = part[`../../content/locales/${lng}.json`];
  if (!load) throw new Error(`No strings for language ${lng}`);
  return load();
}

/** Whether a later panel has asked for its strings: a language switched to then brings them. */
let laterWanted = false;
const laterLoaded = new Map<Language, Promise<void>>();

function addLaterStrings(lng: Language): Promise<void> {
  let loading = laterLoaded.get(lng);
  if (!loading) {
    loading = loadStrings(LATER, lng).then((strings) => {
      i18next.addResourceBundle(lng, 'translation', strings, true, false);
    });
    // A failed fetch (offline before the copy was kept) is tried again next time.
    loading.catch(() => laterLoaded.delete(lng));
    laterLoaded.set(lng, loading);
  }
  return loading;
}

/** The strings of the panels fetched later (LATER_GROUPS), in the language on screen. */
export function loadLaterStrings(): Promise<void> {
  laterWanted = true;
  const lng = i18next.language;
  return isLanguage(lng) ? addLaterStrings(lng) : Promise.resolve();
}

/**
 * The address keeps the language (`?lang=`), so that a reload or a copied link opens in it. A
 * `lang=` written inside the hash (`#/lesson/login/3?lang=bn`) follows too, or it would win over
 * the reader's choice on the next reload.
 */
export function addressWithLanguage(href: string, lang: string): string {
  const url = new URL(href);
  url.searchParams.set('lang', lang);
  const [route, query] = url.hash.split('?', 2);
  if (query !== undefined) {
    const params = new URLSearchParams(query);
    if (params.has('lang')) {
      params.set('lang', lang);
      url.hash = `${route}?${params}`;
    }
  }
  return url.toString();
}

function rememberInAddress(lang: string): void {
  if (typeof window === 'undefined' || !isLanguage(lang)) return;
  const next = addressWithLanguage(window.location.href, lang);
  if (next !== window.location.href) window.history.replaceState(window.history.state, '', next);
}

/** Starts i18next with the given strings (all of them in tests, one language in the app). */
export function initI18n(lng: Language, resources: Resource) {
  void i18next.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: false,
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  const follow = (l: string) => {
    if (typeof document === 'undefined') return; // prerendering
    document.documentElement.lang = l;
    document.title = i18next.t('app.title');
  };
  follow(lng);
  i18next.on('languageChanged', (l) => {
    follow(l);
    rememberInAddress(l);
    try {
      localStorage.setItem(LANGUAGE_KEY, l);
    } catch {
      // not remembered, but the switch still works
    }
  });
  return i18next;
}

/** The app's start: fetch the strings of the language on screen, then start i18next. */
export async function startI18n(lng: Language) {
  return initI18n(lng, { [lng]: { translation: await loadStrings(FIRST, lng) } });
}

/** Switches language, fetching its strings first if this is the first time. */
export async function switchLanguage(lng: Language): Promise<void> {
  if (!i18next.hasResourceBundle(lng, 'translation')) {
    i18next.addResourceBundle(lng, 'translation', await loadStrings(FIRST, lng), true, false);
  }
  if (laterWanted) await addLaterStrings(lng);
  await i18next.changeLanguage(lng);
}
