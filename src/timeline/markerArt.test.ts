import { describe, expect, it } from 'vitest';
import { DIAMOND, diamondPaths } from './markerArt';

/** The corners of each subpath ("M x y l dx dy l …z"), as absolute points. */
function diamonds(d: string): { x: number; y: number }[][] {
  return d
    .split('z')
    .filter((part) => part !== '')
    .map((part) => {
      const nums = part.replace(/[Ml]/g, ' ').trim().split(/\s+/).map(Number);
      const points = [{ x: nums[0] ?? NaN, y: nums[1] ?? NaN }];
      for (let i = 2; i < nums.length; i += 2) {
        const last = points[points.length - 1] ?? { x: NaN, y: NaN };
        points.push({ x: last.x + (nums[i] ?? NaN), y: last.y + (nums[i + 1] ?? NaN) });
      }
      return points;
    });
}

describe('diamondPaths', () => {
  it('draws each mark in its severity’s path: edge, gap and core around its centre', () => {
    const art = diamondPaths([
      { x: 10, y: 20, severity: 'error' },
      { x: 50, y: 8, severity: 'info' },
      { x: 70, y: 8, severity: 'error' },
    ]);
    expect(art.colour.warning).toBe('');
    const errors = diamonds(art.colour.error);
    expect(errors).toHaveLength(6); // two marks, three squares each
    const [edge, gap, core] = errors;
    // A square turned 45°: its top corner is half-side × √2 above the centre, and it closes.
    expect(edge?.[0]?.x).toBe(10);
    expect(edge?.[0]?.y).toBeCloseTo(20 - DIAMOND.edge * Math.SQRT2, 1);
    expect(gap?.[1]?.x).toBeCloseTo(10 + DIAMOND.gap * Math.SQRT2, 1);
    expect(core?.[2]?.y).toBeCloseTo(20 + DIAMOND.core * Math.SQRT2, 1);
    const info = diamonds(art.colour.info)[0]?.[0];
    expect(info?.x).toBe(50);
    expect(info?.y).toBeCloseTo(8 - DIAMOND.edge * Math.SQRT2, 1);
    // The light fill: one square per mark, whatever its severity.
    expect(diamonds(art.light)).toHaveLength(3);
  });

  it('draws nothing for no marks', () => {
    expect(diamondPaths([])).toEqual({ light: '', colour: { error: '', warning: '', info: '' } });
  });
});
