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
import type { Line, Seconds, TaskId, TraceEvent } from '../protocol/trace';
import { assertNever } from '../protocol/assertNever';
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
    case 'cpu':
    case 'worker':
    case 'warn':
    case 'loop':
    case 'obj':
    case 'objstate':
      return null;
    default:
      return assertNever(e);
  }
}

/** Where a TaskTracker starts from: a keyframe, or nothing (the start of the trace). */
export interface TrackedStart {
  readonly tasks: readonly TaskSnapshot[];
  readonly t: Seconds;
  readonly step: number;
  readonly stepTask: TaskId | null;
  readonly lastLine: Line | null;
}

/**
 * What every replay of a trace tracks the same way: each task's snapshot (by taskChange), the
 * clock, and the step being run with its last line. LoopReplay adds the queues (stateAt);
 * TaskWalk, the step each event shows at (lanes, cancellations).
 */
export class TaskTracker implements TaskContext {
  readonly handles: HandleTable;
  /** Snapshots by id - 1; a change replaces a snapshot, never edits it (keyframes share them). */
  readonly tasks: TaskSnapshot[];
  t: Seconds;
  /** Loop steps run so far (the number of `run` events applied). */
  step: number;
  /** The task whose step is running (the last `run` was its step or wakeup). */
  stepTask: TaskId | null;
  /** The last `line` event since the last `run` (or since the start, for top-level code). */
  lastLine: Line | null;

  constructor(handles: HandleTable, from?: TrackedStart) {
    this.handles = handles;
    this.tasks = from ? from.tasks.slice() : [];
    this.t = from?.t ?? 0;
    this.step = from?.step ?? 0;
    this.stepTask = from?.stepTask ?? null;
    this.lastLine = from?.lastLine ?? null;
  }

  snapshot(id: TaskId): TaskSnapshot | undefined {
    return this.tasks[id - 1];
  }

  /** Apply what `e` changes of the tasks, the clock and the step; returns the task snapshot it produced. */
  protected track(e: TraceEvent): TaskSnapshot | null {
    const change = taskChange(e, this);
    // Task ids are dense (1, 2, 3... in creation order); one out of sequence would leave a hole.
    if (change !== null && change.id >= 1 && change.id <= this.tasks.length + 1) this.tasks[change.id - 1] = change;
    switch (e.e) {
      case 'iter':
        this.t = e.t;
        break;
      case 'run':
        this.step++;
        this.stepTask = taskOfHandle(this.handles, e.h);
        this.lastLine = null;
        break;
      case 'line':
        this.lastLine = e.l;
        break;
      case 'block':
        // time.sleep in the loop's thread: the clock moves while nothing else can run.
        this.t += e.d;
        break;
      default:
        break; // nothing else moves the clock or the step
    }
    return change;
  }
}
