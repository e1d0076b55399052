/** django/utils/log.py */
import type { HttpResponse } from '../http/response';
import type { LogLevel, Runtime } from '../runtime';

/**
 * `s.encode('unicode_escape').decode('ascii')`: what log_response does to each argument, so that
 * a request path cannot forge log lines (CVE-2025-48432; Debian's 3.2 has the fix too).
 */
export function unicode_escape(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    if (ch === '\\') out += '\\\\';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (cp >= 0x20 && cp < 0x7f) out += ch;
    else if (cp < 0x100) out += '\\x' + cp.toString(16).padStart(2, '0');
    else if (cp < 0x10000) out += '\\u' + cp.toString(16).padStart(4, '0');
    else out += '\\U' + cp.toString(16).padStart(8, '0');
  }
  return out;
}

export interface LogResponseOptions {
  /** The logger's name (default `django.request`). */
  logger?: string;
  level?: LogLevel;
  /** The exception's last traceback line, which Django's handlers print under the message. */
  exception?: string;
}

/**
 * `log_response(message, *args, response=..., logger=..., level=...)`: logs a 4xx/5xx response
 * once (a response logged where its exception was caught is not logged again by the handler).
 * The level follows the status: ERROR for 5xx, WARNING for 4xx, INFO otherwise. `message` is a
 * %-format with one `%s` per argument; each argument is escaped.
 */
export function log_response(
  runtime: Pick<Runtime, 'log'>,
  message: string,
  args: readonly string[],
  response: HttpResponse,
  options: LogResponseOptions = {},
): void {
  if (response._has_been_logged) return;
  const level: LogLevel =
    options.level ??
    (response.status_code >= 500 ? 'ERROR' : response.status_code >= 400 ? 'WARNING' : 'INFO');
  // logging formats `msg % args` only when there are args.
  let i = 0;
  const text = args.length
    ? message.replace(/%s/g, () => unicode_escape(args[i++] ?? ''))
    : message;
  runtime.log({
    logger: options.logger ?? 'django.request',
    level,
    message: options.exception ? `${text}\n${options.exception}` : text,
  });
  response._has_been_logged = true;
}
