/** The two languages of the lessons, and how a `Localized` value in lesson.json is read. */
import type { Localized } from './types';

export const LESSON_LANGS = ['en', 'bn'] as const;
export type Lang = (typeof LESSON_LANGS)[number];

export function isLang(value: unknown): value is Lang {
  return value === 'en' || value === 'bn';
}

/** `{"en": ..., "bn": ...}` as opposed to a plain value shared by both languages. */
export function isPerLanguage<T>(value: Localized<T>): value is { en: T; bn: T } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'en' in value;
}

export function localize<T>(value: Localized<T>, lang: Lang): T {
  return isPerLanguage(value) ? value[lang] : value;
}
