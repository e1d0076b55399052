/** Time left until a moment on the virtual clock, ticking with the one shared ticker. */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { durationParts, formatNumber, localDigits } from '../format';
import { useNow } from '../hooks/useNow';
import type { Clock } from '../../django/runtime';

/** `13 days 23:59:58` in the reader's language and digits. */
export function durationText(ms: number, t: TFunction, lang: string): string {
  const { days, clock } = durationParts(ms);
  const dayText =
    days > 0 ? t('time.days', { count: days, n: formatNumber(days, lang) }) + ' ' : '';
  return dayText + localDigits(clock, lang);
}

export function Duration({ ms }: { ms: number }) {
  const { t, i18n } = useTranslation();
  return <span className="duration">{durationText(ms, t, i18n.language)}</span>;
}

export function Countdown({ until, clock }: { until: number; clock: Clock }) {
  const { t } = useTranslation();
  const now = useNow(clock);
  const left = until - now;
  if (left <= 0) return <span className="expired-label">{t('time.expired')}</span>;
  return (
    <span className="countdown">
      <Duration ms={left} />
    </span>
  );
}
