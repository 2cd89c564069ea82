/**
 * Replay: the loop's state rebuilt by applying trace events one by one. indexTrace runs it once
 * over the whole trace and saves keyframes; stateAt restores the nearest keyframe into a fresh
 * replay (copy-on-seek: keyframes are never mutated) and applies only the events since.
 */
import type { HandleId, Line, Seconds, TaskId, TraceEvent } from '../protocol/trace';
import { assertNever } from '../protocol/assertNever';
import type { HandleTable } from './handles';
import { ReadyQueue } from './readyQueue';
import { TaskTracker } from './taskStates';
import { TimerHeap } from './timerHeap';
import type { LoopState, ReadyEntry, StepInfo, TaskSnapshot, TimerEntry } from './types';

/** The replay state after the first `at` events, frozen. */
export interface Keyframe {
  readonly at: number;
  readonly ready: readonly HandleId[];
  readonly timers: readonly HandleId[];
  /** Task snapshots by id - 1 (snapshots are immutable, so keyframes share them). */
  readonly tasks: readonly TaskSnapshot[];
  readonly t: Seconds;
  readonly iteration: number;
  readonly step: number;
  readonly stepTask: TaskId | null;
  readonly lastLine: Line | null;
}

export class LoopReplay extends TaskTracker {
  readonly ready: ReadyQueue;
  readonly timers: TimerHeap;
  iteration: number;

  constructor(handles: HandleTable, from?: Keyframe) {
    super(handles, from);
    const whenOf = (h: HandleId): Seconds => handles.when(h);
    this.ready = new ReadyQueue(from?.ready);
    this.timers = new TimerHeap(whenOf, from?.timers);
    this.iteration = from?.iteration ?? 0;
  }

  /** How much a keyframe of this state holds: keyframes are spaced in proportion (see indexTrace). */
  get size(): number {
    return this.ready.size + this.timers.size + this.tasks.length;
  }

  keyframe(at: number): Keyframe {
    return {
      at,
      ready: this.ready.toArray(),
      timers: this.timers.toArray(),
      tasks: this.tasks.slice(),
      t: this.t,
      iteration: this.iteration,
      step: this.step,
      stepTask: this.stepTask,
      lastLine: this.lastLine,
    };
  }

  /**
   * Apply event `e`, found at index `i` in trace.events. The handle table must already know
   * every `sched`/`unsched` before `i` (and this one, if it is a `sched`).
   */
  apply(e: TraceEvent, i: number): void {
    this.track(e); // tasks, the clock, the step and its line
    switch (e.e) {
      case 'sched':
        if (e.when === undefined) this.ready.push(e.h);
        else this.timers.insert(e.h);
        break;
      case 'iter':
        this.iterate(e.t, e.n, e.due, i);
        break;
      case 'skip':
      case 'run':
        this.ready.remove(e.h);
        break;
      case 'loop':
        // A closed loop's pending handles will never run: stop showing them.
        if (!e.open) {
          this.ready.clear();
          this.timers.clear();
        }
        break;
      case 'line':
      case 'block':
      case 'cpu':
      case 'task':
      case 'unsched': // looked up in the handle table, by position
      case 'suspend':
      case 'yield':
      case 'done':
      case 'cancel':
      case 'uncancel':
      case 'out':
      case 'worker':
      case 'warn':
      case 'obj': // the objects' states replay in objects.ts
      case 'objstate':
        break;
      default:
        assertNever(e);
    }
  }

  /**
   * One pass of _run_once, as the engine does it: drop cancelled timers from the top of the
   * heap, then move the due ones (in order) to the back of the ready queue. A cancelled timer
   * whose deadline has passed cannot still be in the heap either, wherever it sat.
   */
  private iterate(t: Seconds, n: number, due: readonly HandleId[] | undefined, i: number): void {
    this.iteration = n;
    const handles = this.handles;
    const cancelled = (h: HandleId): boolean => handles.cancelledBefore(h, i);
    for (let top = this.timers.peek(); top !== undefined && cancelled(top); top = this.timers.peek()) {
      this.timers.popFront();
    }
    if (due !== undefined) {
      for (const h of due) {
        this.timers.remove(h);
        this.ready.push(h);
      }
    }
    this.timers.dropDueWhere(t, cancelled);
  }

  /**
   * The view of this state for the UI. Consumes the replay: its arrays are handed over, so call
   * it once on a replay made for one seek.
   */
  toLoopState(steps: readonly StepInfo[], eventCount: number): LoopState {
    const handles = this.handles;
    const readyQueue: ReadyEntry[] = this.ready.toArray().map((h) => handles.readyEntry(h, eventCount));
    const timerHeap: TimerEntry[] = this.timers.toArray().map((h) => handles.timerEntry(h, eventCount));
    const tasks = this.tasks;
    const current = this.step > 0 ? (steps[this.step - 1] ?? null) : null;
    // The running task sits on the line it runs now: patched here, once, rather than at every
    // `line` event (half the events of a trace).
    if (this.stepTask !== null && this.lastLine !== null) {
      const running = tasks[this.stepTask - 1];
      if (running !== undefined && running.state === 'running' && running.line !== this.lastLine) {
        tasks[this.stepTask - 1] = { ...running, line: this.lastLine };
      }
    }
    return {
      step: this.step,
      t: this.t,
      iteration: this.iteration,
      readyQueue,
      timerHeap,
      tasks,
      current,
      line: this.highlightedLine(current),
      eventCount,
    };
  }

  /**
   * The line to highlight: the last line run in this step; else where the step's task sits
   * (its suspension line); for a timer or executor callback, where the task it serves sits.
   */
  private highlightedLine(current: StepInfo | null): Line | null {
    if (this.lastLine !== null) return this.lastLine;
    if (current === null) return null;
    const on = current.target;
    const task = current.task ?? ('task' in on ? on.task : null);
    return task !== null ? (this.tasks[task - 1]?.line ?? null) : null;
  }
}
