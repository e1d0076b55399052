/**
 * Which steps the student has completed, per lesson, and where they are in each lesson's world,
 * kept in localStorage. Steps are recorded by id, not position, so inserting a step into a lesson
 * does not shift everyone's progress. What is found in storage is validated; anything unreadable
 * is dropped and `notice` says so, once.
 */
export const PROGRESS_KEY = 'django-session-playground:lesson-progress:v1';
export const PROGRESS_VERSION = 1;

/** What is saved, and what a world export file carries as `progress`. */
export interface ProgressData {
  version: typeof PROGRESS_VERSION;
  /** Lesson slug -> ids of the completed steps. */
  done: Record<string, string[]>;
  /**
   * Lesson slug -> where the student is in that lesson's world (step ids): the open step, and
   * the furthest step the world has been brought to. Absent in progress saved before lessons had
   * worlds of their own.
   */
  at?: Record<string, Position>;
}

/** A place in a lesson's world (step ids, so that a new step does not shift it). */
export interface Position {
  step: string;
  reached: string;
}
type Saved = ProgressData;

/** Why saved progress was discarded: shown once by the UI, then dismissed. */
export type ProgressNotice = 'corrupt' | 'other-version' | null;

/** The part of Storage used here (localStorage, or a stand-in in tests). */
export type ProgressStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function defaultStorage(): ProgressStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // access itself can throw when storage is blocked
  }
}

type Parsed =
  { done: Map<string, Set<string>>; at: Map<string, Position> } | 'corrupt' | 'other-version';

function parse(raw: string): Parsed {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return 'corrupt';
  }
  return parseValue(value);
}

/** The same checks as for storage, for progress that arrives in an imported file. */
export function validateProgressData(value: unknown): 'corrupt' | 'other-version' | null {
  const parsed = parseValue(value);
  return typeof parsed === 'object' ? null : parsed;
}

function parseValue(value: unknown): Parsed {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'corrupt';
  const v = value as Partial<Saved> & Record<string, unknown>;
  if (v.version !== PROGRESS_VERSION)
    return typeof v.version === 'number' ? 'other-version' : 'corrupt';
  if (typeof v.done !== 'object' || v.done === null || Array.isArray(v.done)) return 'corrupt';
  const done = new Map<string, Set<string>>();
  for (const [slug, ids] of Object.entries(v.done)) {
    if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) return 'corrupt';
    done.set(slug, new Set(ids));
  }
  const at = new Map<string, Position>();
  if (v.at !== undefined) {
    if (typeof v.at !== 'object' || v.at === null || Array.isArray(v.at)) return 'corrupt';
    for (const [slug, p] of Object.entries(v.at as Record<string, unknown>)) {
      const pos = p as Partial<Position> | null;
      if (typeof pos?.step !== 'string' || typeof pos.reached !== 'string') return 'corrupt';
      at.set(slug, { step: pos.step, reached: pos.reached });
    }
  }
  return { done, at };
}

export class LessonProgress {
  private done = new Map<string, Set<string>>();
  private at = new Map<string, Position>();
  private readonly listeners = new Set<() => void>();
  notice: ProgressNotice = null;
  /** Bumped on every change (for useSyncExternalStore). */
  revision = 0;

  constructor(private readonly storage: ProgressStorage | null = defaultStorage()) {
    let raw: string | null;
    try {
      raw = storage?.getItem(PROGRESS_KEY) ?? null;
    } catch {
      raw = null;
    }
    if (raw === null) return;
    const loaded = parse(raw);
    if (typeof loaded === 'object') ({ done: this.done, at: this.at } = loaded);
    else {
      this.notice = loaded;
      this.save(); // replace the bad value, so the notice shows only once
    }
  }

  isDone(slug: string, stepId: string): boolean {
    return this.done.get(slug)?.has(stepId) ?? false;
  }

  /** Whether any step of any lesson is done (the lesson list then shows it). */
  anyDone(): boolean {
    return [...this.done.values()].some((steps) => steps.size > 0);
  }

  doneSteps(slug: string): ReadonlySet<string> {
    return this.done.get(slug) ?? new Set();
  }

  markDone(slug: string, stepId: string): void {
    if (this.isDone(slug, stepId)) return;
    const steps = this.done.get(slug) ?? new Set<string>();
    steps.add(stepId);
    this.done.set(slug, steps);
    this.save();
  }

  /** Where the student is in a lesson's world, or null when they have not been in it. */
  position(slug: string): Position | null {
    return this.at.get(slug) ?? null;
  }

  setPosition(slug: string, position: Position | null): void {
    const old = this.at.get(slug);
    if (old?.step === position?.step && old?.reached === position?.reached) return;
    if (position) this.at.set(slug, { ...position });
    else this.at.delete(slug);
    this.save();
  }

  /** Forgets one lesson's progress, or everything. */
  reset(slug?: string): void {
    if (slug === undefined) {
      this.done.clear();
      this.at.clear();
    } else {
      this.done.delete(slug);
      this.at.delete(slug);
    }
    this.save();
  }

  /** Everything completed, as plain data (for exporting the world to a file). */
  toData(): ProgressData {
    return {
      version: PROGRESS_VERSION,
      done: Object.fromEntries([...this.done].map(([slug, ids]) => [slug, [...ids]])),
      at: Object.fromEntries([...this.at].map(([slug, p]) => [slug, { ...p }])),
    };
  }

  /** Replaces all progress with `data` (checked by validateProgressData first) and saves it. */
  replaceWith(data: ProgressData): void {
    const parsed = parseValue(data);
    if (typeof parsed !== 'object') throw new Error(`progress data is ${parsed}`);
    ({ done: this.done, at: this.at } = parsed);
    this.save();
  }

  dismissNotice(): void {
    this.notice = null;
    this.changed();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private save(): void {
    const saved: Saved = this.toData();
    try {
      this.storage?.setItem(PROGRESS_KEY, JSON.stringify(saved));
    } catch {
      // Full or blocked storage: progress lives on in memory for this visit.
    }
    this.changed();
  }

  private changed(): void {
    this.revision++;
    for (const l of this.listeners) l();
  }
}
