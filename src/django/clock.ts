/**
 * What Django takes from Python's process rather than from its settings: the time
 * (`time.time()`) and randomness (`os.urandom`, via `secrets`). Each world has its own, so that
 * several can run in one page on their own virtual clocks. Nothing here imports the rest of the
 * port: the caches and the file system read the clock without depending on the Runtime.
 */
export interface Clock {
  /** Epoch milliseconds, possibly fractional: `time.time() * 1000`. */
  now(): number;
}

export interface RandomSource {
  /** Fills the array with cryptographically strong random bytes. */
  fill(bytes: Uint8Array<ArrayBuffer>): void;
}

/** A CSPRNG from the platform (browsers and Node 20 both have crypto.getRandomValues). */
export const cryptoRandom: RandomSource = {
  fill(bytes) {
    globalThis.crypto.getRandomValues(bytes);
  },
};

/** A clock that can be set and moved, for tests and scenario replays. */
export class ManualClock implements Clock {
  constructor(private ms: number) {}
  now(): number {
    return this.ms;
  }
  set(ms: number): void {
    this.ms = ms;
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}
