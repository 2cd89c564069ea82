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

/**
 * A file the boot downloads and the worker counts the bytes of: Pyodide's wasm, its standard
 * library, the engine snapshot. (Pyodide's two scripts are imported, not fetched, so the worker
 * cannot count them: 1.3 MB raw, 0.2 MB brotli.)
 */
export type BootFile = 'wasm' | 'stdlib' | 'snapshot';

/** One download of the boot so far: facts, which the page puts in words (src/i18n/bootProgress.ts). */
export interface BootDownload {
  readonly file: BootFile;
  /** Bytes received so far, as the browser hands them over (decoded, whatever the transfer's encoding). */
  readonly loaded: number;
  /** The file's size (decoded), when known: from the build, or the snapshot's own header; null when not. */
  readonly total: number | null;
  /** The download has ended (whole, or failed: the boot then goes on without it or fails on its own). */
  readonly done: boolean;
}

/**
 * Where a boot is: downloading its files, or starting Python from them (restoring the snapshot,
 * or a normal start when there is none).
 */
export type BootStage = 'downloading' | 'starting';

/** Worker → page. */
export type FromWorker =
  | { readonly type: 'booting' }
  /** How far the boot is (sent as bytes arrive, at most every ~100 ms, and when the stage changes). */
  | { readonly type: 'boot-progress'; readonly stage: BootStage; readonly downloads: readonly BootDownload[] }
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
