/**
 * The attacker's server (lab 15), under the Network panel: each document.cookie a page script
 * sent to another site, newest first, and a button that plants it in the browser in front, as
 * the attacker pastes a stolen cookie into her own browser. Shown once something was sent.
 */
import { useTranslation } from 'react-i18next';
import { useWorld } from '../hooks/useWorld';
import { formatDateTime } from '../format';
import { clearStolen, replayStolen } from '../../world/attacker';

export function AttackerServer() {
  const { t, i18n } = useTranslation();
  const world = useWorld();
  if (world.stolen.length === 0) return null;
  const active = world.activeTab;
  const nameOf = (id: string) => world.tabs.find((tab) => tab.id === id)?.name ?? id;
  return (
    <section className="attacker" aria-labelledby="attacker-heading">
      <h3 id="attacker-heading" className="detail-heading">
        {t('attacker.title')}
      </h3>
      <p className="hint">{t('attacker.hint')}</p>
      <ol className="attacker-list" reversed>
        {world.stolen
          .map((s, i) => ({ s, i }))
          .reverse()
          .map(({ s, i }) => (
            <li key={i}>
              <span className="who">{formatDateTime(s.time, i18n.language)}</span>{' '}
              {t('attacker.from', { name: nameOf(s.fromTab) })}{' '}
              {s.cookie ? (
                <>
                  <code className="cookie-value">{s.cookie}</code>{' '}
                  <button type="button" onClick={() => replayStolen(world, active.id, s)}>
                    {t('attacker.replay', { name: active.name })}
                  </button>
                </>
              ) : (
                <span className="hint">{t('attacker.empty')}</span>
              )}
            </li>
          ))}
      </ol>
      <button type="button" onClick={() => clearStolen(world)}>
        {t('attacker.clear')}
      </button>
    </section>
  );
}
