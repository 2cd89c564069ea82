/**
 * A light replay for the whole-run views (lanes, cancellations): task states, the clock and the
 * step each event shows at, without the queues. It applies the same rulebook as stateAt
 * (taskChange), so a lane and the tasks panel always agree.
 */
import type { Line, Seconds, TaskId, TraceEvent } from '../protocol/trace';
import type { HandleTable } from './handles';
import { taskChange, taskOfHandle, type TaskContext } from './taskStates';
import type { TaskSnapshot, TraceIndex } from './types';

export class TaskWalk implements TaskContext {
  readonly handles: HandleTable;
  readonly tasks: TaskSnapshot[] = [];
  t: Seconds = 0;
  stepTask: TaskId | null = null;
  lastLine: Line | null = null;
  private step = 0;
  private inGap = false;
  private readonly lastStep: number;

  constructor(index: TraceIndex) {
    this.handles = index.internals.handles;
    this.lastStep = index.steps.length;
  }

  snapshot(id: TaskId): TaskSnapshot | undefined {
    return this.tasks[id - 1];
  }

  /** The step at which `e`, the next event to apply, first shows (as stepOfEvent would say). */
  stepOf(e: TraceEvent): number {
    if (e.e === 'run') return this.step + 1;
    return Math.min(this.step + (this.inGap ? 1 : 0), this.lastStep);
  }

  /** Apply `e`; returns the task snapshot it produced, if it changed a task. */
  apply(e: TraceEvent): TaskSnapshot | null {
    const change = taskChange(e, this);
    if (change !== null && change.id >= 1 && change.id <= this.tasks.length + 1) this.tasks[change.id - 1] = change;
    switch (e.e) {
      case 'iter':
        this.t = e.t;
        this.inGap = true;
        break;
      case 'run':
        this.step++;
        this.inGap = false;
        this.stepTask = taskOfHandle(this.handles, e.h);
        this.lastLine = null;
        break;
      case 'line':
        this.lastLine = e.l;
        break;
      case 'block':
        this.t += e.d;
        break;
      default:
        break; // nothing else moves the clock or the step
    }
    return change;
  }
}
