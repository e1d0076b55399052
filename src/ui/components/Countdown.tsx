/** Time left until a moment on the virtual clock, ticking with the one shared ticker. */
import { useTranslation } from 'react-i18next';
import { durationParts, formatNumber, localDigits } from '../format';
import { useNow } from '../hooks/useNow';
import type { Clock } from '../../django/runtime';

export function Duration({ ms }: { ms: number }) {
  const { t, i18n } = useTranslation();
  const { days, clock } = durationParts(ms);
  const lang = i18n.language;
  return (
    <span className="duration">
      {days > 0 && t('time.days', { count: days, n: formatNumber(days, lang) }) + ' '}
      {localDigits(clock, lang)}
    </span>
  );
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
