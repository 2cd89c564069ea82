/**
 * A page engine client over fake workers and fake timers, for the client's tests: each worker
 * the client makes is recorded, with what it was sent, and answers as the test tells it.
 */
import { TRACE_VERSION, type RunEnd, type RunResult, type Trace } from '../../protocol/trace';
import type { FromWorker, ToWorker } from '../../protocol/worker';
import { fakeTimers } from '../../store/testing/fakeTimers';
import { createEngineClient, type EngineEvent, type WorkerHandlers } from '../engineClient';

export interface FakeWorker {
  readonly sent: ToWorker[];
  terminated: boolean;
  reply(message: FromWorker): void;
  fail(detail: string): void;
}

export function setup(isolated: boolean) {
  const workers: FakeWorker[] = [];
  const events: EngineEvent[] = [];
  const timers = fakeTimers();
  const client = createEngineClient({
    isolated,
    onEvent: (e) => events.push(e),
    setTimer: (fn, ms) => timers.setTimeout(fn, ms),
    clearTimer: (h) => timers.clearTimeout(h),
    now: () => timers.now(),
    createWorker: (handlers: WorkerHandlers) => {
      const w: FakeWorker = {
        sent: [],
        terminated: false,
        reply: (m) => handlers.onMessage(m),
        fail: (d) => handlers.onError(d),
      };
      workers.push(w);
      return { postMessage: (m) => w.sent.push(m), terminate: () => (w.terminated = true) };
    },
  });
  const worker = (i: number): FakeWorker => {
    const w = workers[i];
    if (!w) throw new Error(`no worker ${i}`);
    return w;
  };
  return { client, workers, worker, events, timers };
}

export const ready: FromWorker = { type: 'ready', bootMs: 1, pythonVersion: '3.14.2', bootedFrom: 'snapshot' };
export const stoppedTrace: Trace = {
  version: TRACE_VERSION,
  source: '',
  seed: 0,
  events: [],
  end: { kind: 'stopped', how: 'interrupt' },
  stdout: '',
  stderr: '',
  stats: { steps: 0, iterations: 0, tasks: 0, virtualTime: 0, pythonMs: 0 },
};
export const stopped: RunResult = { kind: 'trace', trace: stoppedTrace };

export type Restarted = Extract<EngineEvent, { type: 'restarted' }>;

export function restartsIn(events: readonly EngineEvent[]): Restarted[] {
  return events.filter((e): e is Restarted => e.type === 'restarted');
}

/** The end of the partial trace a restart carries. */
export function endOf(event: EngineEvent | undefined): RunEnd | undefined {
  const result = event?.type === 'restarted' ? event.run?.result : undefined;
  return result?.kind === 'trace' ? result.trace.end : undefined;
}

export function bufferOf(w: FakeWorker): Int32Array | null {
  const boot = w.sent[0];
  if (boot?.type !== 'boot') throw new Error('first message is not boot');
  return boot.interruptBuffer;
}
