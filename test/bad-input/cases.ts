/**
 * Hostile and broken programs, one case per `.py` file beside this one, with what a learner
 * should see when each runs. Data only: the engine's runners (CLI and browser) execute them.
 *
 * How to read an expectation:
 * - `kind`: the run's `RunEnd.kind` (src/protocol/trace.ts), or 'syntax-error' when the
 *   engine returns a `SyntaxProblem` instead of a trace.
 * - `limit`: for kind 'limit', which `LimitKind` should stop the run, and `cause` which of its
 *   variants (a virtual-time limit's and a memory limit's `cause`, a wall-clock limit's `where`)
 *   for the kinds that have them. Where two limits race (the engine's design decides), this is the
 *   intended one and the case's `what` says so.
 * - `messageIncludes`: each string must occur in the learner-facing text of the end:
 *   `${type}: ${message}` for 'syntax-error' and 'exception' (CPython's words), and the English
 *   words src/i18n makes of the end's facts for 'limit', 'deadlock' and 'crashed' (what the CLI
 *   prints). Kept generic on purpose (type names, a module name, one plain word).
 * - `line`: the learner's line the end points at (`SyntaxProblem.line`, or `RunEnd.line`:
 *   the innermost frame of the learner's file in the traceback, or where a limit stopped it).
 * - `exitCode`: for kind 'exit', `RunEnd.code`.
 * - `warnings`: warning kinds the trace must contain (`warn` events), e.g. an exception
 *   never retrieved.
 * - `stuckOn`: for kind 'deadlock', the `AwaitTarget.api` that must appear among the stuck
 *   tasks (e.g. "Lock.acquire").
 * - `hint`: the kind of the hint the engine puts on an exception that comes from the sandbox
 *   (`RunHint.k`), which the page and the CLI word under the error.
 * - `stdoutFile`: the stdout real CPython printed, relative to this folder; the run must
 *   print exactly that (stderr is not compared: CPython's holds file paths).
 */
import type { LimitEnd, LimitKind, RunEnd, RunHintKind, WarningKind } from '../../src/protocol/trace';

/** Every way a run can end that a fixture can ask for ('stopped' only comes from outside). */
export type ExpectedEnd = 'syntax-error' | Exclude<RunEnd['kind'], 'stopped'>;

type LimitOf<K extends LimitKind> = Extract<LimitEnd, { limit: K }>;

/** Which variant of its limit an end is: the field that picks its words, for the kinds that have one. */
export type LimitCause = LimitOf<'virtual-time'>['cause'] | LimitOf<'wall-clock'>['where'] | LimitOf<'memory'>['cause'];

/**
 * Every limit kind with every variant it has (null: it has none). Typed by the protocol's unions,
 * so a limit or a cause added there must be added here, and then reached by some case (the
 * table's test and the CLI suite both check).
 */
export const LIMIT_CAUSES: { readonly [K in LimitKind]: readonly LimitCause[] | null } = {
  steps: null,
  'virtual-time': Object.keys({ timer: 1, 'time.sleep': 1, request: 1 } satisfies Record<LimitOf<'virtual-time'>['cause'], 1>) as LimitCause[],
  'busy-loop': null,
  output: null,
  'wall-clock': Object.keys({ python: 1, 'c-call': 1 } satisfies Record<LimitOf<'wall-clock'>['where'], 1>) as LimitCause[],
  events: null,
  memory: Object.keys({ heap: 1, 'memory-error': 1 } satisfies Record<LimitOf<'memory'>['cause'], 1>) as LimitCause[],
};

/** An end's limit variant, or null for the kinds with one way to be reached. */
export function causeOf(end: LimitEnd): LimitCause | null {
  switch (end.limit) {
    case 'virtual-time':
    case 'memory':
      return end.cause;
    case 'wall-clock':
      return end.where;
    case 'steps':
    case 'busy-loop':
    case 'output':
    case 'events':
      return null;
  }
}

export interface BadInputExpectation {
  readonly kind: ExpectedEnd;
  readonly limit?: LimitKind;
  readonly cause?: LimitCause;
  /**
   * The one other variant of the same limit the run may end by instead, where which comes first
   * depends on the machine's speed (the case's `what` says why); absent: `cause` only.
   */
  readonly orCause?: LimitCause;
  /**
   * Another limit the run may reach first on a slow or loaded machine (the case's `what` says
   * why): the wall-clock limit racing a steps limit. Absent: `limit` only.
   */
  readonly orLimit?: LimitKind;
  readonly messageIncludes?: readonly string[];
  readonly line?: number;
  readonly exitCode?: number;
  readonly warnings?: readonly WarningKind[];
  readonly stuckOn?: readonly string[];
  /** The hint the engine gives the exception (RunEnd `exception`'s `hint.k`), for errors from the sandbox. */
  readonly hint?: RunHintKind;
}

export interface BadInputCase {
  /** The fixture's file name in test/bad-input/. */
  readonly file: string;
  /** One line: what the program does wrong. */
  readonly what: string;
  readonly expect: BadInputExpectation;
  /** `expected/<name>.out`, when CPython's stdout for it is definite. */
  readonly stdoutFile?: string;
  /** Options `loopscope trace` gets for it beyond the defaults (test/bad-input/cli.test.ts). */
  readonly cliArgs?: readonly string[];
}

const NO_NETWORK = ['Network unreachable'] as const;

export const BAD_INPUT_CASES: readonly BadInputCase[] = [
  // ---- programs that do not compile
  {
    file: 'syntax-missing-colon.py',
    what: 'async def line without its colon',
    expect: { kind: 'syntax-error', messageIncludes: ['SyntaxError', "expected ':'"], line: 5 },
  },
  {
    file: 'syntax-unclosed-paren.py',
    what: 'a bracket opened and never closed',
    expect: { kind: 'syntax-error', messageIncludes: ['SyntaxError', 'never closed'], line: 6 },
  },
  {
    file: 'syntax-await-in-plain-def.py',
    what: 'await inside a plain (non-async) def',
    expect: { kind: 'syntax-error', messageIncludes: ['SyntaxError', "'await' outside async function"], line: 6 },
  },
  {
    file: 'indentation-missing-block.py',
    what: 'function body not indented',
    expect: { kind: 'syntax-error', messageIncludes: ['IndentationError', 'expected an indented block'], line: 6 },
  },
  {
    file: 'indentation-unexpected.py',
    what: 'a line indented deeper for no reason',
    expect: { kind: 'syntax-error', messageIncludes: ['IndentationError', 'unexpected indent'], line: 6 },
  },
  {
    file: 'tabs-and-spaces.py',
    what: 'one line indented with a tab, the next with eight spaces',
    expect: { kind: 'syntax-error', messageIncludes: ['TabError', 'inconsistent use of tabs and spaces'], line: 7 },
  },
  {
    file: 'crlf-syntax-error.py',
    what: 'CRLF line ends and a missing colon: the line number must still be right',
    expect: { kind: 'syntax-error', messageIncludes: ['SyntaxError'], line: 6 },
  },

  // ---- valid programs that look unusual
  {
    file: 'crlf-valid.py',
    what: 'a valid program saved with CRLF line ends',
    expect: { kind: 'ok' },
    stdoutFile: 'expected/crlf-valid.out',
  },
  {
    file: 'chinese-identifiers.py',
    what: 'Chinese function and variable names, Chinese strings',
    expect: { kind: 'ok' },
    stdoutFile: 'expected/chinese-identifiers.out',
  },
  {
    file: 'empty.py',
    what: 'an empty file',
    expect: { kind: 'ok' },
    stdoutFile: 'expected/empty.out',
  },
  {
    file: 'asyncio-run-twice.py',
    what: 'asyncio.run twice in a row (legal: two loops, one after the other)',
    expect: { kind: 'ok' },
    stdoutFile: 'expected/asyncio-run-twice.out',
  },

  // ---- exceptions
  {
    file: 'uncaught-top-level.py',
    what: 'int("twelve") at top level, before any loop',
    expect: { kind: 'exception', messageIncludes: ['ValueError', 'twelve'], line: 5 },
    stdoutFile: 'expected/uncaught-top-level.out',
  },
  {
    file: 'uncaught-in-main.py',
    what: 'KeyError raised in the main coroutine',
    expect: { kind: 'exception', messageIncludes: ['KeyError', 'cocoa'], line: 9 },
    stdoutFile: 'expected/uncaught-in-main.out',
  },
  {
    file: 'task-exception-awaited.py',
    what: 'a task divides by zero and main awaits it',
    expect: { kind: 'exception', messageIncludes: ['ZeroDivisionError'], line: 7 },
    stdoutFile: 'expected/task-exception-awaited.out',
  },
  {
    file: 'task-exception-never-retrieved.py',
    what: 'a task raises and nobody awaits it: the run ends fine, with a warning',
    expect: { kind: 'ok', warnings: ['never-retrieved'] },
    stdoutFile: 'expected/task-exception-never-retrieved.out',
  },
  {
    file: 'taskgroup-two-failures.py',
    what: 'two TaskGroup children fail in the same turn: an ExceptionGroup of two, uncaught',
    expect: {
      kind: 'exception',
      messageIncludes: ['ExceptionGroup', 'unhandled errors in a TaskGroup', '2 sub-exceptions'],
      line: 14,
    },
    stdoutFile: 'expected/taskgroup-two-failures.out',
  },
  {
    file: 'asyncio-run-nested.py',
    what: 'asyncio.run called inside a running coroutine',
    expect: {
      kind: 'exception',
      messageIncludes: ['RuntimeError', 'asyncio.run() cannot be called from a running event loop'],
      line: 11,
    },
    stdoutFile: 'expected/asyncio-run-nested.out',
  },
  {
    file: 'get-event-loop-top-level.py',
    what: 'old-style asyncio.get_event_loop() at top level (an error since 3.14)',
    expect: { kind: 'exception', messageIncludes: ['RuntimeError', 'There is no current event loop'], line: 10, hint: 'removed-api' },
  },
  {
    file: 'recursion-sync.py',
    what: 'a function that calls itself forever',
    expect: { kind: 'exception', messageIncludes: ['RecursionError'], line: 6 },
    stdoutFile: 'expected/recursion-sync.out',
  },
  {
    file: 'recursion-async.py',
    what: 'a coroutine that awaits a new copy of itself forever',
    expect: { kind: 'exception', messageIncludes: ['RecursionError'], line: 6 },
    stdoutFile: 'expected/recursion-async.out',
  },
  {
    file: 'c-stack-overflow.py',
    what: 'the repr of a list nested 100,000 deep: RecursionError on CPython, a crash of Pyodide itself (its C stack overflows)',
    expect: { kind: 'crashed', messageIncludes: ['C stack overflowed (RangeError', 'RecursionError'] },
  },
  {
    file: 'memory-bomb.py',
    what: '[0] * 10**10: MemoryError on 64-bit CPython, OverflowError on 32-bit wasm; fails at once',
    expect: { kind: 'exception', line: 7 },
  },
  {
    file: 'int-str-limit.py',
    what: 'str() of a 5,001-digit int passes the 4,300-digit conversion limit',
    expect: { kind: 'exception', messageIncludes: ['ValueError', '4300'], line: 8 },
    stdoutFile: 'expected/int-str-limit.out',
  },
  {
    file: 'keyboard-interrupt.py',
    what: 'the program raises KeyboardInterrupt itself: an exception, not a Stop click',
    expect: { kind: 'exception', messageIncludes: ['KeyboardInterrupt'], line: 8 },
    stdoutFile: 'expected/keyboard-interrupt.out',
  },
  {
    file: 'never-awaited.py',
    what: 'a coroutine called without await: never runs, warned about',
    expect: { kind: 'ok', warnings: ['never-awaited'] },
    stdoutFile: 'expected/never-awaited.out',
  },
  {
    file: 'callback-error.py',
    what: 'a call_soon callback raises: logged, and the loop carries on',
    expect: { kind: 'ok', warnings: ['callback-error'] },
    stdoutFile: 'expected/callback-error.out',
  },

  // ---- endless loops and runaway programs
  {
    file: 'busy-loop-in-coroutine.py',
    what: 'while True: pass inside a coroutine',
    expect: { kind: 'limit', limit: 'busy-loop', line: 8 },
  },
  {
    file: 'busy-loop-top-level.py',
    what: 'while True: pass on one line at top level (a one-line loop fires no line events)',
    expect: { kind: 'limit', limit: 'busy-loop', line: 3 },
  },
  {
    file: 'sleep-forever.py',
    what: 'while True: await asyncio.sleep(1)',
    expect: { kind: 'limit', limit: 'virtual-time', cause: 'timer', messageIncludes: ["program's clock would pass 3600 s"] },
  },
  {
    file: 'sleep-zero-spin.py',
    what: 'polling a flag with await asyncio.sleep(0): the clock stands still',
    // The default 100,000 steps take this spin 7–8 s on a quiet 2-core machine, so on a loaded
    // one the 10 s wall clock can come first (both stop it with its trace): the page, which runs
    // with the default limits, may end it either way. The CLI test runs it to 20,000 steps, which
    // reach the steps limit with margin, and checks that some case did.
    expect: { kind: 'limit', limit: 'steps', orLimit: 'wall-clock' },
    cliArgs: ['--max-steps', '20000'],
  },
  {
    file: 'cancel-swallowed-loop.py',
    what: 'a task swallows CancelledError while main cancels it every 0.5 s until it is done',
    expect: { kind: 'limit', limit: 'virtual-time', cause: 'timer', messageIncludes: ["program's clock would pass 3600 s"] },
  },
  {
    file: 'cancel-swallowed-at-exit.py',
    what: "main returns; asyncio.run's cleanup cancels a task that swallows it and waits forever",
    expect: { kind: 'limit', limit: 'virtual-time', cause: 'timer', messageIncludes: ["program's clock would pass 3600 s"] },
  },
  {
    file: 'except-baseexception-busy.py',
    what: 'a busy loop with except BaseException: pass, which would swallow a KeyboardInterrupt',
    expect: { kind: 'limit', limit: 'busy-loop' },
  },
  {
    file: 'except-baseexception-sleep.py',
    what: 'an endless sleep loop with except BaseException: pass',
    expect: { kind: 'limit', limit: 'virtual-time', cause: 'timer', messageIncludes: ["program's clock would pass 3600 s"] },
  },
  {
    file: 'time-sleep-huge.py',
    what: 'time.sleep(1_000_000) blocks the loop past the clock limit',
    expect: { kind: 'limit', limit: 'virtual-time', cause: 'time.sleep', line: 8, messageIncludes: ['time.sleep(1e+06) at line 8'] },
  },
  {
    file: 'requests-no-answer.py',
    what: 'requests.get with no timeout to a simulated server that never answers: blocks the loop for ever',
    expect: {
      kind: 'limit',
      limit: 'virtual-time',
      cause: 'request',
      line: 11,
      messageIncludes: ["The simulated requests.get('https://slow.example.com/report') at line 11"],
    },
  },
  {
    file: 'asyncio-sleep-huge.py',
    what: 'await asyncio.sleep(10**9): one timer far past the clock limit',
    expect: { kind: 'limit', limit: 'virtual-time', cause: 'timer', messageIncludes: ["program's clock would pass 3600 s"] },
  },
  {
    file: 'sleep-infinity.py',
    what: 'await asyncio.sleep(float("inf")): a timer at infinity (not valid JSON as a number)',
    expect: { kind: 'limit', limit: 'virtual-time', cause: 'timer', messageIncludes: ["program's clock would pass 3600 s"] },
  },
  {
    file: 'memory-growing-list.py',
    what: 'a list that grows by 1 MB per turn without an await: stop it before wasm memory runs out',
    expect: { kind: 'limit', limit: 'memory', cause: 'heap', messageIncludes: ['1,024 MB'] },
  },
  {
    file: 'memory-error.py',
    what: 'bytearray(2**31 - 1): one allocation Python cannot make, so its allocator fails first and the program gets MemoryError',
    expect: { kind: 'limit', limit: 'memory', cause: 'memory-error', line: 7, messageIncludes: ['MemoryError'] },
  },
  {
    file: 'slow-steps.py',
    what: 'each step adds up 200,000 numbers, then yields: no other limit comes near, the real-time one stops it from Python',
    expect: { kind: 'limit', limit: 'wall-clock', cause: 'python', orCause: 'c-call', messageIncludes: ['10 s of real time'] },
  },
  {
    file: 'events-flood.py',
    what: 'each step runs a 50-round loop before it yields: a million trace events come before 100,000 steps',
    expect: { kind: 'limit', limit: 'events', messageIncludes: ['1,000,000 events'] },
  },
  {
    file: 'long-c-call.py',
    what: 'three prints, then sum(range(10**13)): one C call for hours, no line events to stop it at; the prints are kept',
    expect: { kind: 'limit', limit: 'wall-clock', cause: 'c-call', messageIncludes: ['inside one call that never returned to Python'] },
    stdoutFile: 'expected/long-c-call.out',
  },
  {
    file: 'output-flood-lines.py',
    what: '10,000 lines of 1,000 characters (10 MB)',
    expect: { kind: 'limit', limit: 'output' },
  },
  {
    file: 'output-one-huge-print.py',
    what: 'one print of 10 MB',
    expect: { kind: 'limit', limit: 'output' },
  },
  {
    file: 'requests-100k.py',
    what:
      '100,000 simulated aiohttp requests at once: 100 on the wire, the rest queued; their first steps (~5,000 a second ' +
      'in Pyodide) need twice the real-time limit, which stops the run inside fetch (its line 9 or 10: wherever the 10 s fall); ' +
      'on a loaded machine the 10 s can fall in one long call of asyncio\'s own (making or collecting 100,000 objects), and the host ends it from outside',
    expect: { kind: 'limit', limit: 'wall-clock', cause: 'python', orCause: 'c-call', messageIncludes: ['10 s of real time'] },
  },
  {
    file: 'tasks-100k.py',
    what: 'gather over 100,000 tasks that each sleep 1 s: 200,000 steps (the 10 s wall-clock limit may come first on a slow or loaded machine: both stop it with its trace)',
    expect: { kind: 'limit', limit: 'steps', orLimit: 'wall-clock' },
  },

  // ---- deadlocks
  {
    file: 'deadlock-lock-twice.py',
    what: 'async with lock inside async with the same lock (not reentrant)',
    expect: { kind: 'deadlock', stuckOn: ['Lock.acquire'] },
  },
  {
    file: 'deadlock-event-never-set.py',
    what: 'await event.wait() on an Event nobody sets',
    expect: { kind: 'deadlock', stuckOn: ['Event.wait'] },
  },
  {
    file: 'deadlock-queue-never-fed.py',
    what: 'a consumer waits on an empty Queue that nobody puts into',
    expect: { kind: 'deadlock', stuckOn: ['Queue.get'] },
  },

  // ---- the process: keyboard, exit, threads, subprocesses
  {
    file: 'input.py',
    what: 'input() with no keyboard: the prompt is printed, then EOFError',
    expect: { kind: 'exception', messageIncludes: ['EOFError'], line: 6, hint: 'no-input' },
    stdoutFile: 'expected/input.out',
  },
  {
    file: 'sys-exit.py',
    what: 'sys.exit(3) inside a coroutine',
    expect: { kind: 'exit', exitCode: 3 },
    stdoutFile: 'expected/sys-exit.out',
  },
  {
    file: 'os-exit.py',
    what: 'os._exit(1): must end the run with code 1, not kill the engine',
    expect: { kind: 'exit', exitCode: 1 },
  },
  {
    file: 'threading-thread.py',
    what: 'threading.Thread(...).start(): no OS threads in the engine',
    expect: { kind: 'exception', messageIncludes: ['RuntimeError', 'thread'], line: 12, hint: 'no-threads' },
  },
  {
    file: 'subprocess-run.py',
    what: "subprocess.run(['ls']): no processes in the engine",
    expect: { kind: 'exception', messageIncludes: ['OSError'], line: 4, hint: 'no-processes' },
  },

  // ---- packages, the JavaScript bridge, the network
  {
    file: 'import-requests.py',
    what: 'import requests: the simulated one (README, "Simulated network"): it answers, nothing leaves the sandbox',
    expect: { kind: 'ok' },
  },
  {
    file: 'import-numpy.py',
    what: 'import numpy (not installed)',
    expect: { kind: 'exception', messageIncludes: ['ModuleNotFoundError', 'numpy'], line: 2, hint: 'missing-module' },
  },
  {
    file: 'import-aiohttp.py',
    what: 'import aiohttp: the simulated one (README, "Simulated network"): it answers, nothing leaves the sandbox',
    expect: { kind: 'ok' },
  },
  {
    file: 'import-js.py',
    what: "import js: Pyodide's JavaScript bridge must be closed",
    expect: { kind: 'exception', messageIncludes: ['ModuleNotFoundError', "'js'"], line: 2, hint: 'no-page' },
  },
  {
    file: 'from-js-import-fetch.py',
    what: 'from js import fetch',
    expect: { kind: 'exception', messageIncludes: ['ModuleNotFoundError', "'js'"], line: 4, hint: 'no-page' },
  },
  {
    file: 'import-pyodide-ffi.py',
    what: 'import pyodide.ffi',
    expect: { kind: 'exception', messageIncludes: ['ModuleNotFoundError', 'pyodide'], line: 2, hint: 'no-page' },
  },
  {
    file: 'pyodide-http.py',
    what: 'from pyodide.http import pyfetch',
    expect: { kind: 'exception', messageIncludes: ['ModuleNotFoundError', 'pyodide'], line: 4, hint: 'no-page' },
  },
  {
    file: 'urllib-urlopen.py',
    what: "urllib.request.urlopen('http://example.com'): no network",
    expect: { kind: 'exception', messageIncludes: NO_NETWORK, line: 4, hint: 'no-network' },
  },
  {
    file: 'socket-connect.py',
    what: 'socket.create_connection to example.com:80: no network',
    expect: { kind: 'exception', messageIncludes: NO_NETWORK, line: 4, hint: 'no-network' },
  },
  {
    file: 'asyncio-open-connection.py',
    what: "asyncio.open_connection('example.com', 80): no network",
    expect: { kind: 'exception', messageIncludes: NO_NETWORK, line: 6, hint: 'no-network' },
  },
];
