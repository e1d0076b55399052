/**
 * What a running line may ask of the process it runs in: the clock (`datetime.now()`) and
 * standard output (`print()`). The caller of runLine provides them for the line's duration.
 */
export interface LineContext {
  /** `time.time()` in microseconds since the epoch. */
  nowMicroseconds(): bigint;
  /** What `print()` writes (runserver's terminal). */
  stdout(text: string): void;
}

const WALL_CLOCK: LineContext = {
  nowMicroseconds: () => BigInt(Date.now()) * 1000n,
  stdout: () => undefined,
};

let current: LineContext = WALL_CLOCK;

export function lineContext(): LineContext {
  return current;
}

/** Runs `fn` with `context` as the line's process. */
export function withContext<T>(context: LineContext, fn: () => T): T {
  const saved = current;
  current = context;
  try {
    return fn();
  } finally {
    current = saved;
  }
}
