/**
 * The messages between the page and the engine's Web Worker: one discriminated union each way.
 * Both sides `switch` on `type` and end with `assertNever`, so a new message cannot be half-handled.
 */
import { parseRunResult } from './schema';
import type { RunEnd, RunOptions, RunResult } from './trace';

/** Page → worker. */
export type ToWorker =
  /** Boot Pyodide now (sent at page load so the engine is ready when the learner presses Run). */
  | {
      readonly type: 'boot';
      /** Pyodide's interrupt buffer (Int32Array over a SharedArrayBuffer) when the page is cross-origin isolated. */
      readonly interruptBuffer: Int32Array | null;
    }
  /** Run one program; the worker answers with `result` (or `crash`) carrying the same id. */
  | { readonly type: 'run'; readonly id: number; readonly source: string; readonly options: RunOptions };

/**
 * How the engine booted (src/engine/snapshotBoot.ts): restored from the build's snapshot; from a
 * snapshot it made itself because the build's could not be used (slower, same state); or with
 * no snapshot at all because Pyodide could not restore one.
 */
export type BootedFrom = 'snapshot' | 'own-snapshot' | 'no-snapshot';

/** Worker → page. */
export type FromWorker =
  | { readonly type: 'booting' }
  | { readonly type: 'ready'; readonly bootMs: number; readonly pythonVersion: string; readonly bootedFrom: BootedFrom }
  /**
   * Finished events of run `id` so far (JSON objects separated by commas), sent every ~250 ms:
   * if the worker must be terminated (a long C call, Stop without isolation) the page builds
   * the partial trace from these (src/trace/partialTrace.ts).
   */
  | { readonly type: 'progress'; readonly id: number; readonly events: string }
  /**
   * The run's RunResult as the engine's JSON text: a string crosses to the page as one copy,
   * where a structured clone of a parsed 100,000-task trace walks millions of objects.
   */
  | { readonly type: 'result'; readonly id: number; readonly json: string; readonly runMs: number }
  /**
   * The engine itself failed (not the learner's program): boot failure, out of memory, internal
   * error. `cause` is decided where the error was caught, from its type (`c-stack`: a RangeError,
   * the host's stack overflowing under Python); `message` is the error as the host printed it.
   */
  | {
      readonly type: 'crash';
      readonly id: number | null;
      readonly cause: Extract<RunEnd, { kind: 'crashed' }>['cause'];
      readonly message: string;
    };

/** Data from the engine that is not what the protocol says: the host reports it as the engine failing. */
export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';
}

/**
 * The RunResult a `result` message carries, checked against the schema (src/protocol/schema.ts).
 * Throws a ProtocolError naming the field when the engine's JSON is not a RunResult.
 */
export function resultOf(message: Extract<FromWorker, { type: 'result' }>): RunResult {
  const parsed = parseRunResult(message.json);
  if (!parsed.ok) throw new ProtocolError(`the engine sent a result that is not a run result: ${parsed.error}`);
  return parsed.value;
}
