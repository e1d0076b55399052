/** Every request and response, with headers, body, and the middleware's reasoning in words. */
import { memo, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorld } from '../hooks/useWorld';
import { explain, type Sentence } from '../explain';
import { hostOf } from '../hostOf';
import { Duration } from '../components/Countdown';
import { formatDateTime } from '../format';
import type { NetworkEntry } from '../../browser/browser';
import { AttackerServer } from './AttackerServer';
import { KeyMarkChip } from '../components/SessionKey';

export function SentenceText({ s }: { s: Sentence }) {
  const { t } = useTranslation();
  if (!s.seconds) return <>{t(s.key, s.values)}</>;
  const [name, secs] = Object.entries(s.seconds)[0] as [string, number];
  const text = t(s.key, { ...s.values, [name]: '\u0000' });
  const [before, after] = text.split('\u0000');
  return (
    <>
      {before}
      <Duration ms={secs * 1000} />
      {after}
    </>
  );
}

function Headers({ rows }: { rows: [string, string][] }) {
  return (
    <dl className="headers">
      {rows.map(([n, v], i) => (
        <div key={i} className="header-row">
          <dt>{n}:</dt>
          <dd>
            <code>{v}</code>
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** A session key inside a header (`sessionid=<key>;`): whole, with the mark it has everywhere. */
const KEY_IN_HEADER = /(?<==)([a-z0-9]{32})(?=;|$)/g;

function HeaderValue({ value }: { value: string }) {
  const parts = value.split(KEY_IN_HEADER);
  return (
    <code className="header-value">
      {parts.map((p, i) =>
        i % 2 === 1 ? (
          <span key={i} className="key-in-header">
            <KeyMarkChip value={p} />
            {p}
          </span>
        ) : (
          p
        ),
      )}
    </code>
  );
}

/** The two headers the lessons are about, first and highlighted: what the browser sent, and
 * what the server asked it to keep. */
function CookieExchange({ entry }: { entry: NetworkEntry }) {
  const { t } = useTranslation();
  const sent = entry.requestHeaders.filter(([n]) => n.toLowerCase() === 'cookie');
  const received = entry.response.setCookies;
  return (
    <section className="cookie-exchange" aria-labelledby={`exchange-${entry.id}`}>
      <h3 id={`exchange-${entry.id}`} className="detail-heading">
        {t('network.cookieExchange')}
      </h3>
      <dl className="headers">
        <div className="header-row">
          <dt>{t('network.requestCookie')}</dt>
          <dd>
            {sent.length ? (
              sent.map(([, v], i) => <HeaderValue key={i} value={v} />)
            ) : (
              <span className="hint">{t('network.noCookieSent')}</span>
            )}
          </dd>
        </div>
        <div className="header-row">
          <dt>{t('network.responseSetCookie')}</dt>
          <dd>
            {received.length ? (
              received.map((v, i) => <HeaderValue key={i} value={v} />)
            ) : (
              <span className="hint">{t('network.noSetCookie')}</span>
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}

function Detail({ entry }: { entry: NetworkEntry }) {
  const { t, i18n } = useTranslation();
  const r = entry.response;
  const responseHeaders: [string, string][] = [
    ...r.headers,
    ...r.setCookies.map((c) => ['Set-Cookie', c] as [string, string]),
  ];
  return (
    <div className="network-detail">
      <CookieExchange entry={entry} />
      <h3 className="detail-heading">{t('network.why')}</h3>
      <ul className="why">
        {explain(entry).map((s, i) => (
          <li key={i}>
            <SentenceText s={s} />
          </li>
        ))}
      </ul>
      <h3 className="detail-heading">{t('network.general')}</h3>
      <Headers
        rows={[
          [t('network.url'), entry.url],
          [t('network.method'), entry.method],
          [t('network.status'), `${r.status} ${r.reason}`],
          [t('network.sentAt'), formatDateTime(entry.time, i18n.language)],
          [t('network.via'), t(`network.transport.${entry.via}`)],
        ]}
      />
      <h3 className="detail-heading">{t('network.requestHeaders')}</h3>
      <Headers rows={entry.requestHeaders} />
      {entry.requestBody !== null && (
        <>
          <h3 className="detail-heading">{t('network.requestBody')}</h3>
          <pre className="body" tabIndex={0}>
            {entry.requestBody}
          </pre>
        </>
      )}
      <h3 className="detail-heading">{t('network.responseHeaders')}</h3>
      <Headers rows={responseHeaders} />
      <h3 className="detail-heading">{t('network.responseBody')}</h3>
      <pre className="body" tabIndex={0}>
        {r.body}
      </pre>
      {r.logs.length > 0 && (
        <>
          <h3 className="detail-heading">{t('network.logs')}</h3>
          <pre className="body" tabIndex={0}>
            {r.logs.map((l) => `${l.level} ${l.logger}: ${l.message}`).join('\n')}
          </pre>
        </>
      )}
    </div>
  );
}

/** One line of the request list. Entries never change, so a line re-renders only when it is
 * selected or unselected: with hundreds of requests, that keeps each response quick to show. */
const EntryButton = memo(function EntryButton({
  entry: e,
  who,
  pressed,
  onSelect,
}: {
  entry: NetworkEntry;
  who: string;
  pressed: boolean;
  onSelect: (id: number) => void;
}) {
  const { t } = useTranslation();
  // A page script's request to another site: its host is the point, and it was never sent.
  const offsite = e.via === 'simulated';
  return (
    <li>
      <button type="button" aria-pressed={pressed} onClick={() => onSelect(e.id)}>
        <span className="method">{e.method}</span>{' '}
        <span className="path">{offsite ? hostOf(e.url) + e.path : e.path}</span>{' '}
        <span className={`status s${Math.floor(e.response.status / 100)}`}>
          {e.response.status}
        </span>
        <span className="who">{who}</span>
        {e.response.setCookies.length > 0 && <span className="badge">Set-Cookie</span>}
        {offsite && (
          <>
            {' '}
            <span className="badge offsite">{t('network.simulated')}</span>
          </>
        )}
      </button>
    </li>
  );
});

export function NetworkPanel() {
  const { t } = useTranslation();
  const world = useWorld();
  const [filter, setFilter] = useState<string>('all');
  const [selected, setSelected] = useState<number | null>(null);
  const entries = world.network.filter((e) => filter === 'all' || e.browser === filter);
  const picked = entries.find((e) => e.id === selected);
  const current = picked ?? entries[entries.length - 1];
  // As in DevTools: while no older request has been picked, the list follows the newest one.
  const list = useRef<HTMLOListElement>(null);
  const newest = entries[entries.length - 1]?.id;
  const following = !picked;
  useLayoutEffect(() => {
    if (following && list.current) list.current.scrollTop = list.current.scrollHeight;
  }, [following, newest]);
  return (
    <div className="panel network">
      <div className="panel-toolbar">
        <label>
          {t('network.filter')}{' '}
          <select name="network-filter" value={filter} onChange={(e) => setFilter(e.target.value)}>
            <option value="all">{t('network.allBrowsers')}</option>
            {world.tabs.map((tab) => (
              <option key={tab.id} value={tab.id}>
                {tab.name}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          onClick={() => world.clearNetwork(filter === 'all' ? undefined : filter)}
        >
          {t('network.clear')}
        </button>
      </div>
      {entries.length === 0 ? (
        <p className="empty">{t('network.none')}</p>
      ) : (
        <div className="network-split">
          <ol ref={list} className="network-list" aria-label={t('network.requests')}>
            {entries.map((e) => (
              <EntryButton
                key={e.id}
                entry={e}
                who={world.tabs.find((tab) => tab.id === e.browser)?.name ?? e.browser}
                pressed={e.id === current?.id}
                onSelect={setSelected}
              />
            ))}
          </ol>
          {current && <Detail entry={current} />}
        </div>
      )}
      <AttackerServer />
    </div>
  );
}
