/**
 * Findings: the classic asyncio mistakes found in one recorded run (issue 12's pitfall lints).
 * Facts only, derived from the trace by pure functions (src/trace/findings); src/i18n/findings.ts
 * words each kind, English and Chinese, for the page's Problems list and `npx loopscope lint`.
 *
 * The kind names are part of the interface (the CLI's `--json` prints them).
 */
import type {
  AwaitTarget,
  BlockingRequest,
  CancelVia,
  Line,
  LoopMisuse,
  PythonVersion,
  RemovedApi,
  Seconds,
  TaskId,
} from '../../protocol/trace';
import type { TaskLabel } from '../narration';

export type FindingKind =
  | 'blocking-call'
  | 'never-awaited'
  | 'exception-never-retrieved'
  | 'task-not-awaited'
  | 'cancel-swallowed'
  | 'busy-polling'
  | 'sequential-awaits'
  | 'unbounded-fan-out'
  | 'deadlock'
  | 'removed-api'
  | 'loop-misuse'
  | 'shared-state-race';

/** How bad: an error broke the run or lost work; a warning is a mistake; info costs time only. */
export type FindingSeverity = 'error' | 'warning' | 'info';

/** What every finding has, whatever its kind: enough for a list, a jump and a marker. */
export interface FindingBase {
  readonly kind: FindingKind;
  readonly severity: FindingSeverity;
  /** The learner's line it points at (null when the run has no line for it). */
  readonly line: Line | null;
  /** The step to jump to (a cursor step, 0..stepCount, as in src/trace/cursor). */
  readonly step: number;
  /** Every step involved, ascending, `step` among them: where the timeline puts markers. */
  readonly steps: readonly number[];
  /** The tasks involved (ids of the trace's `task` events), most involved first. */
  readonly tasks: readonly TaskId[];
}

/**
 * Every kind the analysis finds, each with the figures its words need (src/i18n/findings.ts).
 *
 * `shared-state-race` is a FindingKind (the page and the CLI know the name) but no finding of
 * that kind is ever made: the trace records no reads or writes of the program's variables, so a
 * lost update cannot be told from a correct read-modify-write (README "Pitfalls" says more).
 */
export type Finding =
  | BlockingCallFinding
  | NeverAwaitedFinding
  | ExceptionNeverRetrievedFinding
  | TaskNotAwaitedFinding
  | CancelSwallowedFinding
  | BusyPollingFinding
  | SequentialAwaitsFinding
  | UnboundedFanOutFinding
  | DeadlockFinding
  | RemovedApiFinding
  | LoopMisuseFinding;

/** The kinds a Finding can have (all of FindingKind but shared-state-race). */
export type FoundKind = Finding['kind'];

/** What every kind adds to the base: how the learner calls each of `tasks` (same order). */
export interface LabelledFinding extends FindingBase {
  /** The label of each task in `tasks` ("fetch", or "fetch (Task-3)" when several run fetch): src/i18n words it. */
  readonly labels: readonly TaskLabel[];
}

/** A step (or steps on one line) that held the whole loop: nothing else could run meanwhile. */
export interface BlockingCallFinding extends LabelledFinding {
  readonly kind: 'blocking-call';
  /**
   * What blocked: time.sleep in the loop's thread, a simulated blocking HTTP call, or the
   * learner's own code computing (`cpu`: a step that ran that many lines and loop rounds).
   */
  readonly cause: 'time.sleep' | 'request' | 'cpu';
  /**
   * How long the loop was blocked, over every step in `steps`: virtual seconds for time.sleep
   * and requests; for `cpu`, CPU seconds estimated from `work` (the virtual clock does not move
   * while Python computes: see CPU_WORK_PER_SECOND).
   */
  readonly seconds: Seconds;
  /** For cause `cpu`: the learner's lines and loop rounds the steps ran without awaiting. */
  readonly work?: CpuWork;
  /** For cause `request`: which call (requests.get('…')). */
  readonly request?: BlockingRequest;
  /**
   * time.sleep called right in a coroutine's body (not in a plain function it calls): the
   * mechanical fix `time.sleep(x)` → `await asyncio.sleep(x)` on `line` is valid.
   */
  readonly inCoroutine: boolean;
  /** The task (or callback, when null) that blocked. */
  readonly blocker: TaskId | null;
  /** How many other tasks were due to run while the loop was blocked. */
  readonly heldUp: number;
  /** Their delays added up: virtual seconds, or for `cpu` estimated CPU seconds as `seconds`. */
  readonly heldUpSeconds: Seconds;
}

/** A step's CPU work as the engine counts it (the trace's `cpu` event), added up over steps. */
export interface CpuWork {
  readonly lines: number;
  readonly rounds: number;
}

/** A coroutine object made by calling an `async def` function, never awaited nor scheduled. */
export interface NeverAwaitedFinding extends LabelledFinding {
  readonly kind: 'never-awaited';
  /** The coroutine's function, as called on `line` (`save`): the quick fix puts `await ` before `name(`. */
  readonly name: string;
  /** Its qualified name, e.g. "Worker.save". */
  readonly coro: string;
}

/** A task that failed with nobody awaiting it or asking for its exception. */
export interface ExceptionNeverRetrievedFinding extends LabelledFinding {
  readonly kind: 'exception-never-retrieved';
  /** The failed task (null: a bare Future). */
  readonly task: TaskId | null;
  /** "Type: message" as the task ended, when known. */
  readonly exc: string | null;
}

/** A task left behind: still pending when asyncio.run ended (so cancelled), or dropped while pending. */
export interface TaskNotAwaitedFinding extends LabelledFinding {
  readonly kind: 'task-not-awaited';
  readonly task: TaskId;
  /** `cancelled-at-exit`: asyncio.run cancelled it on its way out; `destroyed`: freed while pending. */
  readonly how: 'cancelled-at-exit' | 'destroyed';
  /** Whether it had run at all before that. */
  readonly started: boolean;
}

/** A task that caught the CancelledError and went on. */
export interface CancelSwallowedFinding extends LabelledFinding {
  readonly kind: 'cancel-swallowed';
  readonly task: TaskId;
  /** Who asked: cancel(), a timeout, a TaskGroup... */
  readonly via: CancelVia;
  /** The line that asked for the cancellation, when the learner's code did. */
  readonly requestLine: Line | null;
  /** The task that asked, when one did. */
  readonly by: TaskId | null;
}

/** A task that woke itself again and again at one line without anything to show for it. */
export interface BusyPollingFinding extends LabelledFinding {
  readonly kind: 'busy-polling';
  readonly task: TaskId;
  /** Wake-ups in the longest polling stretch. */
  readonly wakeUps: number;
  /** The sleep between polls (0 for sleep(0)), the longest of the stretch. */
  readonly interval: Seconds;
  /** Virtual seconds the stretch lasted. */
  readonly seconds: Seconds;
}

/** Waits one task awaited one after another while the loop had nothing else to do. */
export interface SequentialAwaitsFinding extends LabelledFinding {
  readonly kind: 'sequential-awaits';
  readonly task: TaskId;
  /** How many waits in a row. */
  readonly waits: number;
  /** The lines of the awaits, in order. */
  readonly lines: readonly Line[];
  /** Virtual seconds they took one by one. */
  readonly secondsTaken: Seconds;
  /** How many seconds sooner running them together would have finished (taken − longest). */
  readonly sooner: Seconds;
}

/** Too many simulated requests on the wire at once, with no limit. */
export interface UnboundedFanOutFinding extends LabelledFinding {
  readonly kind: 'unbounded-fan-out';
  /** The most requests in flight at one moment. */
  readonly peak: number;
  /** The threshold it passed (100). */
  readonly limit: number;
}

/** One stuck task of a deadlock: what it waited for. */
export interface DeadlockWait {
  readonly task: TaskId;
  readonly label: TaskLabel;
  readonly line: Line | null;
  readonly on: AwaitTarget | null;
}

/** Nothing could ever run again while tasks still waited. */
export interface DeadlockFinding extends LabelledFinding {
  readonly kind: 'deadlock';
  readonly waits: readonly DeadlockWait[];
  /** Tasks awaiting each other in a ring (first repeated at the end implicitly); empty when none. */
  readonly cycle: readonly TaskId[];
}

/** An API a newer Python removed or changed, used by the program. */
export interface RemovedApiFinding extends LabelledFinding {
  readonly kind: 'removed-api';
  readonly api: RemovedApi;
  readonly version: PythonVersion;
  /** `error`: the program stopped on it; `deprecated`: it still works, with a DeprecationWarning. */
  readonly how: 'error' | 'deprecated';
}

/** The event loop used where there is none, or a closed one. */
export interface LoopMisuseFinding extends LabelledFinding {
  readonly kind: 'loop-misuse';
  readonly misuse: LoopMisuse;
}
