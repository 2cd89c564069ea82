/**
 * The objects' states Loopscope derives (objectsAt, from the engine's 'obj' and 'objstate'
 * events) agree with what CPython's objects held. Each program (programs.ts: the observer, then a body) has a task that
 * prints every object's internals (`_value`, `_locked`, `_waiters` mapped to the tasks awaiting
 * them, `_queue`...) at each of its steps; expected/ holds what real CPython 3.13 printed
 * (make-programs.sh). The engine runs the same program: its stdout must be CPython's, and at the
 * step of each such print, objectsAt must give the same line. The order tasks acquired in, as
 * the programs print it, must be the order they became holders.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Trace } from '../../src/protocol/trace';
import { objectName } from '../../src/i18n/objects';
import { awaitGraph, indexTrace, objectsAt, stepOfEvent, type ObjectState, type ObjectView, type TraceIndex } from '../../src/trace';
import { traceOf } from '../engine/sharedEngine';
import { OBJECTS_PROGRAMS, objectsProgram } from './programs';

const EXPECTED = new URL('./expected/', import.meta.url);
const names = OBJECTS_PROGRAMS;

/** A future's state as _show.py prints it from `_state`, `_result` and `_exception`. */
function outcome(s: ObjectState): string {
  switch (s.future) {
    case 'pending':
      return 'state=PENDING';
    case 'cancelled':
      return 'state=CANCELLED';
    case 'done':
      return s.error !== null ? `state=FINISHED exc=${s.error}` : `state=FINISHED result=${s.result ?? ''}`;
  }
}

/** The line _show.py prints, made from Loopscope's derived state. */
function showLine(view: ObjectView, index: TraceIndex, printed: string): string {
  const s = view.state;
  // show_done(): a gather's or TaskGroup's done count over all its children (past the 32 listed).
  if (printed.split(' ')[2]?.startsWith('done=') === true) return `@ ${objectName(view)} done=${s.childrenDone}/${s.childCount}`;
  // show_callbacks(): a Future's done callbacks other than its awaiters' wakeups.
  if (printed.includes(' callbacks=')) return `@ ${objectName(view)} Future ${outcome(s)} callbacks=${s.callbacks.join(',')}`;
  const taskName = (id: number): string => index.tasks[id - 1]?.name ?? '?';
  const line = (ids: readonly number[]): string => ids.map(taskName).join(',');
  const py = (b: boolean): string => (b ? 'True' : 'False');
  const name = objectName(view);
  // show_line(): a Semaphore's long line, as the trace keeps it (32 by name, then a count).
  if (printed.includes(' more=')) {
    return `@ ${name} ${view.kind} v=${s.value} wait=${line(s.waiters)} more=${s.waitersMore} woke=${line(s.woken)}`;
  }
  let state: string;
  switch (view.kind) {
    case 'Future':
      return `@ ${name} Future ${outcome(s)} wait=${line(s.waiters)}`;
    case 'gather':
      return `@ ${name} gather ${outcome(s)} done=${s.childrenDone}/${s.childCount} wait=${line(s.waiters)}`;
    case 'TaskGroup': {
      const running = s.running;
      const exiting = s.groupPhase === 'exiting' || s.groupPhase === 'done';
      return (
        `@ ${name} TaskGroup entered=${py(s.groupPhase !== 'new')} exiting=${py(exiting)} aborting=${py(s.aborting)}` +
        ` tasks=${running.map(taskName).sort().join(',')} parent=${s.parent === null || s.groupPhase === 'done' ? '-' : taskName(s.parent)}`
      );
    }
    case 'timeout': {
      // _show.py prints deadlines from main's start (CPython's clock is real; Loopscope's starts at main's first step).
      const t0 = index.steps[0]?.t ?? 0;
      const when = s.deadline === null ? 'None' : (s.deadline - t0).toFixed(1);
      return `@ ${name} timeout state=${s.timeout} when=${when} task=${s.guarded === null ? '-' : taskName(s.guarded)}`;
    }
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
  return `@ ${name} ${view.kind} ${state} wait=${line(s.waiters)}`;
}

interface Run {
  readonly trace: Trace;
  readonly index: TraceIndex;
}

async function run(name: string): Promise<Run> {
  const trace = await traceOf(objectsProgram(name));
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
          const printedName = printedLine.split(' ')[1];
          const view = views.find((v) => objectName(v) === printedName);
          printed.push(printedLine);
          derived.push(view === undefined ? `(no ${printedName ?? '?'})` : showLine(view, index, printedLine));
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

describe('the await graph of gather, TaskGroup and Future', () => {
  const named = (index: TraceIndex, graph: ReturnType<typeof awaitGraph>) => (key: string): string => {
    const node = graph.nodes.find((n) => n.key === key);
    if (node === undefined) return key;
    return node.kind === 'task' ? (index.tasks[node.task - 1]?.name ?? '?') : objectName(node.object);
  };
  const edgesAt = (index: TraceIndex, step: number, kind: string): string[] => {
    const graph = awaitGraph(index, { step });
    const name = named(index, graph);
    return graph.edges.filter((e) => e.kind === kind).map((e) => `${name(e.from)} ${e.kind} ${name(e.to)}`).sort();
  };

  it("gather's children are children of the task that awaits it, and gather is no node", async () => {
    const { index } = await run('gather.py');
    // The step where main first awaits `everyone` over k1, k3, k2 (none done yet).
    const step = index.steps.findIndex((_, i) => edgesAt(index, i + 1, 'child').length === 3) + 1;
    expect(step).toBeGreaterThan(0);
    expect(edgesAt(index, step, 'child')).toEqual(['k1 child Task-1', 'k2 child Task-1', 'k3 child Task-1']);
    for (let s = 0; s <= index.steps.length; s++) {
      expect(awaitGraph(index, { step: s }).nodes.some((n) => n.kind === 'object' && n.object.kind === 'gather')).toBe(false);
    }
  });

  it("a TaskGroup's running children are children of its parent task, and leave as they finish", async () => {
    const { index } = await run('taskgroup.py');
    const seen = new Set<string>();
    for (let s = 0; s <= index.steps.length; s++) for (const e of edgesAt(index, s, 'child')) seen.add(e);
    expect([...seen].sort()).toEqual(['a1 child Task-1', 'a2 child Task-1', 'b1 child Task-1', 'b3 child Task-1', 'b6 child Task-1']);
    expect(edgesAt(index, index.steps.length, 'child')).toEqual([]);
  });

  it('tasks awaiting a plain Future await it', async () => {
    const { index } = await run('future.py');
    const all = new Set<string>();
    for (let s = 0; s <= index.steps.length; s++) for (const e of edgesAt(index, s, 'awaits')) all.add(e);
    expect([...all].sort()).toEqual([
      'Task-1 awaits doomed',
      'Task-1 awaits plain',
      'Task-1 awaits setter', // a task: as before
      'Task-1 awaits watch',
      'w0 awaits answer',
      'w1 awaits answer',
    ]);
  });

  it("a parent that holds a lock and waits in its TaskGroup's exit for a child that wants the lock: a cycle", async () => {
    const source = [
      'import asyncio',
      'async def child(lock):',
      '    async with lock:',
      '        pass',
      'async def main():',
      '    lock = asyncio.Lock()',
      '    async with lock:',
      '        async with asyncio.TaskGroup() as tg:',
      '            tg.create_task(child(lock), name="kid")',
      '            await asyncio.sleep(0)',
      '            await asyncio.sleep(0)',
      'asyncio.run(main())',
      '',
    ].join('\n');
    const trace = await traceOf(source);
    const index = indexTrace(trace);
    expect(trace.end.kind).toBe('deadlock');
    const last = awaitGraph(index, { step: index.steps.length });
    const name = named(index, last);
    expect(last.edges.filter((e) => e.cycle).map((e) => `${name(e.from)} ${e.kind} ${name(e.to)}`).sort()).toEqual([
      'Task-1 holds lock',
      'kid child Task-1',
      'kid waits lock',
    ]);
    // While main still runs its body (sleeping), kid waits for the lock but main does not wait for kid.
    const body = index.steps.findIndex((_, i) => edgesAt(index, i + 1, 'waits').includes('kid waits lock')) + 1;
    expect(body).toBeGreaterThan(0);
    expect(awaitGraph(index, { step: body }).hasCycle).toBe(false);
  });
});

describe('a TaskGroup of more children than the trace lists', () => {
  it('40 children: the first 32 by id, 40 in all, those still running as they finish, all done at the end', async () => {
    const source = [
      'import asyncio',
      'async def work(n):',
      '    for _ in range(n % 4):',
      '        await asyncio.sleep(0)',
      'async def main():',
      '    async with asyncio.TaskGroup() as tg:',
      '        for n in range(40):',
      '            tg.create_task(work(n), name=f"c{n}")',
      '        tg.create_task(work(0), name="late")',
      'asyncio.run(main())',
      '',
    ].join('\n');
    const trace = await traceOf(source);
    const index = indexTrace(trace);
    const group = (step: number) => objectsAt(index, { step }).find((o) => o.kind === 'TaskGroup');
    const first = index.steps.findIndex((_, i) => group(i + 1) !== undefined) + 1;
    const opened = group(first);
    expect(opened?.state.childCount).toBe(41);
    expect(opened?.state.children.length).toBe(32);
    expect(opened?.state.runningCount).toBe(41);
    expect(opened?.state.running.map((id) => index.tasks[id - 1]?.name).slice(0, 3)).toEqual(['c0', 'c1', 'c2']);
    // Along the run, the children still running shrink, and never list a task that has left _tasks twice.
    let last = 41;
    for (let step = first; step <= index.steps.length; step++) {
      const s = group(step)?.state;
      expect(s?.runningCount).toBeLessThanOrEqual(last);
      last = s?.runningCount ?? last;
      expect(s?.childrenDone).toBe(41 - (s?.runningCount ?? 0));
    }
    const end = group(index.steps.length);
    expect(end?.state.groupPhase).toBe('done');
    expect(end?.state.running).toEqual([]);
    expect(end?.state.childrenDone).toBe(41);
  });
});

describe('plain Futures made with asyncio.Future() and not awaited where they were made', () => {
  it('are objects from the step that made them, at the line of asyncio.Future(), by the task that made them', async () => {
    const name = 'future_unawaited.py';
    const source = objectsProgram(name);
    const { trace, index } = await run(name);
    const madeAt = source.split('\n').flatMap((text, i) => (text.includes('asyncio.Future()') && !text.trimStart().startsWith('#') ? [i + 1] : []));
    const made = trace.events.flatMap((e, i) => (e.e === 'obj' && e.kind === 'Future' ? [{ e, i }] : []));
    // signal, handoff, and the two of the list comprehension: each at its own line of creation.
    expect(made.map(({ e }) => e.l)).toEqual([madeAt[0], madeAt[1], madeAt[2], madeAt[2]]);
    expect(made.map(({ e }) => e.name ?? null)).toEqual(['signal', 'handoff', null, 'failed']);
    const main = index.tasks.find((t) => t.name === 'Task-1');
    expect(made.every(({ e }) => e.by === main?.id)).toBe(true);
    // Announced in the step that made it, before anybody awaited it: signal is never awaited at all.
    const signalStep = stepOfEvent(index, made[0]?.i ?? -1);
    const signal = objectsAt(index, { step: signalStep }).find((o) => o.name === 'signal');
    expect(signal?.state.future).toBe('pending');
    expect(signal?.state.callbacks).toEqual(['on_done']);
  });
});
