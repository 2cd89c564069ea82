/**
 * Where each event of a run happened, for the findings: inside which loop step (1..M), or
 * outside any step (-1: top-level code before, between or after the event loops, and the loop's
 * own bookkeeping between steps). Found once per index and shared by every kind's analysis.
 */
import type { HandleTarget, Line, TaskId } from '../../protocol/trace';
import { taskLabel } from '../describe';
import type { TaskLabel } from '../narration';
import type { TraceIndex } from '../types';

const cache = new WeakMap<TraceIndex, Int32Array>();

/** For each event index, the step it ran in, or -1 when no step was running. */
export function stepOfEachEvent(index: TraceIndex): Int32Array {
  let steps = cache.get(index);
  if (steps === undefined) {
    steps = buildSteps(index);
    cache.set(index, steps);
  }
  return steps;
}

function buildSteps(index: TraceIndex): Int32Array {
  const events = index.trace.events;
  const steps = new Int32Array(events.length).fill(-1);
  for (const step of index.steps) {
    for (let i = step.firstEvent; i < step.endEvent; i++) {
      // A loop closing ends the step's part: what follows is top-level code (the last step's
      // range runs to the end of the trace, and a second loop's steps start later).
      if (events[i]?.e === 'loop') break;
      steps[i] = step.step;
    }
  }
  return steps;
}

/** The task a handle serves: the task it steps or wakes, or the task its timer is for. */
export function taskServed(on: HandleTarget): TaskId | null {
  switch (on.k) {
    case 'step':
    case 'wakeup':
      return on.task;
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

/** The step a finding points at for event `i` that ran outside any step: the nearest one. */
export function cursorStepOf(index: TraceIndex, steps: Int32Array, i: number): number {
  const s = steps[i] ?? -1;
  if (s >= 1) return s;
  for (let j = i; j >= 0; j--) {
    const before = steps[j] ?? -1;
    if (before >= 1) return before;
  }
  return 0;
}

/** A finding's tasks with the label of each (how src/i18n names them). */
export function involving(
  index: TraceIndex,
  tasks: readonly TaskId[],
): { readonly tasks: readonly TaskId[]; readonly labels: readonly TaskLabel[] } {
  return { tasks, labels: tasks.map((id) => taskLabel(index.tasks, id)) };
}
