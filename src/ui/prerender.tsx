/**
 * Build time only: the first screen (header, the lesson list with its welcome, the space for
 * the browsers) as static HTML in each language, so that a first visit paints its text before
 * any script has run. The app then renders the same markup over it.
 */
import { renderToString } from 'react-dom/server';
import en from '../../content/locales/en.json';
import bn from '../../content/locales/bn.json';
import { lessonCatalog } from '../lessons/load';
import { LessonProgress } from '../lessons/progress';
import { initI18n, LANGUAGES, type Language } from './i18n';
import { Shell } from './Shell';

export function renderLanding(): Record<Language, string> {
  const i18n = initI18n('en', { en: { translation: en }, bn: { translation: bn } });
  const catalog = lessonCatalog();
  const out = {} as Record<Language, string>;
  for (const lang of LANGUAGES) {
    void i18n.changeLanguage(lang);
    out[lang] = renderToString(
      <Shell
        lessons={{ catalog, progress: new LessonProgress(null) }}
        notices={[]}
        loaded={null}
      />,
    );
  }
  return out;
}

export { LANGUAGES };
