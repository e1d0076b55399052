/**
 * Links into a step: the share box (the step's address, with the world's settings if asked) and
 * what the settings of the link that opened this step did (applied, or refused and why).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shareLink } from '../../lessons/links';
import { formatLinkSettings, pythonLiteral } from '../../lessons/linkSettings';
import type { LessonRunner } from '../../lessons/runner';
import type { Lang } from '../../lessons/localized';
import type { EditableSettings } from '../../world/settings';
import { formatNumber } from '../format';
import { useWorld } from '../hooks/useWorld';

export function ShareLink({
  slug,
  step,
  lang,
  settings,
}: {
  slug: string;
  step: number;
  lang: Lang;
  /** The world's settings, once the engine has loaded. */
  settings?: EditableSettings;
}) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const [withSettings, setWithSettings] = useState(false);
  const differing = settings ? [...formatLinkSettings(settings).keys()].length : 0;
  const link = shareLink(window.location, slug, step, lang, withSettings ? settings : undefined);
  return (
    <div className="share">
      <label>
        {t('lesson.link')}{' '}
        <input
          name="lesson-link"
          readOnly
          value={link}
          onFocus={(e) => e.target.select()}
          size={30}
        />
      </label>
      <button
        type="button"
        onClick={() =>
          void navigator.clipboard?.writeText(link).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
      >
        {t('lesson.copy')}
      </button>
      {copied && (
        <span role="status" className="ok">
          {t('lesson.copied')}
        </span>
      )}
      <label className="share-settings">
        <input
          type="checkbox"
          name="link-with-settings"
          checked={withSettings}
          disabled={!settings}
          onChange={(e) => {
            setWithSettings(e.target.checked);
            setCopied(false);
          }}
        />{' '}
        {t('lesson.linkWithSettings', { count: differing, n: formatNumber(differing, lang) })}
      </label>
    </div>
  );
}

/** The share link with the world's settings, kept current as they change. */
export function LiveShareLink(props: { slug: string; step: number; lang: Lang }) {
  const world = useWorld();
  return <ShareLink {...props} settings={world.settings} />;
}

/** What the link that opened this step did to the settings: applied, or refused and why. */
export function LinkedSettings({ linked }: { linked: NonNullable<LessonRunner['linked']> }) {
  const { t, i18n } = useTranslation();
  const count = linked.problems.length;
  if (linked.problems.length) {
    return (
      <div role="alert" className="error linked-settings">
        <p>{t('lesson.linkRefused', { count, n: formatNumber(count, i18n.language as Lang) })}</p>
        <ul>
          {linked.problems.map((p) => (
            <li key={p.name}>
              <code>
                {p.name} = {p.value}
              </code>
              : {p.code === 'unknown' ? t('lesson.linkUnknown') : t(`settings.error.${p.code}`)}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  const names = Object.keys(linked.applied) as (keyof EditableSettings)[];
  return (
    <div role="status" className="ok linked-settings">
      <p>{t('lesson.linkApplied')}</p>
      <ul>
        {names.map((name) => (
          <li key={name}>
            <code>
              {name} = {pythonLiteral(name, linked.applied[name] as EditableSettings[typeof name])}
            </code>
          </li>
        ))}
      </ul>
    </div>
  );
}
