/** The active browser's cookies, with DevTools' columns, a live countdown, and hand edits. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorld } from '../hooks/useWorld';
import { Countdown } from '../components/Countdown';
import { SessionKey } from '../components/SessionKey';
import { formatNumber } from '../format';
import { SESSION_KEY_LIKE } from '../components/keyMarks';
import {
  fitsCookieLimit,
  handMadeCookie,
  MAX_COOKIE_BYTES,
  type StoredCookie,
} from '../../browser/cookieJar';

/** The whole value, always: a session key with its mark, anything else wrapped. */
function CookieValue({ cookie }: { cookie: StoredCookie }) {
  if (SESSION_KEY_LIKE.test(cookie.value)) return <SessionKey value={cookie.value} />;
  return <code className="cookie-value">{cookie.value}</code>;
}

export function CookiesPanel() {
  const { t, i18n } = useTranslation();
  const world = useWorld();
  const tab = world.activeTab;
  const cookies = tab.browser.jar.all();
  const [editing, setEditing] = useState<StoredCookie | null>(null);
  const [draft, setDraft] = useState({ name: 'sessionid', value: '', path: '/', httpOnly: false });
  const [tooBig, setTooBig] = useState(false);
  const save = (e: FormEvent) => {
    e.preventDefault();
    if (!draft.name.trim() && !draft.value) return;
    // A browser keeps no cookie over 4,096 bytes, DevTools' edits included: refused, nothing changes.
    setTooBig(!fitsCookieLimit(draft.name.trim(), draft.value));
    if (!fitsCookieLimit(draft.name.trim(), draft.value)) return;
    if (editing && (editing.name !== draft.name || editing.path !== draft.path))
      world.deleteCookie(tab.id, editing.name, editing.domain, editing.path);
    const edited = { name: draft.name.trim(), value: draft.value };
    const attrs = { path: draft.path || '/', httpOnly: draft.httpOnly };
    world.putCookie(
      tab.id,
      editing
        ? { ...editing, ...edited, ...attrs }
        : handMadeCookie(edited.name, edited.value, tab.browser.url('/').hostname, attrs),
    );
    setEditing(null);
    setDraft({ name: 'sessionid', value: '', path: '/', httpOnly: false });
  };
  return (
    <div className="panel">
      <h3 className="panel-title">{t('cookies.title', { name: tab.name })}</h3>
      {cookies.length === 0 ? (
        <p className="empty">{t('cookies.none')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('cookies.colName')}</th>
                <th scope="col">{t('cookies.colValue')}</th>
                <th scope="col">Domain</th>
                <th scope="col">Path</th>
                <th scope="col">Expires / Max-Age</th>
                <th scope="col">{t('cookies.left')}</th>
                <th scope="col">{t('cookies.colSize')}</th>
                <th scope="col">HttpOnly</th>
                <th scope="col">Secure</th>
                <th scope="col">SameSite</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {cookies.map((c) => (
                <tr key={`${c.name}|${c.domain}|${c.path}`}>
                  <td>
                    <code>{c.name}</code>
                  </td>
                  <td className="value-cell">
                    <CookieValue cookie={c} />
                  </td>
                  <td>{c.domain}</td>
                  <td>{c.path}</td>
                  <td>
                    {c.expiresAt === null ? (
                      t('cookies.sessionExpiry')
                    ) : (
                      <code>{new Date(c.expiresAt).toISOString().replace('.000', '')}</code>
                    )}
                  </td>
                  <td>
                    {c.expiresAt === null ? (
                      t('cookies.untilClose')
                    ) : (
                      <Countdown until={c.expiresAt} clock={world.clock} />
                    )}
                  </td>
                  <td>{formatNumber(c.name.length + c.value.length, i18n.language)}</td>
                  <td>
                    {c.httpOnly ? '✓' : ''}
                    <span className="visually-hidden">
                      {c.httpOnly ? t('common.yes') : t('common.no')}
                    </span>
                  </td>
                  <td>
                    {c.secure ? '✓' : ''}
                    <span className="visually-hidden">
                      {c.secure ? t('common.yes') : t('common.no')}
                    </span>
                  </td>
                  <td>{c.sameSite ?? ''}</td>
                  <td className="row-actions">
                    <button
                      type="button"
                      onClick={() => (
                        setEditing(c),
                        setDraft({
                          name: c.name,
                          value: c.value,
                          path: c.path,
                          httpOnly: c.httpOnly,
                        })
                      )}
                      aria-label={t('cookies.editNamed', { name: c.name })}
                    >
                      {t('common.edit')}
                    </button>
                    <button
                      type="button"
                      onClick={() => world.deleteCookie(tab.id, c.name, c.domain, c.path)}
                      aria-label={t('cookies.deleteNamed', { name: c.name })}
                    >
                      {t('common.delete')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form
        className="cookie-form"
        onSubmit={save}
        aria-label={editing ? t('cookies.editTitle') : t('cookies.plantTitle')}
      >
        <fieldset>
          <legend>{editing ? t('cookies.editTitle') : t('cookies.plantTitle')}</legend>
          <label>
            {t('cookies.colName')}{' '}
            <input
              name="cookie-name"
              value={draft.name}
              onChange={(e) => setDraft({ ...draft, name: e.target.value })}
              spellCheck={false}
            />
          </label>
          <label>
            {t('cookies.colValue')}{' '}
            <input
              name="cookie-value"
              value={draft.value}
              onChange={(e) => setDraft({ ...draft, value: e.target.value })}
              spellCheck={false}
            />
          </label>
          <label>
            Path{' '}
            <input
              name="cookie-path"
              value={draft.path}
              onChange={(e) => setDraft({ ...draft, path: e.target.value })}
              spellCheck={false}
            />
          </label>
          <label className="check">
            <input
              type="checkbox"
              name="cookie-httponly"
              checked={draft.httpOnly}
              onChange={(e) => setDraft({ ...draft, httpOnly: e.target.checked })}
            />{' '}
            HttpOnly
          </label>
          <button type="submit">{editing ? t('common.save') : t('cookies.plant')}</button>
          {editing && (
            <button type="button" onClick={() => setEditing(null)}>
              {t('common.cancel')}
            </button>
          )}
        </fieldset>
        <p className="hint">{t('cookies.plantHint')}</p>
        {tooBig && (
          <p role="alert" className="error">
            {t('limits.cookieTooBig', { limit: formatNumber(MAX_COOKIE_BYTES, i18n.language) })}
          </p>
        )}
      </form>
    </div>
  );
}
