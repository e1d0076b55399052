/** django/utils/timezone.py: `now()` from the runtime's clock, aware when USE_TZ is on. */
import { PyDateTime } from '../../python';
import type { Runtime } from '../runtime';

/** `time.time()`: epoch seconds as a float. */
export function time(runtime: Pick<Runtime, 'clock'>): number {
  return runtime.clock.now() / 1000;
}

/** `timezone.now()`: microsecond precision, UTC-aware (naive UTC when USE_TZ is False). */
export function now(runtime: Pick<Runtime, 'clock' | 'settings'>): PyDateTime {
  const us = BigInt(Math.round(runtime.clock.now() * 1000));
  return PyDateTime.fromEpochMicroseconds(us, runtime.settings.USE_TZ ? 0 : null);
}
