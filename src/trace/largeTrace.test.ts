/**
 * A 100,000-step trace (1,000 workers sleeping in turns, cancellations, skipped callbacks,
 * blocking sleeps, yields, a run stopped mid-step) checked against a naive reference replay at
 * 200 random cursors: keyframes, copy-on-seek and the sorted timer heap must not change a thing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { AwaitFrame, AwaitTarget, HandleTarget, TraceEvent } from '../protocol/trace';
import { cancellations } from './cancellations';
import { generateTrace } from './fixtures/generateTrace';
import { indexTrace } from './indexTrace';
import { taskLanes } from './lanes';
import { stateAt } from './stateAt';
import type { Cursor, LoopState, TaskState, TraceIndex } from './types';

// ------------------------------------------------------------------ the reference replay
// Written from the rules, with the plainest data structures (arrays, linear searches), and
// sharing no code with src/trace.

interface RefTask {
  id: number;
  state: TaskState;
  line: number | null;
  on?: AwaitTarget;
  stack?: readonly AwaitFrame[];
}

interface RefState {
  step: number;
  t: number;
  iteration: number;
  ready: { h: number; cancelled: boolean }[];
  timers: { h: number; when: number; cancelled: boolean }[];
  tasks: RefTask[];
  line: number | null;
  eventCount: number;
}

/** Where each step ends, counted without src/trace: at the next `iter`/`run`, the last step at the end. */
function stepEnds(events: readonly TraceEvent[]): number[] {
  const runs: number[] = [];
  events.forEach((e, i) => {
    if (e.e === 'run') runs.push(i);
  });
  const ends: number[] = [];
  const nextLoopEvent = (from: number): number => {
    for (let i = from; i < events.length; i++) {
      const k = events[i]?.e;
      if (k === 'iter' || k === 'run') return i;
    }
    return events.length;
  };
  ends.push(runs.length === 0 ? events.length : nextLoopEvent(0));
  runs.forEach((r, k) => ends.push(k === runs.length - 1 ? events.length : nextLoopEvent(r + 1)));
  return ends;
}

/** Replays all events once, taking a snapshot whenever the count reaches one of `cuts` (sorted). */
function referenceSnapshots(events: readonly TraceEvent[], cuts: readonly number[]): Map<number, RefState> {
  const targets = new Map<number, HandleTarget>();
  const whens = new Map<number, number>();
  const cancelled = new Set<number>();
  const ready: number[] = [];
  const timers: number[] = [];
  const tasks: RefTask[] = [];
  let t = 0;
  let iteration = 0;
  let step = 0;
  let stepTask: number | null = null;
  let stepTarget: HandleTarget | null = null;
  let lastLine: number | null = null;
  const out = new Map<number, RefState>();
  const finished = (s: TaskState) => s === 'done' || s === 'failed' || s === 'cancelled';
  const remove = (list: number[], h: number) => {
    const at = list.indexOf(h);
    if (at >= 0) list.splice(at, 1);
  };

  const snapshot = (count: number): RefState => {
    const copy = tasks.map((task) => ({ ...task }));
    if (stepTask !== null && lastLine !== null && copy[stepTask - 1]?.state === 'running') {
      (copy[stepTask - 1] as RefTask).line = lastLine;
    }
    let line = lastLine;
    if (line === null && stepTarget !== null) {
      const owner = stepTask ?? ('task' in stepTarget ? stepTarget.task : null);
      line = owner === null ? null : (copy[owner - 1]?.line ?? null);
    }
    return {
      step,
      t,
      iteration,
      ready: ready.map((h) => ({ h, cancelled: cancelled.has(h) })),
      timers: timers.map((h) => ({ h, when: whens.get(h) ?? NaN, cancelled: cancelled.has(h) })),
      tasks: copy,
      line,
      eventCount: count,
    };
  };

  let next = 0;
  for (let i = 0; i <= events.length; i++) {
    while (next < cuts.length && cuts[next] === i) out.set(i, snapshot((cuts[next++] as number)));
    const e = events[i];
    if (e === undefined) break;
    switch (e.e) {
      case 'task':
        tasks[e.id - 1] = { id: e.id, state: 'ready', line: null };
        break;
      case 'sched': {
        targets.set(e.h, e.on);
        if (e.when === undefined) {
          ready.push(e.h);
          if (e.on.k === 'step' || e.on.k === 'wakeup') {
            const task = tasks[e.on.task - 1];
            if (task?.state === 'waiting') tasks[e.on.task - 1] = { id: task.id, state: 'ready', line: task.line };
          }
        } else {
          whens.set(e.h, e.when);
          const when = e.when;
          let at = timers.findIndex((h) => (whens.get(h) as number) > when || ((whens.get(h) as number) === when && h > e.h));
          if (at < 0) at = timers.length;
          timers.splice(at, 0, e.h);
        }
        break;
      }
      case 'unsched':
        cancelled.add(e.h);
        break;
      case 'iter':
        t = e.t;
        iteration = e.n;
        while (timers.length > 0 && cancelled.has(timers[0] as number)) timers.shift();
        for (const h of e.due ?? []) {
          remove(timers, h);
          ready.push(h);
        }
        for (const h of [...timers]) if (cancelled.has(h) && (whens.get(h) as number) <= t) remove(timers, h);
        break;
      case 'skip':
        remove(ready, e.h);
        break;
      case 'run': {
        remove(ready, e.h);
        step++;
        stepTarget = targets.get(e.h) ?? null;
        stepTask = stepTarget !== null && (stepTarget.k === 'step' || stepTarget.k === 'wakeup') ? stepTarget.task : null;
        lastLine = null;
        const task = stepTask === null ? undefined : tasks[stepTask - 1];
        if (task !== undefined && !finished(task.state)) tasks[task.id - 1] = { id: task.id, state: 'running', line: task.line };
        break;
      }
      case 'line':
        lastLine = e.l;
        break;
      case 'suspend':
        tasks[e.task - 1] = { id: e.task, state: 'waiting', line: e.l, on: e.on, ...(e.stack ? { stack: e.stack } : {}) };
        break;
      case 'yield':
        tasks[e.task - 1] = { id: e.task, state: 'ready', line: e.l };
        break;
      case 'done': {
        const prev = tasks[e.task - 1];
        const state: TaskState = e.outcome === 'result' ? 'done' : e.outcome === 'exception' ? 'failed' : 'cancelled';
        const line = e.task === stepTask && lastLine !== null ? lastLine : (prev?.line ?? null);
        tasks[e.task - 1] = { id: e.task, state, line };
        break;
      }
      case 'block':
        t += e.d;
        break;
      case 'loop':
        if (!e.open) {
          ready.length = 0;
          timers.length = 0;
        }
        break;
      default:
        break;
    }
  }
  return out;
}

function comparable(s: LoopState): RefState {
  return {
    step: s.step,
    t: s.t,
    iteration: s.iteration,
    ready: s.readyQueue.map((r) => ({ h: r.h, cancelled: r.cancelled })),
    timers: s.timerHeap.map((r) => ({ h: r.h, when: r.when, cancelled: r.cancelled })),
    tasks: s.tasks.map((task) => ({ ...task })),
    line: s.line,
    eventCount: s.eventCount,
  };
}

// ------------------------------------------------------------------ the test

function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a * 1103515245 + 12345) % 2147483648;
    return a / 2147483648;
  };
}

describe('a 100,000-step trace', () => {
  let index: TraceIndex;
  let cursors: { cursor: Cursor; cut: number }[];

  beforeAll(() => {
    const trace = generateTrace({ workers: 1000, steps: 100_000, seed: 7 });
    index = indexTrace(trace);
    const events = trace.events;
    const ends = stepEnds(events);
    const rnd = random(42);
    const lastStep = ends.length - 1;
    const picks = [0, 1, 2, lastStep, lastStep - 1];
    while (picks.length < 200) picks.push(Math.floor(rnd() * (lastStep + 1)));
    cursors = picks.map((step, k) => {
      const from = step === 0 ? 0 : (ends[step - 1] as number);
      const lines: number[] = [];
      for (let i = from; i < (ends[step] as number); i++) if (events[i]?.e === 'line') lines.push(i);
      if (step > 0 && k % 2 === 1 && lines.length > 0) {
        const line = Math.floor(rnd() * lines.length);
        return { cursor: { step, line }, cut: (lines[line] as number) + 1 };
      }
      return { cursor: { step }, cut: ends[step] as number };
    });
  });

  it('is as big as the brief says', () => {
    expect(index.steps.length).toBe(100_000);
    expect(index.tasks.length).toBe(1001);
    expect(index.trace.events.length).toBeGreaterThan(450_000);
  });

  it('stateAt matches a naive full replay at 200 random cursors', () => {
    const reference = referenceSnapshots(
      index.trace.events,
      [...new Set(cursors.map((c) => c.cut))].sort((a, b) => a - b),
    );
    for (const { cursor, cut } of cursors) {
      const expected = reference.get(cut);
      const actual = comparable(stateAt(index, cursor));
      expect({ cursor, ...actual }).toEqual({ cursor, ...expected });
    }
  });

  it('a run stopped in the middle of a task’s step leaves that task running', () => {
    // The step limit stops wherever it falls: find a small run where it falls in a task's step.
    for (let steps = 50; steps < 80; steps++) {
      const small = indexTrace(generateTrace({ workers: 5, steps, seed: 3 }));
      const last = stateAt(small, { step: steps });
      const task = last.current?.task ?? null;
      if (task === null) continue;
      expect(last.tasks[task - 1]?.state).toBe('running');
      const lastEvent = small.trace.events.at(-1);
      if (lastEvent?.e === 'line') expect(last.line).toBe(lastEvent.l);
      return;
    }
    throw new Error('no run stopped inside a task step');
  });

  it('lanes agree with stateAt: the state at the end of each sampled step’s band', () => {
    const lanes = taskLanes(index);
    for (const { cursor } of cursors.slice(0, 30)) {
      const s = cursor.step;
      const state = stateAt(index, { step: s });
      const runsNext = index.steps[s]?.task ?? null;
      for (const lane of lanes) {
        const id = lane.task.id;
        if (lane.task.createdStep > s || id === runsNext) continue;
        const x = s + 1;
        let seg = lane.segments[0];
        for (const candidate of lane.segments) if (candidate.fromStep <= x) seg = candidate;
        expect([s, id, seg?.state]).toEqual([s, id, state.tasks[id - 1]?.state]);
      }
    }
  });

  it('lanes are contiguous and end where their task ended', () => {
    const problems: string[] = [];
    for (const lane of taskLanes(index)) {
      const segs = lane.segments;
      for (let i = 1; i < segs.length; i++) {
        const a = segs[i - 1];
        const b = segs[i];
        if (a?.toStep !== b?.fromStep || a?.toT !== b?.fromT) problems.push(`task ${lane.task.id}: gap at segment ${i}`);
      }
      const end = segs[segs.length - 1];
      if (lane.task.end !== undefined ? end?.fromStep !== end?.toStep : end?.toStep !== index.steps.length + 1) {
        problems.push(`task ${lane.task.id}: bad end`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('cancellations: odd workers let CancelledError propagate, even ones swallow it', () => {
    const list = cancellations(index);
    expect(list.length).toBeGreaterThan(20);
    for (const c of list) {
      if (c.outcome === 'pending') continue;
      const worker = c.target - 2;
      const started = c.delivered?.line !== null;
      expect([c.target, c.outcome]).toEqual([c.target, started && worker % 2 === 0 ? 'swallowed' : 'propagated']);
      expect(index.steps[(c.delivered?.step as number) - 1]?.delivered).toBe('CancelledError');
    }
  });

  it('seeks fast at any step', () => {
    const times: number[] = [];
    for (const { cursor } of cursors) {
      const start = performance.now();
      stateAt(index, cursor);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    // The budget is one 60 fps frame; the typical seek is well under a millisecond (bench/).
    expect(times[Math.floor(times.length / 2)]).toBeLessThan(16);
  });
});
