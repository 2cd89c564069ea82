/**
 * What the page's engine client deals in: the worker it drives (a port tests can fake), the
 * events it tells the store, and its options. The client itself is engineClient.ts.
 */
import type { RunOptions, RunResult } from '../protocol/trace';
import type { BootDownload, BootStage, FromWorker, ToWorker } from '../protocol/worker';

/** The part of a Worker the client uses, so tests can hand it a fake. */
export interface WorkerPort {
  postMessage(message: ToWorker): void;
  terminate(): void;
}

export interface WorkerHandlers {
  readonly onMessage: (message: FromWorker) => void;
  /** The worker failed outside the protocol: a load error, an uncaught error, out of memory. */
  readonly onError: (detail: string) => void;
}

export type WorkerFactory = (handlers: WorkerHandlers) => WorkerPort;

/**
 * Why a worker was replaced: Stop had to end the run (`stopped`), Python crashed (`crashed`),
 * the worker failed outside the protocol (`died`), the run passed its wall-clock limit inside
 * one C call (`watchdog`), or a fresh engine was wanted (`retry`: after the memory limit, or
 * on request).
 */
export type RestartReason = 'stopped' | 'crashed' | 'died' | 'watchdog' | 'retry';

/**
 * The run a restart ended, and its partial trace: what the worker had streamed, ending with why
 * it was cut (`stopped`, the wall-clock limit, `crashed`). A run is never lost: even with
 * nothing streamed, its trace says how it ended.
 */
export interface EndedRun {
  readonly runId: number;
  readonly result: RunResult;
  readonly runMs: number;
}

/** What the client tells the store. */
export type EngineEvent =
  | { readonly type: 'booting' }
  /** How far the boot of the engine in use is (a spare's boot is not told: the learner waits for none). */
  | { readonly type: 'boot-progress'; readonly stage: BootStage; readonly downloads: readonly BootDownload[] }
  | { readonly type: 'ready'; readonly pythonVersion: string; readonly bootMs: number }
  | { readonly type: 'started'; readonly runId: number }
  | { readonly type: 'result'; readonly runId: number; readonly result: RunResult; readonly runMs: number }
  /** A run asked for while booting was stopped before it started. */
  | { readonly type: 'run-cancelled'; readonly runId: number }
  /**
   * The worker was replaced and a new one is booting. `run`: the run that was going on, which
   * ends here with its partial trace (null when no run was going on).
   */
  | {
      readonly type: 'restarted';
      readonly reason: RestartReason;
      readonly detail: string;
      readonly run: EndedRun | null;
    }
  | { readonly type: 'boot-failed'; readonly detail: string };

export interface EngineClient {
  /** Queue or start a run; returns its id (results for older ids are ignored). */
  run(source: string, options: RunOptions): number;
  /** Stop the current run (or drop a queued one). */
  stop(): void;
  /** Start over with a fresh worker (after boot failures, or on request). */
  restart(): void;
  dispose(): void;
}

export interface EngineClientOptions {
  readonly createWorker: WorkerFactory;
  /** True when SharedArrayBuffer can be posted to the worker (the page is cross-origin isolated). */
  readonly isolated: boolean;
  readonly onEvent: (event: EngineEvent) => void;
  readonly setTimer?: (fn: () => void, ms: number) => unknown;
  readonly clearTimer?: (handle: unknown) => void;
  readonly now?: () => number;
}
