import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../src/world/clock';

function realTime(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('the virtual clock', () => {
  it('follows real time at 1x, faster at higher speeds, and stands still when paused', () => {
    const real = realTime();
    const clock = new VirtualClock(real.now);
    real.advance(1000);
    expect(clock.now()).toBe(1_001_000);
    clock.setSpeed(60);
    real.advance(1000);
    expect(clock.now()).toBe(1_061_000);
    clock.pause();
    real.advance(5000);
    expect(clock.now()).toBe(1_061_000);
    clock.resume();
    real.advance(1000);
    expect(clock.now()).toBe(1_121_000);
  });

  it('jumps ahead and comes back to the real time', () => {
    const real = realTime();
    const clock = new VirtualClock(real.now);
    clock.jump(14 * 86_400_000);
    expect(clock.offset()).toBe(14 * 86_400_000);
    clock.backToNow();
    expect(clock.now()).toBe(real.now());
    expect(clock.speed).toBe(1);
  });

  it('refuses a speed that is not a positive number', () => {
    const clock = new VirtualClock(realTime().now);
    expect(() => clock.setSpeed(0)).toThrow(
      'A clock speed must be a positive number up to 86400, not 0.',
    );
    expect(() => clock.setSpeed(Number.NaN)).toThrow(RangeError);
  });

  it('resumes from a saved state', () => {
    const real = realTime(5_000);
    const clock = new VirtualClock(real.now, { virtual: 99_000, speed: 3600, paused: true });
    real.advance(10_000);
    expect(clock.now()).toBe(99_000);
    expect(clock.state()).toEqual({ virtual: 99_000, speed: 3600, paused: true });
  });
});
