// @vitest-environment jsdom
/**
 * A page not kept offline whose next file is gone from the server (a new version was deployed
 * meanwhile) offers the new version, once. (The service worker's own update path runs in
 * Chromium: tests/e2e/offline.spec.ts.)
 */
import { describe, expect, it, vi } from 'vitest';
import type { Notice } from '../../src/ui/components/Notices';
import { keepOffline } from '../../src/ui/update';

describe('keepOffline', () => {
  it('offers "a new version is ready" when a file of this version cannot be loaded', () => {
    const notices: Notice[] = [];
    const changed = vi.fn();
    keepOffline({ notices, changed });
    expect(notices).toEqual([]);
    window.dispatchEvent(new Event('vite:preloadError'));
    window.dispatchEvent(new Event('vite:preloadError'));
    expect(changed).toHaveBeenCalledOnce();
    expect(notices).toEqual([
      expect.objectContaining({
        key: 'offline.updateReady',
        toast: true,
        actions: [expect.objectContaining({ label: 'offline.reload' })],
      }),
    ]);
  });
});
