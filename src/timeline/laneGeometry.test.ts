import { describe, expect, it } from 'vitest';
import type { TaskState } from '../trace/types';
import { LANE_HEIGHT, VIRTUALISE_ABOVE, laneCenterY, linkPath, segmentRects, visibleLanes } from './laneGeometry';

interface Seg {
  readonly state: TaskState;
  readonly from: number;
  readonly to: number;
}
const span = (s: Seg): readonly [number, number] => [s.from, s.to];

describe('visibleLanes', () => {
  it('renders every lane of a small run', () => {
    expect(visibleLanes(500, 100, 12)).toEqual({ first: 0, end: 12 });
  });

  it('renders only the lanes on screen plus overscan for a huge run', () => {
    const w = visibleLanes(100 * LANE_HEIGHT, 10 * LANE_HEIGHT, 100_000, 2);
    expect(w).toEqual({ first: 98, end: 112 });
  });

  it('stays inside the lane count', () => {
    const n = VIRTUALISE_ABOVE + 1;
    expect(visibleLanes(n * LANE_HEIGHT, 400, n, 3).end).toBe(n);
    expect(visibleLanes(0, 400, n, 3).first).toBe(0);
  });
});

describe('laneCenterY', () => {
  it('is the middle of the lane', () => {
    expect(laneCenterY(0)).toBe(LANE_HEIGHT / 2);
    expect(laneCenterY(3)).toBe(3.5 * LANE_HEIGHT);
  });
});

describe('segmentRects', () => {
  it('draws wide segments as they are', () => {
    const rects = segmentRects<Seg>(
      [
        { state: 'ready', from: 0, to: 10 },
        { state: 'running', from: 10, to: 30 },
      ],
      span,
      100,
    );
    expect(rects.map((r) => [r.x, r.width, r.state, r.count])).toEqual([
      [0, 10, 'ready', 1],
      [10, 20, 'running', 1],
    ]);
  });

  it('widens a zero-width segment so it stays visible', () => {
    const [rect] = segmentRects<Seg>([{ state: 'running', from: 50, to: 50 }], span, 100);
    expect(rect?.width).toBe(2);
  });

  it('skips segments outside the plot', () => {
    const segs: Seg[] = Array.from({ length: 100 }, (_, i) => ({ state: 'waiting', from: i * 10, to: i * 10 + 10 }));
    const rects = segmentRects(segs, span, 95);
    expect(rects[0]?.segment).toBe(segs[0]);
    expect(rects.length).toBe(10);
  });

  it('merges a pile of sub-pixel segments, keeping the running one visible', () => {
    const segs: Seg[] = [
      { state: 'waiting', from: 5, to: 5.1 },
      { state: 'running', from: 5.1, to: 5.2 },
      { state: 'ready', from: 5.2, to: 5.3 },
      { state: 'waiting', from: 5.3, to: 40 },
    ];
    const rects = segmentRects(segs, span, 100);
    expect(rects.map((r) => [r.state, r.count])).toEqual([
      ['running', 3],
      ['waiting', 1],
    ]);
  });

  it('turns 100k steps into a handful of rectangles per pixel', () => {
    const segs: Seg[] = Array.from({ length: 100_000 }, (_, i) => ({
      state: i % 2 ? 'running' : 'waiting',
      from: i / 1000,
      to: (i + 1) / 1000,
    }));
    expect(segmentRects(segs, span, 100).length).toBeLessThanOrEqual(100);
  });
});

describe('linkPath', () => {
  it('draws an elbow from the parent down to the child', () => {
    expect(linkPath(10, 12, 30, 60)).toBe('M10,12V60H30');
  });
});
