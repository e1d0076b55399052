/**
 * What the server holds, for the current engine: django_session rows, cache entries, files, or
 * nothing at all for signed cookies. Expired rows stay (greyed) until clear_expired().
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorld } from '../hooks/useWorld';
import { Countdown } from '../components/Countdown';
import { SessionKey } from '../components/SessionKey';
import { repr } from '../../python';
import { useNow } from '../hooks/useNow';
import type { StoredSession } from '../../server/server';

function StoredData({ raw }: { raw: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (raw.length <= 48) return <code className="session-data">{raw}</code>;
  return (
    <span>
      <code className="session-data">{open ? raw : raw.slice(0, 40) + '…'}</code>{' '}
      <button type="button" className="linkish" onClick={() => setOpen(!open)} aria-expanded={open}>
        {open ? t('store.less') : t('store.more')}
      </button>
    </span>
  );
}

function Rows({ rows, showRaw }: { rows: StoredSession[]; showRaw: boolean }) {
  const { t } = useTranslation();
  const world = useWorld();
  const now = useNow(world.clock);
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">session_key</th>
            {showRaw && <th scope="col">session_data</th>}
            <th scope="col">{t('store.decoded')}</th>
            <th scope="col">expire_date</th>
            <th scope="col">{t('store.left')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const expired = r.expiresAt !== null && r.expiresAt <= now;
            return (
              <tr key={r.where + r.key} className={expired ? 'expired' : undefined}>
                <td>
                  <SessionKey value={r.key} />
                </td>
                {showRaw && (
                  <td>{r.sessionData !== undefined && <StoredData raw={r.sessionData} />}</td>
                )}
                <td>
                  <code>{repr(r.data)}</code>
                </td>
                <td>
                  {r.expiresAt === null
                    ? '—'
                    : new Date(r.expiresAt).toISOString().replace('.000Z', 'Z')}
                </td>
                <td>
                  {r.expiresAt === null ? (
                    t('store.noTimeout')
                  ) : expired ? (
                    <span className="expired-label">{t('store.expiredRow')}</span>
                  ) : (
                    <Countdown until={r.expiresAt} clock={world.clock} />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function StorePanel() {
  const { t } = useTranslation();
  const world = useWorld();
  const engine = world.settings.SESSION_ENGINE;
  const server = world.server;
  const all = server.storedSessions();
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
        <button type="button" onClick={() => world.clearExpired()}>
          clear_expired()
        </button>
        <button type="button" onClick={() => world.restartServer()}>
          {t('store.restart')}
        </button>
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
