import { describe, expect, it } from 'vitest';
import { defaultXAxis, makeXScale, maxZoom, playheadX, stepAtX, xDomain } from './scales';

describe('defaultXAxis', () => {
  it('uses the step axis when the clock never moved', () => {
    expect(defaultXAxis([0, 0, 0], 0)).toBe('step');
  });

  it('uses the step axis when steps bunch on a few instants', () => {
    // The usual demo: a burst at t=0, then two steps after each sleep.
    const times = [0, 0, 0, 0, 0, 1, 1, 2, 2, 3, 3];
    expect(defaultXAxis(times, 3)).toBe('step');
  });

  it('uses the time axis when steps spread over the clock', () => {
    const times = Array.from({ length: 40 }, (_, i) => i * 0.25);
    expect(defaultXAxis(times, 10)).toBe('time');
  });

  it('uses the step axis for an empty run', () => {
    expect(defaultXAxis([], 5)).toBe('step');
  });
});

describe('xDomain', () => {
  it('gives every step a band, step 0 included', () => {
    expect(xDomain('step', 10, 3)).toEqual([0, 11]);
  });

  it('spans the run in seconds, and one second when no time passed', () => {
    expect(xDomain('time', 10, 3)).toEqual([0, 3]);
    expect(xDomain('time', 10, 0)).toEqual([0, 1]);
  });
});

describe('makeXScale and stepAtX', () => {
  const noTime = (): number => 0;

  it('maps step bands onto the width', () => {
    const x = makeXScale('step', 9, 0, 100);
    expect(x(0)).toBe(0);
    expect(x(10)).toBe(100);
    expect(playheadX('step', 4, x, noTime)).toBe(45);
  });

  it('turns a click back into the step whose band is under it', () => {
    const x = makeXScale('step', 9, 0, 100);
    expect(stepAtX(45, x, 'step', 9, noTime)).toBe(4);
    expect(stepAtX(40, x, 'step', 9, noTime)).toBe(4);
    expect(stepAtX(39.9, x, 'step', 9, noTime)).toBe(3);
  });

  it('clamps clicks outside the run to its first and last step', () => {
    const x = makeXScale('step', 9, 0, 100);
    expect(stepAtX(-20, x, 'step', 9, noTime)).toBe(0);
    expect(stepAtX(500, x, 'step', 9, noTime)).toBe(9);
  });

  it('asks the trace which step a time means on the time axis', () => {
    const x = makeXScale('time', 9, 2, 200);
    const seen: number[] = [];
    const step = stepAtX(150, x, 'time', 9, (t) => {
      seen.push(t);
      return 7;
    });
    expect(seen).toEqual([1.5]);
    expect(step).toBe(7);
  });

  it('applies the zoom: 2x scale shows half the domain', () => {
    const x = makeXScale('step', 9, 0, 100, { k: 2, x: -100 });
    expect(x.domain()).toEqual([5, 10]);
    expect(stepAtX(10, x, 'step', 9, noTime)).toBe(5);
  });
});

describe('maxZoom', () => {
  it('lets one step grow to about 40 px', () => {
    expect(maxZoom('step', 99, 0, 1000)).toBe(4);
  });

  it('never goes below 1', () => {
    expect(maxZoom('step', 3, 0, 1000)).toBe(1);
  });
});
