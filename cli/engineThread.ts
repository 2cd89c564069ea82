/**
 * The engine in a worker thread: the CLI's main thread stays free to watch the clock and
 * terminate a run stuck in one long C call (which nothing inside Python can interrupt).
 */
import { parentPort } from 'node:worker_threads';
import { bootCachedNodeEngine } from '../src/engine/node';
import type { ThreadJob, ThreadMessage } from './engineHost';

const port = parentPort;
if (port === null) throw new Error('engineThread runs as a worker thread');
const post = (message: ThreadMessage): void => port.postMessage(message);

// When Python itself crashes, Pyodide and Emscripten print its stack and then an error for
// every write they still try, hundreds of lines: the CLI says what happened from the error
// this thread ends with, so the thread's own console stays quiet.
for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) console[method] = () => undefined;

/** The job the host sends (engineHost.ts, sendJob): it may come before the boot has ended or after. */
const jobSent = new Promise<ThreadJob>((resolve) => port.once('message', (job: ThreadJob) => resolve(job)));

/**
 * Boots the engine while the job comes, then does the job; `startedAt` is when the thread
 * began (engineThread.mjs). 'ready' is sent when both are there: the host's watchdog counts
 * the run's wall-clock limit from it.
 */
export async function runEngineThread(startedAt: number): Promise<void> {
  // From the snapshot in the user's cache (made by this boot when missing): src/engine/node.ts.
  const booted = bootCachedNodeEngine().then(({ engine }) => ({
    engine,
    // Counted from the thread's first line, so it includes loading the modules (Pyodide's,
    // tsx, this file's), and not the wait for a job that came late.
    bootMs: performance.now() - startedAt,
  }));
  const [{ engine, bootMs }, job] = await Promise.all([booted, jobSent]);
  post({ type: 'ready', bootMs });
  if (job.bench) {
    const { benchProgram } = await import('./bench');
    post({ type: 'bench', figures: benchProgram(engine, bootMs, job.source, job.options, job.options.filename ?? 'main.py') });
    return;
  }
  try {
    const json = engine.runJson(job.source, job.options, (events) => post({ type: 'progress', events }));
    post({ type: 'result', json });
  } catch (error) {
    // Python itself crashed under the program. Its type says how: a RangeError is the C stack
    // (the JS stack under wasm) overflowing, where CPython would raise RecursionError.
    post({ type: 'crash', cause: error instanceof RangeError ? 'c-stack' : 'other', detail: String(error) });
  }
}
