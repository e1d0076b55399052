/**
 * The session inspector: paste a `session_data` value or a signed-cookie session value and a
 * SECRET_KEY, and see how Django reads it, part by part. Everything is computed in the page by
 * the playground's reading of Django's signing (src/server/observe/inspect.ts); the key is never sent anywhere.
 * Ages are measured with the playground's virtual clock and its SESSION_COOKIE_AGE, so the
 * verdict matches what the playground's server would decide.
 */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  inspectSessionValue,
  SESSION_DATA_SALT,
  SIGNED_COOKIE_SALT,
  type Inspection,
  type Part,
} from '../../server/observe/inspect';
import { formatDateTime, formatNumber } from '../format';
import { useNow } from '../hooks/useNow';
import { useWorld } from '../hooks/useWorld';
import { Resign } from './Resign';
import './inspector.css';

interface Sample {
  label: string;
  value: string;
}

/** Values the playground itself holds: stored session_data (table, files) and the cookie. */
function useSamples(): Sample[] {
  const { t } = useTranslation();
  const world = useWorld();
  const { rows, files } = world.server.snapshot();
  const name = world.settings.SESSION_COOKIE_NAME;
  const tab = world.activeTab;
  const cookie = tab.browser.jar.all().find((c) => c.name === name);
  return [
    ...rows.map((r) => ({
      label: t('inspector.sampleRow', { key: r.session_key }),
      value: r.session_data,
    })),
    ...files.map((f) => ({ label: t('inspector.sampleFile', { path: f.path }), value: f.content })),
    ...(cookie
      ? [{ label: t('inspector.sampleCookie', { name, browser: tab.name }), value: cookie.value }]
      : []),
  ];
}

function PartLabel({ part }: { part: Part }) {
  const { t } = useTranslation();
  return (
    <span className="inspector-label">
      <span className={`inspector-swatch part-${part.kind}`} aria-hidden="true" />
      {t(`inspector.part.${part.kind}`)}
    </span>
  );
}

/** The raw string with each part coloured and captioned (the caption is the non-colour cue). */
function ColouredValue({ parts }: { parts: Part[] }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section aria-labelledby={id} className="inspector-section">
      <h3 id={id} className="panel-title">
        {t('inspector.rawTitle')}
      </h3>
      <p className="inspector-raw">
        {parts.map((p) =>
          p.kind === 'separator' ? (
            <code key={p.start} className="inspector-seg part-separator">
              {p.text}
            </code>
          ) : (
            <span key={p.start} className={`inspector-seg part-${p.kind}`}>
              <code>{p.text || '∅'}</code>
              <span className="inspector-caption">{t(`inspector.part.${p.kind}`)}</span>
            </span>
          ),
        )}
      </p>
    </section>
  );
}

function useMeaning(result: Inspection, lang: string): (p: Part) => string {
  const { t } = useTranslation();
  return (p) => {
    switch (p.kind) {
      case 'compressed':
        return t('inspector.meaning.compressed');
      case 'payload':
        return result.payload
          ? t('inspector.meaning.payload', { bytes: formatNumber(result.payload.byteLength, lang) })
          : t('inspector.meaning.payloadBad');
      case 'timestamp':
        return result.timestamp
          ? t('inspector.meaning.timestamp', {
              seconds: String(result.timestamp.seconds),
              date: formatDateTime(result.timestamp.ms, lang),
            })
          : t('inspector.meaning.timestampBad');
      case 'signature':
        return result.verified
          ? t('inspector.meaning.signatureOk', {
              salt: result.kind === 'signed-cookie' ? SIGNED_COOKIE_SALT : SESSION_DATA_SALT,
            })
          : t('inspector.meaning.signatureBad');
      default:
        return t('inspector.meaning.unparsed');
    }
  };
}

function Result({ result, maxAge }: { result: Inspection; maxAge: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const meaning = useMeaning(result, lang);
  const shown = result.parts.filter((p) => p.kind !== 'separator');
  const dataId = useId();
  return (
    <>
      <ColouredValue parts={result.parts} />
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t('inspector.partsTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('inspector.colPart')}</th>
              <th scope="col">{t('inspector.colRaw')}</th>
              <th scope="col">{t('inspector.colMeaning')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((p) => (
              <tr key={p.start}>
                <th scope="row">
                  <PartLabel part={p} />
                </th>
                <td>
                  <code className="session-data">{p.text}</code>
                </td>
                <td>{meaning(p)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {result.payload && (
        <section aria-labelledby={dataId} className="inspector-section">
          <h3 id={dataId} className="panel-title">
            {t('inspector.dataTitle')}{' '}
            {!result.verified && (
              <strong className="inspector-unverified">{t('inspector.unverified')}</strong>
            )}
          </h3>
          {!result.verified && <p className="hint">{t('inspector.unverifiedNote')}</p>}
          <dl className="inspector-data">
            <dt>{t('inspector.reprLabel')}</dt>
            <dd>
              <code className="session-data">{result.payload.repr}</code>
            </dd>
            <dt>JSON</dt>
            <dd>
              <code className="session-data">{result.payload.json}</code>
            </dd>
          </dl>
        </section>
      )}
      {result.timestamp && (
        <p>
          {t('inspector.signedAt', { date: formatDateTime(result.timestamp.ms, lang) })}
          {result.expiresAt !== undefined &&
            ' ' +
              t('inspector.validUntil', {
                date: formatDateTime(result.expiresAt, lang),
                age: formatNumber(maxAge, lang),
              })}
        </p>
      )}
    </>
  );
}

function Verdict({ result }: { result: Inspection }) {
  const { t } = useTranslation();
  const good = result.reason === 'ok';
  if (result.reason === 'empty') return <p className="hint">{t('inspector.verdict.empty')}</p>;
  return (
    <div className={`inspector-verdict ${good ? 'is-ok' : 'is-bad'}`}>
      <p>
        <strong>{good ? '✔ ' : '✘ '}</strong>
        {t(`inspector.verdict.${result.reason}`)}
      </p>
      {result.kind !== 'unknown' && <p>{t(`inspector.kind.${result.kind}`)}</p>}
      {result.looksLikeSessionKey && <p>{t('inspector.sessionKeyHint')}</p>}
      {result.detail && (
        <p className="hint">
          {t('inspector.detail')} <code>{result.detail}</code>
        </p>
      )}
    </div>
  );
}

export function InspectorPanel() {
  const { t, i18n } = useTranslation();
  const world = useWorld();
  const now = useNow(world.clock);
  const id = useId();
  const samples = useSamples();
  const [raw, setRaw] = useState('');
  // null: follow the world's key (it changes on reset or import) until the user types one.
  const [typedKey, setTypedKey] = useState<string | null>(null);
  const secret = typedKey ?? world.secretKey;
  const maxAge = world.settings.SESSION_COOKIE_AGE;
  // The exact virtual time, as Django's float time.time(): a cookie is expired from the first
  // instant its age exceeds SESSION_COOKIE_AGE.
  const result = useMemo(
    () => inspectSessionValue(raw, secret, { now, maxAge }),
    [raw, secret, now, maxAge],
  );
  return (
    <div className="panel inspector">
      <p className="hint">{t('inspector.intro')}</p>
      <form className="inspector-form" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor={`${id}-sample`}>{t('inspector.sample')}</label>
        <select
          id={`${id}-sample`}
          value=""
          disabled={samples.length === 0}
          onChange={(e) => {
            const s = samples[Number(e.target.value)];
            if (s) setRaw(s.value);
          }}
        >
          <option value="">
            {samples.length ? t('inspector.sampleChoose') : t('inspector.sampleNone')}
          </option>
          {samples.map((s, i) => (
            <option key={i} value={i}>
              {s.label}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-value`}>{t('inspector.value')}</label>
        <textarea
          id={`${id}-value`}
          rows={3}
          spellCheck={false}
          autoComplete="off"
          value={raw}
          aria-describedby={`${id}-value-hint`}
          onChange={(e) => setRaw(e.target.value)}
        />
        <p id={`${id}-value-hint`} className="hint">
          {t('inspector.valueHint')}
        </p>
        <label htmlFor={`${id}-key`}>SECRET_KEY</label>
        <div className="inline-form">
          <input
            id={`${id}-key`}
            type="text"
            spellCheck={false}
            autoComplete="off"
            value={secret}
            aria-describedby={`${id}-key-note`}
            onChange={(e) => setTypedKey(e.target.value)}
          />
          {typedKey !== null && typedKey !== world.secretKey && (
            <button type="button" onClick={() => setTypedKey(null)}>
              {t('inspector.useWorldKey')}
            </button>
          )}
        </div>
        <p id={`${id}-key-note`} className="hint">
          {t('inspector.keyNote')}{' '}
          {t('inspector.clockNote', { age: formatNumber(maxAge, i18n.language) })}
        </p>
      </form>
      {/* Always mounted, so screen readers announce each new verdict. */}
      <div role="status" aria-live="polite">
        <Verdict result={result} />
      </div>
      {result.parts.length > 0 && <Result result={result} maxAge={maxAge} />}
      {result.payload && <Resign key={raw} source={result} />}
    </div>
  );
}
