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
    this.anchorVirtual = state?.virtual ?? this.anchorReal;
    if (state) {
      this._speed = state.speed;
      this._paused = state.paused;
    }
  }

  now(): number {
    if (this._paused) return this.anchorVirtual;
    return this.anchorVirtual + (this.realNow() - this.anchorReal) * this._speed;
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
    if (!(speed > 0 && Number.isFinite(speed)))
      throw new RangeError(`A clock speed must be a positive number, not ${speed}.`);
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
  /** Moves virtual time by `ms` (forward when positive). */
  jump(ms: number): void {
    this.reanchor();
    this.anchorVirtual += ms;
    this.changed();
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
