/** The virtual clock: the time in the reader's language, pause, speed, jumps, back to now. */
import { useTranslation } from 'react-i18next';
import { useWorld } from '../hooks/useWorld';
import { useNow } from '../hooks/useNow';
import { formatDateTime, formatNumber } from '../format';
import { Duration } from './Countdown';
import { SPEEDS } from '../../world/clock';

const JUMPS: [string, number][] = [
  ['1m', 60_000],
  ['1h', 3_600_000],
  ['1d', 86_400_000],
  ['2w', 14 * 86_400_000],
];

export function ClockControls() {
  const { t, i18n } = useTranslation();
  const world = useWorld();
  const clock = world.clock;
  const now = useNow(clock);
  const offset = clock.offset();
  const lang = i18n.language;
  return (
    <div className="clock" role="group" aria-label={t('clock.label')}>
      <span className="clock-time">
        <span className="visually-hidden">{t('clock.virtualTime')} </span>
        <time dateTime={new Date(now).toISOString()}>{formatDateTime(now, lang)}</time>
        {Math.abs(offset) >= 1000 && (
          <span className="clock-offset">
            {' '}
            ({offset > 0 ? '+' : '−'}
            <Duration ms={Math.abs(offset)} />)
          </span>
        )}
      </span>
      <button
        type="button"
        onClick={() => (clock.paused ? clock.resume() : clock.pause())}
        aria-pressed={clock.paused}
      >
        {clock.paused ? t('clock.resume') : t('clock.pause')}
      </button>
      <label>
        <span className="visually-hidden">{t('clock.speed')}</span>
        <select
          value={clock.speed}
          onChange={(e) => clock.setSpeed(Number(e.target.value))}
          aria-label={t('clock.speed')}
        >
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {t(`clock.speeds.${s}`, { n: formatNumber(s, lang) })}
            </option>
          ))}
        </select>
      </label>
      {JUMPS.map(([label, ms]) => (
        <button
          key={label}
          type="button"
          onClick={() => clock.jump(ms)}
          title={t(`clock.jumpLong.${label}`)}
        >
          {t(`clock.jump.${label}`)}
        </button>
      ))}
      <button type="button" onClick={() => clock.backToNow()}>
        {t('clock.now')}
      </button>
    </div>
  );
}
