/**
 * Export the world to a file, and import one back (for a class: the teacher prepares a world,
 * the students open it). The app keeps its World in a module variable of main.tsx, so this
 * component does not swap worlds itself: it builds the imported one and hands it to `onImport`.
 * A refused file is reported and nothing changes, neither the world nor the progress.
 */
import { useContext, useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isLang, type Lang } from '../../lessons/localized';
import { LessonProgress } from '../../lessons/progress';
import {
  applyImport,
  exportFileName,
  exportWorld,
  MAX_IMPORT_BYTES,
  type RefusalCode,
} from '../../lessons/exchange';
import type { World, WorldOptions } from '../../world/world';
import { useWorld } from '../hooks/useWorld';
import { LessonsContext } from '../lessons/context';

export interface ExportImportProps {
  /** Receives the imported world (already built and valid); the caller makes it current. */
  onImport: (world: World, info: { lang: Lang }) => void;
  /** Progress to export and to replace on import; by default the lesson runner's. */
  progress?: LessonProgress;
  /**
   * How the imported world's browsers reach its server. By default the current world's
   * transport object is reused, which is right when that transport finds the server through
   * the app's current world (as the service worker's handlers do), not through the old world.
   */
  transport?: WorldOptions['transport'];
}

type Outcome =
  | { kind: 'exported'; file: string }
  | { kind: 'imported'; file: string }
  | { kind: 'refused'; file: string; code: RefusalCode | 'unreadable'; reason: string };

function download(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  // Attached while clicked: some browsers ignore clicks on a detached link.
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked a moment later: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function ExportImport({ onImport, progress, transport }: ExportImportProps) {
  const { t, i18n } = useTranslation();
  const world = useWorld();
  const lessons = useContext(LessonsContext);
  const [fallback] = useState(() => new LessonProgress(null));
  const target = progress ?? lessons?.progress ?? fallback;
  const id = useId();
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const doExport = () => {
    const now = Date.now();
    const name = exportFileName(now);
    const lang = isLang(i18n.language) ? i18n.language : 'en';
    download(exportWorld(world, target, lang, now), name);
    setOutcome({ kind: 'exported', file: name });
  };

  const doImport = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    // Cleared, so choosing the same file again (after fixing it) fires a change.
    input.value = '';
    if (!file) return;
    const refused = (code: RefusalCode | 'unreadable', reason: string) =>
      setOutcome({ kind: 'refused', file: file.name, code, reason });
    // Checked before reading: a wrong 2 GB file must not be loaded into memory.
    if (file.size > MAX_IMPORT_BYTES) return refused('too-big', `${file.size} bytes`);
    let text: string;
    try {
      text = await file.text();
    } catch (err) {
      return refused('unreadable', err instanceof Error ? err.message : String(err));
    }
    const result = applyImport(text, {
      progress: target,
      transport: transport ?? (() => world.transport),
    });
    if (!result.ok) return refused(result.code, result.reason);
    setOutcome({ kind: 'imported', file: file.name });
    onImport(result.world, { lang: result.lang });
  };

  return (
    <div className="exchange">
      <div className="inline-form">
        <button type="button" onClick={doExport} aria-describedby={`${id}-hint`}>
          {t('exchange.export')}
        </button>
        {/* Looks like a button, in the page's language: the browser's own file input would
            say "Choose File / No file chosen" in the browser's language, whatever ours is. */}
        <label htmlFor={`${id}-file`} className="file-button">
          {t('exchange.import')}
          <input
            id={`${id}-file`}
            className="visually-hidden"
            type="file"
            accept=".json,application/json"
            aria-describedby={`${id}-hint`}
            onChange={(e) => void doImport(e)}
          />
        </label>
      </div>
      <p id={`${id}-hint`} className="hint">
        {t('exchange.hint')}
      </p>
      <p role="status">
        {outcome?.kind === 'exported' && t('exchange.exported', { file: outcome.file })}
        {outcome?.kind === 'imported' && t('exchange.imported', { file: outcome.file })}
      </p>
      {outcome?.kind === 'refused' && (
        <div role="alert" className="error">
          <p>
            {t('exchange.refused', { file: outcome.file })} {t(`exchange.code.${outcome.code}`)}
          </p>
          <p className="hint">
            {t('exchange.where')} <code>{outcome.reason}</code>
          </p>
        </div>
      )}
    </div>
  );
}
