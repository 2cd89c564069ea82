/**
 * The trace events of the asyncio objects tasks wait on (Lock, Semaphore, Queue...): part of
 * the Trace of src/protocol/trace.ts, kept here so that file stays one read.
 */
import type { Line, TaskId } from './trace';

/** 1-based number of an asyncio object (Lock, Queue...) the program made, in creation order. */
export type ObjectId = number;

/**
 * The asyncio classes whose objects are recorded (a learner's subclass counts as its base), and
 * the future-like ones: `Future` (a plain future the program makes with loop.create_future() or
 * awaits; also shield()'s outer future, with `shield`), `gather` (gather()'s _GatheringFuture),
 * `TaskGroup`, `timeout` (asyncio.timeout()'s Timeout, also the one wait_for uses).
 */
export type ObjectKind =
  | 'Lock'
  | 'Semaphore'
  | 'BoundedSemaphore'
  | 'Event'
  | 'Condition'
  | 'Queue'
  | 'PriorityQueue'
  | 'LifoQueue'
  | 'Barrier'
  | 'Future'
  | 'gather'
  | 'TaskGroup'
  | 'timeout';

/** A Future's (and a gather's) `_state`: PENDING, FINISHED, CANCELLED. */
export type FutureState = 'pending' | 'done' | 'cancelled';

/** Where a TaskGroup is: not entered yet, its body runs, __aexit__ waits for its children, exited. */
export type TaskGroupPhase = 'new' | 'open' | 'exiting' | 'done';

/** A Timeout's `_state` (asyncio.timeouts._State's values). */
export type TimeoutState = 'created' | 'active' | 'expiring' | 'expired' | 'finished';

/** What a shield protects: its inner future, a task or a recorded object (neither: another future). */
export interface ShieldInner {
  readonly task?: TaskId;
  readonly o?: ObjectId;
}

/**
 * The program made an asyncio object (announced at the end of the step that made it, when the
 * variable it went into is bound). Its state starts as a new object's: unlocked, `init` permits,
 * not set, an empty queue, an empty barrier.
 */
export interface ObjectEvent {
  readonly e: 'obj';
  readonly o: ObjectId;
  readonly kind: ObjectKind;
  /** The learner's variable (`limit`, `self.lock`); absent when it went into none. */
  readonly name?: string;
  /** The learner's line that made it. */
  readonly l: Line | null;
  /** The task whose step made it; null at top level. */
  readonly by: TaskId | null;
  /** Semaphores: the permits it was made with. */
  readonly init?: number;
  /** Queues: maxsize (0: unbounded). */
  readonly max?: number;
  /** Barriers: the parties it waits for. */
  readonly parties?: number;
  /** Conditions made on a recorded Lock: that lock. */
  readonly lock?: ObjectId;
  /** gather(..., return_exceptions=True). */
  readonly rexc?: true;
  /** A timeout made by asyncio.wait_for (absent: asyncio.timeout / timeout_at). */
  readonly via?: 'wait_for';
  /** A Future that shield() made (its outer one): what it shields. */
  readonly shield?: ShieldInner;
}

/**
 * A list as it changed: the whole new list, or `d` items dropped from the front, `b` from the
 * back, then `a` appended (the shorter of the two is recorded).
 */
export type ListChange<T> =
  | readonly T[]
  | { readonly d?: number; readonly b?: number; readonly a?: readonly T[] };

/**
 * An object's state after a step changed it, read from CPython's object: only the fields that
 * changed. Task lists are FIFO: the first is the next CPython wakes.
 */
export interface ObjectStateEvent {
  readonly e: 'objstate';
  readonly o: ObjectId;
  /** Lock, Condition (its lock): held. */
  readonly locked?: boolean;
  /** Semaphores: permits left (`_value`). */
  readonly v?: number;
  /** Event: set. */
  readonly set?: boolean;
  /** Lock, Condition, Semaphores: the tasks holding it (a task once per permit). */
  readonly hold?: ListChange<TaskId>;
  /** The tasks waiting in line (for a permit, the lock, set(), notify(), the barrier). */
  readonly wait?: ListChange<TaskId>;
  /** Woken by this object (their future has its result) but not run yet. */
  readonly woke?: ListChange<TaskId>;
  /**
   * Queues: short reprs of the first 32 items, in storage order (a LifoQueue's last comes out
   * first; a PriorityQueue's in the order get() takes them), and how many items there are.
   */
  readonly items?: ListChange<string>;
  readonly size?: number;
  /** Queues: the tasks waiting in get(), in put() (full), in join(). */
  readonly get?: ListChange<TaskId>;
  readonly put?: ListChange<TaskId>;
  readonly join?: ListChange<TaskId>;
  /**
   * A line lists its first 32 tasks: how many more wait after them in `wait`, `get`, `put`,
   * `join` (0 when the list is the whole line).
   */
  readonly wn?: number;
  readonly gn?: number;
  readonly pn?: number;
  readonly jn?: number;
  /** Queues: items put and not yet task_done(). */
  readonly unf?: number;
  /** Barrier: tasks in it, and its phase. */
  readonly n?: number;
  readonly phase?: 'filling' | 'draining' | 'resetting' | 'broken';
  /**
   * Future, gather: its state; once done, its result's short repr (`res`) or its exception
   * (`exc`, "ValueError: boom"). Its awaiters are `wait` (the order CPython wakes them) and,
   * once it is done, `woke` until each has run.
   */
  readonly fut?: FutureState;
  readonly res?: string;
  readonly exc?: string;
  /** Future, gather: the names of its done callbacks other than its awaiters' wakeups. */
  readonly cbs?: ListChange<string>;
  /**
   * gather: its children that are tasks; TaskGroup: every child it has had, in creation order
   * (the first 32), and how many children in all (`nk`).
   */
  readonly kids?: ListChange<TaskId>;
  readonly nk?: number;
  /**
   * gather: how many of all its `nk` children are done (`c.done()`), not only of the 32 listed.
   * (A TaskGroup's done count is `nk` less `np`, its children still running.)
   */
  readonly nd?: number;
  /** TaskGroup: its children still in `_tasks` (a child leaves when its done callback has run),
   * the first 32 by task id, and how many (`np`). */
  readonly pend?: ListChange<TaskId>;
  readonly np?: number;
  /** TaskGroup: its phase, aborting (a child failed, the others are cancelled), the task that
   * runs `async with` (`_parent_task`), and the children's exceptions collected so far. */
  readonly tg?: TaskGroupPhase;
  readonly abort?: boolean;
  readonly parent?: TaskId;
  readonly errs?: number;
  /** timeout: its state, its deadline on the loop's clock (null: none), the task it guards. */
  readonly tmo?: TimeoutState;
  readonly when?: number | null;
  readonly task?: TaskId;
}

