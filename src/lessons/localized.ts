/**
 * The playground's two languages (the one list: the UI's i18n reads it too), and how a
 * `Localized` value in lesson.json is read.
 */
import type { Localized } from './types';

/** Bangla first, as the language switch shows them. */
export const LESSON_LANGS = ['bn', 'en'] as const;
export type Lang = (typeof LESSON_LANGS)[number];

export function isLang(value: unknown): value is Lang {
  return (LESSON_LANGS as readonly unknown[]).includes(value);
}

/** `{"en": ..., "bn": ...}` as opposed to a plain value shared by both languages. */
export function isPerLanguage<T>(value: Localized<T>): value is { en: T; bn: T } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'en' in value;
}

export function localize<T>(value: Localized<T>, lang: Lang): T {
  return isPerLanguage(value) ? value[lang] : value;
}
