/**
 * Timing and reporting helpers for scripts/bench.ts.
 *
 * Every figure is the median of several timed samples taken after a warm-up, so that one GC
 * pause or a JIT tier-up in the middle of a run does not decide the result.
 */

export interface TimingOptions {
  /** Untimed calls first, so that the JIT has compiled the hot paths. */
  warmupMs: number;
  /** Timed run, split into `samples` equal slices. */
  totalMs: number;
  samples: number;
}

/** About 1 s of timed calls in 7 slices of 150 ms, after 1 s of warm-up. */
export const DEFAULT_TIMING: TimingOptions = { warmupMs: 1000, totalMs: 1050, samples: 7 };

/** The median and the range of a set of samples. */
export interface Stats {
  median: number;
  min: number;
  max: number;
  /**
   * CPU time this process got during the timed part, per unit of wall time. About 1 or more
   * (GC and compiler threads add to it) on an idle machine; well below 1 when other processes
   * took the CPU from it, and the figure is then too pessimistic.
   */
  cpuShare: number;
}

/** Runs `timed`, giving its result and the CPU share that the process got meanwhile. */
function withCpuShare<T>(timed: () => T): [T, number] {
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  const result = timed();
  const cpu = process.cpuUsage(cpuBefore);
  return [result, (cpu.user + cpu.system) / 1000 / (performance.now() - start)];
}

async function withCpuShareAsync<T>(timed: () => Promise<T>): Promise<[T, number]> {
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  const result = await timed();
  const cpu = process.cpuUsage(cpuBefore);
  return [result, (cpu.user + cpu.system) / 1000 / (performance.now() - start)];
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median() of no samples');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function stats(values: readonly number[], cpuShare: number): Stats {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values), cpuShare };
}

// Calls between two clock reads: keeps performance.now() out of the figures without making a
// slice overshoot by much (the slowest call timed here, a cycle through MSW, takes ~1.5 ms).
const BATCH = 8;

/** Calls per second of `op`, timed for about `ms` milliseconds. */
function rateFor(op: () => void, ms: number): number {
  let calls = 0;
  let elapsed: number;
  const start = performance.now();
  do {
    for (let i = 0; i < BATCH; i++) op();
    calls += BATCH;
    elapsed = performance.now() - start;
  } while (elapsed < ms);
  return (calls * 1000) / elapsed;
}

async function rateForAsync(op: () => Promise<void>, ms: number): Promise<number> {
  let calls = 0;
  let elapsed: number;
  const start = performance.now();
  do {
    for (let i = 0; i < BATCH; i++) await op();
    calls += BATCH;
    elapsed = performance.now() - start;
  } while (elapsed < ms);
  return (calls * 1000) / elapsed;
}

/** Calls per second of a synchronous `op`: median over the samples, after a warm-up. */
export function callsPerSecond(op: () => void, timing: TimingOptions = DEFAULT_TIMING): Stats {
  rateFor(op, timing.warmupMs);
  const [rates, cpuShare] = withCpuShare(() =>
    Array.from({ length: timing.samples }, () => rateFor(op, timing.totalMs / timing.samples)),
  );
  return stats(rates, cpuShare);
}

/** The same for an asynchronous `op` (each call awaited before the next). */
export async function callsPerSecondAsync(
  op: () => Promise<void>,
  timing: TimingOptions = DEFAULT_TIMING,
): Promise<Stats> {
  await rateForAsync(op, timing.warmupMs);
  const [rates, cpuShare] = await withCpuShareAsync(async () => {
    const out: number[] = [];
    for (let i = 0; i < timing.samples; i++) {
      out.push(await rateForAsync(op, timing.totalMs / timing.samples));
    }
    return out;
  });
  return stats(rates, cpuShare);
}

/**
 * Milliseconds taken by `timed`, `repeats` times; `prepare` runs untimed before each repeat
 * (to rebuild the state that `timed` consumes).
 */
export function durationsMs(prepare: () => void, timed: () => void, repeats: number): Stats {
  const durations: number[] = [];
  const shares: number[] = [];
  for (let i = 0; i < repeats; i++) {
    prepare();
    const start = performance.now();
    const [, share] = withCpuShare(timed);
    durations.push(performance.now() - start);
    shares.push(share);
  }
  // The typical repeat's share: one starved repeat does not move the median duration either.
  return stats(durations, median(shares));
}

// --- reporting ----------------------------------------------------------------------------------

/** A figure must stay at or above `min` (a rate) or at or below `max` (a time). */
export type Budget = { min: number } | { max: number };

export function withinBudget(value: number, budget: Budget): boolean {
  return 'min' in budget ? value >= budget.min : value <= budget.max;
}

export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

export function formatMs(ms: number): string {
  return `${ms.toFixed(2)} ms`;
}

/** The sample range as a percentage around the median: how stable the figure is. */
export function formatSpread(s: Stats): string {
  const pct = (x: number) => ((100 * (x - s.median)) / s.median).toFixed(0);
  return `(samples ${pct(s.min)}%..+${pct(s.max)}%)`;
}

/** A figure's budget as printed: `name` says in the summary which figure it was. */
export interface BudgetCheck {
  name: string;
  text: string;
  ok: boolean;
}

/** Below this CPU share the process was starved by other processes (see Stats.cpuShare). */
const BUSY_CPU_SHARE = 0.9;

/** Prints aligned result lines and keeps the budget verdicts for the summary. */
export class Report {
  private readonly verdicts: { label: string; pass: boolean }[] = [];
  private starved = 0;

  section(title: string): void {
    process.stdout.write(`\n${title}\n`);
  }

  note(text: string): void {
    process.stdout.write(`  ${text}\n`);
  }

  /**
   * One figure, then how it was measured, then (with a budget) the budget and PASS or OVER.
   * A figure measured while other processes took the CPU is flagged: it is too pessimistic.
   */
  line(
    label: string,
    valueText: string,
    measured: Stats,
    detail: string,
    budget?: BudgetCheck,
  ): void {
    const verdict = budget ? `${budget.text.padEnd(22)} ${budget.ok ? 'PASS' : 'OVER'}` : '';
    if (budget) this.verdicts.push({ label: budget.name, pass: budget.ok });
    process.stdout.write(
      `  ${label.padEnd(38)} ${valueText.padStart(14)}  ${detail.padEnd(34)} ${verdict}`.trimEnd() +
        '\n',
    );
    if (measured.cpuShare < BUSY_CPU_SHARE) {
      this.starved++;
      this.note(
        `  ^ the machine was busy: this process got ${Math.round(100 * measured.cpuShare)}% of a CPU while timing`,
      );
    }
  }

  summary(): void {
    const over = this.verdicts.filter((v) => !v.pass);
    this.section('Summary');
    this.note(
      `${this.verdicts.length} budgets: ${this.verdicts.length - over.length} PASS, ${over.length} OVER`,
    );
    for (const v of over) this.note(`OVER: ${v.label}`);
    if (this.starved > 0) {
      this.note(
        `${this.starved} figure(s) measured while other processes competed for the CPU: run again on an idle machine`,
      );
    }
  }
}
