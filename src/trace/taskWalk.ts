/**
 * A light replay for the whole-run views (lanes, cancellations): task states, the clock and the
 * step each event shows at, without the queues. It tracks tasks as stateAt does (TaskTracker),
 * so a lane and the tasks panel always agree.
 */
import type { TraceEvent } from '../protocol/trace';
import { TaskTracker } from './taskStates';
import type { TaskSnapshot, TraceIndex } from './types';

export class TaskWalk extends TaskTracker {
  /** After an `iter`, before the next `run`: events here show from the next step on. */
  private inGap = false;
  private readonly lastStep: number;

  constructor(index: TraceIndex) {
    super(index.internals.handles);
    this.lastStep = index.steps.length;
  }

  /** The step at which `e`, the next event to apply, first shows (as stepOfEvent would say). */
  stepOf(e: TraceEvent): number {
    if (e.e === 'run') return this.step + 1;
    return Math.min(this.step + (this.inGap ? 1 : 0), this.lastStep);
  }

  /** Apply `e`; returns the task snapshot it produced, if it changed a task. */
  apply(e: TraceEvent): TaskSnapshot | null {
    if (e.e === 'iter') this.inGap = true;
    else if (e.e === 'run') this.inGap = false;
    return this.track(e);
  }
}
