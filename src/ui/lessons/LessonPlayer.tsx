/** One lesson step: its prose, its code, "do it for me", and next once the engine agrees. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { renderMarkdown } from '../../lessons/markdown';
import { formatHash, shareLink } from '../../lessons/links';
import { formatLinkSettings, pythonLiteral } from '../../lessons/linkSettings';
import type { LessonDef, LessonText } from '../../lessons/types';
import type { StepLink } from '../../lessons/links';
import type { DoItResult, LessonRunner } from '../../lessons/runner';
import type { Lang } from '../../lessons/localized';
import type { EditableSettings } from '../../world/settings';
import { formatNumber } from '../format';
import { usePanel } from '../components/panelContext';
import { useWorld } from '../hooks/useWorld';
import { useNow } from '../hooks/useNow';
import { CodeView } from './CodeView';
import { Markdown } from './Markdown';
import { Predictions } from './Predictions';
import { useLessons } from './context';

/** A lesson's steps and code: its own chunk, fetched when the lesson is opened. */
export function useLessonDef(slug: string): { def: LessonDef | null; error: string | null } {
  const { catalog } = useLessons();
  const [state, setState] = useState<{ slug: string; def: LessonDef | null; error: string | null }>(
    { slug: '', def: null, error: null },
  );
  useEffect(() => {
    let live = true;
    catalog.loadDef(slug).then(
      (def) => live && setState({ slug, def, error: null }),
      (e: unknown) =>
        live && setState({ slug, def: null, error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [catalog, slug]);
  return state.slug === slug ? state : { def: null, error: null };
}

function useLessonText(
  slug: string,
  lang: Lang,
): { text: LessonText | null; error: string | null } {
  const { catalog } = useLessons();
  const [state, setState] = useState<{
    key: string;
    text: LessonText | null;
    error: string | null;
  }>({ key: '', text: null, error: null });
  const key = `${slug}:${lang}`;
  useEffect(() => {
    let live = true;
    catalog.loadText(slug, lang).then(
      (text) => live && setState({ key, text, error: null }),
      (e: unknown) =>
        live && setState({ key, text: null, error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [catalog, slug, lang, key]);
  return state.key === key ? state : { text: null, error: null };
}

function ShareLink({
  slug,
  step,
  lang,
  settings,
}: {
  slug: string;
  step: number;
  lang: Lang;
  /** The world's settings, once the engine has loaded. */
  settings?: EditableSettings;
}) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const [withSettings, setWithSettings] = useState(false);
  const differing = settings ? [...formatLinkSettings(settings).keys()].length : 0;
  const link = shareLink(window.location, slug, step, lang, withSettings ? settings : undefined);
  return (
    <div className="share">
      <label>
        {t('lesson.link')}{' '}
        <input readOnly value={link} onFocus={(e) => e.target.select()} size={30} />
      </label>
      <button
        type="button"
        onClick={() =>
          void navigator.clipboard?.writeText(link).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
      >
        {t('lesson.copy')}
      </button>
      {copied && (
        <span role="status" className="ok">
          {t('lesson.copied')}
        </span>
      )}
      <label className="share-settings">
        <input
          type="checkbox"
          checked={withSettings}
          disabled={!settings}
          onChange={(e) => {
            setWithSettings(e.target.checked);
            setCopied(false);
          }}
        />{' '}
        {t('lesson.linkWithSettings', { count: differing, n: formatNumber(differing, lang) })}
      </label>
    </div>
  );
}

/** The share link with the world's settings, kept current as they change. */
function LiveShareLink(props: { slug: string; step: number; lang: Lang }) {
  const world = useWorld();
  return <ShareLink {...props} settings={world.settings} />;
}

/** What the link that opened this step did to the settings: applied, or refused and why. */
function LinkedSettings({ linked }: { linked: NonNullable<LessonRunner['linked']> }) {
  const { t, i18n } = useTranslation();
  const count = linked.problems.length;
  if (linked.problems.length) {
    return (
      <div role="alert" className="error linked-settings">
        <p>{t('lesson.linkRefused', { count, n: formatNumber(count, i18n.language as Lang) })}</p>
        <ul>
          {linked.problems.map((p) => (
            <li key={p.name}>
              <code>
                {p.name} = {p.value}
              </code>
              : {p.code === 'unknown' ? t('lesson.linkUnknown') : t(`settings.error.${p.code}`)}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  const names = Object.keys(linked.applied) as (keyof EditableSettings)[];
  return (
    <div role="status" className="ok linked-settings">
      <p>{t('lesson.linkApplied')}</p>
      <ul>
        {names.map((name) => (
          <li key={name}>
            <code>
              {name} = {pythonLiteral(name, linked.applied[name] as EditableSettings[typeof name])}
            </code>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** "Do it for me" could not do the step: why, in the engine's words. */
function DoItFailed({ error }: { error: string }) {
  const { t } = useTranslation();
  return (
    <p role="alert" className="error">
      {t('lesson.doItFailed')} <code>{error}</code>
    </p>
  );
}

/**
 * A step opened before the steps it builds on (a link into the middle of a lab): say so, and
 * offer to start from the first of them or to have them done.
 */
function EarlierStepsNotDone({
  runner,
  doing,
}: {
  runner: LessonRunner;
  doing: (work: () => Promise<DoItResult>) => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const lesson = runner.lesson;
  const gap = runner.firstStepNotDoneBefore;
  if (!lesson || gap === null) return null;
  const n = (x: number) => formatNumber(x, i18n.language as Lang);
  const upTo = n(runner.index);
  const catchUp = () => {
    if (window.confirm(t('lesson.catchUpConfirm', { to: upTo })))
      void doing(() => runner.catchUp());
  };
  return (
    <div className="catch-up">
      <p>{t('lesson.needsEarlier')}</p>
      <p className="inline-form">
        <a className="button" href={formatHash(lesson.slug, gap + 1)}>
          {t('lesson.goToStep', { n: n(gap + 1) })}
        </a>
        <button type="button" onClick={catchUp} disabled={runner.busy}>
          {t('lesson.catchUp', { to: upTo })}
        </button>
      </p>
    </div>
  );
}

/** Re-checks the step on the shared ticker: a running clock changes nothing in the world by
 * itself, and "two weeks later" must still be noticed. */
function ClockRecheck({ runner }: { runner: LessonRunner }) {
  const world = useWorld();
  const now = useNow(world.clock);
  useEffect(() => runner.recheck(), [runner, now]);
  return null;
}

export function LessonPlayer({ link }: { link: StepLink }) {
  const { t, i18n } = useTranslation();
  const { runner: live, catalog } = useLessons();
  const { showPanel } = usePanel();
  const lang = i18n.language as Lang;
  // Until the engine has loaded (or while it catches up with the hash), show the linked step.
  const runner = live?.lesson?.slug === link.slug ? live : null;
  const loaded = useLessonDef(link.slug);
  const summary = catalog.bySlug(link.slug);
  const lesson = runner?.lesson ?? loaded.def;
  const index = runner ? runner.index : Math.min(link.index, (lesson?.steps.length ?? 1) - 1);
  const step = lesson?.steps[index] ?? null;
  const { text, error: textError } = useLessonText(link.slug, lang);
  const error = textError ?? loaded.error;
  if (!summary) return null;
  if (!lesson || !step) {
    return (
      <article className="lesson-player" aria-labelledby="lesson-heading">
        <h2 id="lesson-heading">{summary.title[lang]}</h2>
        {error ? (
          <p role="alert" className="error">
            {error}
          </p>
        ) : (
          <p className="hint">{t('lesson.loading')}</p>
        )}
      </article>
    );
  }
  const position = catalog.lessons.findIndex((l) => l.slug === lesson.slug);
  const nextLesson = catalog.lessons[position + 1];
  const n = (x: number) => formatNumber(x, lang);
  // After "do it for me" (or catching up), the last panel an action asked for comes to the front.
  const doing = async (work: () => Promise<DoItResult>) => {
    const result = await work();
    const panel = [...result.effects].reverse().find((e) => e.panel)?.panel;
    if (panel) showPanel(panel);
  };
  const restart = () => {
    if (runner && window.confirm(t('lesson.restartConfirm')))
      runner.start(lesson.slug, 0, { reset: true });
  };
  const canAdvance = runner?.canAdvance ?? false;
  const isLast = index === lesson.steps.length - 1;
  const prose = text?.steps[step.id];
  return (
    <article className="lesson-player" aria-labelledby="lesson-heading">
      <p className="lesson-crumbs">
        <a href="#/">{t('lesson.all')}</a> ·{' '}
        {t('lesson.position', { n: n(position + 1), total: n(catalog.lessons.length) })}
      </p>
      <h2 id="lesson-heading">{lesson.title[lang]}</h2>
      <p className="step-position">
        {t('lesson.step', { n: n(index + 1), total: n(lesson.steps.length) })}
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {runner?.linked && <LinkedSettings linked={runner.linked} />}
      {runner && <EarlierStepsNotDone runner={runner} doing={doing} />}
      <div className="prose" lang={lang}>
        {prose !== undefined ? (
          <Markdown blocks={renderMarkdown(prose)} />
        ) : (
          !error && <p className="hint">{t('lesson.loading')}</p>
        )}
      </div>
      {step.code && <CodeView code={step.code} />}
      {step.predictions && text && (
        <Predictions
          key={`${lesson.slug}/${step.id}`}
          predictions={step.predictions}
          text={text}
          revealed={canAdvance && step.check.type !== 'read'}
        />
      )}
      {runner && <ClockRecheck runner={runner} />}
      <div className="step-status" role="status" aria-live="polite">
        {!runner ? (
          <span className="pending">{t('lesson.starting')}</span>
        ) : step.check.type === 'read' ? null : canAdvance ? (
          <span className="ok">✓ {t('lesson.checked')}</span>
        ) : (
          <span className="pending">{t('lesson.waiting')}</span>
        )}
      </div>
      {runner?.error && <DoItFailed error={runner.error} />}
      <div className="step-controls">
        <button
          type="button"
          onClick={() => runner?.prev()}
          disabled={!runner || runner.busy || index === 0}
        >
          {t('lesson.prev')}
        </button>
        {step.actions && step.actions.length > 0 && (
          <button
            type="button"
            onClick={() => runner && void doing(() => runner.doItForMe())}
            disabled={!runner || runner.busy}
          >
            {runner?.busy ? t('lesson.doing') : t('lesson.doIt')}
          </button>
        )}
        {isLast ? (
          nextLesson ? (
            <a
              className={`button${canAdvance ? ' primary' : ' disabled'}`}
              href={formatHash(nextLesson.slug, 1)}
              aria-disabled={!canAdvance}
            >
              {t('lesson.nextLesson')}
            </a>
          ) : (
            <a className="button" href="#/">
              {t('lesson.all')}
            </a>
          )
        ) : (
          <button
            type="button"
            className="primary"
            onClick={() => runner?.next()}
            disabled={!canAdvance || runner?.busy}
          >
            {t('lesson.next')}
          </button>
        )}
      </div>
      <details className="lesson-tools">
        <summary>{t('lesson.tools')}</summary>
        {runner ? (
          <LiveShareLink slug={lesson.slug} step={index + 1} lang={lang} />
        ) : (
          <ShareLink slug={lesson.slug} step={index + 1} lang={lang} />
        )}
        <button type="button" onClick={restart} disabled={!runner}>
          {t('lesson.restart')}
        </button>
      </details>
    </article>
  );
}
