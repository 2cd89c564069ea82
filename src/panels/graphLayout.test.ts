import { describe, expect, it } from 'vitest';
import { layoutGraph, placeGraph, type LayoutInput } from './graphLayout';

/** A Semaphore `o1` with `holders` holding it and `line` waiting in line for it. */
function semaphore(holders: readonly number[], line: readonly number[]): LayoutInput {
  const tasks = [...holders, ...line];
  return {
    nodes: [...tasks.map((t) => ({ key: `t${t}`, kind: 'task' as const })), { key: 'o1', kind: 'object' }],
    edges: [...holders.map((t) => ({ from: `t${t}`, to: 'o1' })), ...line.map((t) => ({ from: `t${t}`, to: 'o1' }))],
  };
}

describe('layoutGraph', () => {
  it('keeps every node where it was when only the edges changed', () => {
    const first = layoutGraph(semaphore([1, 2], [3, 4]), new Map());
    const next = layoutGraph(semaphore([1, 3], [2, 4]), first);
    for (const key of ['t1', 't2', 't3', 't4', 'o1']) expect(next.get(key)).toMatchObject({ x: first.get(key)?.x, y: first.get(key)?.y });
  });

  it('puts the tasks that came into the line where the ones that left were, and moves no one else', () => {
    const first = layoutGraph(semaphore([1, 2], [3, 4, 5]), new Map());
    // 1 and 2 released, 3 and 4 got in, 6 and 7 joined the line: the same shape, other tasks.
    const next = layoutGraph(semaphore([3, 4], [5, 6, 7]), first);
    const places = (layout: ReturnType<typeof layoutGraph>) =>
      [...layout.values()].map((p) => `${Math.round(p.x)},${Math.round(p.y)}`).sort();
    expect(places(next)).toEqual(places(first));
    for (const key of ['t3', 't4', 't5', 'o1']) expect(next.get(key)).toMatchObject({ x: first.get(key)?.x, y: first.get(key)?.y });
  });

  it('runs the simulation when a new node has no place to take (the graph grew)', () => {
    const first = layoutGraph(semaphore([1], [2]), new Map());
    const next = layoutGraph(semaphore([1], [2, 3, 4]), first);
    const t3 = next.get('t3');
    const t4 = next.get('t4');
    expect(t3).toBeDefined();
    expect(t4).toBeDefined();
    // Collision keeps them apart (radius 30 each): no two nodes share a place.
    expect(Math.hypot((t3?.x ?? 0) - (t4?.x ?? 0), (t3?.y ?? 0) - (t4?.y ?? 0))).toBeGreaterThan(20);
    expect(next.get('t3')).not.toMatchObject({ x: first.get('t2')?.x, y: first.get('t2')?.y });
  });
});

describe('placeGraph (the graph out of view: places without the simulation)', () => {
  it('keeps the nodes of the last layout where they were, and puts a newcomer beside a node it is tied to', () => {
    const first = layoutGraph(semaphore([1], [2]), new Map());
    const placed = placeGraph(semaphore([1], [2, 3]), first);
    for (const key of ['t1', 't2', 'o1']) expect(placed.get(key)).toMatchObject({ x: first.get(key)?.x, y: first.get(key)?.y });
    const t3 = placed.get('t3');
    const o1 = first.get('o1');
    // Beside its semaphore (40 px off), not at the origin where an unplaced node would sit.
    expect(Math.hypot((t3?.x ?? NaN) - (o1?.x ?? NaN), (t3?.y ?? NaN) - (o1?.y ?? NaN))).toBeCloseTo(40, 5);
    expect(placed.get('t3')).toMatchObject({ kind: 'task', ties: ['o1'] });
  });

  it('leaves its newcomers unsettled, and the next layoutGraph settles them (the graph comes into view)', () => {
    const first = layoutGraph(semaphore([1], [2]), new Map());
    const grown = semaphore([1], [2, 3, 4]);
    const placed = placeGraph(grown, first);
    expect(placed.get('t3')?.unsettled).toBe(true);
    expect(placed.get('t1')?.unsettled).toBeUndefined();
    // Out of view for a few more steps: still unsettled, still where they were put.
    const still = placeGraph(grown, placed);
    expect(still.get('t3')).toEqual(placed.get('t3'));
    const settled = layoutGraph(grown, still);
    expect([...settled.values()].some((p) => p.unsettled === true)).toBe(false);
    const t3 = settled.get('t3');
    const t4 = settled.get('t4');
    // Both were put 40 px from o1; the simulation pushed them apart (collision radius 30).
    expect(Math.hypot((t3?.x ?? 0) - (t4?.x ?? 0), (t3?.y ?? 0) - (t4?.y ?? 0))).toBeGreaterThan(20);
    expect(settled.get('t3')).not.toMatchObject({ x: placed.get('t3')?.x, y: placed.get('t3')?.y });
  });

  it('takes a vacated place as layoutGraph does (a line moving on)', () => {
    const first = layoutGraph(semaphore([1, 2], [3, 4, 5]), new Map());
    const next = semaphore([3, 4], [5, 6, 7]);
    expect([...placeGraph(next, first)]).toEqual([...layoutGraph(next, first)]);
  });
});
