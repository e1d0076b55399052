/**
 * What the recovery screen does, loaded only when it is used: export the world (as it is in
 * memory, or as it was saved when memory cannot be trusted), and reset (keeping a copy).
 */
import { EXPORT_SCHEMA, EXPORT_VERSION, exportFileName, exportWorld } from '../lessons/exchange';
import { isLang } from '../lessons/localized';
import type { LessonProgress } from '../lessons/progress';
import type { World } from '../world/world';
import { SavedSlot, STORAGE_KEY } from './bootstrap';
import { downloadText } from './download';

export interface RecoverySource {
  world: World | null;
  progress: LessonProgress;
  lang: string;
}

/** Downloads an export file: of the live world if it can be written, else of the saved one. */
export function exportForRecovery(source: RecoverySource, now = Date.now()): void {
  const lang = isLang(source.lang) ? source.lang : 'en';
  let text: string | null = null;
  if (source.world) {
    try {
      text = exportWorld(source.world, source.progress, lang, now);
    } catch {
      text = null; // the live world is what broke: fall back to the saved one
    }
  }
  if (text === null) {
    const saved = new SavedSlot(STORAGE_KEY).read();
    if (saved === null) throw new Error('nothing to export');
    let world: unknown = null;
    try {
      world = (JSON.parse(saved) as { world?: unknown }).world ?? null;
    } catch {
      // not even JSON: the raw text is still the reader's
    }
    text =
      world === null
        ? saved
        : JSON.stringify(
            {
              schema: EXPORT_SCHEMA,
              version: EXPORT_VERSION,
              exportedAt: new Date(now).toISOString(),
              world,
              progress: source.progress.toData(),
              lang,
            },
            null,
            2,
          ) + '\n';
  }
  downloadText(text, exportFileName(now));
}

/**
 * A fresh start: the saved world is copied to a backup slot first. 'no-room' (and nothing
 * removed) when no copy fits, unless `anyway`.
 */
export function resetForRecovery(anyway = false): 'reset' | 'no-room' {
  const slot = new SavedSlot(STORAGE_KEY);
  const text = slot.read();
  if (text !== null && !anyway && slot.keepBackup(text, 'reset') !== 'kept') return 'no-room';
  slot.clear();
  return 'reset';
}
