/**
 * Messages about the playground itself: a saved state that could not be used (and what was kept
 * of it), saving that failed, no service worker, another tab. A notice may carry where its input
 * was refused, and actions (download what could not be kept, let it go).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputProblem } from '../../world/schema';
import { ProblemText } from './ProblemText';
import { formatNumber } from '../format';

export interface NoticeAction {
  /** Message key of the button's label. */
  label: string;
  run: () => void;
  /** The notice goes once the action has run. */
  dismisses?: boolean;
}

export interface Notice {
  id: string;
  key: string;
  values?: Record<string, string>;
  tone: 'info' | 'warning';
  /** Where an input was refused, said after the message. */
  problem?: InputProblem;
  actions?: NoticeAction[];
  /**
   * Shown over the page's corner rather than above it: for news that comes while the reader is
   * busy (the offline copy is ready, a new version), which must not push the page down.
   */
  toast?: boolean;
  /**
   * News that needs nothing from the reader (the offline copy is ready) goes away by itself after
   * this many ms, so it does not sit over a projected browser for the rest of the class; and
   * sooner, once it has been read, when the reader gets on with their work (see GIVES_WAY_AFTER).
   */
  fadesAfter?: number;
}

/**
 * A fading notice that has been up this long gives way to the reader's next click or key
 * elsewhere: an instructor who logs in to show the class the Network panel must not find the
 * notice over its "Cookies: sent and received".
 */
export const GIVES_WAY_AFTER = 3_000;

/** Counts in a notice's values, in the reader's digits. */
function localized(values: Record<string, string> | undefined, lang: string) {
  if (!values) return values;
  return Object.fromEntries(
    Object.entries(values).map(([k, v]) => [
      k,
      /^\d+$/.test(v) ? formatNumber(Number(v), lang) : v,
    ]),
  );
}

export function Notices({ notices }: { notices: Notice[] }) {
  const { t, i18n } = useTranslation();
  const [dismissed, setDismissed] = useState<string[]>([]);
  const shown = notices.filter((n) => !dismissed.includes(n.id));
  const dismiss = (id: string) => setDismissed((d) => [...d, id]);
  // The timers restart only when the set of fading notices on screen changes (`notices` is a
  // new array on every render: their ids say what changed).
  const fading = shown
    .filter((n) => n.fadesAfter !== undefined)
    .map((n) => n.id)
    .join(' ');
  useEffect(() => {
    if (!fading) return;
    const ids = fading.split(' ');
    const timers = notices
      .filter((n) => n.fadesAfter !== undefined && ids.includes(n.id))
      .map((n) => setTimeout(() => dismiss(n.id), n.fadesAfter));
    const onWork = (e: Event) => {
      if (e.target instanceof Element && e.target.closest('.notice')) return; // reading it
      setDismissed((d) => [...d, ...ids]);
    };
    const work = ['pointerdown', 'keydown'] as const;
    const read = setTimeout(
      () => work.forEach((e) => document.addEventListener(e, onWork, true)),
      GIVES_WAY_AFTER,
    );
    return () => {
      timers.forEach(clearTimeout);
      clearTimeout(read);
      work.forEach((e) => document.removeEventListener(e, onWork, true));
    };
  }, [fading]);

  const render = (n: Notice) => (
    <div key={n.id} className={`notice ${n.tone}`} role={n.tone === 'warning' ? 'alert' : 'status'}>
      <p>
        {t(n.key, localized(n.values, i18n.language))}
        {n.problem && (
          <>
            {' '}
            <span className="notice-where">
              {t('exchange.where')} <ProblemText problem={n.problem} />
            </span>
          </>
        )}
      </p>
      <span className="notice-actions">
        {n.actions?.map((a) => (
          <button
            key={a.label}
            type="button"
            onClick={() => {
              a.run();
              if (a.dismisses) dismiss(n.id);
            }}
          >
            {t(a.label)}
          </button>
        ))}
        <button type="button" onClick={() => dismiss(n.id)}>
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
