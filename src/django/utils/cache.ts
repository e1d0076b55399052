/** django/utils/cache.py */
import type { HttpResponse } from '../http/response';

/**
 * `patch_vary_headers(response, newheaders)`: adds headers to `Vary` unless already there
 * (case-insensitively); a `*` anywhere makes the whole header `*`.
 */
export function patch_vary_headers(response: HttpResponse, newHeaders: readonly string[]): void {
  const current = response.headers.get('Vary');
  const vary = current !== undefined ? current.split(/\s*,\s*/) : [];
  const existing = new Set(vary.map((h) => h.toLowerCase()));
  vary.push(...newHeaders.filter((h) => !existing.has(h.toLowerCase())));
  response.headers.set('Vary', vary.includes('*') ? '*' : vary.join(', '));
}
