import { describe, expect, it } from 'vitest';
import { leavingCount, MAX_LEAVING, withLeavingItems } from './leavingItems';

const id = (n: number): number => n;
const show = (prev: number[], next: number[]): string =>
  withLeavingItems(prev, next, id)
    .map((s) => (s.leaving ? `-${s.item}` : `${s.item}`))
    .join(' ');

describe('withLeavingItems', () => {
  it('keeps the popped head in front while new handles join the tail', () => {
    expect(show([1, 2, 3], [2, 3, 4])).toBe('-1 2 3 4');
  });

  it('shows everything as new when the list was empty', () => {
    expect(show([], [5, 6])).toBe('5 6');
  });

  it('shows everything leaving when the list empties', () => {
    expect(show([5, 6], [])).toBe('-5 -6');
  });

  it('keeps a removed middle item at its place', () => {
    expect(show([1, 2, 3], [1, 3])).toBe('1 -2 3');
  });

  it('never shows an item twice when the order changed', () => {
    expect(show([1, 2, 3], [3, 1, 2])).toBe('3 1 2');
  });
});

describe('withLeavingItems after a jump', () => {
  it('shows only the new list when more than MAX_LEAVING items left', () => {
    const before = Array.from({ length: MAX_LEAVING + 1 }, (_, i) => i);
    const after = [100, 101];
    expect(show(before, after)).toBe('100 101');
    expect(leavingCount(before, after, id)).toBe(MAX_LEAVING + 1);
  });
});
