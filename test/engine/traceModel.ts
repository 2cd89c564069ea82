/**
 * An independent, deliberately simple replay of a trace that checks the engine's events are
 * consistent with how asyncio's loop works: the head of the ready queue is what runs next,
 * timers leave the heap in (deadline, scheduling order), tasks change state only along legal
 * transitions. It is the oracle the engine and src/trace are both checked against.
 */
import type { HandleId, TaskId, Trace, TraceEvent } from '../../src/protocol/trace';

export type ModelTaskState = 'created' | 'ready' | 'running' | 'waiting' | 'done' | 'failed' | 'cancelled';

export interface StepSnapshot {
  readonly step: number;
  readonly ready: readonly HandleId[];
  readonly timers: readonly HandleId[];
  readonly states: ReadonlyMap<TaskId, ModelTaskState>;
}

export interface ModelResult {
  readonly problems: readonly string[];
  /** The state at the end of each step (index 0 = step 1). */
  readonly steps: readonly StepSnapshot[];
  readonly created: ReadonlySet<TaskId>;
  readonly ended: ReadonlySet<TaskId>;
}

type Target = Extract<TraceEvent, { e: 'sched' }>['on'];

export function replay(trace: Trace): ModelResult {
  const problems: string[] = [];
  const ready: HandleId[] = [];
  const timers = new Map<HandleId, number>();
  const cancelled = new Set<HandleId>();
  const targets = new Map<HandleId, Target>();
  const states = new Map<TaskId, ModelTaskState>();
  const created = new Set<TaskId>();
  const ended = new Set<TaskId>();
  const steps: StepSnapshot[] = [];
  let step = 0;
  let running: TaskId | null = null;
  let inStep = false;

  const closeStep = (): void => {
    if (!inStep) return;
    inStep = false;
    steps.push({ step, ready: ready.filter((h) => !cancelled.has(h)), timers: liveTimers(), states: new Map(states) });
  };
  const liveTimers = (): HandleId[] => sortedTimers(timers).filter((h) => !cancelled.has(h));
  const taskOf = (target: Target | undefined): TaskId | null =>
    target !== undefined && (target.k === 'step' || target.k === 'wakeup') ? target.task : null;
  const move = (task: TaskId, to: ModelTaskState, legalFrom: readonly ModelTaskState[], at: string): void => {
    const from = states.get(task);
    if (from === undefined) problems.push(`${at}: task ${task} was never created`);
    else if (!legalFrom.includes(from)) problems.push(`${at}: task ${task} went ${from} -> ${to}`);
    states.set(task, to);
  };

  const objects = new Set<number>();
  trace.events.forEach((event, i) => {
    const at = `event ${i} (${event.e})`;
    switch (event.e) {
      case 'task':
        if (created.has(event.id)) problems.push(`${at}: task ${event.id} created twice`);
        created.add(event.id);
        states.set(event.id, 'created');
        break;
      case 'sched': {
        if (targets.has(event.h)) problems.push(`${at}: handle ${event.h} scheduled twice`);
        targets.set(event.h, event.on);
        if (event.when === undefined) ready.push(event.h);
        else timers.set(event.h, event.when);
        const task = taskOf(event.on);
        if (task !== null && states.get(task) === 'waiting') states.set(task, 'ready');
        if (task !== null && !created.has(task)) problems.push(`${at}: handle for unknown task ${task}`);
        break;
      }
      case 'unsched':
        if (!timers.has(event.h) && !ready.includes(event.h)) problems.push(`${at}: cancelled handle ${event.h} is not queued`);
        cancelled.add(event.h);
        break;
      case 'iter': {
        closeStep();
        // Cancelled timers are dropped silently from the heap's top: compare live ones only.
        const due = event.due ?? [];
        const expected = liveTimers().slice(0, due.length);
        if (due.some((h, k) => expected[k] !== h)) {
          problems.push(`${at}: timers fired as ${due.join(',')} but the heap order was ${expected.join(',')}`);
        }
        for (const h of due) {
          if (!timers.has(h)) problems.push(`${at}: due timer ${h} was not in the heap`);
          if ((timers.get(h) ?? Infinity) > event.t + 1e-9) problems.push(`${at}: timer ${h} fired before its deadline`);
          timers.delete(h);
          ready.push(h);
        }
        for (const [h, when] of timers) if (cancelled.has(h) && when <= event.t) timers.delete(h);
        break;
      }
      case 'skip':
        if (ready[0] !== event.h) problems.push(`${at}: skipped ${event.h} but the head was ${ready[0]}`);
        else ready.shift();
        break;
      case 'run': {
        closeStep();
        // The loop also drops cancelled timers from the heap without an event; they never run.
        if (ready[0] !== event.h) problems.push(`${at}: ran ${event.h} but the ready queue's head was ${ready[0]}`);
        else ready.shift();
        step += 1;
        inStep = true;
        const task = taskOf(targets.get(event.h));
        running = task;
        if (task !== null) move(task, 'running', ['created', 'ready', 'waiting'], at);
        break;
      }
      case 'suspend':
      case 'yield':
      case 'done': {
        // An eager task (eager_task_factory, eager_start=True) runs its first step inside its
        // creator's step, with no handle: it ends that step straight from 'created', and the
        // creator's step goes on.
        const eager = event.task !== running && states.get(event.task) === 'created';
        if (!eager && event.task !== running) problems.push(`${at}: task ${event.task} ended a step but ${running} was running`);
        const to = event.e === 'suspend' ? 'waiting' : event.e === 'yield' ? 'ready' : event.outcome === 'result' ? 'done' : event.outcome === 'exception' ? 'failed' : 'cancelled';
        move(event.task, to, eager ? ['created'] : ['running'], at);
        if (event.e === 'done') ended.add(event.task);
        if (!eager) running = null;
        break;
      }
      case 'cancel':
      case 'uncancel':
        if (!created.has(event.task)) problems.push(`${at}: cancel of unknown task ${event.task}`);
        break;
      case 'obj':
        if (objects.has(event.o)) problems.push(`${at}: object ${event.o} announced twice`);
        if (event.by !== null && !created.has(event.by)) problems.push(`${at}: object made by unknown task ${event.by}`);
        objects.add(event.o);
        break;
      case 'objstate':
        // An object's state changes only after the step that made it announced it.
        if (!objects.has(event.o)) problems.push(`${at}: state of object ${event.o} before it was announced`);
        break;
      case 'cpu':
        // A step's CPU work is counted over the step: it can only be said inside one.
        if (!inStep) problems.push(`${at}: cpu work outside a step`);
        break;
      case 'line':
      case 'out':
      case 'block':
      case 'worker':
      case 'warn':
      case 'loop':
        break;
    }
  });
  closeStep();
  return { problems, steps, created, ended };
}

function sortedTimers(timers: ReadonlyMap<HandleId, number>): HandleId[] {
  return [...timers.entries()].sort((a, b) => a[1] - b[1] || a[0] - b[0]).map(([h]) => h);
}
