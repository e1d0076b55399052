/**
 * The lesson player's engine, without any UI: which lesson and step are open, whether the step's
 * check holds (re-evaluated on every change of the world), "do it for me", next / prev, and the
 * progress that remembers completed steps. The UI renders from it and subscribes to it.
 */
import type { EditableSettings } from '../world/settings';
import type { World } from '../world/world';
import { performAll, type ActionEffect } from './actions';
import { evaluate, markStep, type StepMarker } from './checks';
import { formatHash } from './links';
import type { LinkSettingProblem, LinkSettings } from './linkSettings';
import type { Lang } from './localized';
import { LessonProgress } from './progress';
import type { LessonDef, StepDef } from './types';

export { formatHash, parseHash, shareLink, type StepLink } from './links';

export interface DoItResult {
  effects: ActionEffect[];
  /** Why an action failed (the actions after it did not run). */
  error: string | null;
}

export class LessonRunner {
  lesson: LessonDef | null = null;
  /** 0-based step index. */
  index = 0;
  /** The current step's check holds now. */
  passed = false;
  /** "Do it for me" is running. */
  busy = false;
  /** The last failure of doItForMe() or of applying the lesson's settings. */
  error: string | null = null;
  /** What the link that opened this step did to the settings, until another step is opened. */
  linked: { applied: Partial<EditableSettings>; problems: LinkSettingProblem[] } | null = null;
  /** Bumped on every change the UI should render (for useSyncExternalStore). */
  version = 0;
  private marker: StepMarker;
  private readonly listeners = new Set<() => void>();
  private readonly unsubscribe: () => void;

  private readonly lessons: LessonDef[];

  constructor(
    readonly world: World,
    lessons: readonly LessonDef[],
    readonly progress: LessonProgress = new LessonProgress(),
    public lang: Lang = 'en',
  ) {
    this.lessons = [...lessons];
    this.marker = markStep(world);
    this.unsubscribe = world.subscribe(() => this.recheck());
  }

  /** Makes a lesson known (the app loads each lesson when it is first opened). */
  register(lesson: LessonDef): void {
    const i = this.lessons.findIndex((l) => l.slug === lesson.slug);
    if (i >= 0) this.lessons[i] = lesson;
    else this.lessons.push(lesson);
  }

  has(slug: string): boolean {
    return this.lessons.some((l) => l.slug === slug);
  }

  get step(): StepDef | null {
    return this.lesson?.steps[this.index] ?? null;
  }

  get isLast(): boolean {
    return this.lesson !== null && this.index === this.lesson.steps.length - 1;
  }

  /** The current step's deep link (`#/lesson/<slug>/<n>`), or null when no lesson is open. */
  get hash(): string | null {
    return this.lesson ? formatHash(this.lesson.slug, this.index + 1) : null;
  }

  /**
   * Where to start when a step was opened before the steps it builds on (a link into the middle
   * of a lab): the first earlier step not done in this playground, or null when every earlier
   * step that changes the world is done (a step only read is no foundation). The student is
   * told, and can have the steps done (catchUp).
   */
  get firstStepNotDoneBefore(): number | null {
    if (!this.lesson) return null;
    const done = this.progress.doneSteps(this.lesson.slug);
    const before = this.lesson.steps.slice(0, this.index);
    if (before.every((s) => done.has(s.id) || s.check.type === 'read')) return null;
    return before.findIndex((s) => !done.has(s.id));
  }

  /** "Next" lights up: the check holds now, or the step was completed before. */
  get canAdvance(): boolean {
    const step = this.step;
    if (!this.lesson || !step) return false;
    return this.passed || this.progress.isDone(this.lesson.slug, step.id);
  }

  /**
   * Opens a lesson at a step (clamped to the lesson). Starting at the first step applies the
   * lesson's settings, those that differ from the world's (applying restarts the server, which
   * empties the cache, so it is not done for nothing). So does a later step of a lesson not begun
   * (none of its steps done, not open: a link into the middle of a lab); a lesson under way keeps
   * the settings its steps have changed since, for a reload must not undo them. `reset`: start from a fresh world first,
   * as the proof does (a student still logged in from the last lesson sees other pages).
   * False when there is no such lesson.
   */
  start(slug: string, index = 0, options: { reset?: boolean } = {}): boolean {
    const lesson = this.lessons.find((l) => l.slug === slug);
    if (!lesson) return false;
    const begun = this.lesson === lesson || this.progress.doneSteps(slug).size > 0;
    this.lesson = null; // the old step must not be judged by the changes made below
    if (options.reset) this.world.resetEverything();
    this.lesson = lesson;
    this.index = Math.min(Math.max(0, Math.trunc(index) || 0), lesson.steps.length - 1);
    this.error = null;
    this.linked = null;
    // Marked before the settings change, which re-evaluates the check through the world.
    this.marker = markStep(this.world);
    if ((this.index === 0 || !begun) && lesson.settings) this.applyLessonSettings(lesson.settings);
    this.enterStep();
    return true;
  }

  /**
   * Applies the settings of the link that opened the current step (after start()): whole, or,
   * when any is refused, not at all; `linked` says which.
   */
  applyLinkSettings(link: LinkSettings): void {
    if (!this.lesson) return;
    const patch = this.differences(link.patch);
    const problems = [...link.problems];
    if (!problems.length && Object.keys(patch).length) {
      for (const e of this.world.applySettings(patch)) {
        problems.push({ name: e.setting, value: String(patch[e.setting]), code: e.code });
      }
    }
    this.linked = { applied: problems.length ? {} : link.patch, problems };
    this.changed();
  }

  /** Back to the lesson list: no lesson open. */
  close(): void {
    this.lesson = null;
    this.linked = null;
    this.index = 0;
    this.recheck(true);
  }

  next(): boolean {
    return !this.busy && this.advance();
  }

  prev(): boolean {
    if (!this.lesson || this.index === 0 || this.busy) return false;
    this.index--;
    this.enterStep();
    return true;
  }

  setLang(lang: Lang): void {
    this.lang = lang;
    this.recheck(true);
  }

  /** Performs the step's actions in order, each awaited; the check is then evaluated again. */
  async doItForMe(): Promise<DoItResult> {
    const step = this.step;
    if (!step || this.busy) return { effects: [], error: null };
    return this.busyWhile(() => performAll(step.actions ?? [], this.world, this.lang));
  }

  /**
   * Does the steps before the current one for the student, the way the proof does (from a
   * fresh playground, each step's actions, its check required), and returns to this step: a
   * link into the middle of a lab, made usable. Settings the link applied are applied again.
   */
  async catchUp(): Promise<DoItResult> {
    const lesson = this.lesson;
    if (!lesson || this.busy || this.index === 0) return { effects: [], error: null };
    const target = this.index;
    const linked = this.linked?.applied ?? {};
    const result = await this.busyWhile(async () => {
      this.start(lesson.slug, 0, { reset: true });
      const effects: ActionEffect[] = [];
      while (this.index < target) {
        const step = this.step as StepDef;
        effects.push(...(await performAll(step.actions ?? [], this.world, this.lang)));
        this.recheck();
        if (!this.advance())
          throw new Error(`step ${this.index + 1} (${step.id}) did not pass its check.`);
      }
      return effects;
    });
    if (!result.error && Object.keys(linked).length)
      this.applyLinkSettings({ patch: linked, problems: [] });
    return result;
  }

  /** Evaluates the check now (it also runs on every world change; call it for clock ticks). */
  recheck(force = false): void {
    const step = this.step;
    const passed = step ? evaluate(step.check, this.world, this.marker, this.lang) : false;
    if (passed && step && this.lesson) this.progress.markDone(this.lesson.slug, step.id);
    if (passed !== this.passed || force) {
      this.passed = passed;
      this.changed();
    }
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispose(): void {
    this.unsubscribe();
    this.listeners.clear();
  }

  /** "Do it for me" and catching up: busy meanwhile (no stepping), a failure kept in `error`. */
  private async busyWhile(work: () => Promise<ActionEffect[]>): Promise<DoItResult> {
    this.busy = true;
    this.error = null;
    this.changed();
    const result: DoItResult = { effects: [], error: null };
    try {
      result.effects = await work();
    } catch (e) {
      result.error = this.error = e instanceof Error ? e.message : String(e);
    } finally {
      this.busy = false;
      this.recheck(true);
    }
    return result;
  }

  private advance(): boolean {
    if (!this.canAdvance || this.isLast) return false;
    this.index++;
    this.enterStep();
    return true;
  }

  private enterStep(): void {
    this.marker = markStep(this.world);
    this.passed = false;
    this.recheck(true);
  }

  /** The settings that would change: applying restarts the server, so not done for nothing. */
  private differences(settings: Partial<EditableSettings>): Partial<EditableSettings> {
    const current = this.world.settings as unknown as Record<string, unknown>;
    return Object.fromEntries(
      Object.entries(settings).filter(([k, v]) => !Object.is(current[k], v)),
    ) as Partial<EditableSettings>;
  }

  private applyLessonSettings(settings: Partial<EditableSettings>): void {
    const patch = this.differences(settings);
    if (Object.keys(patch).length === 0) return;
    const errors = this.world.applySettings(patch);
    if (errors.length)
      this.error = `Django would refuse the lesson's settings: ${errors.map((e) => e.setting).join(', ')}.`;
  }

  private changed(): void {
    this.version++;
    for (const l of this.listeners) l();
  }
}
