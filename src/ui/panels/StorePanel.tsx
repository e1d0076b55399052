/**
 * What the server holds, for the current engine: django_session rows, cache entries, files, or
 * nothing at all for signed cookies. Expired rows stay (greyed) until clear_expired().
 */
import { memo, useMemo, useRef, useState, type FormEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import {} from '../../world/world';
import { formatNumber } from '../format';
import { useTranslation } from 'react-i18next';
import { useWorld } from '../hooks/useWorld';
import { durationText } from '../components/Countdown';
import { SessionKey } from '../components/SessionKey';
import { repr } from '../../python';
import { useNow } from '../hooks/useNow';
import { useStoredSessions } from '../hooks/useStoredSessions';
import type { StoredSession } from '../../server/server';
import { MAX_CLASS, simulateClass } from '../../world/classroom';

/** Words a row shows, translated once for the whole table (rows mount by the dozen as it scrolls). */
interface RowWords {
  more: string;
  less: string;
  noTimeout: string;
  expiredRow: string;
  left: (ms: number) => string;
}

function StoredData({ raw, words }: { raw: string; words: RowWords }) {
  const [open, setOpen] = useState(false);
  if (raw.length <= 48) return <code className="session-data">{raw}</code>;
  return (
    <span>
      <code className="session-data">{open ? raw : raw.slice(0, 40) + '…'}</code>{' '}
      <button type="button" className="linkish" onClick={() => setOpen(!open)} aria-expanded={open}>
        {open ? words.less : words.more}
      </button>
    </span>
  );
}

/** More rows than this are virtualised: only the rows in view are in the page. */
const VIRTUALISE_AFTER = 60;
const ROW_HEIGHT = 36;

const Row = memo(function Row({
  r,
  showRaw,
  now,
  index,
  words,
}: {
  r: StoredSession;
  showRaw: boolean;
  now: number;
  index: number;
  words: RowWords;
}) {
  const expired = r.expiresAt !== null && r.expiresAt <= now;
  return (
    <tr className={expired ? 'expired' : undefined} data-index={index} aria-rowindex={index + 2}>
      <td>
        <SessionKey value={r.key} />
      </td>
      {showRaw && (
        <td>{r.sessionData !== undefined && <StoredData raw={r.sessionData} words={words} />}</td>
      )}
      <td>
        <code>{repr(r.data)}</code>
      </td>
      <td>
        {r.expiresAt === null ? '—' : new Date(r.expiresAt).toISOString().replace('.000Z', 'Z')}
      </td>
      <td>
        {r.expiresAt === null ? (
          words.noTimeout
        ) : expired ? (
          <span className="expired-label">{words.expiredRow}</span>
        ) : (
          <span className="countdown">{words.left(r.expiresAt - now)}</span>
        )}
      </td>
    </tr>
  );
});

function Rows({ rows, showRaw }: { rows: StoredSession[]; showRaw: boolean }) {
  const { t, i18n } = useTranslation();
  const world = useWorld();
  const now = useNow(world.clock);
  const lang = i18n.language;
  const words = useMemo<RowWords>(
    () => ({
      more: t('store.more'),
      less: t('store.less'),
      noTimeout: t('store.noTimeout'),
      expiredRow: t('store.expiredRow'),
      left: (ms) => durationText(ms, t, lang),
    }),
    [t, lang],
  );
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = rows.length > VIRTUALISE_AFTER;
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    // Rows of a virtual table have one fixed height (see .table-wrap.virtual in styles.css):
    // measuring each row as it scrolls in would force a layout per row per frame.
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    enabled: virtual,
  });
  const items = virtual ? virtualizer.getVirtualItems() : [];
  const top = items[0]?.start ?? 0;
  const bottom = items.length
    ? virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0)
    : 0;
  return (
    <div
      className={virtual ? 'table-wrap virtual' : 'table-wrap'}
      ref={scroller}
      tabIndex={virtual ? 0 : undefined}
      aria-label={virtual ? t('store.rowsCount', { count: rows.length }) : undefined}
      role={virtual ? 'region' : undefined}
    >
      <table aria-rowcount={rows.length + 1}>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col">session_key</th>
            {showRaw && <th scope="col">session_data</th>}
            <th scope="col">{t('store.decoded')}</th>
            <th scope="col">expire_date</th>
            <th scope="col">{t('store.left')}</th>
          </tr>
        </thead>
        <tbody>
          {virtual ? (
            <>
              {top > 0 && <tr aria-hidden="true" style={{ height: top }} />}
              {items.map((v) => (
                <Row
                  key={v.key}
                  r={rows[v.index] as StoredSession}
                  showRaw={showRaw}
                  now={now}
                  index={v.index}
                  words={words}
                />
              ))}
              {bottom > 0 && <tr aria-hidden="true" style={{ height: bottom }} />}
            </>
          ) : (
            rows.map((r, i) => (
              <Row
                key={r.where + r.key}
                r={r}
                showRaw={showRaw}
                now={now}
                index={i}
                words={words}
              />
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

function SimulateClass() {
  const { t, i18n } = useTranslation();
  const world = useWorld();
  const [count, setCount] = useState('30');
  const [progress, setProgress] = useState<string | null>(null);
  const run = async (e: FormEvent) => {
    e.preventDefault();
    const n = Number(count);
    if (!Number.isInteger(n) || n < 1 || n > MAX_CLASS) {
      setProgress(t('store.classRange', { max: formatNumber(MAX_CLASS, i18n.language) }));
      return;
    }
    setProgress(
      t('store.classRunning', {
        done: formatNumber(0, i18n.language),
        n: formatNumber(n, i18n.language),
      }),
    );
    const done = await simulateClass(world, n, (d) =>
      setProgress(
        t('store.classRunning', {
          done: formatNumber(d, i18n.language),
          n: formatNumber(n, i18n.language),
        }),
      ),
    );
    setProgress(t('store.classDone', { n: formatNumber(done, i18n.language) }));
  };
  return (
    <form className="inline-form" onSubmit={run}>
      <label>
        {t('store.classSize')}{' '}
        <input
          name="class-size"
          inputMode="numeric"
          value={count}
          onChange={(e) => setCount(e.target.value)}
          size={5}
        />
      </label>
      <button type="submit">{t('store.simulateClass')}</button>
      {progress && <span role="status">{progress}</span>}
    </form>
  );
}

/** `clear_expired()`, and what it did: how many rows (or files) it removed. */
function ClearExpired() {
  const { t, i18n } = useTranslation();
  const world = useWorld();
  const [removed, setRemoved] = useState<{ n: number; engine: string } | null>(null);
  const engine = world.settings.SESSION_ENGINE;
  const stored = () => world.server.storedSessions().filter((r) => r.where !== 'cache').length;
  const run = () => {
    const before = stored();
    world.clearExpired();
    setRemoved({ n: before - stored(), engine });
  };
  const shown = removed?.engine === engine ? removed : null;
  const what = engine === 'file' ? 'files' : 'rows';
  return (
    <>
      <button type="button" onClick={run}>
        clear_expired()
      </button>
      <span role="status" className="hint">
        {shown &&
          (engine === 'cache'
            ? t('store.clearedCache')
            : engine === 'signed_cookies'
              ? t('store.clearedSigned')
              : t(`store.cleared.${what}`, {
                  count: shown.n,
                  n: formatNumber(shown.n, i18n.language),
                }))}
      </span>
    </>
  );
}

export function StorePanel() {
  const { t } = useTranslation();
  const world = useWorld();
  const engine = world.settings.SESSION_ENGINE;
  const server = world.server;
  // Decoding every row is the costly part: once per change of the world, not per clock tick.
  const all = useStoredSessions();
  const db = all.filter((r) => r.where === 'db');
  const cache = all.filter((r) => r.where === 'cache');
  const files = all.filter((r) => r.where === 'file');
  const dbEngine = engine === 'db' || engine === 'cached_db';
  return (
    <div className="panel">
      <div className="panel-toolbar">
        <span>
          {t('store.engine')} <code>{`django.contrib.sessions.backends.${engine}`}</code>
        </span>
        <ClearExpired />
        <button type="button" onClick={() => world.restartServer()}>
          {t('store.restart')}
        </button>
        <SimulateClass />
      </div>
      {engine === 'signed_cookies' && <p className="empty">{t('store.signedCookies')}</p>}
      {dbEngine && (
        <section aria-labelledby="store-db">
          <h3 id="store-db" className="panel-title">
            {t('store.dbTitle')} <code>django_session</code>
          </h3>
          {!world.settings.sessionsApp ? (
            <p className="empty">{t('store.noApp')}</p>
          ) : !server.migrated ? (
            <p className="empty">{t('store.notMigrated')}</p>
          ) : db.length === 0 ? (
            <p className="empty">{t('store.noRows')}</p>
          ) : (
            <Rows rows={db} showRaw />
          )}
        </section>
      )}
      {(engine === 'cache' || engine === 'cached_db') && (
        <section aria-labelledby="store-cache">
          <h3 id="store-cache" className="panel-title">
            {t('store.cacheTitle')}
          </h3>
          {cache.length === 0 ? (
            <p className="empty">{t('store.noEntries')}</p>
          ) : (
            <Rows rows={cache} showRaw={false} />
          )}
          <p className="hint">{t('store.cacheHint')}</p>
        </section>
      )}
      {engine === 'file' && (
        <section aria-labelledby="store-files">
          <h3 id="store-files" className="panel-title">
            {t('store.filesTitle')} <code>/tmp/sessionid…</code>
          </h3>
          {files.length === 0 ? (
            <p className="empty">{t('store.noFiles')}</p>
          ) : (
            <Rows rows={files} showRaw />
          )}
        </section>
      )}
    </div>
  );
}
