/**
 * What saving has to say, as notices in the page's language: a saved world that could not be
 * read (and whether a copy was really kept), storage that is full or blocked, and its recovery.
 */
import type { LoadReport, SaveFailure, SavedSlot } from './bootstrap';
import type { Notice } from './components/Notices';
import { downloadText } from './download';

const SAVE_NOTICE = 'save-failed';

/** The notices for what loading found (nothing when it went well). */
export function reportLoad(
  report: LoadReport,
  slot: SavedSlot,
  notices: Notice[],
  resume: () => void,
): void {
  if (report.kind === 'unavailable')
    notices.push({ id: 'storage', key: 'notice.storageUnavailable', tone: 'warning' });
  if (report.kind !== 'unreadable') return;
  if (report.backup === 'kept') {
    const kept = slot.backups()[0];
    notices.push({
      id: 'saved-invalid',
      key: 'saving.unreadableKept',
      values: { slots: String(slot.backups().length) },
      tone: 'warning',
      problem: report.problem,
      actions: kept
        ? [{ label: 'saving.downloadCopy', run: () => downloadBackup(slot, kept.key, kept.keptAt) }]
        : [],
    });
    return;
  }
  // No copy fits: the unreadable data stays where it is, and nothing is saved over it until
  // the reader has downloaded it or let it go.
  const text = report.text ?? '';
  notices.push({
    id: 'saved-invalid',
    key: 'saving.unreadableNotKept',
    tone: 'warning',
    problem: report.problem,
    actions: [
      {
        label: 'saving.downloadUnreadable',
        run: () =>
          downloadText(text, `django-session-playground-unreadable-${stamp(Date.now())}.json`),
      },
      { label: 'saving.letGo', run: resume, dismisses: true },
    ],
  });
}

/** A save failed (why) or works again (null): one notice, replaced or removed. */
export function reportSave(failure: SaveFailure | null, notices: Notice[]): void {
  const i = notices.findIndex((n) => n.id.startsWith(SAVE_NOTICE));
  if (i >= 0) notices.splice(i, 1);
  if (failure === null) return;
  notices.push({
    // A new id each time: a notice dismissed once still shows when saving fails again.
    id: `${SAVE_NOTICE}-${Date.now()}`,
    key: failure === 'quota' ? 'saving.quota' : 'saving.blocked',
    tone: 'warning',
  });
}

function downloadBackup(slot: SavedSlot, key: string, keptAt: number): void {
  const text = slot.backupText(key);
  if (text !== null) downloadText(text, `django-session-playground-backup-${stamp(keptAt)}.json`);
}

const stamp = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace(/[:T]/g, '-');
