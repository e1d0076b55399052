/** The console endpoint's method names, on their own so that lesson validation can use them
 * without loading Django. */
/** The methods the console may call (the reference's list). */
export const CONSOLE_METHODS = [
  'getitem',
  'setitem',
  'delitem',
  'contains',
  'get',
  'pop',
  'setdefault',
  'update',
  'keys',
  'values',
  'items',
  'clear',
  'is_empty',
  'flush',
  'cycle_key',
  'set_expiry',
  'get_expiry_age',
  'get_expiry_date',
  'get_expire_at_browser_close',
  'clear_expired',
  'set_test_cookie',
  'test_cookie_worked',
  'delete_test_cookie',
  'session_key',
  'exists',
] as const;
export type ConsoleMethod = (typeof CONSOLE_METHODS)[number];
