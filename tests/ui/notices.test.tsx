// @vitest-environment jsdom
/** Notices with a button of their own (the new version's Reload) and toasts (offline news). */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import { Notices, type Notice } from '../../src/ui/components/Notices';
import { initTestI18n } from './helpers';

function show(notices: Notice[], lang: 'en' | 'bn' = 'en') {
  const i18n = initTestI18n(lang);
  return render(
    <I18nextProvider i18n={i18n}>
      <Notices notices={notices} />
    </I18nextProvider>,
  );
}

describe('Notices', () => {
  it("offers the new version's Reload in a toast, over the page rather than above it", async () => {
    const run = vi.fn();
    const { container } = show([
      { id: 'storage', key: 'notice.storageUnavailable', tone: 'warning' },
      {
        id: 'offline-update',
        key: 'offline.updateReady',
        tone: 'info',
        toast: true,
        actions: [{ label: 'offline.reload', run }],
      },
    ]);
    const toast = screen.getByRole('status');
    expect(toast).toHaveTextContent('A new version of the playground is ready.');
    expect(container.querySelector('.toasts')).toContainElement(toast);
    expect(container.querySelector('.notices')).not.toContainElement(toast);
    await userEvent.click(within(toast).getByRole('button', { name: 'Reload' }));
    expect(run).toHaveBeenCalledOnce();
  });

  it('says it in Bangla on a Bangla page, and goes when dismissed', async () => {
    show([{ id: 'offline-ready', key: 'offline.ready', tone: 'info', toast: true }], 'bn');
    const toast = screen.getByRole('status');
    expect(toast).toHaveTextContent('নেটওয়ার্ক ছাড়াও এটি খুলবে');
    expect(within(toast).queryAllByRole('button')).toHaveLength(1); // only "dismiss"
    await userEvent.click(within(toast).getByRole('button'));
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('lets news that needs nothing go by itself, and keeps a notice that asks for something', () => {
    vi.useFakeTimers();
    show([
      { id: 'ready', key: 'offline.ready', tone: 'info', toast: true, fadesAfter: 15_000 },
      { id: 'storage', key: 'notice.storageUnavailable', tone: 'warning' },
    ]);
    expect(screen.getByRole('status')).toHaveTextContent('without a network');
    act(() => vi.advanceTimersByTime(14_000));
    expect(screen.queryByRole('status')).not.toBeNull();
    act(() => vi.advanceTimersByTime(1_000));
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.getByRole('alert')).toBeInTheDocument();
    vi.useRealTimers();
  });

  it('lets such news give way once read, when the reader gets on with their work', () => {
    vi.useFakeTimers();
    const { container } = show([
      { id: 'ready', key: 'offline.ready', tone: 'info', toast: true, fadesAfter: 15_000 },
      { id: 'storage', key: 'notice.storageUnavailable', tone: 'warning' },
    ]);
    const work = container.ownerDocument.body;
    // Just up: a key typed at once (the login form) leaves it to be read.
    act(() => vi.advanceTimersByTime(1_000));
    fireEvent.keyDown(work, { key: 'a' });
    expect(screen.queryByRole('status')).not.toBeNull();
    // Read: a click on the notice itself (selecting its text) keeps it; a click elsewhere not.
    act(() => vi.advanceTimersByTime(2_000));
    fireEvent.pointerDown(screen.getByRole('status'));
    expect(screen.queryByRole('status')).not.toBeNull();
    fireEvent.pointerDown(work);
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.getByRole('alert')).toBeInTheDocument(); // asks for something: stays
    fireEvent.keyDown(work, { key: 'a' });
    expect(screen.getByRole('alert')).toBeInTheDocument();
    vi.useRealTimers();
  });
});
