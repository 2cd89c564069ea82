import { describe, expect, it } from 'vitest';
import type { FindingBase } from '../trace/findings/types';
import { findingMarks, MARK_MERGE_PX } from './findingMarks';

const finding = (steps: readonly number[], tasks: readonly number[], kind: FindingBase['kind'] = 'blocking-call'): FindingBase => ({
  kind,
  severity: 'warning',
  line: 3,
  step: steps[0] ?? 0,
  steps,
  tasks,
});

/** Tasks 1..4 on rows 0..3; 10 px per step. */
const rowOf = new Map([
  [1, 0],
  [2, 1],
  [3, 2],
  [4, 3],
]);
const all = { first: 0, end: 4 };
const x = (step: number) => step * 10 + 5;

describe('findingMarks', () => {
  it("puts a mark at each of a finding's steps on each of its tasks' lanes", () => {
    const marks = findingMarks([finding([2, 6], [3, 1])], rowOf, all, x, 1000);
    expect(marks.map((m) => [m.step, m.row, m.x])).toEqual([
      [2, 2, 25],
      [2, 0, 25],
      [6, 2, 65],
      [6, 0, 65],
    ]);
    expect(marks.every((m) => m.at === 0 && m.kind === 'blocking-call' && m.severity === 'warning')).toBe(true);
  });

  it('numbers marks by their finding, so a click chooses the right one', () => {
    const marks = findingMarks([finding([1], [1]), finding([4], [2], 'never-awaited')], rowOf, all, x, 1000);
    expect(marks.map((m) => [m.at, m.kind, m.row])).toEqual([
      [0, 'blocking-call', 0],
      [1, 'never-awaited', 1],
    ]);
  });

  it('puts a finding with no task that has a lane on the axis', () => {
    expect(findingMarks([finding([5], [])], rowOf, all, x, 1000).map((m) => m.row)).toEqual([null]);
    expect(findingMarks([finding([5], [99])], rowOf, all, x, 1000).map((m) => m.row)).toEqual([null]);
  });

  it('draws only the lanes in the window, and nothing on the axis for lanes scrolled away', () => {
    expect(findingMarks([finding([5], [1, 4])], rowOf, { first: 2, end: 4 }, x, 1000).map((m) => m.row)).toEqual([3]);
    expect(findingMarks([finding([5], [1])], rowOf, { first: 2, end: 4 }, x, 1000)).toEqual([]);
  });

  it('leaves out steps zoomed out of view', () => {
    expect(findingMarks([finding([1, 50, 200], [1])], rowOf, all, x, 600).map((m) => m.step)).toEqual([1, 50]);
  });

  it("merges one finding's marks that would overlap on a lane, so thousands of steps cost few marks", () => {
    const steps = Array.from({ length: 10_000 }, (_, i) => i);
    const marks = findingMarks([finding(steps, [1])], rowOf, all, (s) => s * 0.1, 1000);
    expect(marks.length).toBeLessThanOrEqual(Math.ceil(1000 / MARK_MERGE_PX) + 1);
    expect(marks.length).toBeGreaterThan(100);
    // Two findings at one spot both stay: each is its own button.
    expect(findingMarks([finding([3], [1]), finding([3], [1])], rowOf, all, x, 1000)).toHaveLength(2);
  });
});
