/**
 * One lesson step: its prose, its code, its questions and (once answered) what happened, "do it
 * for me", and Next once the engine agrees, or what is still missing when it does not. The
 * lesson runs in a world of its own; the student's playground waits behind "Back to my
 * playground".
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { renderMarkdown } from '../../lessons/markdown';
import { formatHash } from '../../lessons/links';
import type { LessonDef, LessonText } from '../../lessons/types';
import type { StepLink } from '../../lessons/links';
import type { DoItResult, DoneNote, LessonProblem, LessonRunner } from '../../lessons/runner';
import type { Lang } from '../../lessons/localized';
import { formatNumber } from '../format';
import { usePanel } from '../components/panelContext';
import { useWorld } from '../hooks/useWorld';
import { useNow } from '../hooks/useNow';
import { CodeView } from './CodeView';
import { Markdown } from './Markdown';
import { Predictions } from './Predictions';
import { LinkedSettings, LiveShareLink, ShareLink } from './ShareLink';
import { useLessons } from './context';
import { describeAction, describeCheck } from './describe';

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

/** Why a step could not be done, in the page's language. */
function Problem({ problem }: { problem: LessonProblem }) {
  const { t } = useTranslation();
  return (
    <p role="alert" className="error">
      {t('lesson.doItFailed')} {t(`lesson.error.${problem.code}`, problem.values)}
    </p>
  );
}

/** What "do it for me" (or opening the step) did besides the step itself. */
function Notes({ notes }: { notes: DoneNote[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const n = (x: number) => formatNumber(x, lang);
  if (notes.length === 0) return null;
  return (
    <div role="status" className="lesson-notes">
      {notes.map((note, i) =>
        note.kind === 'fixed' ? (
          <div key={i}>
            <p>{t('lesson.note.fixed')}</p>
            <ul>
              {note.actions.map((a, j) => (
                <li key={j}>{describeAction(a, t, lang)}</li>
              ))}
            </ul>
          </div>
        ) : note.kind === 'caught-up' ? (
          <p key={i}>{t('lesson.note.caughtUp', { from: n(note.from), to: n(note.to) })}</p>
        ) : note.upTo > 0 ? (
          <p key={i}>{t('lesson.note.rebuilt', { to: n(note.upTo) })}</p>
        ) : (
          <p key={i}>{t('lesson.note.rebuiltStart')}</p>
        ),
      )}
    </div>
  );
}

/** What the step still needs: said always, and louder when Next was pressed too early. */
function StillToDo({ runner, id }: { runner: LessonRunner; id: string }) {
  const { t, i18n } = useTranslation();
  const missing = runner.missing;
  if (missing.length === 0) return null;
  const next = t(runner.isLast ? 'lesson.nextLesson' : 'lesson.next');
  return (
    // Pressed Next (or PageDown) too early: said aloud, not only shown.
    <div
      id={id}
      className={runner.nudged ? 'still-to-do nudged' : 'still-to-do'}
      role={runner.nudged ? 'alert' : undefined}
    >
      <p>{t(runner.nudged ? 'lesson.nudge' : 'lesson.stillToDo', { next })}</p>
      <ul>
        {missing.map((c, i) => (
          <li key={i}>{describeCheck(c, t, i18n.language as Lang)}</li>
        ))}
      </ul>
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

/**
 * The questions of a step and what the student did with them: answered, or skipped. What
 * happened (the step's reveal) is shown only once every question is answered or skipped.
 */
function useQuestions(stepKey: string) {
  const [state, setState] = useState<{
    key: string;
    answers: Record<string, string>;
    skipped: boolean;
  }>({ key: stepKey, answers: {}, skipped: false });
  const current = state.key === stepKey ? state : { key: stepKey, answers: {}, skipped: false };
  return {
    answers: current.answers,
    skipped: current.skipped,
    answer: (id: string, option: string) =>
      setState({ ...current, answers: { ...current.answers, [id]: option } }),
    skip: () => setState({ ...current, skipped: true }),
  };
}

export function LessonPlayer({ link }: { link: StepLink }) {
  const { t, i18n } = useTranslation();
  const { runner: live, catalog, progress } = useLessons();
  const { showPanel } = usePanel();
  const lang = i18n.language as Lang;
  // Until the engine has opened the lesson, show the linked step, or where the student left
  // the lesson; while it catches up with a linked step, the runner shows the step it goes to.
  const runner = live?.lesson?.slug === link.slug ? live : null;
  const loaded = useLessonDef(link.slug);
  const summary = catalog.bySlug(link.slug);
  const lesson = runner?.lesson ?? loaded.def;
  const resumeAt = lesson?.steps.findIndex((s) => s.id === progress.position(link.slug)?.step);
  const index = runner
    ? runner.shownIndex
    : Math.min(link.index ?? Math.max(0, resumeAt ?? 0), (lesson?.steps.length ?? 1) - 1);
  const step = lesson?.steps[index] ?? null;
  const { text, error: textError } = useLessonText(link.slug, lang);
  const error = textError ?? loaded.error;
  const questions = useQuestions(`${link.slug}/${step?.id ?? ''}`);
  // Next (or Previous) moves focus to the new step's heading, and the pane scrolls to it.
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef<string | null>(null);
  const stepKey = runner && step ? `${link.slug}/${index}` : null;
  useEffect(() => {
    if (stepKey === null) return;
    const first = shownStep.current === null;
    shownStep.current = stepKey;
    if (first) return; // the first step shown: focus stays where the student is
    stepHeading.current?.focus({ preventScroll: true });
    stepHeading.current?.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
  }, [stepKey]);
  if (!summary) return null;
  if (!lesson || !step) {
    return (
      <article className="lesson-player" aria-labelledby="lesson-heading">
        <h2 id="lesson-heading">{summary.title[lang]}</h2>
        {error ? (
          <p role="alert" className="error">
            {t('lesson.loadFailed')} <code>{error}</code>
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
  // After "do it for me", the last panel an action asked for comes to the front.
  const doing = async (work: () => Promise<DoItResult>) => {
    const result = await work();
    const panel = [...result.effects].reverse().find((e) => e.panel)?.panel;
    if (panel) showPanel(panel);
  };
  const restart = () => {
    if (runner && window.confirm(t('lesson.restartConfirm'))) void runner.restart();
  };
  // While the runner works, its step may not be the one shown (a catch-up walks towards it).
  const canAdvance = runner !== null && !runner.busy && runner.canAdvance;
  const isLast = index === lesson.steps.length - 1;
  const prose = text?.steps[step.id];
  const reveal = text?.reveals[step.id];
  const predictions = step.predictions ?? [];
  const answeredAll = predictions.every((p) => questions.answers[p.id] !== undefined);
  const settled = answeredAll || questions.skipped;
  const done = canAdvance && step.check.type !== 'read';
  const missingId = `still-to-do-${lesson.slug}-${index}`;
  // The step's controls wake with its text: lit before the prose came, a button would jump
  // down under the finger (or the pointer) as the prose pushed it.
  const readable = text !== null || error !== null;
  const ready = runner !== null && !runner.busy && readable;
  const blocked = !canAdvance || !ready;
  return (
    <article className="lesson-player" aria-labelledby="lesson-heading">
      <p className="lesson-crumbs">
        <a href="#/">← {t('lesson.all')}</a> ·{' '}
        {t('lesson.position', { n: n(position + 1), total: n(catalog.lessons.length) })}
      </p>
      <h2 id="lesson-heading">{lesson.title[lang]}</h2>
      <p className="own-world">
        {t('lesson.ownWorld')} <a href="#/">{t('lesson.backToPlayground')}</a>
      </p>
      <h3 className="step-position" id="step-heading" tabIndex={-1} ref={stepHeading}>
        {t('lesson.step', { n: n(index + 1), total: n(lesson.steps.length) })}
      </h3>
      {error && (
        <p role="alert" className="error">
          {t('lesson.loadFailed')} <code>{error}</code>
        </p>
      )}
      {runner?.linked && <LinkedSettings linked={runner.linked} />}
      {runner && <Notes notes={runner.notes} />}
      <div className="prose" lang={lang}>
        {prose !== undefined ? (
          <Markdown blocks={renderMarkdown(prose)} />
        ) : (
          !error && <p className="hint">{t('lesson.loading')}</p>
        )}
      </div>
      {step.code && <CodeView code={step.code} />}
      {predictions.length > 0 && text && (
        <>
          <Predictions
            predictions={predictions}
            text={text}
            answers={questions.answers}
            onAnswer={questions.answer}
            revealed={done}
          />
          {!settled && (
            <p className="inline-form">
              <button type="button" onClick={questions.skip}>
                {t('lesson.skipQuestions')}
              </button>
            </p>
          )}
        </>
      )}
      {reveal !== undefined &&
        (settled && done ? (
          <div className="prose reveal" lang={lang}>
            <Markdown blocks={renderMarkdown(reveal)} />
          </div>
        ) : (
          <p className="hint reveal-pending">
            {t(settled ? 'lesson.revealAfterStep' : 'lesson.revealAfterQuestions')}
          </p>
        ))}
      {runner && <ClockRecheck runner={runner} />}
      {/* Busy until the step takes input: read aloud once it is what the step will say. */}
      <div className="step-status" role="status" aria-live="polite" aria-busy={!ready || undefined}>
        {!runner ? (
          <span className="pending">{t(live?.busy ? 'lesson.preparing' : 'lesson.starting')}</span>
        ) : runner.busy ? (
          <span className="pending">
            {t(runner.busy === 'opening' ? 'lesson.preparing' : 'lesson.doing')}
          </span>
        ) : !readable ? (
          <span className="pending">{t('lesson.loading')}</span>
        ) : step.check.type === 'read' ? null : canAdvance ? (
          <span className="ok">
            ✓ {t('lesson.checked', { next: t(isLast ? 'lesson.nextLesson' : 'lesson.next') })}
          </span>
        ) : (
          <span className="pending">{t('lesson.waiting')}</span>
        )}
      </div>
      {ready && <StillToDo runner={runner} id={missingId} />}
      {runner?.error && <Problem problem={runner.error} />}
      <div className="step-controls">
        <button type="button" onClick={() => runner?.prev()} disabled={!ready || index === 0}>
          {t('lesson.prev')}
        </button>
        {step.actions && step.actions.length > 0 && (
          <button
            type="button"
            onClick={() => runner && void doing(() => runner.doItForMe())}
            disabled={!ready}
          >
            {runner?.busy === 'doing' ? t('lesson.doing') : t('lesson.doIt')}
          </button>
        )}
        {isLast ? (
          nextLesson ? (
            <a
              className={`button${canAdvance ? ' primary' : ' disabled'}`}
              href={formatHash(nextLesson.slug)}
              aria-disabled={!canAdvance}
              aria-describedby={canAdvance ? undefined : missingId}
              onClick={(e) => {
                if (canAdvance || !runner) return;
                e.preventDefault();
                runner.next(); // says what is missing
              }}
            >
              {t('lesson.nextLesson')}
            </a>
          ) : (
            <a className="button" href="#/">
              {t('lesson.all')}
            </a>
          )
        ) : (
          // Not `disabled`: a press on an unfinished step says what is still missing.
          <button
            type="button"
            className={blocked ? 'primary disabled' : 'primary'}
            aria-disabled={blocked}
            aria-describedby={canAdvance ? undefined : missingId}
            onClick={() => runner?.next()}
          >
            {t('lesson.next')}
          </button>
        )}
      </div>
      <p className="inline-form lesson-restart">
        <button type="button" onClick={restart} disabled={!ready}>
          {t('lesson.restart')}
        </button>
      </p>
      <details className="lesson-tools">
        <summary>{t('lesson.tools')}</summary>
        {runner ? (
          <LiveShareLink slug={lesson.slug} step={index + 1} lang={lang} />
        ) : (
          <ShareLink slug={lesson.slug} step={index + 1} lang={lang} />
        )}
      </details>
    </article>
  );
}
