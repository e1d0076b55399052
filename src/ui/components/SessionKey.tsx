/**
 * A session key, whole, with its mark: the same key looks the same in the jar, the headers, the
 * store and the at-a-glance view. The full key is always in the page (wrapped, in a smaller
 * monospace): the labs ask students to compare and copy it, and phones have no hover.
 */
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorld } from '../hooks/useWorld';
import { formatNumber } from '../format';
import { keyMark } from './keyMarks';

export function KeyMarkChip({ value }: { value: string }) {
  const { t, i18n } = useTranslation();
  const mark = keyMark(useWorld(), value);
  const n = formatNumber(mark.n, i18n.language);
  return (
    <span
      className="key-mark"
      style={{ '--key-colour': mark.colour } as CSSProperties}
      title={t('key.mark', { n })}
    >
      <span aria-hidden="true">
        {mark.shape}
        {n}
      </span>
      <span className="visually-hidden">{t('key.mark', { n })}</span>
    </span>
  );
}

export function SessionKey({ value }: { value: string }) {
  return (
    <span className="session-key">
      <KeyMarkChip value={value} /> <code className="key-text">{value}</code>
    </span>
  );
}
