/** Runs a program on the engine thread with a watchdog: past the wall-clock limit (plus grace) the thread is terminated. */
import { Worker } from 'node:worker_threads';
import type { EngineRunOptions } from '../src/engine/engine';
import { parseRunResult } from '../src/protocol/schema';
import type { RunResult } from '../src/protocol/trace';
import { ProtocolError } from '../src/protocol/worker';
import { startWatchdog, type Watchdog } from '../src/host/watchdog';
import { crashedEnd, partialTrace, type CrashCause } from '../src/trace/partialTrace';
import type { BenchFigures } from './bench';

export type ThreadMessage =
  | { readonly type: 'ready'; readonly bootMs: number }
  | { readonly type: 'progress'; readonly events: string }
  | { readonly type: 'result'; readonly json: string }
  /** Python crashed under the program; `cause` decided by the thread from the error's type. */
  | { readonly type: 'crash'; readonly cause: CrashCause; readonly detail: string }
  | { readonly type: 'bench'; readonly figures: BenchFigures };

/** What the host sends the engine thread, once: the program to run (or benchmark) on the engine it is booting. */
export interface ThreadJob {
  readonly type: 'job';
  readonly source: string;
  readonly options: EngineRunOptions;
  readonly bench: boolean;
}

/**
 * The RunResult the engine thread sent, checked against the schema as the page checks the
 * worker's (src/protocol/worker.ts, resultOf): damaged data is refused naming the field, never
 * printed as if the program had done it.
 */
export function runResultOf(json: string): RunResult {
  const parsed = parseRunResult(json);
  if (!parsed.ok) throw new ProtocolError(`the engine sent a result that is not a run result: ${parsed.error}`);
  return parsed.value;
}

/** Extra real seconds past the engine's own wall-clock limit before the thread is killed. */
const GRACE_SECONDS = 2;

/**
 * A new engine thread: it starts booting Python at once and waits for its job
 * (bin/loopscope.mjs starts one before the CLI's modules have loaded).
 */
export function startEngineThread(): Worker {
  return new Worker(new URL('./engineThread.mjs', import.meta.url));
}

function sendJob(thread: Worker, source: string, options: EngineRunOptions, bench: boolean): void {
  const job: ThreadJob = { type: 'job', source, options, bench };
  thread.postMessage(job);
}

/** Runs the program on `thread` (booted or still booting), which ends with the run. */
export function runOnThread(source: string, options: EngineRunOptions, thread: Worker = startEngineThread()): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    sendJob(thread, source, options, false);
    const chunks: string[] = [];
    let watchdog: Watchdog | null = null;
    const stop = (): void => {
      watchdog?.cancel();
      void thread.terminate();
    };
    const finish = (result: RunResult): void => {
      stop();
      resolve(result);
    };
    thread.on('message', (message: ThreadMessage) => {
      watchdog?.heard();
      switch (message.type) {
        case 'ready':
          // The limit counts from the start of the run, not of Pyodide's boot.
          // Past the limit it waits longer, twice at most, while the engine still sends heartbeats.
          watchdog = startWatchdog({
            firstMs: (options.limits.maxWallSeconds + GRACE_SECONDS) * 1000,
            graceMs: GRACE_SECONDS * 1000,
            setTimer: (fn, ms) => setTimeout(fn, ms),
            clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
            now: () => performance.now(),
            onKill: () => finish({
              kind: 'trace',
              // Python checks its limits itself: only a call that never returns to it gets here.
              trace: partialTrace(source, options.seed, chunks, {
                kind: 'limit',
                limit: 'wall-clock',
                line: null,
                max: options.limits.maxWallSeconds,
                where: 'c-call',
              }),
            }),
          });
          break;
        case 'progress':
          chunks.push(message.events);
          break;
        case 'result':
          try {
            finish(runResultOf(message.json));
          } catch (error) {
            stop();
            reject(error instanceof Error ? error : new Error(String(error)));
          }
          break;
        case 'crash':
          // Python crashed under the program (a C stack overflow): keep what it did until then.
          finish({ kind: 'trace', trace: partialTrace(source, options.seed, chunks, crashedEnd(message.cause, message.detail)) });
          break;
        case 'bench':
          break;
      }
    });
    thread.on('error', (error) => {
      if (watchdog === null) return reject(error); // Pyodide did not even boot
      // The thread died outside the run's own catch: keep what it did until then.
      const cause: CrashCause = error instanceof RangeError ? 'c-stack' : 'other';
      finish({ kind: 'trace', trace: partialTrace(source, options.seed, chunks, crashedEnd(cause, String(error))) });
    });
  });
}

export function benchOnThread(source: string, options: EngineRunOptions, thread: Worker = startEngineThread()): Promise<BenchFigures> {
  return new Promise((resolve, reject) => {
    sendJob(thread, source, options, true);
    thread.on('message', (message: ThreadMessage) => {
      if (message.type === 'bench') {
        void thread.terminate();
        resolve(message.figures);
      }
    });
    thread.on('error', reject);
  });
}
