/**
 * Which steps the student has completed, per lesson, kept in localStorage. Steps are recorded by
 * id, not position, so inserting a step into a lesson does not shift everyone's progress. What
 * is found in storage is validated; anything unreadable is dropped and `notice` says so, once.
 */
export const PROGRESS_KEY = 'django-session-playground:lesson-progress:v1';
export const PROGRESS_VERSION = 1;

/** What is saved, and what a world export file carries as `progress`. */
export interface ProgressData {
  version: typeof PROGRESS_VERSION;
  /** Lesson slug -> ids of the completed steps. */
  done: Record<string, string[]>;
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

type Parsed = { done: Map<string, Set<string>> } | 'corrupt' | 'other-version';

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
  return { done };
}

export class LessonProgress {
  private done = new Map<string, Set<string>>();
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
    if (typeof loaded === 'object') this.done = loaded.done;
    else {
      this.notice = loaded;
      this.save(); // replace the bad value, so the notice shows only once
    }
  }

  isDone(slug: string, stepId: string): boolean {
    return this.done.get(slug)?.has(stepId) ?? false;
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

  /** Forgets one lesson's progress, or everything. */
  reset(slug?: string): void {
    if (slug === undefined) this.done.clear();
    else this.done.delete(slug);
    this.save();
  }

  /** Everything completed, as plain data (for exporting the world to a file). */
  toData(): ProgressData {
    return {
      version: PROGRESS_VERSION,
      done: Object.fromEntries([...this.done].map(([slug, ids]) => [slug, [...ids]])),
    };
  }

  /** Replaces all progress with `data` (checked by validateProgressData first) and saves it. */
  replaceWith(data: ProgressData): void {
    const parsed = parseValue(data);
    if (typeof parsed !== 'object') throw new Error(`progress data is ${parsed}`);
    this.done = parsed.done;
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
