// @vitest-environment jsdom
/**
 * Issue 14, item 1 and the recovery screen: whatever breaks while rendering shows "Something
 * broke" in the page's language, with the error, "Export my world" and "Reset"; from then on
 * nothing is saved, so the world that broke the page cannot break the next reload.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ErrorBoundary } from '../../src/ui/components/Recovery';
import { SavedSlot, STORAGE_KEY } from '../../src/ui/bootstrap';
import { savingHalted } from '../../src/ui/halt';
import { LessonProgress } from '../../src/lessons/progress';
import { World } from '../../src/world/world';
import { VirtualClock } from '../../src/world/clock';
import { InPageTransport } from '../../src/browser/transport';
import { parseImport } from '../../src/lessons/exchange';
import { initTestI18n } from './helpers';

function Boom(): never {
  throw new RangeError('Invalid time value');
}

const world = () =>
  new World({
    clock: new VirtualClock(() => Date.UTC(2026, 0, 1)),
    transport: (get) => new InPageTransport(get),
  });

afterEach(() => {
  vi.restoreAllMocks();
  localStorage.clear();
});

describe('the recovery screen', () => {
  it('replaces a crash with "Something broke", the error and the ways out; saving stops', async () => {
    initTestI18n('bn');
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const slot = new SavedSlot(STORAGE_KEY);
    const w = world();
    expect(slot.write(w, 1000)).toBeNull();
    const before = slot.read();
    render(
      <ErrorBoundary source={() => ({ world: w, progress: new LessonProgress(null), lang: 'bn' })}>
        <Boom />
      </ErrorBoundary>,
    );
    const screenAlert = screen.getByRole('alert');
    expect(screenAlert).toHaveTextContent('কিছু একটা ভেঙে গেছে');
    expect(screenAlert).toHaveTextContent('RangeError: Invalid time value');
    expect(screen.getByRole('button', { name: 'আমার ওয়ার্ল্ড এক্সপোর্ট করুন' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'রিসেট' })).toBeVisible();
    // The world that broke the page is not saved back.
    expect(savingHalted()).toBe(true);
    w.addTab('changed after the crash');
    expect(slot.write(w, 2000)).toBeNull();
    expect(slot.read()).toBe(before);
  });

  it('"Export my world" downloads an importable file of the world', async () => {
    initTestI18n('en');
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => (blobs.push(b), 'blob:x'));
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const w = world();
    w.addTab('Bob');
    render(
      <ErrorBoundary source={() => ({ world: w, progress: new LessonProgress(null), lang: 'en' })}>
        <Boom />
      </ErrorBoundary>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Export my world' }));
    await waitFor(() => expect(blobs).toHaveLength(1));
    const parsed = parseImport(await (blobs[0] as Blob).text());
    expect(parsed.ok && parsed.summary.browsers).toBe(2);
    expect(screen.getByText('Your world was downloaded as a file.')).toBeVisible();
  });

  it('"Reset" keeps a copy of the saved world, then starts afresh', async () => {
    initTestI18n('en');
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const reload = vi.fn();
    vi.spyOn(window, 'location', 'get').mockReturnValue({ ...window.location, reload });
    localStorage.setItem(STORAGE_KEY, '{"saved": "world"}');
    render(
      <ErrorBoundary
        source={() => ({ world: null, progress: new LessonProgress(null), lang: 'en' })}
      >
        <Boom />
      </ErrorBoundary>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Reset' }));
    await waitFor(() => expect(reload).toHaveBeenCalled());
    const slot = new SavedSlot(STORAGE_KEY);
    expect(slot.read()).toBeNull();
    const [copy] = slot.backups();
    expect(copy?.reason).toBe('reset');
    expect(slot.backupText(copy?.key as string)).toBe('{"saved": "world"}');
  });
});
