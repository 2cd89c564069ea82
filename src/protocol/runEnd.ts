/**
 * How a run ended, and the hints under an error: facts only (a kind and typed figures), which
 * src/i18n words in each language. Part of the trace (src/protocol/trace.ts re-exports all of it).
 */
import type { AwaitTarget, BlockingRequest, Line, Seconds, TaskId } from './trace';

/** How the run ended: facts only. src/i18n renders every kind in each language. */
export type RunEnd =
  | { readonly kind: 'ok' }
  /** The program raised: a traceback trimmed to the learner's frames. */
  | {
      readonly kind: 'exception';
      readonly type: string;
      /** str(exception), as CPython raised it. */
      readonly message: string;
      readonly traceback: string;
      readonly line: Line | null;
      /** Why, when the error comes from where the program runs rather than from the program. */
      readonly hint?: RunHint;
      /** The program misused the event loop (a RuntimeError asyncio raised for it). */
      readonly misuse?: LoopMisuse;
    }
  /** sys.exit(n) / SystemExit / os._exit(n). */
  | { readonly kind: 'exit'; readonly code: number }
  /** A safety limit stopped the run. */
  | LimitEnd
  /** Nothing ready, no timer pending, tasks still waiting. */
  | { readonly kind: 'deadlock'; readonly stuck: readonly StuckTask[] }
  /**
   * Stopped from outside: `interrupt`, Python stopped itself at the Stop button's interrupt;
   * `terminated`, the engine was ended from outside (Stop without cross-origin isolation, or no
   * answer to the interrupt) and the trace is what it had streamed.
   */
  | { readonly kind: 'stopped'; readonly how: 'interrupt' | 'terminated' }
  /**
   * Python itself crashed under the program (Pyodide's fatal error), which CPython would have
   * turned into an exception. `cause` `c-stack` is the one a learner can cause on purpose: the C
   * stack overflowed (the repr of a list nested 100,000 deep), where CPython raises RecursionError.
   * `detail` is the host's error, first line ("RangeError: Maximum call stack size exceeded").
   */
  | { readonly kind: 'crashed'; readonly cause: 'c-stack' | 'other'; readonly detail: string };

/**
 * How a program misused the event loop, told by where asyncio raised its RuntimeError:
 * `run-in-running-loop`, asyncio.run() (or Runner.run) called while a loop runs; `closed-loop`,
 * a closed loop used again; `no-running-loop`, create_task with no loop running.
 */
export type LoopMisuse = 'run-in-running-loop' | 'closed-loop' | 'no-running-loop';

/** Which limit stopped a run, with the figures its words need. */
export type LimitEnd =
  /** More than `max` loop steps; the clock read `t` then. */
  | { readonly kind: 'limit'; readonly limit: 'steps'; readonly line: Line | null; readonly max: number; readonly t: Seconds }
  /**
   * The virtual clock would pass `max` seconds: the loop's next timer is due at `at` (`cause`
   * `timer`, 1e308 for an infinite deadline), or `time.sleep(at)` at `line` would block past it,
   * or (`request`) a blocking simulated HTTP call `request` would wait `at` s for a server that
   * never answers.
   */
  | {
      readonly kind: 'limit';
      readonly limit: 'virtual-time';
      readonly line: Line | null;
      readonly max: Seconds;
      readonly cause: 'timer' | 'time.sleep' | 'request';
      readonly at: Seconds;
      readonly request?: BlockingRequest;
    }
  /** The loop at `line` went round `rounds` times without giving the event loop control. */
  | { readonly kind: 'limit'; readonly limit: 'busy-loop'; readonly line: Line | null; readonly rounds: number }
  /** More than `max` characters of output. */
  | { readonly kind: 'limit'; readonly limit: 'output'; readonly line: Line | null; readonly max: number }
  /**
   * More than `max` real seconds: Python noticed it itself (`where` `python`, at `line`), or the
   * run sat in one call that never returned to Python and was ended from outside (`c-call`).
   */
  | {
      readonly kind: 'limit';
      readonly limit: 'wall-clock';
      readonly line: Line | null;
      readonly max: number;
      readonly where: 'python' | 'c-call';
    }
  /** More than `max` trace events. */
  | { readonly kind: 'limit'; readonly limit: 'events'; readonly line: Line | null; readonly max: number }
  /**
   * Memory: the engine's heap passed `maxBytes` (`cause` `heap`), or Python's allocator failed
   * first and the program got a MemoryError (`memory-error`).
   */
  | {
      readonly kind: 'limit';
      readonly limit: 'memory';
      readonly line: Line | null;
      readonly maxBytes: number;
      readonly cause: 'heap' | 'memory-error';
    };

export type LimitKind = LimitEnd['limit'];

/**
 * What a learner needs to know about an error CPython's own message does not say: it comes from
 * where the program runs (the sandbox, Pyodide), not from the program. The engine decides it
 * from the exception itself (its type, its `name`, the frame that raised it), never its text.
 */
export type RunHint =
  /** `import requests`: the sandbox has the standard library only, and nothing can be installed. */
  | { readonly k: 'missing-module'; readonly module: string }
  /** threading.Thread(...).start(): Pyodide has no threads (asyncio.to_thread is simulated). */
  | { readonly k: 'no-threads' }
  /** subprocess, os.fork: no processes in the browser. */
  | { readonly k: 'no-processes' }
  /** input(): a run does not stop for the learner to type. */
  | { readonly k: 'no-input' }
  /** import js / pyodide: the sandbox keeps the program away from the page. */
  | { readonly k: 'no-page' }
  /** urllib, socket, asyncio.open_connection: the sandbox is offline. */
  | { readonly k: 'no-network' }
  /**
   * The program uses an API a newer Python removed or changed; `version` is the Python that did.
   * For the 3.14 changes, running "as Python 3.13 would" (RunOptions.compat) runs it unchanged.
   */
  | { readonly k: 'removed-api'; readonly api: RemovedApi; readonly version: PythonVersion };

export type RunHintKind = RunHint['k'];

/** A Python version a change to asyncio came with. */
export type PythonVersion = '3.10' | '3.11' | '3.12' | '3.14';

/** The changes tutorials still trip over, each with the Python version that made it. */
export type RemovedApi =
  /** 3.14: get_event_loop() no longer creates a loop when there is none (RuntimeError). */
  | 'get_event_loop'
  /** 3.14: the event-loop policy API is deprecated (get/set_event_loop_policy, DefaultEventLoopPolicy...). */
  | 'event-loop-policy'
  /** 3.11: asyncio.wait() refuses coroutines: tasks only. */
  | 'wait-coroutines'
  /** 3.11: @asyncio.coroutine is gone: `async def` instead. */
  | 'coroutine-decorator'
  /** 3.11: a generator (`yield from`) is no longer a coroutine asyncio accepts. */
  | 'generator-coroutine'
  /** 3.10: the `loop=` argument of asyncio's high-level functions and classes is gone. */
  | 'loop-argument';

/** Run a program with an older Python's asyncio behaviour where 3.14 changed it. */
export type Compat = '3.13';

export interface StuckTask {
  readonly task: TaskId;
  readonly name: string;
  readonly line: Line | null;
  readonly on: AwaitTarget | null;
}
