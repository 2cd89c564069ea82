/**
 * How each trace event changes a task's state: the one rulebook that stateAt, taskLanes and
 * cancellations all follow, so the timeline can never disagree with the tasks panel.
 *
 *   task     → ready (its first step is scheduled right after)
 *   run      → running, when the handle is the step or wakeup of that task
 *   suspend  → waiting (on, line, stack)
 *   yield    → ready
 *   done     → done | failed | cancelled
 *   sched    → a waiting task whose step/wakeup enters the ready queue is ready again
 */
import type { Line, TaskId, TraceEvent } from '../protocol/trace';
import { assertNever } from './assertNever';
import type { HandleTable } from './handles';
import type { TaskSnapshot, TaskState } from './types';

/** The task a handle runs, when it runs a task (its step or its wakeup); null for callbacks and timers. */
export function taskOfHandle(handles: HandleTable, h: number): TaskId | null {
  const on = handles.target(h);
  return on.k === 'step' || on.k === 'wakeup' ? on.task : null;
}

export function isFinished(state: TaskState): boolean {
  return state === 'done' || state === 'failed' || state === 'cancelled';
}

export function finishedState(outcome: 'result' | 'exception' | 'cancelled'): TaskState {
  switch (outcome) {
    case 'result':
      return 'done';
    case 'exception':
      return 'failed';
    case 'cancelled':
      return 'cancelled';
    default:
      return assertNever(outcome);
  }
}

/** What replay knows at the moment an event applies, besides the task snapshots themselves. */
export interface TaskContext {
  readonly handles: HandleTable;
  /** The task whose step is running now (null between steps and in callbacks). */
  readonly stepTask: TaskId | null;
  /** The last `line` event of the current step, if any. */
  readonly lastLine: Line | null;
  readonly snapshot: (id: TaskId) => TaskSnapshot | undefined;
}

/**
 * The new snapshot of the one task `e` changes, or null when it changes none. Pure: the caller
 * stores the result (replay in its array, lanes in a segment, cancellations in its tracker).
 */
export function taskChange(e: TraceEvent, ctx: TaskContext): TaskSnapshot | null {
  switch (e.e) {
    case 'task':
      return { id: e.id, state: 'ready', line: null };
    case 'sched': {
      // A timer is not "ready"; only a step/wakeup entering the ready queue wakes a task.
      if (e.when !== undefined || (e.on.k !== 'step' && e.on.k !== 'wakeup')) return null;
      const prev = ctx.snapshot(e.on.task);
      if (prev === undefined || prev.state !== 'waiting') return null;
      return { id: prev.id, state: 'ready', line: prev.line };
    }
    case 'run': {
      const id = taskOfHandle(ctx.handles, e.h);
      if (id === null) return null;
      const prev = ctx.snapshot(id);
      if (prev === undefined || isFinished(prev.state)) return null;
      return { id, state: 'running', line: prev.line };
    }
    // A task the trace never introduced with a `task` event is ignored rather than invented:
    // LoopState.tasks is indexed by id and must have no holes.
    case 'suspend':
      if (ctx.snapshot(e.task) === undefined) return null;
      return e.stack !== undefined
        ? { id: e.task, state: 'waiting', line: e.l, on: e.on, stack: e.stack }
        : { id: e.task, state: 'waiting', line: e.l, on: e.on };
    case 'yield':
      if (ctx.snapshot(e.task) === undefined) return null;
      return { id: e.task, state: 'ready', line: e.l };
    case 'done': {
      const prev = ctx.snapshot(e.task);
      if (prev === undefined) return null;
      // A task ends inside its own step: the last line it ran is where it ended.
      const line = e.task === ctx.stepTask && ctx.lastLine !== null ? ctx.lastLine : prev.line;
      return { id: e.task, state: finishedState(e.outcome), line };
    }
    case 'unsched':
    case 'iter':
    case 'skip':
    case 'line':
    case 'cancel':
    case 'uncancel':
    case 'out':
    case 'block':
    case 'worker':
    case 'warn':
    case 'loop':
      return null;
    default:
      return assertNever(e);
  }
}
