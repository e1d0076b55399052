/**
 * The playground's virtual clock. It runs at a chosen speed (1x up to a day per second), can be
 * paused, and jumps ahead (+1 min ... +2 weeks) so that expiry can be watched without waiting.
 * Django, the cookie jars and every countdown read this clock, never the real one.
 */
import type { Clock } from '../django/runtime';

export interface ClockState {
  /** Virtual epoch ms at the moment of saving. */
  virtual: number;
  speed: number;
  paused: boolean;
}

export const SPEEDS = [1, 10, 60, 3600, 86400] as const;
export const MAX_SPEED = 86400;

/**
 * The range virtual time may take: from the Unix epoch (base-62 signing timestamps and cookie
 * dates before it mean nothing to a student) to the last instant Python's datetime can hold
 * (9999-12-31T23:59:59.999). Beyond it Django itself cannot run (OverflowError), and a browser's
 * Date, which goes further, is never asked for a time it cannot print.
 */
export const EARLIEST = 0;
export const LATEST = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

const clamp = (ms: number) =>
  Number.isNaN(ms) ? EARLIEST : Math.min(LATEST, Math.max(EARLIEST, ms));

/** A clock state a saved world or file may carry; anything else is refused before use. */
export function isClockState(s: ClockState): boolean {
  return (
    Number.isFinite(s.virtual) &&
    s.virtual >= EARLIEST &&
    s.virtual <= LATEST &&
    Number.isFinite(s.speed) &&
    s.speed > 0 &&
    s.speed <= MAX_SPEED
  );
}

export class VirtualClock implements Clock {
  private anchorVirtual: number;
  private anchorReal: number;
  private _speed = 1;
  private _paused = false;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly realNow: () => number = () => Date.now(),
    state?: ClockState,
  ) {
    this.anchorReal = realNow();
    // Out-of-range states are refused by the validators; a clock still never holds one.
    this.anchorVirtual = clamp(state?.virtual ?? this.anchorReal);
    if (state) {
      this._speed = state.speed > 0 && state.speed <= MAX_SPEED ? state.speed : 1;
      this._paused = state.paused;
    }
  }

  /** Virtual time: stops at the end of year 9999, the last instant Django can represent. */
  now(): number {
    if (this._paused) return this.anchorVirtual;
    return clamp(this.anchorVirtual + (this.realNow() - this.anchorReal) * this._speed);
  }

  get speed(): number {
    return this._speed;
  }
  get paused(): boolean {
    return this._paused;
  }

  /** Re-anchors so that a change of speed or pause takes effect from this instant. */
  private reanchor(): void {
    this.anchorVirtual = this.now();
    this.anchorReal = this.realNow();
  }

  setSpeed(speed: number): void {
    if (!(speed > 0 && speed <= MAX_SPEED))
      throw new RangeError(
        `A clock speed must be a positive number up to ${MAX_SPEED}, not ${speed}.`,
      );
    this.reanchor();
    this._speed = speed;
    this.changed();
  }
  pause(): void {
    this.reanchor();
    this._paused = true;
    this.changed();
  }
  resume(): void {
    this.reanchor();
    this._paused = false;
    this.changed();
  }
  /** Moves virtual time by `ms` (forward when positive), never past the range's ends. */
  jump(ms: number): void {
    this.reanchor();
    this.anchorVirtual = clamp(this.anchorVirtual + ms);
    this.changed();
  }

  /** Whether a jump of `ms` would reach past the end of year 9999 (the UI may disable it). */
  canJump(ms: number): boolean {
    return this.now() + ms <= LATEST;
  }
  /** Back to the real time, at normal speed. */
  backToNow(): void {
    this.anchorReal = this.realNow();
    this.anchorVirtual = this.anchorReal;
    this._speed = 1;
    this._paused = false;
    this.changed();
  }
  /** How far virtual time is from real time (ms). */
  offset(): number {
    return this.now() - this.realNow();
  }

  state(): ClockState {
    return { virtual: this.now(), speed: this._speed, paused: this._paused };
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  private changed(): void {
    for (const l of this.listeners) l();
  }
}
