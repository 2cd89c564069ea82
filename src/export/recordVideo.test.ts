import { describe, expect, it } from 'vitest';
import { MAX_VIDEO_STEPS, videoRange } from './recordVideo';

describe('videoRange', () => {
  it('keeps a range inside the trace', () => {
    expect(videoRange(3, 10, 20)).toEqual({ from: 3, to: 10, clipped: false });
    expect(videoRange(-4, 99, 20)).toEqual({ from: 0, to: 20, clipped: false });
    expect(videoRange(15, 5, 20)).toEqual({ from: 15, to: 15, clipped: false });
    expect(videoRange(30, 40, 20)).toEqual({ from: 20, to: 20, clipped: false });
  });

  it('cuts a range longer than MAX_VIDEO_STEPS, and says so', () => {
    expect(videoRange(10, 100_000, 100_000)).toEqual({ from: 10, to: 10 + MAX_VIDEO_STEPS - 1, clipped: true });
  });
});
