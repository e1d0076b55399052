/**
 * Export the world to a file, and import one back (for a class: the teacher prepares a world,
 * the students open it). An import is read, checked and summarised first (which browsers, how
 * many rows and pages, lesson progress, the date), and only replaces anything once the reader
 * says so. Big files show their progress, and the work is cut into steps with the page painted
 * in between, so no step holds the page for long. This component does not swap worlds itself:
 * it builds the imported one and hands it to `onImport`. A refused file is reported, in the
 * page's language with where, and nothing changes, neither the world nor the progress.
 */
import { useContext, useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isLang, type Lang } from '../../lessons/localized';
import { LessonProgress } from '../../lessons/progress';
import {
  applyChecked,
  BIG_IMPORT_BYTES,
  checkImport,
  exportFileName,
  exportWorld,
  MAX_IMPORT_BYTES,
  parseJson,
  type ExportFile,
  type ImportSummary,
  type RefusalCode,
} from '../../lessons/exchange';
import type { InputProblem } from '../../world/schema';
import type { World, WorldOptions } from '../../world/world';
import { useWorld } from '../hooks/useWorld';
import { LessonsContext } from '../lessons/context';
import { formatDateTime, formatNumber } from '../format';
import { ProblemText } from './ProblemText';
import { downloadText } from '../download';

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

type Stage = 'reading' | 'checking' | 'building';
const STAGES: Stage[] = ['reading', 'checking', 'building'];

type Outcome =
  | { kind: 'exported'; file: string }
  | { kind: 'imported'; file: string }
  | { kind: 'working'; file: string; stage: Stage; big: boolean }
  | { kind: 'confirm'; file: string; value: ExportFile; summary: ImportSummary }
  | {
      kind: 'refused';
      file: string;
      code: RefusalCode | 'unreadable';
      reason: string;
      problem?: InputProblem;
    };

/** Lets the page paint (the progress shown) before the next step of a big import. */
const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function ExportImport({ onImport, progress, transport }: ExportImportProps) {
  const { t, i18n } = useTranslation();
  const world = useWorld();
  const lessons = useContext(LessonsContext);
  const [fallback] = useState(() => new LessonProgress(null));
  const target = progress ?? lessons?.progress ?? fallback;
  const id = useId();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const lang = isLang(i18n.language) ? i18n.language : 'en';
  const n = (x: number) => formatNumber(x, lang);
  const busy = outcome?.kind === 'working' || outcome?.kind === 'confirm';

  const doExport = () => {
    const now = Date.now();
    const name = exportFileName(now);
    downloadText(exportWorld(world, target, lang, now), name);
    setOutcome({ kind: 'exported', file: name });
  };

  const doImport = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    // Cleared, so choosing the same file again (after fixing it) fires a change.
    input.value = '';
    if (!file) return;
    const refused = (code: RefusalCode | 'unreadable', reason: string, problem?: InputProblem) =>
      setOutcome({ kind: 'refused', file: file.name, code, reason, problem });
    // Checked before reading: a wrong 2 GB file must not be loaded into memory.
    if (file.size > MAX_IMPORT_BYTES) return refused('too-big', `${file.size} bytes`);
    const big = file.size >= BIG_IMPORT_BYTES;
    const stage = async (s: Stage) => {
      setOutcome({ kind: 'working', file: file.name, stage: s, big });
      if (big) await nextFrame();
    };
    await stage('reading');
    let text: string;
    try {
      text = await file.text();
    } catch (err) {
      return refused('unreadable', err instanceof Error ? err.message : String(err));
    }
    const json = parseJson(text);
    if (!json.ok) return refused(json.code, json.reason, json.problem);
    await stage('checking');
    const checked = checkImport(json.value);
    if (!checked.ok) return refused(checked.code, checked.reason, checked.problem);
    setOutcome({
      kind: 'confirm',
      file: file.name,
      value: checked.value,
      summary: checked.summary,
    });
  };

  const confirm = async (file: string, value: ExportFile) => {
    setOutcome({ kind: 'working', file, stage: 'building', big: true });
    await nextFrame();
    const result = applyChecked(value, {
      progress: target,
      transport: transport ?? (() => world.transport),
    });
    if (!result.ok)
      return setOutcome({
        kind: 'refused',
        file,
        code: result.code,
        reason: result.reason,
        problem: result.problem,
      });
    setOutcome({ kind: 'imported', file });
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
        <label htmlFor={`${id}-file`} className="file-button" aria-disabled={busy || undefined}>
          {t('exchange.import')}
          <input
            id={`${id}-file`}
            className="visually-hidden"
            type="file"
            accept=".json,application/json"
            aria-describedby={`${id}-hint`}
            disabled={busy}
            onChange={(e) => void doImport(e)}
          />
        </label>
      </div>
      <p id={`${id}-hint`} className="hint">
        {t('exchange.hint', { mb: n(MAX_IMPORT_BYTES / 1024 / 1024) })}
      </p>
      <div role="status">
        {outcome?.kind === 'exported' && <p>{t('exchange.exported', { file: outcome.file })}</p>}
        {outcome?.kind === 'imported' && <p>{t('exchange.imported', { file: outcome.file })}</p>}
        {outcome?.kind === 'working' && (
          <p className="exchange-progress">
            <progress
              max={STAGES.length}
              value={STAGES.indexOf(outcome.stage) + 1}
              aria-label={t('exchange.progress')}
            />{' '}
            {t(`exchange.stage.${outcome.stage}`, { file: outcome.file })}
          </p>
        )}
      </div>
      {outcome?.kind === 'confirm' && (
        <section className="import-preview" aria-labelledby={`${id}-preview`}>
          <h3 id={`${id}-preview`}>{t('exchange.preview.title', { file: outcome.file })}</h3>
          <Summary summary={outcome.summary} lang={lang} />
          <p>{t('exchange.preview.replaces')}</p>
          <div className="inline-form">
            <button
              type="button"
              onClick={() => void confirm(outcome.file, outcome.value)}
              autoFocus
            >
              {t('exchange.preview.replace')}
            </button>
            <button type="button" onClick={() => setOutcome(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </section>
      )}
      {outcome?.kind === 'refused' && (
        <div role="alert" className="error">
          <p>
            {t('exchange.refused', { file: outcome.file })}{' '}
            {t(`exchange.code.${outcome.code}`, { mb: n(MAX_IMPORT_BYTES / 1024 / 1024) })}
          </p>
          {outcome.code !== 'too-big' && (
            <p className="hint">
              {t('exchange.where')}{' '}
              {outcome.problem ? (
                <ProblemText problem={outcome.problem} />
              ) : (
                <code>{outcome.reason}</code>
              )}
            </p>
          )}
        </div>
      )}
    </div>
  );
}

function Summary({ summary: s, lang }: { summary: ImportSummary; lang: Lang }) {
  const { t } = useTranslation();
  const n = (x: number) => formatNumber(x, lang);
  return (
    <dl className="import-summary">
      <dt>{t('exchange.preview.exported')}</dt>
      <dd>
        {formatDateTime(s.exportedAt, lang)} · {t(`exchange.preview.lang.${s.lang}`)}
      </dd>
      <dt>{t('exchange.preview.world')}</dt>
      <dd>
        {t('exchange.preview.browsers', { count: s.browsers, n: n(s.browsers) })},{' '}
        {t('exchange.preview.cookies', { count: s.cookies, n: n(s.cookies) })},{' '}
        {t('exchange.preview.pages', { count: s.pages, n: n(s.pages) })},{' '}
        {t('exchange.preview.rows', { count: s.rows, n: n(s.rows) })}
        {s.files > 0 && <>, {t('exchange.preview.files', { count: s.files, n: n(s.files) })}</>}
      </dd>
      <dt>{t('exchange.preview.settings')}</dt>
      <dd>
        <code>
          DJANGO_VERSION = &apos;{s.djangoVersion}&apos;, SESSION_ENGINE = &apos;{s.engine}&apos;
        </code>
      </dd>
      <dt>{t('exchange.preview.clock')}</dt>
      <dd>{formatDateTime(s.clock, lang)}</dd>
      <dt>{t('exchange.preview.progress')}</dt>
      <dd>
        {s.steps === 0
          ? t('exchange.preview.noProgress')
          : t('exchange.preview.steps', {
              count: s.steps,
              n: n(s.steps),
              lessons: n(s.lessons),
            })}
      </dd>
    </dl>
  );
}
