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
  /**
   * Shown over the page's corner rather than above it: for news that comes while the reader is
   * busy (the offline copy is ready, a new version), which must not push the page down.
   */
  toast?: boolean;
}

export function Notices({ notices }: { notices: Notice[] }) {
  const { t } = useTranslation();
  const [dismissed, setDismissed] = useState<string[]>([]);
  const shown = notices.filter((n) => !dismissed.includes(n.id));
  const render = (n: Notice) => (
    <div key={n.id} className={`notice ${n.tone}`} role={n.tone === 'warning' ? 'alert' : 'status'}>
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
  );
  const inline = shown.filter((n) => !n.toast);
  const toasts = shown.filter((n) => n.toast);
  return (
    <>
      {inline.length > 0 && <div className="notices">{inline.map(render)}</div>}
      {toasts.length > 0 && <div className="toasts">{toasts.map(render)}</div>}
    </>
  );
}
