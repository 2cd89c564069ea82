import { describe, expect, it } from 'vitest';
import { clockJump, clockTrail, markerRows, timerDomain } from './timerAxis';

// Clock at steps 0..8: a burst at 0, one step at 1 s, three at 2.5 s, two at 4 s.
const times = [0, 0, 0, 1, 2.5, 2.5, 2.5, 4, 4];
const timeOfStep = (s: number): number => times[s] ?? 0;

describe('clockTrail', () => {
  it('lists the earlier clock readings, most recent first', () => {
    expect(clockTrail(timeOfStep, 8)).toEqual([2.5, 1, 0]);
    expect(clockTrail(timeOfStep, 7, 2)).toEqual([2.5, 1]);
  });

  it('is empty before the clock first moved', () => {
    expect(clockTrail(timeOfStep, 2)).toEqual([]);
    expect(clockTrail(timeOfStep, 0)).toEqual([]);
  });

  it('stays fast on a long run that never moves the clock', () => {
    const zero = (): number => 0;
    expect(clockTrail(zero, 100_000)).toEqual([]);
  });
});

describe('clockJump', () => {
  it('reports the jump into a step where the clock moved', () => {
    expect(clockJump(timeOfStep, 4)).toEqual({ from: 1, to: 2.5 });
  });

  it('is null when the clock stayed, and at step 0', () => {
    expect(clockJump(timeOfStep, 5)).toBeNull();
    expect(clockJump(timeOfStep, 0)).toBeNull();
  });
});

describe('timerDomain', () => {
  it('covers the trail, the clock and the deadlines with padding', () => {
    const [lo, hi] = timerDomain(2, [1], [5]);
    expect(lo).toBeCloseTo(0.76);
    expect(hi).toBeCloseTo(5.24);
  });

  it('is at least a second wide and never negative', () => {
    expect(timerDomain(0, [], [])).toEqual([0, 1.06]);
  });
});

describe('markerRows', () => {
  it('stacks markers that would overlap', () => {
    expect(markerRows([10, 10, 10, 50, 52], 12)).toEqual([0, 1, 2, 0, 1]);
  });

  it('caps the number of rows', () => {
    expect(markerRows([0, 0, 0, 0], 5, 2)).toEqual([0, 1, 1, 1]);
  });
});
