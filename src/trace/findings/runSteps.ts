/**
 * What the findings read from a run, found in one pass over its events and shared by every
 * kind's analysis (cached per index): the few events they look at (blocks, warnings,
 * cancellations) and where each happened — inside which loop step (1..M), or outside any step
 * (-1: top-level code before, between or after the event loops, and the loop's own bookkeeping).
 */
import type { HandleTarget, Line, TaskId } from '../../protocol/trace';
import { taskLabel } from '../describe';
import type { TaskLabel } from '../narration';
import type { TraceIndex } from '../types';

export interface RunFacts {
  /** Event indices of `block`, `cpu`, `warn`, `cancel`, `uncancel` and `loop` events, in order. */
  readonly blocks: readonly number[];
  readonly cpu: readonly number[];
  readonly warns: readonly number[];
  readonly cancels: readonly number[];
  readonly uncancels: readonly number[];
  readonly loops: readonly number[];
}

const cache = new WeakMap<TraceIndex, RunFacts>();

export function runFacts(index: TraceIndex): RunFacts {
  let facts = cache.get(index);
  if (facts === undefined) {
    const blocks: number[] = [];
    const cpu: number[] = [];
    const warns: number[] = [];
    const cancels: number[] = [];
    const uncancels: number[] = [];
    const loops: number[] = [];
    const events = index.trace.events;
    for (let i = 0; i < events.length; i++) {
      const kind = (events[i] as { readonly e: string }).e;
      if (kind === 'block') blocks.push(i);
      else if (kind === 'cpu') cpu.push(i);
      else if (kind === 'warn') warns.push(i);
      else if (kind === 'cancel') cancels.push(i);
      else if (kind === 'uncancel') uncancels.push(i);
      else if (kind === 'loop') loops.push(i);
    }
    facts = { blocks, cpu, warns, cancels, uncancels, loops };
    cache.set(index, facts);
  }
  return facts;
}

/**
 * The step event `i` ran in, or -1 when no step was running. A loop closing ends the step's
 * part: what follows is top-level code (the last step's range runs to the end of the trace).
 */
export function stepOfEvent(index: TraceIndex, i: number): number {
  const steps = index.steps;
  let lo = 0;
  let hi = steps.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((steps[mid]?.endEvent ?? 0) <= i) lo = mid + 1;
    else hi = mid;
  }
  const step = steps[lo];
  if (step === undefined || step.firstEvent > i) return -1;
  for (const at of runFacts(index).loops) if (at > step.firstEvent && at <= i) return -1;
  return step.step;
}

/** The step a finding at event `i` points at: the step it ran in, else the one before it (0: none). */
export function cursorStepOf(index: TraceIndex, i: number): number {
  const inside = stepOfEvent(index, i);
  if (inside >= 1) return inside;
  // The last step that started before the event.
  const steps = index.steps;
  let lo = 0;
  let hi = steps.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((steps[mid]?.firstEvent ?? 0) <= i) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The task a handle serves: the task it steps or wakes, or the task its timer is for. */
export function taskServed(on: HandleTarget): TaskId | null {
  switch (on.k) {
    case 'step':
    case 'wakeup':
    case 'sleep':
    case 'timeout':
    case 'worker':
    case 'request':
      return on.task;
    case 'call':
      return null;
  }
}

/** The learner's line running at event `i`: the last `line` event before it, in the same step. */
export function lineBefore(index: TraceIndex, i: number): Line | null {
  const events = index.trace.events;
  for (let j = i - 1; j >= 0; j--) {
    const e = events[j];
    if (e === undefined) break;
    if (e.e === 'line') return e.l;
    if (e.e === 'run' || e.e === 'iter') break;
  }
  return null;
}

/** A finding's tasks with the label of each (how src/i18n names them). */
export function involving(
  index: TraceIndex,
  tasks: readonly TaskId[],
): { readonly tasks: readonly TaskId[]; readonly labels: readonly TaskLabel[] } {
  return { tasks, labels: tasks.map((id) => taskLabel(index.tasks, id)) };
}
