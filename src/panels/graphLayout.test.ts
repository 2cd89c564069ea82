import { describe, expect, it } from 'vitest';
import { layoutGraph, type LayoutInput } from './graphLayout';

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
