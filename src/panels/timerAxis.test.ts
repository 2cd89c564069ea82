import { describe, expect, it } from 'vitest';
import { clockChanges, clockJump, clockTrail, markerGroups, markerRows, timerDomain } from './timerAxis';

// Clock at steps 0..8: a burst at 0, one step at 1 s, three at 2.5 s, two at 4 s.
const times = [0, 0, 0, 1, 2.5, 2.5, 2.5, 4, 4];
const changes = clockChanges((s) => times[s] ?? 0, times.length - 1);

describe('clockChanges', () => {
  it('lists the steps where the clock read something new', () => {
    expect(changes).toEqual([
      { step: 0, t: 0 },
      { step: 3, t: 1 },
      { step: 4, t: 2.5 },
      { step: 7, t: 4 },
    ]);
  });
});

describe('clockTrail', () => {
  it('lists the earlier clock readings, most recent first', () => {
    expect(clockTrail(changes, 8)).toEqual([2.5, 1, 0]);
    expect(clockTrail(changes, 7, 2)).toEqual([2.5, 1]);
  });

  it('is empty before the clock first moved', () => {
    expect(clockTrail(changes, 2)).toEqual([]);
    expect(clockTrail(changes, 0)).toEqual([]);
  });

  it('keeps one change for a long run that never moves the clock', () => {
    const still = clockChanges(() => 0, 100_000);
    expect(still).toEqual([{ step: 0, t: 0 }]);
    expect(clockTrail(still, 100_000)).toEqual([]);
  });

  it('follows a clock that restarts with a second event loop', () => {
    const restarted = clockChanges((s) => [0, 2, 2, 0, 1][s] ?? 0, 4);
    expect(clockTrail(restarted, 4)).toEqual([0, 2, 0]);
    expect(clockJump(restarted, 3)).toEqual({ from: 2, to: 0 });
  });
});

describe('clockJump', () => {
  it('reports the jump into a step where the clock moved', () => {
    expect(clockJump(changes, 4)).toEqual({ from: 1, to: 2.5 });
  });

  it('is null when the clock stayed, and at step 0', () => {
    expect(clockJump(changes, 5)).toBeNull();
    expect(clockJump(changes, 0)).toBeNull();
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

describe('markerGroups', () => {
  it('draws timers a few pixels apart as one marker that counts them', () => {
    expect(markerGroups([10, 10, 12, 30, 31, 60], 3)).toEqual([
      { first: 0, count: 3, x: 10 },
      { first: 3, count: 2, x: 30 },
      { first: 5, count: 1, x: 60 },
    ]);
  });

  it('measures from the group\'s first marker, so a long ramp does not become one group', () => {
    expect(markerGroups([0, 2, 4, 6, 8], 3).map((g) => g.count)).toEqual([2, 2, 1]);
  });

  it('has no groups for no timers', () => {
    expect(markerGroups([], 3)).toEqual([]);
  });
});
