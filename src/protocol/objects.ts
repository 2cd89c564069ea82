/**
 * The trace events of the asyncio objects tasks wait on (Lock, Semaphore, Queue...): part of
 * the Trace of src/protocol/trace.ts, kept here so that file stays one read.
 */
import type { Line, TaskId } from './trace';

/** 1-based number of an asyncio object (Lock, Queue...) the program made, in creation order. */
export type ObjectId = number;

/** The asyncio classes whose objects are recorded (a learner's subclass counts as its base). */
export type ObjectKind =
  | 'Lock'
  | 'Semaphore'
  | 'BoundedSemaphore'
  | 'Event'
  | 'Condition'
  | 'Queue'
  | 'PriorityQueue'
  | 'LifoQueue'
  | 'Barrier';

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
}

