/**
 * The page's side of the engine: owns the Web Worker that runs Python, boots it early, sends
 * runs, and keeps a working engine available whatever happens to the worker.
 *
 * - Runs asked for while Python is still booting wait and start as soon as it is ready.
 * - Stop first asks Python to interrupt itself (Pyodide's SIGINT through a shared buffer), which
 *   keeps the partial trace. If no answer comes within STOP_GRACE_MS, or the page is not
 *   cross-origin isolated (no SharedArrayBuffer), the worker is terminated and a fresh one booted:
 *   a tight C loop cannot be interrupted any other way.
 * - A worker that crashes or dies is replaced automatically; repeated boot failures give up and
 *   report, instead of restarting forever.
 * - A spare engine waits booted beside the one in use, started SPARE_IDLE_MS after that one is
 *   ready (Perfetto keeps one to hide wasm start-up):
 *   whatever ends a worker (Stop, a limit that needs a fresh engine, a crash), the spare takes its
 *   place at once, so the learner can run again without waiting for a boot, and a new spare boots.
 *   Each worker has its own interrupt buffer, so a Stop never reaches the spare.
 * - Every event says what happened in its fields: a `restarted` carries the run it ended, with
 *   the partial trace made from what the worker had streamed, so the store infers nothing.
 *
 * This is the page's host of the engine (the CLI's is cli/engineHost.ts), not a store slice:
 * the store only hears its events.
 */
import type { RunEnd, RunOptions, RunResult } from '../protocol/trace';
import { assertNever } from '../protocol/assertNever';
import { ProtocolError, resultOf, type FromWorker } from '../protocol/worker';
import { crashedEnd, partialTrace, type CrashCause } from '../trace';
import type { EngineClient, EngineClientOptions, EndedRun, RestartReason, WorkerPort } from './engineTypes';
import { startWatchdog, type Watchdog } from './watchdog';

/** How long Stop waits for the interrupted run's partial trace before terminating the worker. */
export const STOP_GRACE_MS = 1500;
/** Boot failures in a row after which the client stops restarting and reports. */
export const MAX_BOOT_FAILURES = 3;
/**
 * Real seconds past the run's own wall-clock limit after which the worker is terminated: only a
 * single long C call (sum(range(10**13))) gets that far, as Python checks its limits itself.
 */
export const WATCHDOG_GRACE_MS = 3000;
/**
 * How long after the engine in use is ready a spare boots beside it: not at once, so the page's
 * first moments (Monaco loading, the first run a link starts) do not share the cores with a
 * boot; not after the run either, so a runaway a link starts has a spare when it is stopped.
 */
export const SPARE_IDLE_MS = 1500;

/** Spare boot failures in a row after which no more spares are started (the next restart boots as before). */
export const MAX_SPARE_FAILURES = 2;
/** Pyodide reads this value in the interrupt buffer as SIGINT. */
const SIGINT = 2;

export type {
  EndedRun,
  EngineClient,
  EngineClientOptions,
  EngineEvent,
  RestartReason,
  WorkerFactory,
  WorkerHandlers,
  WorkerPort,
} from './engineTypes';
/** A worker and what the client knows of it. */
interface Slot {
  readonly port: WorkerPort;
  /** Its own interrupt buffer (null when the page is not cross-origin isolated). */
  readonly interruptBuffer: Int32Array | null;
  /** Its `ready` message, once it came. */
  ready: Extract<FromWorker, { type: 'ready' }> | null;
}

interface PendingRun {
  readonly id: number;
  readonly source: string;
  readonly options: RunOptions;
  /** The finished events the worker streamed so far: the partial trace if it must be killed. */
  readonly chunks: string[];
  readonly startedAt: number;
}

/** Why a run's worker was killed, as the end of its partial trace. */
function killedEnd(reason: RestartReason, detail: string, cause: CrashCause, options: RunOptions): RunEnd {
  switch (reason) {
    case 'watchdog':
      return { kind: 'limit', limit: 'wall-clock', line: null, max: options.limits.maxWallSeconds, where: 'c-call' };
    case 'stopped':
    case 'retry':
      return { kind: 'stopped', how: 'terminated' };
    case 'crashed':
    case 'died':
      return crashedEnd(cause, detail);
  }
}

export function createEngineClient(opts: EngineClientOptions): EngineClient {
  const setTimer = opts.setTimer ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
  const clearTimer = opts.clearTimer ?? ((h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>));
  const now = opts.now ?? (() => performance.now());
  /** The worker in use (runs go there), and the spare booting or booted beside it. */
  let current: Slot | null = null;
  let spare: Slot | null = null;
  let ready = false;
  let bootFailures = 0;
  let spareFailures = 0;
  let spareTimer: unknown = null;
  let nextRunId = 1;
  let queued: PendingRun | null = null;
  let running: PendingRun | null = null;
  let stopTimer: unknown = null;
  let watchdog: Watchdog | null = null;
  let disposed = false;

  function clearStopTimer(): void {
    if (stopTimer !== null) clearTimer(stopTimer);
    stopTimer = null;
    watchdog?.cancel();
    watchdog = null;
  }

  /** A new worker, told to boot; its messages reach the client only while it is the current or the spare one. */
  function bootWorker(): Slot {
    const interruptBuffer = opts.isolated ? new Int32Array(new SharedArrayBuffer(4)) : null;
    const slot: Slot = {
      interruptBuffer,
      ready: null,
      port: opts.createWorker({
        onMessage: (message) => {
          if (slot === current) handleMessage(message);
          else if (slot === spare) handleSpareMessage(slot, message);
        },
        onError: (detail) => {
          if (slot === current) handleFailure('died', detail);
          else if (slot === spare) spareFailed();
        },
      }),
    };
    slot.port.postMessage({ type: 'boot', interruptBuffer });
    return slot;
  }

  function startWorker(): void {
    ready = false;
    current = bootWorker();
  }

  /** Boot a spare beside a ready engine, unless there is one or spares keep failing. */
  function startSpare(): void {
    if (disposed || spare !== null || spareFailures >= MAX_SPARE_FAILURES) return;
    spare = bootWorker();
  }

  /** Boot a spare SPARE_IDLE_MS from now. */
  function scheduleSpare(): void {
    if (disposed || spare !== null || spareTimer !== null || spareFailures >= MAX_SPARE_FAILURES) return;
    spareTimer = setTimer(() => {
      spareTimer = null;
      startSpare();
    }, SPARE_IDLE_MS);
  }

  function cancelSpareTimer(): void {
    if (spareTimer !== null) clearTimer(spareTimer);
    spareTimer = null;
  }

  function handleSpareMessage(slot: Slot, message: FromWorker): void {
    switch (message.type) {
      case 'booting':
      case 'boot-progress':
      case 'progress':
      case 'result':
        return;
      case 'ready':
        slot.ready = message;
        spareFailures = 0;
        return;
      case 'crash':
        spareFailed();
        return;
      default:
        assertNever(message);
    }
  }

  function spareFailed(): void {
    spare?.port.terminate();
    spare = null;
    spareFailures += 1;
  }

  function engineReady(message: Extract<FromWorker, { type: 'ready' }>): void {
    ready = true;
    bootFailures = 0;
    opts.onEvent({ type: 'ready', pythonVersion: message.pythonVersion, bootMs: message.bootMs });
    if (queued) {
      const next = queued;
      queued = null;
      send(next);
    }
    scheduleSpare();
  }

  /** The worker that takes the place of one that ended: the spare when there is one, else a new one. */
  function nextWorker(): void {
    const next = spare;
    spare = null;
    if (next === null) {
      startWorker();
      return;
    }
    current = next;
    ready = false;
    if (next.ready !== null) engineReady(next.ready);
  }

  /** `cause`: for a crash, what the worker said it was (a worker that died says nothing). */
  function replaceWorker(reason: RestartReason, detail: string, cause: CrashCause = 'other'): void {
    clearStopTimer();
    current?.port.terminate();
    current = null;
    const killed = running;
    running = null;
    if (disposed) return;
    // Keep what the run did before the kill: the streamed events make a partial trace.
    const run: EndedRun | null =
      killed === null
        ? null
        : {
            runId: killed.id,
            result: {
              kind: 'trace',
              trace: partialTrace(killed.source, killed.options.seed, killed.chunks, killedEnd(reason, detail, cause, killed.options)),
            },
            runMs: now() - killed.startedAt,
          };
    opts.onEvent({ type: 'restarted', reason, detail, run });
    nextWorker();
  }

  function handleFailure(reason: 'crashed' | 'died', detail: string, cause: CrashCause = 'other'): void {
    if (!ready) {
      // The boot itself failed: retry a few times, then give up and say so.
      bootFailures += 1;
      if (bootFailures >= MAX_BOOT_FAILURES) {
        current?.port.terminate();
        current = null;
        if (queued) opts.onEvent({ type: 'run-cancelled', runId: queued.id });
        queued = null;
        opts.onEvent({ type: 'boot-failed', detail });
        return;
      }
    }
    replaceWorker(reason, detail, cause);
  }

  function send(queuedRun: PendingRun): void {
    if (!current) return;
    const { port, interruptBuffer } = current;
    const run: PendingRun = { ...queuedRun, chunks: [], startedAt: now() };
    running = run;
    watchdog = startWatchdog({
      firstMs: run.options.limits.maxWallSeconds * 1000 + WATCHDOG_GRACE_MS,
      graceMs: WATCHDOG_GRACE_MS,
      onKill: () => {
        watchdog = null;
        replaceWorker('watchdog', 'the run passed its wall-clock limit');
      },
      setTimer,
      clearTimer,
      now,
    });
    if (interruptBuffer) Atomics.store(interruptBuffer, 0, 0);
    port.postMessage({ type: 'run', id: run.id, source: run.source, options: run.options });
    opts.onEvent({ type: 'started', runId: run.id });
  }

  function handleMessage(message: FromWorker): void {
    watchdog?.heard();
    switch (message.type) {
      case 'booting':
        opts.onEvent({ type: 'booting' });
        return;
      case 'boot-progress':
        opts.onEvent({ type: 'boot-progress', stage: message.stage, downloads: message.downloads });
        return;
      case 'ready':
        if (current) current.ready = message;
        engineReady(message);
        return;
      case 'result': {
        if (!running || running.id !== message.id) return;
        let result: RunResult;
        try {
          result = resultOf(message);
        } catch (error) {
          if (!(error instanceof ProtocolError)) throw error;
          // Read before the run is let go: a result the schema refuses ends the run as a crash
          // with the partial trace of what it streamed, like any other engine failure.
          handleFailure('crashed', error.message);
          return;
        }
        clearStopTimer();
        running = null;
        // A Stop that arrived as the run was finishing must not interrupt the next one.
        if (current?.interruptBuffer) Atomics.store(current.interruptBuffer, 0, 0);
        opts.onEvent({ type: 'result', runId: message.id, result, runMs: message.runMs });
        if (result.kind === 'trace' && result.trace.end.kind === 'limit' && result.trace.end.limit === 'memory') {
          // After a MemoryError, Pyodide's heap is not to be trusted: start the next run on a fresh engine.
          // Quietly: the learner already reads the memory limit; a crash banner would alarm for nothing.
          replaceWorker('retry', 'a fresh engine after the memory limit');
        }
        return;
      }
      case 'progress':
        if (running && running.id === message.id) running.chunks.push(message.events);
        return;
      case 'crash':
        handleFailure('crashed', message.message, message.cause);
        return;
      default:
        assertNever(message);
    }
  }

  startWorker();

  return {
    run(source, options) {
      const run: PendingRun = { id: nextRunId++, source, options, chunks: [], startedAt: 0 };
      if (running) return running.id; // one run at a time: the UI offers Stop meanwhile
      if (ready && current) send(run);
      else {
        queued = run;
        if (!current) startWorker(); // after boot-failed, a Run is also a retry
      }
      return run.id;
    },
    stop() {
      if (queued) {
        opts.onEvent({ type: 'run-cancelled', runId: queued.id });
        queued = null;
      }
      if (!running || stopTimer !== null) return;
      const interruptBuffer = current?.interruptBuffer ?? null;
      if (interruptBuffer) {
        Atomics.store(interruptBuffer, 0, SIGINT);
        stopTimer = setTimer(() => {
          stopTimer = null;
          replaceWorker('stopped', 'no answer to the interrupt');
        }, STOP_GRACE_MS);
      } else {
        replaceWorker('stopped', 'not cross-origin isolated');
      }
    },
    restart() {
      bootFailures = 0;
      replaceWorker('retry', 'restart requested');
    },
    dispose() {
      disposed = true;
      clearStopTimer();
      cancelSpareTimer();
      current?.port.terminate();
      spare?.port.terminate();
      current = null;
      spare = null;
    },
  };
}
