/** django/utils/http.py */
import { PyDateTime, UTC } from '../../python';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * `http_date(epoch_seconds)`: RFC 7231 `Thu, 15 Jan 2026 00:00:00 GMT`, as
 * `email.utils.formatdate(t, usegmt=True)` writes it: through
 * `datetime.fromtimestamp(t, timezone.utc)`, so a time outside what a datetime can be raises
 * Python's error (OverflowError, ValueError) instead of writing a bad date.
 */
export function http_date(epochSeconds: number): string {
  const dt = PyDateTime.fromtimestamp(epochSeconds, UTC);
  const f = dt.fields();
  const days = Number(
    (dt.epochMicroseconds -
      (((dt.epochMicroseconds % 86_400_000_000n) + 86_400_000_000n) % 86_400_000_000n)) /
      86_400_000_000n,
  );
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return (
    `${DAYS[(((days + 4) % 7) + 7) % 7]}, ${pad(f.day)} ${MONTHS[f.month - 1]} ${pad(f.year, 4)} ` +
    `${pad(f.hour)}:${pad(f.minute)}:${pad(f.second)} GMT`
  );
}
