/**
 * The objects' states Loopscope derives (objectsAt, from the engine's 'obj' and 'objstate'
 * events) agree with what CPython's objects held. Each program in programs/ has a task that
 * prints every object's internals (`_value`, `_locked`, `_waiters` mapped to the tasks awaiting
 * them, `_queue`...) at each of its steps; expected/ holds what real CPython 3.13 printed
 * (make-programs.sh). The engine runs the same program: its stdout must be CPython's, and at the
 * step of each such print, objectsAt must give the same line. The order tasks acquired in, as
 * the programs print it, must be the order they became holders.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Trace } from '../../src/protocol/trace';
import { awaitGraph, indexTrace, objectsAt, stepOfEvent, type ObjectView, type TraceIndex } from '../../src/trace';
import { traceOf } from '../engine/sharedEngine';

const DIR = new URL('./programs/', import.meta.url);
const EXPECTED = new URL('./expected/', import.meta.url);
const names = readdirSync(DIR).filter((n) => n.endsWith('.py') && !n.startsWith('_'));

/** The line _show.py prints, made from Loopscope's derived state. */
function showLine(view: ObjectView, taskName: (id: number) => string): string {
  const s = view.state;
  const line = (ids: readonly number[]): string => ids.map(taskName).join(',');
  const py = (b: boolean): string => (b ? 'True' : 'False');
  let state: string;
  switch (view.kind) {
    case 'Lock':
    case 'Condition':
      state = `locked=${py(s.locked)}`;
      break;
    case 'Semaphore':
    case 'BoundedSemaphore':
      state = `v=${s.value}`;
      break;
    case 'Event':
      state = `set=${py(s.set)}`;
      break;
    case 'Barrier':
      state = `n=${s.count} phase=${s.phase}`;
      break;
    case 'Queue':
    case 'PriorityQueue':
    case 'LifoQueue':
      state = `items=[${s.items.join('|')}] unf=${s.unfinished} put=${line(s.putters)} join=${line(s.joiners)}`;
      break;
  }
  return `@ ${view.name ?? '?'} ${view.kind} ${state} wait=${line(s.waiters)}`;
}

interface Run {
  readonly trace: Trace;
  readonly index: TraceIndex;
}

async function run(name: string): Promise<Run> {
  const trace = await traceOf(readFileSync(new URL(name, DIR), 'utf8'));
  return { trace, index: indexTrace(trace) };
}

describe('object states agree with CPython 3.13', () => {
  for (const name of names) {
    it(name, async () => {
      const { trace, index } = await run(name);
      const expected = readFileSync(new URL(name.replace(/\.py$/, '.txt'), EXPECTED), 'utf8');
      expect(trace.stdout).toBe(expected);
      const taskName = (id: number): string => index.tasks[id - 1]?.name ?? '?';
      const derived: string[] = [];
      const printed: string[] = [];
      trace.events.forEach((e, i) => {
        if (e.e !== 'out' || !e.s.startsWith('@ ')) return;
        const step = stepOfEvent(index, i);
        const views = objectsAt(index, { step });
        for (const printedLine of e.s.trimEnd().split('\n')) {
          const objectName = printedLine.split(' ')[1];
          const view = views.find((v) => v.name === objectName);
          printed.push(printedLine);
          derived.push(view === undefined ? `(no ${objectName ?? '?'})` : showLine(view, taskName));
        }
      });
      expect(printed.length).toBeGreaterThan(3);
      expect(derived).toEqual(printed);

      // Holders: each "acquired X" print comes with X among the holders at that step, and tasks
      // became holders in the order the program printed.
      const acquiredOrder: string[] = [];
      const holderOrder: string[] = [];
      let lastHolders: readonly number[] = [];
      trace.events.forEach((e, i) => {
        if (e.e !== 'out') return;
        const step = stepOfEvent(index, i);
        for (const line of e.s.split('\n')) {
          if (!line.startsWith('acquired ')) continue;
          const who = line.slice('acquired '.length);
          acquiredOrder.push(who);
          const holders = objectsAt(index, { step }).flatMap((v) => v.state.holders.map(taskName));
          expect(holders, `${who} holds at step ${step}`).toContain(who);
        }
      });
      for (let step = 0; step <= index.steps.length; step++) {
        const holders = objectsAt(index, { step }).flatMap((v) => v.state.holders);
        for (const h of holders) if (!lastHolders.includes(h)) holderOrder.push(taskName(h));
        lastHolders = holders;
      }
      if (acquiredOrder.length > 0) expect(holderOrder).toEqual(acquiredOrder);
    });
  }
});

describe('the await graph', () => {
  it('draws a lock-order deadlock as a cycle: t1 holds a and waits for b, t2 holds b and waits for a', async () => {
    const { trace, index } = await run('deadlock.py');
    expect(trace.end.kind).toBe('deadlock');
    const graph = awaitGraph(index, { step: index.steps.length });
    const named = (key: string): string => {
      const node = graph.nodes.find((n) => n.key === key);
      if (node === undefined) return key;
      return node.kind === 'task' ? (index.tasks[node.task - 1]?.name ?? '?') : (node.object.name ?? '?');
    };
    const cycle = graph.edges.filter((e) => e.cycle).map((e) => `${named(e.from)} ${e.kind} ${named(e.to)}`);
    expect(cycle.sort()).toEqual(['t1 holds a', 't1 waits b', 't2 holds b', 't2 waits a']);
    // main awaits gather over t1 and t2: tied to the cycle, not on it.
    expect(graph.edges.filter((e) => e.kind === 'child' && !e.cycle).length).toBe(2);
  });

  it('has no cycle while tasks only stand in line (the semaphore program at each step)', async () => {
    const { index } = await run('semaphore.py');
    let waitEdges = 0;
    for (let step = 0; step <= index.steps.length; step++) {
      const graph = awaitGraph(index, { step });
      expect(graph.hasCycle).toBe(false);
      waitEdges = Math.max(waitEdges, graph.edges.filter((e) => e.kind === 'waits').length);
    }
    expect(waitEdges).toBe(3); // d2, d3, d4 in line at once
  });
});
