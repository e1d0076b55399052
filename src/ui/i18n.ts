/**
 * i18next with the playground's two languages. The language comes from `?lang=`, else the last
 * choice, else the browser's preference; `<html lang>` follows it.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../../content/locales/en.json';
import bn from '../../content/locales/bn.json';

export const LANGUAGES = ['bn', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const LANGUAGE_KEY = 'django-session-playground:lang';

export function initialLanguage(search: string = location.search): Language {
  const fromUrl = new URLSearchParams(search).get('lang');
  if (fromUrl === 'bn' || fromUrl === 'en') return fromUrl;
  try {
    const saved = localStorage.getItem(LANGUAGE_KEY);
    if (saved === 'bn' || saved === 'en') return saved;
  } catch {
    // storage blocked: fall through to the browser's preference
  }
  return navigator.language?.toLowerCase().startsWith('bn') ? 'bn' : 'en';
}

export function initI18n(lng: Language) {
  void i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, bn: { translation: bn } },
    lng,
    fallbackLng: false,
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  const follow = (l: string) => {
    document.documentElement.lang = l;
    document.title = i18next.t('app.title');
  };
  follow(lng);
  i18next.on('languageChanged', (l) => {
    follow(l);
    try {
      localStorage.setItem(LANGUAGE_KEY, l);
    } catch {
      // not remembered, but the switch still works
    }
  });
  return i18next;
}
