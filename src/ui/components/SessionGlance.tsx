/**
 * The active browser's session at a glance, right under the browser: the cookie it holds (whole),
 * what the server holds for that key (the row, no row, or nothing at all for signed cookies), and
 * the two clocks side by side: when the browser drops the cookie, and when the server stops
 * honouring the session. In the panels these live in two tabs; a lesson needs them together.
 */
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { inspectSessionValue } from '../../server/observe/inspect';
import type { StoredCookie } from '../../browser/cookieJar';
import { repr } from '../../python';
import { useWorld } from '../hooks/useWorld';
import { useStoredSession } from '../hooks/useStoredSessions';
import { Countdown } from './Countdown';
import { KeyMarkChip, SessionKey } from './SessionKey';

/** The session cookie the browser sends to the site (the most specific path first). */
function sessionCookie(cookies: StoredCookie[], name: string): StoredCookie | undefined {
  return cookies
    .filter((c) => c.name === name)
    .sort((a, b) => b.path.length - a.path.length)
    .find((c) => '/myapp/'.startsWith(c.path));
}

function Clock({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="glance-clock">
      <span className="glance-clock-label">{label}</span>
      <span className="glance-clock-value">{children}</span>
    </div>
  );
}

/** signed_cookies: the data travels in the cookie; Django honours it until the signature's
 * timestamp plus SESSION_COOKIE_AGE. */
function useSignedCookie(value: string | undefined) {
  const world = useWorld();
  const maxAge = world.settings.SESSION_COOKIE_AGE;
  const secret = world.secretKey;
  return useMemo(
    () =>
      value === undefined
        ? null
        : inspectSessionValue(value, secret, { now: world.clock.now(), maxAge }),
    // Not on the clock: the countdown ticks by itself, and the rest depends only on these.
    [value, secret, maxAge, world.clock],
  );
}

export function SessionGlance() {
  const { t } = useTranslation();
  const world = useWorld();
  const tab = world.activeTab;
  const name = world.settings.SESSION_COOKIE_NAME;
  const engine = world.settings.SESSION_ENGINE;
  const signed = engine === 'signed_cookies';
  const cookie = sessionCookie(tab.browser.jar.all(), name);
  const row = useStoredSession(cookie && !signed ? cookie.value : undefined);
  const inspected = useSignedCookie(signed ? cookie?.value : undefined);
  const place = t(
    `glance.where.${row?.where ?? (engine === 'file' ? 'file' : engine === 'cache' ? 'cache' : 'db')}`,
  );

  let server: ReactNode;
  if (!cookie) server = <span className="hint">{t('glance.noCookieNoRow')}</span>;
  else if (signed)
    server = (
      <>
        <span>{t('glance.signed')}</span>{' '}
        {inspected?.payload && inspected.verified ? (
          <code className="glance-data">{inspected.payload.repr}</code>
        ) : (
          <strong className="error">{t('glance.signedBad')}</strong>
        )}
      </>
    );
  else if (!row) server = <strong className="error">{t('glance.noRow', { place })}</strong>;
  else
    server = (
      <>
        <span>{t('glance.row', { place })}</span> <KeyMarkChip value={row.key} />{' '}
        <code className="glance-data">{repr(row.data)}</code>
      </>
    );

  const serverClock = !cookie ? (
    '—'
  ) : signed ? (
    inspected?.expiresAt !== undefined && inspected.verified ? (
      <Countdown until={inspected.expiresAt} clock={world.clock} />
    ) : (
      '—'
    )
  ) : !row ? (
    '—'
  ) : row.expiresAt === null ? (
    t('store.noTimeout')
  ) : (
    <Countdown until={row.expiresAt} clock={world.clock} />
  );

  return (
    <section className="glance" aria-labelledby="glance-heading">
      <h2 id="glance-heading" className="glance-heading">
        {t('glance.title', { name: tab.name })}
      </h2>
      <dl className="glance-facts">
        <div>
          <dt>{t('glance.cookie')}</dt>
          <dd>
            {cookie ? (
              <>
                <code>{name}=</code>
                {signed ? (
                  <code className="cookie-value">{cookie.value}</code>
                ) : (
                  <SessionKey value={cookie.value} />
                )}
              </>
            ) : (
              <span className="hint">{t('glance.noCookie', { name })}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('glance.server')}</dt>
          <dd>{server}</dd>
        </div>
      </dl>
      <div className="glance-clocks">
        <Clock label={t('glance.cookieClock')}>
          {!cookie ? (
            '—'
          ) : cookie.expiresAt === null ? (
            t('cookies.untilClose')
          ) : (
            <Countdown until={cookie.expiresAt} clock={world.clock} />
          )}
        </Clock>
        <Clock label={signed ? t('glance.signedClock') : t('glance.serverClock')}>
          {serverClock}
        </Clock>
      </div>
    </section>
  );
}
