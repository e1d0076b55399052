import { useTranslation } from 'react-i18next';
import { LANGUAGES, switchLanguage } from '../i18n';

const NAMES = { bn: 'বাংলা', en: 'English' } as const;

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="lang-switch" role="group" aria-label={t('app.language')}>
      {LANGUAGES.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          aria-pressed={i18n.language === l}
          onClick={() => void switchLanguage(l)}
        >
          {NAMES[l]}
        </button>
      ))}
    </div>
  );
}
