/** The virtual clock: the time in the reader's language, pause, speed, jumps, back to now. */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorldIfLoaded } from '../hooks/useWorld';
import { useNow } from '../hooks/useNow';
import { useHydrated } from '../hooks/useHydrated';
import { formatDateTime, formatNumber } from '../format';
import { Duration } from './Countdown';
import { SPEEDS, type VirtualClock } from '../../world/clock';

const JUMPS: [string, number][] = [
  ['1m', 60_000],
  ['1h', 3_600_000],
  ['1d', 86_400_000],
  ['2w', 14 * 86_400_000],
];

/** The world's clock; before the engine has loaded, the same controls without one. */
export function ClockControls() {
  return <ClockView clock={useWorldIfLoaded()?.clock ?? null} />;
}

const realClock = { now: () => Date.now() };

/**
 * The clock's controls. Without a clock (before the engine has loaded, or in the prerendered
 * page) the same controls show, disabled, so that nothing moves when the real ones arrive.
 */
export function ClockView({ clock }: { clock: VirtualClock | null }) {
  const { t, i18n } = useTranslation();
  const now = useNow(clock ?? realClock);
  const offset = clock ? clock.offset() : 0;
  const lang = i18n.language;
  const off = clock === null;
  // Prerendered at build time: no time at all rather than the build's.
  const prerendering = !useHydrated();
  // On a phone the speed and the jumps fold away behind one button (see .clock-extra).
  const [open, setOpen] = useState(false);
  const extraId = useId();
  return (
    <div className={open ? 'clock open' : 'clock'} role="group" aria-label={t('clock.label')}>
      <span className="clock-time">
        <span className="visually-hidden">{t('clock.virtualTime')} </span>
        <time dateTime={prerendering ? undefined : new Date(now).toISOString()}>
          {prerendering ? '\u00a0' : formatDateTime(now, lang)}
        </time>
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
        onClick={() => (clock?.paused ? clock.resume() : clock?.pause())}
        aria-pressed={clock?.paused ?? false}
        disabled={off}
      >
        {clock?.paused ? t('clock.resume') : t('clock.pause')}
      </button>
      <button
        type="button"
        className="clock-more"
        aria-expanded={open}
        aria-controls={extraId}
        onClick={() => setOpen(!open)}
      >
        {t('clock.more')} {open ? '▴' : '▾'}
      </button>
      <div className="clock-extra" id={extraId}>
        <label>
          <span className="visually-hidden">{t('clock.speed')}</span>
          <select
            name="clock-speed"
            value={clock?.speed ?? 1}
            onChange={(e) => clock?.setSpeed(Number(e.target.value))}
            disabled={off}
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
            onClick={() => clock?.jump(ms)}
            disabled={off}
            title={t(`clock.jumpLong.${label}`)}
          >
            {t(`clock.jump.${label}`)}
          </button>
        ))}
        <button type="button" onClick={() => clock?.backToNow()} disabled={off}>
          {t('clock.now')}
        </button>
      </div>
    </div>
  );
}
