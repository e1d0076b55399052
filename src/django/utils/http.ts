/** django/utils/http.py */

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * `http_date(epoch_seconds)`: RFC 7231 `Thu, 15 Jan 2026 00:00:00 GMT`, as
 * `email.utils.formatdate(t, usegmt=True)` writes it (the fraction of a second is dropped).
 */
export function http_date(epochSeconds: number): string {
  const d = new Date(Math.floor(Math.round(epochSeconds * 1e6) / 1e6) * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} GMT`
  );
}
