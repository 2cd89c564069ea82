/**
 * The trace: everything one run of a learner's program did, recorded by the instrumented
 * virtual-time event loop (src/engine/python) and replayed by the pure functions in src/trace.
 *
 * Shape: a flat, append-only list of small events in the order they happened, plus a summary.
 * Nothing in it is derived state: the ready queue, the timer heap and each task's state at a
 * step are computed from the events (src/trace/stateAt.ts), so the engine stays cheap and the
 * trace small (≤ 40 bytes per event as JSON, issue 14).
 *
 * Vocabulary follows asyncio's own docs: a *handle* is one entry the loop will run (a callback
 * in the ready queue, or a timer in the timer heap); a *step* is one handle run by the loop
 * (for a task: from resume to its next suspension); an *iteration* is one pass of
 * `BaseEventLoop._run_once`.
 *
 * Versioned: a reader must check `version` and refuse what it does not know. Version 2: run ends
 * and hints are facts (a kind and typed figures), not English sentences. Version 3: as written
 * (by the engine, to a file), `sched` and `suspend` events leave out what the events before them
 * say (compactTrace.ts: `CompactEvent`, and how each is derived); these types are the events
 * with every fact spelled out, as readers see them after `expandEvents`. Version-2 traces are
 * read too (`fromVersion2`).
 */

import type { ObjectEvent, ObjectStateEvent } from './objects';
import type { Compat, PythonVersion, RemovedApi, RunEnd } from './runEnd';

export const TRACE_VERSION = 3 as const;

/** Virtual seconds since the run started (loop.time()). */
export type Seconds = number;
/** 1-based task number, in creation order within one run. */
export type TaskId = number;
/** 1-based handle number, in scheduling order within one run. */
export type HandleId = number;
/** 1-based line number in the learner's source. */
export type Line = number;

/** What a handle will do when the loop runs it: the owner shown in the ready queue and timers. */
export type HandleTarget =
  /** The first or next step of a task (Task.__step scheduled by call_soon). */
  | { readonly k: 'step'; readonly task: TaskId }
  /** A task woken because the future it awaited is done (task_wakeup). */
  | { readonly k: 'wakeup'; readonly task: TaskId }
  /** The timer of `asyncio.sleep(delay)` awaited by `task` (null when nobody awaits it). */
  | { readonly k: 'sleep'; readonly task: TaskId | null; readonly delay: Seconds }
  /** A deadline of `asyncio.timeout` / `wait_for` that will cancel `task`. */
  | { readonly k: 'timeout'; readonly task: TaskId | null; readonly via: CancelVia }
  /** A plain callback from call_soon / call_later / call_at (user code or asyncio internals). */
  | {
      readonly k: 'call';
      /** Qualified name of the function, e.g. "callback" or "Future.set_result". */
      readonly fn: string;
      /** Short repr of the arguments, e.g. "(1, kind='x')". */
      readonly args?: string;
      /** True when scheduled from the learner's code (not from asyncio's internals). */
      readonly user?: boolean;
    }
  /** The completion of a simulated executor job (run_in_executor / to_thread). */
  | { readonly k: 'worker'; readonly fn: string; readonly task: TaskId | null }
  /**
   * The timer of a simulated HTTP request (aiohttp / httpx, README "Simulated network"): when
   * it fires, the response (or the failure) of `method` `url` has arrived for `task`.
   * `fails`: the request fails when it fires (the host does not resolve, refuses, or a
   * connect / read timeout of the library passes); absent: a response arrives.
   */
  | {
      readonly k: 'request';
      readonly method: string;
      readonly url: string;
      readonly task: TaskId | null;
      readonly fails?: RequestFailure;
    };

/** How a simulated request fails (README "Simulated network"). */
export type RequestFailure = 'dns' | 'connect' | 'timeout';

/** Who or what asked for a cancellation. */
export type CancelVia =
  | 'cancel()'
  | 'timeout'
  | 'wait_for'
  | 'TaskGroup'
  | 'gather'
  | 'wait'
  | 'shield'
  | 'as_completed'
  | 'runner'
  /** Task.cancel() passes the cancellation down to what the task awaits: `cause` is that awaiting task. */
  | 'awaiter'
  | 'loop';

/** What a suspended task waits for (Task._fut_waiter, classified). */
export type AwaitTarget =
  | { readonly k: 'task'; readonly task: TaskId }
  | { readonly k: 'gather'; readonly children: readonly (TaskId | null)[] }
  | { readonly k: 'sleep'; readonly until: Seconds; readonly h: HandleId }
  | { readonly k: 'executor'; readonly fn: string }
  /**
   * A simulated HTTP request (aiohttp / httpx): its response is on the way, or, with `queued`,
   * it waits for a free connection (TCPConnector's limit, httpx's Limits).
   */
  | { readonly k: 'request'; readonly method: string; readonly url: string; readonly queued?: true }
  | {
      readonly k: 'future';
      /** The asyncio API the learner called, e.g. "Queue.get", "Lock.acquire", "Event.wait". */
      readonly api?: string;
      /** Which object, labelled per run: "Queue#1", "Lock#2". */
      readonly obj?: string;
    };

/** One frame of the learner's await stack: outermost coroutine first. */
export type AwaitFrame = readonly [fn: string, line: Line];

export type TraceEvent =
  /** A task was created (create_task, ensure_future, gather, TaskGroup, asyncio.run). */
  | {
      readonly e: 'task';
      readonly id: TaskId;
      readonly name: string;
      /** The coroutine's qualified name, e.g. "fetch" or "main.<locals>.worker". */
      readonly coro: string;
      /** The task whose step created it; null when created outside any task (asyncio.run). */
      readonly by: TaskId | null;
      /** The learner's line that created it; null when asyncio created it internally. */
      readonly l: Line | null;
      /** True for tasks asyncio makes for itself (e.g. shutdown_asyncgens). */
      readonly internal?: true;
    }
  /** A handle entered the ready queue (call_soon) or the timer heap (call_later/call_at: `when`). */
  | {
      readonly e: 'sched';
      readonly h: HandleId;
      readonly on: HandleTarget;
      readonly when?: Seconds;
      /** The learner's line that scheduled it, when it was the learner's code. */
      readonly l?: Line;
    }
  /** A handle was cancelled (it stays in its queue until the loop drops it). */
  | { readonly e: 'unsched'; readonly h: HandleId }
  /**
   * A loop iteration starts. `t` is the clock after any jump to the earliest timer;
   * `due` lists the timers moved from the heap to the ready queue, in order.
   */
  | { readonly e: 'iter'; readonly n: number; readonly t: Seconds; readonly due?: readonly HandleId[] }
  /** The loop dropped a cancelled handle from the ready queue without running it. */
  | { readonly e: 'skip'; readonly h: HandleId }
  /**
   * A step: the loop popped handle `h` from the ready queue and runs it. For a task step,
   * `x` names the exception thrown into the coroutine (CancelledError when a cancel lands).
   */
  | { readonly e: 'run'; readonly h: HandleId; readonly x?: string }
  /** A line of the learner's code executed (inside the current step, or at top level). */
  | { readonly e: 'line'; readonly l: Line }
  /** The running task suspended at line `l`, awaiting `on`. */
  | {
      readonly e: 'suspend';
      readonly task: TaskId;
      readonly l: Line | null;
      readonly on: AwaitTarget;
      /** The learner's await stack when more than one coroutine deep. */
      readonly stack?: readonly AwaitFrame[];
    }
  /** The running task yielded without waiting (sleep(0) / bare yield): it is ready again. */
  | { readonly e: 'yield'; readonly task: TaskId; readonly l: Line | null }
  /** A task finished. */
  | {
      readonly e: 'done';
      readonly task: TaskId;
      readonly outcome: 'result' | 'exception' | 'cancelled';
      /** Short repr of the result, for outcome "result". */
      readonly value?: string;
      /** "Type: message", for outcome "exception" (and the CancelledError message if any). */
      readonly exc?: string;
    }
  /** Somebody asked a task to cancel (Task.cancel()); only requests on unfinished tasks. */
  | {
      readonly e: 'cancel';
      readonly task: TaskId;
      /** The task whose step asked; null when a plain callback or the loop asked. */
      readonly by: TaskId | null;
      readonly via: CancelVia;
      /** The learner's line that asked, when the learner's code asked. */
      readonly l: Line | null;
      readonly msg?: string;
      /**
       * What set it off: for TaskGroup, the child whose failure aborted the group; for gather
       * and awaiter, the cancelled task that was awaiting this one.
       */
      readonly cause?: TaskId;
    }
  /** Task.uncancel(): a timeout converted the CancelledError into TimeoutError (or code did). */
  | { readonly e: 'uncancel'; readonly task: TaskId; readonly via: CancelVia }
  /** Text written to stdout ("out") or stderr ("err") in the current step. */
  | { readonly e: 'out'; readonly s: string; readonly fd?: 'err' }
  /**
   * time.sleep(d) in the loop's thread: the clock advanced while nothing else could run.
   * `req`: it was a simulated blocking HTTP call (requests, httpx.get) of `method` `url`.
   */
  | {
      readonly e: 'block';
      readonly d: Seconds;
      readonly l: Line | null;
      readonly req?: BlockingRequest;
      /** time.sleep was called right in a coroutine's body (so `await asyncio.sleep` can replace it). */
      readonly co?: true;
    }
  /**
   * The step that just ran did this much CPU work without awaiting, counted the same on every
   * machine: `lines` of the learner's code (its `line` events) and `rounds`, the unconditional
   * jumps the learner's code made (a loop's rounds, also of a one-line loop or a generator
   * expression), not counting work in an executor job. `l`: the line of the innermost coroutine
   * where most rounds were spent (the call doing the work), else the line the step ran most.
   * Recorded after the step's lines when lines + rounds reach 10,000; the virtual clock does not
   * move for it (src/trace/findings/blockingCall.ts decides whether it held the loop too long).
   */
  | { readonly e: 'cpu'; readonly lines: number; readonly rounds: number; readonly l: Line | null }
  /** run_in_executor / to_thread: a simulated worker thread ran `fn` from `start` for `d` s. */
  | { readonly e: 'worker'; readonly fn: string; readonly start: Seconds; readonly d: Seconds; readonly h: HandleId }
  /**
   * A loop warning: an exception never retrieved, a coroutine never awaited, a callback error;
   * or the program used an API a Python deprecated ('deprecated-api': which, and which Python).
   */
  | {
      readonly e: 'warn';
      readonly kind: WarningKind;
      readonly msg: string;
      readonly task?: TaskId;
      /** Present for kind 'deprecated-api' (Python 3.14's event-loop policy API). */
      readonly api?: RemovedApi;
      readonly version?: PythonVersion;
      /** For kind 'never-awaited': the coroutine's qualified name, e.g. "save". */
      readonly coro?: string;
      /** For kind 'never-awaited': the learner's line that made the coroutine (called the function). */
      readonly l?: Line;
    }
  /** An event loop was created (asyncio.run, Runner, new_event_loop) or closed. */
  | { readonly e: 'loop'; readonly n: number; readonly open: boolean }
  | ObjectEvent
  | ObjectStateEvent;

export type { ListChange, ObjectEvent, ObjectId, ObjectKind, ObjectStateEvent } from './objects';
export type { RunEnd, LoopMisuse, LimitEnd, LimitKind, RunHint, RunHintKind, PythonVersion, RemovedApi, Compat, StuckTask } from './runEnd';

export type WarningKind = 'never-retrieved' | 'never-awaited' | 'callback-error' | 'pending-destroyed' | 'deprecated-api';
/** The HTTP call a `block` event stands for (simulated requests / httpx.Client). */
export interface BlockingRequest {
  /** Which simulated library made the call. */
  readonly lib: BlockingLib;
  readonly method: string;
  readonly url: string;
}

/** The simulated libraries whose calls block the loop's thread. */
export type BlockingLib = 'requests' | 'httpx';

export type TraceEventKind = TraceEvent['e'];


/** Limits a run is held to; every field has a default (see DEFAULT_LIMITS). */
export interface RunLimits {
  /** Loop steps (handles run). */
  readonly maxSteps: number;
  /** Virtual seconds. */
  readonly maxVirtualTime: Seconds;
  /** Loop iterations (backward jumps) in the learner's code without the event loop getting control. */
  readonly maxLines: number;
  /** Characters of stdout + stderr. */
  readonly maxOutput: number;
  /** Real seconds of running. */
  readonly maxWallSeconds: number;
  /** Trace events. */
  readonly maxEvents: number;
  /** Bytes of the engine's WebAssembly heap: stopped here, before Python's allocator fails. */
  readonly maxMemoryBytes: number;
}

export const DEFAULT_LIMITS: RunLimits = {
  maxSteps: 100_000,
  maxVirtualTime: 3_600,
  maxLines: 1_000_000,
  maxOutput: 1_000_000,
  maxWallSeconds: 10,
  maxEvents: 1_000_000,
  maxMemoryBytes: 1024 * 1024 * 1024,
};

export interface RunOptions {
  readonly seed: number;
  readonly limits: RunLimits;
  /** Record the trace (false: run on the virtual loop only, for `plainMs` in the benchmark). */
  readonly record: boolean;
  /** Run "as Python 3.13 would" where 3.14 changed asyncio (absent: as 3.14 does). */
  readonly compat?: Compat;
}

export const DEFAULT_RUN_OPTIONS: RunOptions = { seed: 0, limits: DEFAULT_LIMITS, record: true };

/** A syntax or indentation error: no trace, just where. */
export interface SyntaxProblem {
  readonly type: string;
  readonly message: string;
  readonly line: Line;
  readonly column: number;
  readonly endLine?: Line;
  readonly endColumn?: number;
  /** CPython's own rendering (what `python file.py` prints to stderr). */
  readonly text: string;
}

export interface Trace {
  readonly version: typeof TRACE_VERSION;
  /** The program that ran. */
  readonly source: string;
  readonly seed: number;
  /** Present when the run used an older Python's behaviour (RunOptions.compat). */
  readonly compat?: Compat;
  readonly events: readonly TraceEvent[];
  readonly end: RunEnd;
  /** Everything written to stdout, in order (also in `out` events; kept whole for the CLI). */
  readonly stdout: string;
  readonly stderr: string;
  readonly stats: RunStats;
  /**
   * Only on a partial trace a host made from what a killed run had streamed (partialTrace in
   * src/trace), when it left something out: `events` the schema refused, `chunks` that were not
   * JSON at all (cut short by the kill), so a reader knows the trace is not all that was sent.
   * The engine never writes it.
   */
  readonly dropped?: { readonly events: number; readonly chunks: number };
  /** Things Loopscope tells the learner about the run itself (absent: none). */
  readonly notices?: readonly RunNotice[];
}

/**
 * A notice about the run, not from the program: a `# loopscope: net` comment that could not be
 * read at `line` and is ignored; `problem` says what was wrong, `text` the offending word.
 */
export interface RunNotice {
  readonly kind: 'net-comment-ignored';
  readonly line: Line;
  readonly problem: NetCommentProblem;
  readonly text: string | null;
}

/** What is wrong with a network comment (rules.py). */
export type NetCommentProblem =
  | 'no-pattern'
  | 'not-option'
  | 'unknown-option'
  | 'bad-latency'
  | 'bad-status'
  | 'bad-fail'
  | 'bad-quotes';

export interface RunStats {
  readonly steps: number;
  readonly iterations: number;
  readonly tasks: number;
  readonly virtualTime: Seconds;
  /** Real milliseconds spent in Python (excluding serialisation). */
  readonly pythonMs: number;
}

/** What the engine returns for one run. */
export type RunResult =
  | { readonly kind: 'syntax-error'; readonly problem: SyntaxProblem }
  | { readonly kind: 'trace'; readonly trace: Trace };
