/**
 * The lesson player's engine, without any UI: which lesson and step are open, in which world,
 * whether the step's check holds (re-evaluated on every change of the world), "do it for me",
 * next / prev, and where the student is in each lesson. The UI renders from it and subscribes.
 *
 * Each lesson runs in a world of its own (worlds.ts), built from the lesson's declared start;
 * with no lesson open, the runner's world is the student's playground. Opening a step further
 * than the lesson's world has been brought does the steps in between first ("caught up"), so a
 * step's text is never contradicted by the world it is shown beside.
 */
import type { EditableSettings } from '../world/settings';
import type { World } from '../world/world';
import { LessonError, performAll, type ActionEffect } from './actions';
import { evaluate, markStep, missingParts, type StepMarker } from './checks';
import { formatHash } from './links';
import type { LinkSettingProblem, LinkSettings } from './linkSettings';
import type { Lang } from './localized';
import { LessonProgress } from './progress';
import type { Action, Check, LessonDef, StepDef } from './types';
import { LessonWorlds, type WorldKeeper } from './worlds';

export { formatHash, parseHash, shareLink, type StepLink } from './links';

/** A failure put into words by the UI (`lesson.error.<code>`); `message` is the English. */
export interface LessonProblem {
  code: LessonError['code'] | 'unexpected';
  values: Record<string, string | number>;
  message: string;
}

/**
 * What "do it for me" (or opening a step) did besides the step itself, for the student to read:
 * the starting condition it made true, the steps it did to reach a linked step, or the lesson's
 * world rebuilt from its start when nothing less would do.
 */
export type DoneNote =
  | { kind: 'fixed'; actions: Action[] }
  | { kind: 'caught-up'; from: number; to: number }
  | { kind: 'rebuilt'; upTo: number };

export interface DoItResult {
  effects: ActionEffect[];
  notes: DoneNote[];
  /** Why it failed (the actions after the failing one did not run). */
  error: LessonProblem | null;
}

function problemOf(e: unknown): LessonProblem {
  if (e instanceof LessonError) return { code: e.code, values: e.values, message: e.message };
  const message = e instanceof Error ? e.message : String(e);
  return { code: 'unexpected', values: { reason: message }, message };
}

export class LessonRunner {
  lesson: LessonDef | null = null;
  /** 0-based step index. */
  index = 0;
  /** The world shown: the open lesson's, or the student's playground. */
  world: World;
  /** The current step's check holds now. */
  passed = false;
  /**
   * What is running, if anything: opening a lesson (and catching up with a linked step), or
   * "do it for me" (or a restart). No stepping meanwhile.
   */
  busy: false | 'opening' | 'doing' = false;
  /**
   * While the steps before a linked step are done (a catch-up, or a rebuild by "do it for me"),
   * the step they lead to: the one the student asked for and sees, while `index` walks.
   */
  private walkingTo: number | null = null;
  /** The last failure, until another step is opened. */
  error: LessonProblem | null = null;
  /** What the last "do it for me" or opening did besides the step, until another step opens. */
  notes: DoneNote[] = [];
  /** Next was pressed while the step was not done: the UI stresses what is still missing. */
  nudged = false;
  /** What the link that opened this step did to the settings, until another step is opened. */
  linked: { applied: Partial<EditableSettings>; problems: LinkSettingProblem[] } | null = null;
  /** Bumped on every change the UI should render (for useSyncExternalStore). */
  version = 0;
  readonly worlds: LessonWorlds;
  private marker: StepMarker;
  /** Where the next step's window opens: the moment this step's check first held. */
  private nextMarker: StepMarker | null = null;
  /**
   * The furthest step (index) the lesson's world has been brought to: every step before it has
   * been done in this world.
   */
  private reached = 0;
  private readonly listeners = new Set<() => void>();
  private unsubscribe: () => void = () => {};
  private readonly lessons: LessonDef[];

  constructor(
    playground: World,
    keeper: WorldKeeper,
    lessons: readonly LessonDef[],
    readonly progress: LessonProgress = new LessonProgress(),
    public lang: Lang = 'en',
  ) {
    this.lessons = [...lessons];
    this.worlds = new LessonWorlds(playground, keeper);
    this.world = playground;
    this.marker = markStep(playground);
    this.attach(playground);
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

  /** The step on screen (0-based): where a catch-up is going, or else the current one. */
  get shownIndex(): number {
    return this.walkingTo ?? this.index;
  }

  get isLast(): boolean {
    return this.lesson !== null && this.index === this.lesson.steps.length - 1;
  }

  /**
   * The deep link of the step on screen (`#/lesson/<slug>/<n>`), or null when no lesson is
   * open: the steps a catch-up walks through are not the student's, and are not written there.
   */
  get hash(): string | null {
    return this.lesson ? formatHash(this.lesson.slug, this.shownIndex + 1) : null;
  }

  /**
   * "Next" lights up: the check holds now, or held at some moment since the step opened (a step
   * done stays done, even when the student goes on to undo it), or this world has been past this
   * step already (the student came back with Previous). Steps done in a world since rebuilt do
   * not count.
   */
  get canAdvance(): boolean {
    return (
      this.step !== null && (this.passed || this.nextMarker !== null || this.index < this.reached)
    );
  }

  /** What the step still needs (the parts of its check that do not hold), for "still to do". */
  get missing(): Check[] {
    const step = this.step;
    if (!step || this.canAdvance) return [];
    return missingParts(step.check, this.world, this.marker, this.lang);
  }

  /**
   * Opens a lesson in its own world: at `index` (a link, clamped to the lesson), or where the
   * student left it. A step beyond where the world has been brought is caught up with: the
   * steps before it are done first, as "do it for me" does them (`notes` says so). False when
   * there is no such lesson.
   */
  async open(slug: string, index?: number): Promise<boolean> {
    const lesson = this.lessons.find((l) => l.slug === slug);
    if (!lesson || this.busy) return false;
    this.busy = 'opening';
    this.lesson = null; // the old step must not be judged by the changes made below
    this.error = null;
    this.notes = [];
    this.linked = null;
    this.changed();
    try {
      const { world, built } = await this.worlds.world(lesson, this.lang);
      this.attach(world);
      const saved = built ? null : this.progress.position(slug);
      const stepAt = (id: string | undefined) => {
        const i = lesson.steps.findIndex((s) => s.id === id);
        return i < 0 ? 0 : i;
      };
      this.reached = stepAt(saved?.reached);
      const last = lesson.steps.length - 1;
      const target = Math.min(Math.max(0, Math.trunc(index ?? stepAt(saved?.step)) || 0), last);
      this.lesson = lesson;
      this.index = Math.min(target, this.reached);
      const from = this.index;
      if (target > from) this.walkingTo = target;
      this.enterStep();
      if (target > from) {
        await this.walkTo(target);
        this.notes = [{ kind: 'caught-up', from: from + 1, to: target }];
      }
    } catch (e) {
      this.error = problemOf(e);
    } finally {
      this.busy = false;
      this.walkingTo = null;
      this.recheck(true);
    }
    return true;
  }

  /**
   * Applies the settings of the link that opened the current step (after open()): whole, or,
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

  /** Back to the lesson list: no lesson open, the student's own playground in front. */
  close(): void {
    if (this.busy) return;
    this.lesson = null;
    this.linked = null;
    this.index = 0;
    this.attach(this.worlds.playground);
    this.recheck(true);
  }

  /** The next step, when this one is done; otherwise `nudged` (the UI says what is missing). */
  next(): boolean {
    if (this.busy || !this.lesson) return false;
    if (this.advance()) return true;
    if (!this.isLast && !this.nudged) {
      this.nudged = true;
      this.changed();
    }
    return false;
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

  /**
   * Does the step for the student, from wherever they are in the lesson's world: first its
   * starting condition (each part that does not hold is fixed, and said), then its actions. If
   * the check still does not hold (the student wandered far), the lesson's world is rebuilt from
   * its start up to this step, and the step done there: it always ends with the step done.
   */
  async doItForMe(): Promise<DoItResult> {
    const step = this.step;
    if (!step || this.busy) return { effects: [], notes: [], error: null };
    const target = this.index;
    return this.busyWhile(async () => {
      try {
        const done = await this.doStep(step);
        this.recheck();
        if (this.passed) return done;
      } catch (e) {
        // An action that cannot be done here (no form on this page...): rebuilt below.
        if (!(e instanceof LessonError)) throw e;
      }
      this.walkingTo = target;
      await this.rebuildTo(target);
      const again = await this.doStep(step);
      this.recheck();
      if (!this.passed) throw this.checkFailed(step);
      return { effects: again.effects, notes: [{ kind: 'rebuilt', upTo: target }] };
    });
  }

  /** The lesson's world back to its start, and step 1 (done steps stay in the progress list). */
  async restart(): Promise<void> {
    const lesson = this.lesson;
    if (!lesson || this.busy) return;
    await this.busyWhile(async () => {
      await this.rebuildTo(0);
      return { effects: [], notes: [] };
    });
  }

  /** Evaluates the check now (it also runs on every world change; call it for clock ticks). */
  recheck(force = false): void {
    const step = this.step;
    const passed = step ? evaluate(step.check, this.world, this.marker, this.lang) : false;
    if (passed && step && this.lesson) {
      this.progress.markDone(this.lesson.slug, step.id);
      // The next step's window opens the first time this one is done: what the student does
      // from here on counts for it, even before they press Next.
      this.nextMarker ??= markStep(this.world);
      if (this.reached <= this.index && !this.isLast) {
        this.reached = this.index + 1;
        this.savePosition();
      }
    }
    if (passed !== this.passed || force) {
      this.passed = passed;
      if (passed) this.nudged = false;
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

  // --- inside ---------------------------------------------------------------------------------

  private attach(world: World): void {
    this.unsubscribe();
    this.world = world;
    this.unsubscribe = world.subscribe(() => this.recheck());
  }

  /** The step's starting condition, then its actions; what was fixed is in the notes. */
  private async doStep(step: StepDef): Promise<{ effects: ActionEffect[]; notes: DoneNote[] }> {
    const fixed: Action[] = [];
    const effects: ActionEffect[] = [];
    for (const condition of step.before ?? []) {
      if (evaluate(condition.holds, this.world, markStep(this.world), this.lang)) continue;
      effects.push(...(await performAll(condition.fix, this.world, this.lang)));
      fixed.push(...condition.fix.filter((a) => a.type !== 'showPanel'));
    }
    effects.push(...(await performAll(step.actions ?? [], this.world, this.lang)));
    return { effects, notes: fixed.length ? [{ kind: 'fixed', actions: fixed }] : [] };
  }

  /** Does the steps from the current one up to (not including) `target`, each checked. */
  private async walkTo(target: number): Promise<void> {
    const lesson = this.lesson as LessonDef;
    while (this.index < target) {
      const step = lesson.steps[this.index] as StepDef;
      this.recheck();
      if (!this.passed) {
        await this.doStep(step);
        this.recheck();
      }
      if (!this.passed) {
        // The student's world strayed too far for the steps' own conditions: from the start.
        await this.rebuildTo(target);
        return;
      }
      this.advance();
    }
  }

  /** The lesson's world rebuilt from its start, then steps 1 .. target done, each checked. */
  private async rebuildTo(target: number): Promise<void> {
    const lesson = this.lesson as LessonDef;
    await this.worlds.reset(this.world, lesson, this.lang);
    this.reached = 0;
    this.index = 0;
    this.enterStep();
    while (this.index < target) {
      const step = lesson.steps[this.index] as StepDef;
      await this.doStep(step);
      this.recheck();
      if (!this.passed) throw this.checkFailed(step);
      this.advance();
    }
  }

  private checkFailed(step: StepDef): LessonError {
    const n = (this.lesson?.steps.indexOf(step) ?? 0) + 1;
    return new LessonError(
      'check-failed',
      { step: n },
      `step ${n} (${step.id}) did not pass its check.`,
    );
  }

  /** "Do it for me" and catching up: busy meanwhile (no stepping), a failure kept in `error`. */
  private async busyWhile(
    work: () => Promise<{ effects: ActionEffect[]; notes: DoneNote[] }>,
  ): Promise<DoItResult> {
    this.busy = 'doing';
    this.error = null;
    this.notes = [];
    this.changed();
    const result: DoItResult = { effects: [], notes: [], error: null };
    try {
      ({ effects: result.effects, notes: result.notes } = await work());
      this.notes = result.notes;
    } catch (e) {
      result.error = this.error = problemOf(e);
    } finally {
      this.busy = false;
      this.walkingTo = null;
      this.recheck(true);
    }
    return result;
  }

  private advance(): boolean {
    if (!this.canAdvance || this.isLast) return false;
    const marker = this.nextMarker;
    this.index++;
    this.enterStep(marker);
    return true;
  }

  private enterStep(marker: StepMarker | null = null): void {
    this.marker = marker ?? markStep(this.world);
    this.nextMarker = null;
    this.passed = false;
    this.nudged = false;
    this.error = null;
    if (!this.busy) this.notes = [];
    this.reached = Math.max(this.reached, this.index);
    this.savePosition();
    this.recheck(true);
  }

  private savePosition(): void {
    if (!this.lesson) return;
    const ids = this.lesson.steps;
    this.progress.setPosition(this.lesson.slug, {
      step: (ids[this.index] as StepDef).id,
      reached: (ids[this.reached] as StepDef).id,
    });
  }

  /** The settings that would change: applying restarts the server, so not done for nothing. */
  private differences(settings: Partial<EditableSettings>): Partial<EditableSettings> {
    const current = this.world.settings as unknown as Record<string, unknown>;
    return Object.fromEntries(
      Object.entries(settings).filter(([k, v]) => !Object.is(current[k], v)),
    ) as Partial<EditableSettings>;
  }

  private changed(): void {
    this.version++;
    for (const l of this.listeners) l();
  }
}
