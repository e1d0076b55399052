/** Messages about the playground itself: a saved state that could not be used, no service worker, another tab. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface Notice {
  id: string;
  key: string;
  values?: Record<string, string>;
  tone: 'info' | 'warning';
  /** A button beside the message that does what it offers (e.g. "Reload"). */
  action?: { key: string; run: () => void };
}

export function Notices({ notices }: { notices: Notice[] }) {
  const { t } = useTranslation();
  const [dismissed, setDismissed] = useState<string[]>([]);
  const shown = notices.filter((n) => !dismissed.includes(n.id));
  if (shown.length === 0) return null;
  return (
    <div className="notices">
      {shown.map((n) => (
        <div
          key={n.id}
          className={`notice ${n.tone}`}
          role={n.tone === 'warning' ? 'alert' : 'status'}
        >
          <p>{t(n.key, n.values)}</p>
          <span className="notice-actions">
            {n.action && (
              <button type="button" onClick={n.action.run}>
                {t(n.action.key)}
              </button>
            )}
            <button type="button" onClick={() => setDismissed([...dismissed, n.id])}>
              {t('common.dismiss')}
            </button>
          </span>
        </div>
      ))}
    </div>
  );
}
