import { describe, expect, it } from 'vitest';
import { FIRST_WINDOW_ROWS, OVERSCAN_ROWS, rowWindow } from './rowWindow';

describe('rowWindow', () => {
  it('renders the first rows of a list it has not measured yet', () => {
    expect(rowWindow(100, null)).toEqual({ start: 0, end: FIRST_WINDOW_ROWS, padTop: 0, padBottom: 0 });
    expect(rowWindow(5, null)).toEqual({ start: 0, end: 5, padTop: 0, padBottom: 0 });
  });

  it('renders the rows in view and a few either side, and pads for the rest', () => {
    // 10 px rows, a 50 px view scrolled to row 40: rows 40-44 are in view.
    const w = rowWindow(100, { scrollTop: 400, viewHeight: 50, rowPitch: 10 }, 3);
    expect(w).toEqual({ start: 37, end: 48, padTop: 370, padBottom: 520 });
  });

  it('keeps the rows plus padding as tall as the whole list', () => {
    for (const scrollTop of [0, 13, 250, 990]) {
      const w = rowWindow(100, { scrollTop, viewHeight: 64, rowPitch: 10 });
      expect(w.padTop + (w.end - w.start) * 10 + w.padBottom).toBe(1000);
      expect(w.start).toBeLessThanOrEqual(Math.floor(scrollTop / 10));
      expect(w.end).toBeGreaterThanOrEqual(Math.min(100, Math.ceil((scrollTop + 64) / 10)));
    }
  });

  it('stays inside the list when scrolled past its end or before its start', () => {
    expect(rowWindow(10, { scrollTop: 5000, viewHeight: 50, rowPitch: 10 })).toEqual({ start: 10, end: 10, padTop: 100, padBottom: 0 });
    expect(rowWindow(10, { scrollTop: -20, viewHeight: 50, rowPitch: 10 }).start).toBe(0);
  });

  it('renders a short list whole', () => {
    expect(rowWindow(8, { scrollTop: 0, viewHeight: 300, rowPitch: 30 })).toEqual({ start: 0, end: 8, padTop: 0, padBottom: 0 });
  });

  it('overscans by OVERSCAN_ROWS by default', () => {
    const w = rowWindow(1000, { scrollTop: 1000, viewHeight: 100, rowPitch: 10 });
    expect([w.start, w.end]).toEqual([100 - OVERSCAN_ROWS, 110 + OVERSCAN_ROWS]);
  });
});
