/**
 * Edit the decoded data and watch it signed again, as jwt.io does for tokens: with the
 * playground's SECRET_KEY (what the server can do) or with another key (what an attacker without
 * it can do), by the port's own signing.dumps() with Django's salt, compression and timestamp.
 * The result is checked at once as the playground's server would check it, and a signed cookie
 * can be planted in a browser to see Django's answer for real.
 */
import { useId, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { dumps } from '../../django/core/signing';
import {
  inspectSessionValue,
  SESSION_DATA_SALT,
  SIGNED_COOKIE_SALT,
  type Inspection,
} from '../../server/observe/inspect';
import { handMadeCookie } from '../../browser/cookieJar';
import { loads, PyDict, PyException } from '../../python';
import { useWorld } from '../hooks/useWorld';

type SignAs = 'signed-cookie' | 'session-data';
type KeyChoice = 'world' | 'other';

/** A key that is not the playground's, to show what a forger gets. */
export const WRONG_KEY = 'not-the-real-secret-key';

/** The signed value; null when the JSON is not an object (a session is a dict). */
function sign(json: string, signAs: SignAs, key: string, now: number): string | null {
  const value = loads(json);
  if (!(value instanceof PyDict)) return null;
  return dumps(value, {
    key,
    salt: signAs === 'signed-cookie' ? SIGNED_COOKIE_SALT : SESSION_DATA_SALT,
    compress: true,
    time: () => now / 1000,
  });
}

export function Resign({ source }: { source: Inspection }) {
  const { t } = useTranslation();
  const world = useWorld();
  const id = useId();
  const [json, setJson] = useState(source.payload?.json ?? '{}');
  const [signAs, setSignAs] = useState<SignAs>(
    source.kind === 'session-data' ? 'session-data' : 'signed-cookie',
  );
  const [keyChoice, setKeyChoice] = useState<KeyChoice>('world');
  const [otherKey, setOtherKey] = useState(WRONG_KEY);
  const [target, setTarget] = useState(world.activeTabId);
  // Which browser got which value: the note goes once the value on screen is another.
  const [planted, setPlanted] = useState<{ browser: string; value: string } | null>(null);
  const key = keyChoice === 'world' ? world.secretKey : otherKey;
  // Signed at the moment of the last edit (Django stamps the time it signs).
  const now = useMemo(() => world.clock.now(), [json, signAs, key, world.clock]);
  const signed = useMemo((): { value: string } | { error: string } => {
    try {
      const value = sign(json, signAs, key, now);
      return value === null ? { error: t('inspector.resign.notDict') } : { value };
    } catch (e) {
      return {
        error: e instanceof PyException ? e.toPython() : e instanceof Error ? e.message : String(e),
      };
    }
  }, [json, signAs, key, now, t]);
  const check =
    'value' in signed
      ? inspectSessionValue(signed.value, world.secretKey, {
          now,
          maxAge: world.settings.SESSION_COOKIE_AGE,
        })
      : null;
  const accepted = check?.verified === true && check.reason === 'ok';
  const plant = () => {
    if (!('value' in signed)) return;
    const tab = world.tab(target);
    const name = world.settings.SESSION_COOKIE_NAME;
    const existing = tab.browser.jar.all().find((c) => c.name === name);
    world.putCookie(
      target,
      existing
        ? { ...existing, value: signed.value }
        : handMadeCookie(name, signed.value, tab.browser.url('/').hostname),
    );
    setPlanted({ browser: tab.name, value: signed.value });
  };
  return (
    <section className="inspector-section resign" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="panel-title">
        {t('inspector.resign.title')}
      </h3>
      <p className="hint">{t('inspector.resign.intro')}</p>
      <div className="inspector-form">
        <label htmlFor={`${id}-json`}>{t('inspector.resign.data')}</label>
        <textarea
          id={`${id}-json`}
          rows={3}
          spellCheck={false}
          autoComplete="off"
          value={json}
          onChange={(e) => setJson(e.target.value)}
        />
        <Choices
          legend={t('inspector.resign.signAs')}
          name={`${id}-as`}
          options={[
            ['signed-cookie', t('inspector.resign.as.signed-cookie')],
            ['session-data', t('inspector.resign.as.session-data')],
          ]}
          value={signAs}
          onChange={setSignAs}
        />
        <Choices
          legend={t('inspector.resign.key')}
          name={`${id}-key`}
          options={[
            ['world', t('inspector.resign.worldKey')],
            ['other', t('inspector.resign.otherKey')],
          ]}
          value={keyChoice}
          onChange={setKeyChoice}
        >
          {keyChoice === 'other' && (
            <input
              type="text"
              name="other-secret-key"
              aria-label={t('inspector.resign.otherKeyValue')}
              spellCheck={false}
              autoComplete="off"
              value={otherKey}
              onChange={(e) => setOtherKey(e.target.value)}
            />
          )}
        </Choices>
      </div>
      <div aria-live="polite" className="resign-result">
        {'error' in signed ? (
          <p className="error">
            {t('inspector.resign.bad')} <code>{signed.error}</code>
          </p>
        ) : (
          <>
            <p className="resign-value-label">{t('inspector.resign.result')}</p>
            <code className="resign-value">{signed.value}</code>
            {check && (
              <p className={`inspector-verdict ${accepted ? 'is-ok' : 'is-bad'}`}>
                <strong>{accepted ? '✔ ' : '✘ '}</strong>
                {accepted
                  ? t(`inspector.resign.accepted.${check.kind}`)
                  : t('inspector.resign.refused')}
              </p>
            )}
          </>
        )}
      </div>
      {'value' in signed &&
        (signAs === 'signed-cookie' ? (
          <div className="inline-form">
            <label>
              {t('inspector.resign.plantIn')}{' '}
              <select name="plant-in" value={target} onChange={(e) => setTarget(e.target.value)}>
                {world.tabs.map((tab) => (
                  <option key={tab.id} value={tab.id}>
                    {t('browser.tabLabel', { name: tab.name })}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" onClick={plant}>
              {t('inspector.resign.plant', { name: world.settings.SESSION_COOKIE_NAME })}
            </button>
            {planted?.value === signed.value && (
              <span className="ok">
                {t('inspector.resign.planted', { browser: planted.browser })}
              </span>
            )}
          </div>
        ) : (
          <p className="hint">{t('inspector.resign.noPlant')}</p>
        ))}
    </section>
  );
}

/** A group of radio buttons with its legend (and whatever goes with the choice, after them). */
function Choices<T extends string>({
  legend,
  name,
  options,
  value,
  onChange,
  children,
}: {
  legend: string;
  name: string;
  options: [T, string][];
  value: T;
  onChange: (value: T) => void;
  children?: ReactNode;
}) {
  return (
    <fieldset className="resign-choices">
      <legend>{legend}</legend>
      {options.map(([k, label]) => (
        <label key={k} className="check">
          <input type="radio" name={name} checked={value === k} onChange={() => onChange(k)} />{' '}
          {label}
        </label>
      ))}
      {children}
    </fieldset>
  );
}
