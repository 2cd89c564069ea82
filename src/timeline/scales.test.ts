import { describe, expect, it } from 'vitest';
import { PLOT_PAD, defaultXAxis, makeXScale, maxZoom, playheadX, stepAtX, xDomain } from './scales';

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
  // 116 px wide: 100 px of plot between the two PLOT_PAD margins.
  const width = 100 + 2 * PLOT_PAD;

  it('maps step bands onto the width, inside the margins', () => {
    const x = makeXScale('step', 9, 0, width);
    expect(x(0)).toBe(PLOT_PAD);
    expect(x(10)).toBe(100 + PLOT_PAD);
    expect(playheadX('step', 4, x, noTime)).toBe(45 + PLOT_PAD);
  });

  it('turns a click back into the step whose band is under it', () => {
    const x = makeXScale('step', 9, 0, width);
    expect(stepAtX(45 + PLOT_PAD, x, 'step', 9, noTime)).toBe(4);
    expect(stepAtX(40 + PLOT_PAD, x, 'step', 9, noTime)).toBe(4);
    expect(stepAtX(39.9 + PLOT_PAD, x, 'step', 9, noTime)).toBe(3);
  });

  it('clamps clicks outside the run to its first and last step', () => {
    const x = makeXScale('step', 9, 0, width);
    expect(stepAtX(0, x, 'step', 9, noTime)).toBe(0);
    expect(stepAtX(500, x, 'step', 9, noTime)).toBe(9);
  });

  it('asks the trace which step a time means on the time axis', () => {
    const x = makeXScale('time', 9, 2, 200 + 2 * PLOT_PAD);
    const seen: number[] = [];
    const step = stepAtX(150 + PLOT_PAD, x, 'time', 9, (t) => {
      seen.push(t);
      return 7;
    });
    expect(seen).toEqual([1.5]);
    expect(step).toBe(7);
  });

  it('applies the zoom: 2x scale shows about half the domain', () => {
    const x = makeXScale('step', 9, 0, width, { k: 2, x: -width });
    const [lo, hi] = x.domain() as [number, number];
    expect(hi - lo).toBeCloseTo(5); // half of the 10 step bands
    expect(stepAtX(width / 2, x, 'step', 9, noTime)).toBe(Math.floor(x.invert(width / 2)));
  });
});

describe('maxZoom', () => {
  it('lets the user zoom in until four steps fill the plot', () => {
    expect(maxZoom('step', 99, 0)).toBe(25);
  });

  it('lets the user zoom in to 10 ms of virtual time', () => {
    expect(maxZoom('time', 10, 2)).toBe(200);
  });

  it('never goes below 1', () => {
    expect(maxZoom('step', 1, 0)).toBe(1);
  });
});
