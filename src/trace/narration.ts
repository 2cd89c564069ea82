/**
 * The facts the page puts into words: what a step did (narrate), what a ready-queue or timer
 * handle is (describeTarget), what a waiting task waits on (describeAwait), who a task is
 * (taskLabel). Data only: tasks by id and label, lines, times in seconds, values as Python
 * printed them. src/i18n renders each kind in each language; a kind added here without its
 * words there fails the typecheck.
 */
import type { BlockingLib, Line, ObjectKind, Seconds, TaskId } from '../protocol/trace';

/** Which deadline: asyncio.timeout, wait_for, or another (a cancel via shield, gather...). */
export type TimeoutKind = 'timeout' | 'wait_for' | 'other';

/**
 * A task as the learner knows it: what they call it (a name they gave it, else its coroutine:
 * "fetch") and, when several tasks run that coroutine, the task's name to tell them apart
 * ("Task-3"; null when the label is enough).
 */
export interface TaskLabel {
  readonly label: string;
  readonly which: string | null;
}

/** A task named in a narration. */
export interface TaskRef extends TaskLabel {
  readonly id: TaskId;
}

/** A task a step created: its asyncio name, and its coroutine when the name says nothing ("Task-2"). */
export interface CreatedTask {
  readonly id: TaskId;
  readonly name: string;
  readonly coro: string | null;
}

/** A plain callback as called: its function and the repr of its arguments ("callback", "(3)"). */
export interface CallRef {
  readonly fn: string;
  readonly args: string | null;
}

/**
 * A simulated HTTP request (README "Simulated network"): its method and URL. Every request a
 * program makes is simulated, so the words for one always say so.
 */
export interface RequestRef {
  readonly method: string;
  readonly url: string;
}

/** How a simulated request fails when its timer fires (null: its response arrives). */
export type RequestFailure = 'dns' | 'connect' | 'timeout';

/** A ready-queue or timer entry: what the loop will do when it runs it, for whom. */
export type HandleLabel =
  | { readonly kind: 'step'; readonly task: TaskLabel }
  | { readonly kind: 'wakeup'; readonly task: TaskLabel }
  | { readonly kind: 'sleep'; readonly delay: Seconds; readonly task: TaskLabel | null }
  | { readonly kind: 'timeout'; readonly via: TimeoutKind; readonly task: TaskLabel | null }
  | { readonly kind: 'call'; readonly call: CallRef }
  | { readonly kind: 'worker'; readonly fn: string; readonly task: TaskLabel | null }
  /** The timer of a simulated request: when it fires, the response (or `fails`) is there for `task`. */
  | { readonly kind: 'request'; readonly request: RequestRef; readonly task: TaskLabel | null; readonly fails: RequestFailure | null };

/** What a waiting task waits on; tasks by their asyncio name, as the learner's awaits say them. */
export type AwaitLabel =
  | { readonly kind: 'sleep'; readonly until: Seconds }
  | { readonly kind: 'task'; readonly task: string }
  /** The first children by name (null: a child that is not a task), and how many more. */
  | { readonly kind: 'gather'; readonly children: readonly (string | null)[]; readonly more: number }
  | { readonly kind: 'executor'; readonly fn: string }
  /** A simulated request's response; `queued`: waiting for a free connection first (the pool's limit). */
  | { readonly kind: 'request'; readonly request: RequestRef; readonly queued: boolean }
  /** A future: the asyncio API that made it ("Queue.get") and its object ("Queue#1"), when known. */
  | { readonly kind: 'future'; readonly api: string | null; readonly obj: string | null }
  /**
   * In an object's line (describeAwaitAt): `place` of `of` (1: the next CPython wakes), with the
   * figures its kind is read by: a semaphore's free permits (`value`) of `capacity`, a queue's
   * `size` of `capacity` (its maxsize, 0 unbounded).
   */
  | {
      readonly kind: 'in-line';
      readonly api: string | null;
      readonly object: ObjectRef;
      readonly place: number;
      readonly of: number;
      readonly value: number;
      readonly size: number;
      readonly capacity: number;
    };

/** An object by the learner's variable, or (name null) by kind and number: `Queue#1`. */
export interface ObjectRef {
  readonly name: string | null;
  /** Its asyncio class: code, like the name. */
  readonly type: ObjectKind;
  readonly ordinal: number;
}

/** How a step begins: the task that runs (and how it resumes), or the timer / callback / thread. */
export type Opening =
  | { readonly kind: 'task-starts'; readonly task: TaskRef }
  | { readonly kind: 'task-resumes'; readonly task: TaskRef }
  /** Resumed with the exception what it awaited raised (`line`: where it was suspended). */
  | { readonly kind: 'task-resumes-with-error'; readonly task: TaskRef; readonly error: string; readonly line: Line | null }
  /**
   * Somebody cancelled the task and the CancelledError landed at `line`; `convertedBy`: a
   * timeout / wait_for caught it and raised TimeoutError instead.
   */
  | {
      readonly kind: 'task-cancelled';
      readonly task: TaskRef;
      readonly line: Line | null;
      readonly convertedBy: TimeoutKind | null;
    }
  | { readonly kind: 'task-cancelled-before-start'; readonly task: TaskRef; readonly convertedBy: TimeoutKind | null }
  /** `woke`: the sleeping task moved to the ready queue (false: nothing waits for it any more). */
  | { readonly kind: 'sleep-fires'; readonly delay: Seconds; readonly task: TaskRef | null; readonly woke: boolean }
  /**
   * `cancels`: the task was waiting for a simulated request, and this deadline (`delay` seconds
   * after it was set) cancels that wait.
   */
  | {
      readonly kind: 'timeout-fires';
      readonly via: TimeoutKind;
      readonly task: TaskRef | null;
      readonly cancelled: boolean;
      readonly cancels?: { readonly request: RequestRef; readonly delay: Seconds };
    }
  /** `user`: scheduled by the learner's code, else one of asyncio's own callbacks. */
  | { readonly kind: 'callback-runs'; readonly call: CallRef; readonly user: boolean }
  | { readonly kind: 'worker-finishes'; readonly fn: string }
  /**
   * A simulated request's timer fires: its response arrived for `task` (or, with `fails`, the
   * request failed there); the task moves to the ready queue (StepNarration.ready).
   */
  | { readonly kind: 'response-arrives'; readonly request: RequestRef; readonly task: TaskRef | null; readonly fails: RequestFailure | null };

/** What the running code did inside the step. */
export type Action =
  | { readonly kind: 'creates-tasks'; readonly tasks: readonly CreatedTask[]; readonly line: Line | null }
  /** More tasks than a sentence lists: counted. */
  | { readonly kind: 'creates-many-tasks'; readonly count: number; readonly line: Line | null }
  /** `more`: cancelled tasks past the ones listed. */
  | { readonly kind: 'cancels-tasks'; readonly tasks: readonly TaskRef[]; readonly more: number; readonly line: Line | null }
  /**
   * The step woke tasks waiting on an object (a release, set(), notify(), a put for a getter):
   * the ones CPython woke, first in line first.
   */
  | { readonly kind: 'wakes-waiters'; readonly object: ObjectRef; readonly tasks: readonly TaskRef[]; readonly more: number }
  /**
   * The step changed an object (src/trace/objectChanges.ts): put into a queue, took a permit,
   * released a lock, set an event, notified a condition; `woke`: the tasks that change woke
   * (first in line first), `more` past them.
   */
  | {
      readonly kind: 'changes-object';
      readonly object: ObjectRef;
      readonly change: ObjectChange;
      readonly woke: readonly TaskRef[];
      readonly more: number;
    }
  /** time.sleep (or any blocking call) inside a step: `seconds` in all. */
  | { readonly kind: 'blocks-loop'; readonly seconds: Seconds; readonly line: Line | null }
  /** A blocking simulated HTTP call (requests, httpx.get) held the whole loop for `seconds`. */
  | { readonly kind: 'blocks-loop-on-request'; readonly lib: BlockingLib; readonly request: RequestRef; readonly seconds: Seconds; readonly line: Line | null }
  /** More blocking HTTP calls than a sentence lists: counted, `seconds` in all. */
  | { readonly kind: 'blocks-loop-on-many-requests'; readonly count: number; readonly seconds: Seconds; readonly line: Line | null }
  /**
   * A CPU-heavy step (the trace's `cpu` fact): it ran `rounds` loop rounds and `lines` lines of
   * the program without awaiting, most at `line`; meanwhile the `waiting` other tasks that were
   * ready or waiting could not run (the virtual clock does not move for it).
   */
  | { readonly kind: 'computes-without-awaiting'; readonly lines: number; readonly rounds: number; readonly line: Line | null; readonly waiting: number };

/** What a step did to an object, with the figures after it. */
export type ObjectChange =
  /**
   * Items into or out of a queue: `count` of them, named (their reprs, in the order they went
   * in or came out) when `items` holds them all; `size` after, of `capacity` (maxsize, 0 unbounded).
   */
  | { readonly kind: 'puts'; readonly items: readonly string[]; readonly count: number; readonly size: number; readonly capacity: number }
  | { readonly kind: 'gets'; readonly items: readonly string[]; readonly count: number; readonly size: number; readonly capacity: number }
  /** A Semaphore's permit taken or given back: `value` permits free after, of `capacity`. */
  | { readonly kind: 'takes-permit'; readonly value: number; readonly capacity: number }
  | { readonly kind: 'releases-permit'; readonly value: number; readonly capacity: number }
  /** A Lock (or a Condition's lock) taken or let go. */
  | { readonly kind: 'acquires' }
  | { readonly kind: 'releases' }
  /** An Event set or cleared. */
  | { readonly kind: 'sets' }
  | { readonly kind: 'clears' }
  /** A Condition's notify() / notify_all(). */
  | { readonly kind: 'notifies' };

/** How the step's task left it. */
export type Ending =
  | { readonly kind: 'suspends-sleeping'; readonly line: Line | null; readonly until: Seconds }
  | { readonly kind: 'suspends-awaiting'; readonly line: Line | null; readonly on: AwaitLabel }
  | { readonly kind: 'yields'; readonly line: Line | null }
  /** `value`: its repr, as Python printed it. */
  | { readonly kind: 'returns-value'; readonly value: string }
  | { readonly kind: 'finishes' }
  /** `exc`: "ValueError: boom" as the trace recorded it; null when it did not say. */
  | { readonly kind: 'fails'; readonly exc: string | null }
  | { readonly kind: 'ends-cancelled' }
  | { readonly kind: 'still-running' };

/** One step's story: an opening, what it did, how it ended, and the tasks it made ready. */
export interface StepNarration {
  readonly kind: 'step';
  /** The virtual clock jumped to this time before the step ran. */
  readonly clockJump: Seconds | null;
  readonly opening: Opening;
  readonly actions: readonly Action[];
  readonly ending: Ending | null;
  /** Waiting tasks whose wakeup this step scheduled. */
  readonly ready: readonly TaskRef[];
}

/** What narrate says about a cursor. */
export type Narration =
  /** The program never started an event loop. */
  | { readonly kind: 'no-loop' }
  /** Step 0, no task yet (callbacks only). */
  | { readonly kind: 'program-starts' }
  /** Step 0: asyncio.run created `task`, whose first step waits in the ready queue. */
  | { readonly kind: 'program-starts-with-task'; readonly task: TaskRef }
  /** A line cursor inside a task's step. */
  | { readonly kind: 'task-runs-line'; readonly task: TaskRef; readonly line: Line }
  | { readonly kind: 'callback-runs-line'; readonly call: CallRef; readonly line: Line }
  | { readonly kind: 'top-level-runs-line'; readonly line: Line }
  | StepNarration;
