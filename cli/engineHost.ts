/** Runs a program on the engine thread with a watchdog: past the wall-clock limit (plus grace) the thread is terminated. */
import { Worker } from 'node:worker_threads';
import type { EngineRunOptions } from '../src/engine/engine';
import type { RunResult } from '../src/protocol/trace';
import { crashedEnd, partialTrace } from '../src/trace/partialTrace';
import type { BenchFigures } from './bench';

export type ThreadMessage =
  | { readonly type: 'ready'; readonly bootMs: number }
  | { readonly type: 'progress'; readonly events: string }
  | { readonly type: 'result'; readonly json: string }
  | { readonly type: 'bench'; readonly figures: BenchFigures };

/** Extra real seconds past the engine's own wall-clock limit before the thread is killed. */
const GRACE_SECONDS = 2;

function startThread(source: string, options: EngineRunOptions, bench: boolean): Worker {
  return new Worker(new URL('./engineThread.mjs', import.meta.url), { workerData: { source, options, bench } });
}

export function runOnThread(source: string, options: EngineRunOptions): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const thread = startThread(source, options, false);
    const chunks: string[] = [];
    let watchdog: ReturnType<typeof setTimeout> | null = null;
    const finish = (result: RunResult): void => {
      if (watchdog !== null) clearTimeout(watchdog);
      void thread.terminate();
      resolve(result);
    };
    thread.on('message', (message: ThreadMessage) => {
      switch (message.type) {
        case 'ready':
          // The limit counts from the start of the run, not of Pyodide's boot.
          watchdog = setTimeout(() => {
            finish({
              kind: 'trace',
              trace: partialTrace(source, options.seed, chunks, {
                kind: 'limit',
                limit: 'wall-clock',
                message:
                  `The program ran for more than ${options.limits.maxWallSeconds} s of real time inside one call that ` +
                  'never returned to Python (e.g. sum(range(10**13))); it was stopped from outside.',
                line: null,
              }),
            });
          }, (options.limits.maxWallSeconds + GRACE_SECONDS) * 1000);
          break;
        case 'progress':
          chunks.push(message.events);
          break;
        case 'result':
          finish(JSON.parse(message.json) as RunResult);
          break;
        case 'bench':
          break;
      }
    });
    thread.on('error', (error) => {
      if (watchdog === null) return reject(error); // Pyodide did not even boot
      // Python crashed under the program (a C stack overflow): keep what it did until then.
      finish({ kind: 'trace', trace: partialTrace(source, options.seed, chunks, crashedEnd(String(error))) });
    });
  });
}

export function benchOnThread(source: string, options: EngineRunOptions): Promise<BenchFigures> {
  return new Promise((resolve, reject) => {
    const thread = startThread(source, options, true);
    thread.on('message', (message: ThreadMessage) => {
      if (message.type === 'bench') {
        void thread.terminate();
        resolve(message.figures);
      }
    });
    thread.on('error', reject);
  });
}
