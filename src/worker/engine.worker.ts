/// <reference lib="webworker" />
/**
 * The engine's Web Worker: boot Pyodide once, then run programs on request. A run is
 * synchronous here, so the page stops a runaway run through the shared interrupt buffer (or by
 * terminating this worker when the page is not cross-origin isolated).
 */
import type { Engine } from '../engine/engine';
import { bootBrowserEngine } from '../engine/browser';
import { assertNever, type FromWorker, type ToWorker } from '../protocol/worker';

declare const self: DedicatedWorkerGlobalScope;

let engine: Promise<Engine> | null = null;
let interruptBuffer: Int32Array | null = null;

function post(message: FromWorker): void {
  self.postMessage(message);
}

function boot(buffer: Int32Array | null): Promise<Engine> {
  if (engine === null) {
    interruptBuffer = buffer;
    post({ type: 'booting' });
    const t0 = performance.now();
    engine = bootBrowserEngine(buffer).then((ready) => {
      post({ type: 'ready', bootMs: performance.now() - t0, pythonVersion: ready.pythonVersion });
      return ready;
    });
    engine.catch((error: unknown) => {
      post({ type: 'crash', id: null, message: `The Python engine failed to start: ${String(error)}` });
    });
  }
  return engine;
}

async function run(id: number, source: string, options: Extract<ToWorker, { type: 'run' }>['options']): Promise<void> {
  try {
    const ready = await boot(interruptBuffer);
    if (interruptBuffer !== null) Atomics.store(interruptBuffer, 0, 0); // a Stop pressed between runs must not stop this one
    const t0 = performance.now();
    const result = ready.run(source, options, (events) => post({ type: 'progress', id, events }));
    post({ type: 'result', id, result, runMs: performance.now() - t0 });
  } catch (error) {
    post({ type: 'crash', id, message: `The engine failed while running the program: ${String(error)}` });
  }
}

self.onmessage = (event: MessageEvent<ToWorker>): void => {
  const message = event.data;
  switch (message.type) {
    case 'boot':
      void boot(message.interruptBuffer);
      break;
    case 'run':
      void run(message.id, message.source, message.options);
      break;
    default:
      assertNever(message);
  }
};
