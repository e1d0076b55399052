/**
 * The session settings as a settings.py excerpt, editable. Nothing is applied until "Apply";
 * what Django would refuse is refused here with a message, and nothing changes.
 */
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorld } from '../hooks/useWorld';
import { formatNumber } from '../format';
import {
  DEFAULT_EDITABLE,
  ENGINES,
  type EditableSettings,
  type SettingError,
} from '../../world/settings';
import { DJANGO_VERSIONS } from '../../django/conf/global_settings';
import { RELEASES } from '../../django/version';

type Draft = Omit<EditableSettings, 'SESSION_COOKIE_AGE' | 'SESSION_COOKIE_DOMAIN'> & {
  SESSION_COOKIE_AGE: string;
  SESSION_COOKIE_DOMAIN: string;
};

const toDraft = (s: EditableSettings): Draft => ({
  ...s,
  SESSION_COOKIE_AGE: String(s.SESSION_COOKIE_AGE),
  SESSION_COOKIE_DOMAIN: s.SESSION_COOKIE_DOMAIN ?? '',
});

function Line({
  name,
  children,
  error,
  hint,
}: {
  name: string;
  children: ReactNode;
  error?: string;
  hint?: string;
}) {
  return (
    <div className={`settings-line${error ? ' has-error' : ''}`}>
      <span className="py">
        <span className="py-name">{name}</span> =
      </span>{' '}
      {children}
      {hint && <span className="py-comment"># {hint}</span>}
      {error && (
        <p className="field-error" id={`err-${name}`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

export function SettingsPanel() {
  const { t, i18n } = useTranslation();
  const world = useWorld();
  const [draft, setDraft] = useState<Draft>(() => toDraft(world.settings));
  const [errors, setErrors] = useState<SettingError[]>([]);
  const [applied, setApplied] = useState(false);
  // Settings changed elsewhere (a lesson, a reset) replace the draft.
  const current = JSON.stringify(world.settings);
  useEffect(() => setDraft(toDraft(JSON.parse(current) as EditableSettings)), [current]);
  const err = (k: keyof EditableSettings) => {
    const e = errors.find((x) => x.setting === k);
    return e ? t(`settings.error.${e.code}`) : undefined;
  };
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => {
    setDraft({ ...draft, [k]: v });
    setApplied(false);
  };
  const apply = (e: FormEvent) => {
    e.preventDefault();
    const age = draft.SESSION_COOKIE_AGE.trim();
    const result = world.applySettings({
      ...draft,
      SESSION_COOKIE_AGE: /^-?\d+$/.test(age) ? Number(age) : (NaN as number),
      SESSION_COOKIE_DOMAIN:
        draft.SESSION_COOKIE_DOMAIN.trim() === '' ? null : draft.SESSION_COOKIE_DOMAIN.trim(),
    });
    setErrors(result);
    setApplied(result.length === 0);
  };
  const described = (k: string) =>
    errors.some((x) => x.setting === k)
      ? { 'aria-describedby': `err-${k}`, 'aria-invalid': true }
      : {};
  const bool = (k: keyof Draft & string) => (
    <label className="check">
      <input
        type="checkbox"
        name={k}
        checked={draft[k] as boolean}
        onChange={(e) => set(k, e.target.checked as never)}
        {...described(k)}
      />
      <code>{(draft[k] as boolean) ? 'True' : 'False'}</code>
      <span className="visually-hidden">{k}</span>
    </label>
  );
  return (
    <form className="panel settings" onSubmit={apply} aria-label={t('settings.title')}>
      <p className="hint">{t('settings.intro')}</p>
      <pre className="py-comment"># mysite/settings.py</pre>
      <fieldset>
        <legend>Django</legend>
        <div className={`settings-line${err('DJANGO_VERSION') ? ' has-error' : ''}`}>
          <label>
            {t('settings.djangoVersion')}{' '}
            <select
              name="DJANGO_VERSION"
              value={draft.DJANGO_VERSION}
              onChange={(e) => set('DJANGO_VERSION', e.target.value as Draft['DJANGO_VERSION'])}
              {...described('DJANGO_VERSION')}
            >
              {DJANGO_VERSIONS.map((v) => (
                <option key={v} value={v}>
                  {`${RELEASES[v]} (${t('settings.djangoLts')})`}
                </option>
              ))}
            </select>
          </label>{' '}
          <span className="py-comment"># {t('settings.djangoVersionHint')}</span>
          {err('DJANGO_VERSION') && (
            <p className="field-error" id="err-DJANGO_VERSION" role="alert">
              {err('DJANGO_VERSION')}
            </p>
          )}
        </div>
      </fieldset>
      <fieldset>
        <legend>INSTALLED_APPS / MIDDLEWARE</legend>
        <label className="check">
          <input
            type="checkbox"
            name="sessions-app"
            checked={draft.sessionsApp}
            onChange={(e) => set('sessionsApp', e.target.checked)}
          />
          <code>INSTALLED_APPS += ['django.contrib.sessions']</code>
        </label>
        <label className="check">
          <input
            type="checkbox"
            name="session-middleware"
            checked={draft.sessionMiddleware}
            onChange={(e) => set('sessionMiddleware', e.target.checked)}
          />
          <code>MIDDLEWARE += ['django.contrib.sessions.middleware.SessionMiddleware']</code>
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('settings.sessionSettings')}</legend>
        <Line name="SESSION_ENGINE" error={err('SESSION_ENGINE')}>
          <label>
            <span className="visually-hidden">SESSION_ENGINE</span>
            <code>'django.contrib.sessions.backends.</code>
            <select
              aria-label="SESSION_ENGINE"
              name="SESSION_ENGINE"
              value={draft.SESSION_ENGINE}
              onChange={(e) => set('SESSION_ENGINE', e.target.value as Draft['SESSION_ENGINE'])}
            >
              {ENGINES.map((en) => (
                <option key={en} value={en}>
                  {en}
                </option>
              ))}
            </select>
            <code>'</code>
          </label>
        </Line>
        <Line
          name="SESSION_COOKIE_AGE"
          error={err('SESSION_COOKIE_AGE')}
          hint={t('settings.ageHint')}
        >
          <label>
            <span className="visually-hidden">SESSION_COOKIE_AGE</span>
            <input
              inputMode="numeric"
              name="SESSION_COOKIE_AGE"
              value={draft.SESSION_COOKIE_AGE}
              onChange={(e) => set('SESSION_COOKIE_AGE', e.target.value)}
              size={10}
              {...described('SESSION_COOKIE_AGE')}
            />
          </label>
        </Line>
        <Line name="SESSION_COOKIE_NAME" error={err('SESSION_COOKIE_NAME')}>
          <label>
            <span className="visually-hidden">SESSION_COOKIE_NAME</span>
            <input
              name="SESSION_COOKIE_NAME"
              value={draft.SESSION_COOKIE_NAME}
              onChange={(e) => set('SESSION_COOKIE_NAME', e.target.value)}
              size={14}
              spellCheck={false}
              {...described('SESSION_COOKIE_NAME')}
            />
          </label>
        </Line>
        <Line name="SESSION_COOKIE_PATH" error={err('SESSION_COOKIE_PATH')}>
          <label>
            <span className="visually-hidden">SESSION_COOKIE_PATH</span>
            <input
              name="SESSION_COOKIE_PATH"
              value={draft.SESSION_COOKIE_PATH}
              onChange={(e) => set('SESSION_COOKIE_PATH', e.target.value)}
              size={14}
              spellCheck={false}
              {...described('SESSION_COOKIE_PATH')}
            />
          </label>
        </Line>
        <Line
          name="SESSION_COOKIE_DOMAIN"
          error={err('SESSION_COOKIE_DOMAIN')}
          hint={t('settings.domainHint')}
        >
          <label>
            <span className="visually-hidden">SESSION_COOKIE_DOMAIN</span>
            <input
              name="SESSION_COOKIE_DOMAIN"
              value={draft.SESSION_COOKIE_DOMAIN}
              onChange={(e) => set('SESSION_COOKIE_DOMAIN', e.target.value)}
              size={14}
              placeholder="None"
              spellCheck={false}
              {...described('SESSION_COOKIE_DOMAIN')}
            />
          </label>
        </Line>
        <Line name="SESSION_COOKIE_SECURE">{bool('SESSION_COOKIE_SECURE')}</Line>
        <Line name="SESSION_COOKIE_HTTPONLY">{bool('SESSION_COOKIE_HTTPONLY')}</Line>
        <Line name="SESSION_COOKIE_SAMESITE" error={err('SESSION_COOKIE_SAMESITE')}>
          <label>
            <span className="visually-hidden">SESSION_COOKIE_SAMESITE</span>
            <select
              aria-label="SESSION_COOKIE_SAMESITE"
              name="SESSION_COOKIE_SAMESITE"
              value={String(draft.SESSION_COOKIE_SAMESITE)}
              onChange={(e) =>
                set(
                  'SESSION_COOKIE_SAMESITE',
                  e.target.value === 'false' ? false : (e.target.value as 'Lax'),
                )
              }
            >
              <option value="Lax">'Lax'</option>
              <option value="Strict">'Strict'</option>
              <option value="None">'None'</option>
              <option value="false">False</option>
            </select>
          </label>
        </Line>
        <Line name="SESSION_EXPIRE_AT_BROWSER_CLOSE">
          {bool('SESSION_EXPIRE_AT_BROWSER_CLOSE')}
        </Line>
        <Line name="SESSION_SAVE_EVERY_REQUEST">{bool('SESSION_SAVE_EVERY_REQUEST')}</Line>
        <Line name="DEBUG">{bool('DEBUG')}</Line>
      </fieldset>
      <div className="panel-toolbar">
        <button type="submit">{t('settings.apply')}</button>
        <button
          type="button"
          onClick={() => (setDraft(toDraft(DEFAULT_EDITABLE)), setErrors([]), setApplied(false))}
        >
          {t('settings.defaults')}
        </button>
        {applied && (
          <span role="status" className="ok">
            {t('settings.applied')}
          </span>
        )}
        {errors.length > 0 && (
          <span role="status" className="error">
            {t('settings.refused', {
              count: errors.length,
              n: formatNumber(errors.length, i18n.language),
            })}
          </span>
        )}
      </div>
    </form>
  );
}
