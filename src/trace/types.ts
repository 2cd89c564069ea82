/**
 * Derived views of a Trace: what the UI shows at a step. All are computed by pure functions in
 * this folder (indexTrace, stateAt, taskLanes, cancellations, consoleLines, narrate); none is
 * stored in the trace itself.
 */
import type {
  AwaitFrame,
  AwaitTarget,
  CancelVia,
  HandleId,
  HandleTarget,
  Line,
  Seconds,
  TaskId,
  Trace,
} from '../protocol/trace';
import type { TraceIndexInternals } from './internals';

/** A task's state as the learner sees it. */
export type TaskState = 'ready' | 'running' | 'waiting' | 'done' | 'failed' | 'cancelled';

/** One step: one handle run by the loop. Steps are numbered 1..M; step 0 is "before the loop ran anything". */
export interface StepInfo {
  readonly step: number;
  /** Index in trace.events of this step's `run` event. */
  readonly firstEvent: number;
  /** One past the last event that belongs to this step (the next `run`/`iter`/end). */
  readonly endEvent: number;
  readonly handle: HandleId;
  readonly target: HandleTarget;
  /**
   * The task this step runs (the handle is its step or wakeup), null for callbacks and timers.
   * A sleep/timeout/executor timer serves a task without running it: see `target.task`.
   */
  readonly task: TaskId | null;
  readonly t: Seconds;
  readonly iteration: number;
  /** The exception thrown into the task at resume (e.g. "CancelledError"). */
  readonly delivered?: string;
  /** Event indices of the `line` events inside this step, in order. */
  readonly lineEvents: readonly number[];
}

export interface TaskInfo {
  readonly id: TaskId;
  readonly name: string;
  readonly coro: string;
  readonly parent: TaskId | null;
  readonly createdLine: Line | null;
  /** The step during which it was created (0 when created before the loop's first step). */
  readonly createdStep: number;
  readonly createdT: Seconds;
  readonly internal: boolean;
  /** How it ended; absent while it was still pending when the run ended. */
  readonly end?: {
    readonly step: number;
    readonly t: Seconds;
    readonly outcome: 'result' | 'exception' | 'cancelled';
    readonly value?: string;
    readonly exc?: string;
  };
}

/** The precomputed index over a trace: built once per run, then every query is cheap. */
export interface TraceIndex {
  readonly trace: Trace;
  readonly steps: readonly StepInfo[]; // steps[0] is step 1
  readonly tasks: readonly TaskInfo[]; // tasks[0] is task 1
  /** Virtual time at the end of the run. */
  readonly endTime: Seconds;
  /** Keyframes and lookup tables for src/trace's own use: opaque to the UI, build it with indexTrace. */
  readonly internals: TraceIndexInternals;
}

/** A position in the trace: a step, and optionally a line inside it (0-based into lineEvents). */
export interface Cursor {
  readonly step: number;
  readonly line?: number;
}

export interface ReadyEntry {
  readonly h: HandleId;
  readonly on: HandleTarget;
  /** Cancelled handles stay queued until the loop drops them. */
  readonly cancelled: boolean;
}

export interface TimerEntry {
  readonly h: HandleId;
  readonly on: HandleTarget;
  readonly when: Seconds;
  readonly cancelled: boolean;
}

export interface TaskSnapshot {
  readonly id: TaskId;
  readonly state: TaskState;
  /** Where it sits: its suspension line, or the line it runs now. */
  readonly line: Line | null;
  /** What it waits on, when waiting. */
  readonly on?: AwaitTarget;
  readonly stack?: readonly AwaitFrame[];
}

/** The loop's state at a cursor. */
export interface LoopState {
  readonly step: number;
  readonly t: Seconds;
  readonly iteration: number;
  /** The ready queue in FIFO order; the head runs next. */
  readonly readyQueue: readonly ReadyEntry[];
  /** Pending timers ordered by (deadline, scheduling order): the order they will fire. */
  readonly timerHeap: readonly TimerEntry[];
  /** Every task created so far, by id. */
  readonly tasks: readonly TaskSnapshot[];
  /** The step's handle and task (null at step 0). */
  readonly current: StepInfo | null;
  /** The learner's line highlighted at this cursor. */
  readonly line: Line | null;
  /** Number of trace events applied (cursor as an event index). */
  readonly eventCount: number;
}

/**
 * A stretch of one task's life in one state, on the timeline's step axis where step s fills the
 * band [s, s+1): the segment covers [fromStep, toStep) and virtual time [fromT, toT]. A task runs
 * in its step's band; what happens to it inside a step (it suspends, a timer wakes it) takes
 * effect at the end of that band. A finished task's last segment is a zero-width marker of its
 * final state (done / failed / cancelled) at the end of the step it finished in.
 */
export interface LaneSegment {
  readonly state: TaskState;
  readonly fromStep: number;
  readonly toStep: number;
  readonly fromT: Seconds;
  readonly toT: Seconds;
  readonly on?: AwaitTarget;
}

/** One task's segments in time order, contiguous: each starts where the previous one ends. */
export interface TaskLane {
  readonly task: TaskInfo;
  readonly segments: readonly LaneSegment[];
}

export type CancellationOutcome =
  /** The CancelledError propagated and the task ended cancelled. */
  | 'propagated'
  /** The task caught it and went on (or returned normally). */
  | 'swallowed'
  /** A timeout / wait_for turned it into TimeoutError. */
  | 'converted'
  /** The task ended some other way (raised another exception). */
  | 'raised-other'
  /** Delivered but the run ended before the task did. */
  | 'pending';

export interface Cancellation {
  /** Index of the `cancel` event in trace.events. */
  readonly event: number;
  readonly target: TaskId;
  readonly by: TaskId | null;
  readonly via: CancelVia;
  readonly line: Line | null;
  readonly msg?: string;
  readonly cause?: TaskId;
  readonly requestStep: number;
  readonly requestT: Seconds;
  /** Where the CancelledError landed: the step it was thrown into the task, and the line it was suspended at. */
  readonly delivered?: { readonly step: number; readonly t: Seconds; readonly line: Line | null };
  readonly outcome: CancellationOutcome;
  /** The step that decided the outcome (the task suspended again, was uncancelled, or ended); absent while pending. */
  readonly endStep?: number;
}

/** One line of output; a line written in pieces belongs to the step that printed its first character. */
export interface ConsoleLine {
  readonly step: number;
  readonly fd: 'out' | 'err';
  readonly text: string;
}
