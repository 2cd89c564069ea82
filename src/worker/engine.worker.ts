/// <reference lib="webworker" />
/**
 * The engine's Web Worker: boot Pyodide once, then run programs on request. A run is
 * synchronous here, so the page stops a runaway run through the shared interrupt buffer (or by
 * terminating this worker when the page is not cross-origin isolated).
 */
import type { Engine } from '../engine/engine';
import { bootBrowserEngine } from '../engine/browser';
import { describeUnused } from '../engine/snapshotBoot';
import { assertNever } from '../protocol/assertNever';
import { parseToWorker } from '../protocol/schema';
import type { FromWorker, ToWorker } from '../protocol/worker';

declare const self: DedicatedWorkerGlobalScope;

let engine: Promise<Engine> | null = null;
let interruptBuffer: Int32Array | null = null;

// Our own line to the page, kept before lockDown() takes the global away from the program.
const postToPage = self.postMessage.bind(self);

function post(message: FromWorker): void {
  postToPage(message);
}

/**
 * Once Pyodide has loaded, this worker needs no network and no storage. A program that gets
 * past the Python-level sandbox (it runs in the same interpreter, so a determined one can)
 * still finds nothing here to reach out with: these globals are taken away for good.
 */
const NETWORK_AND_STORAGE = [
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'WebSocketStream',
  'WebTransport',
  'EventSource',
  'importScripts',
  'Worker',
  'SharedWorker',
  'BroadcastChannel',
  'indexedDB',
  'caches',
  // The program must not forge messages to the page either.
  'postMessage',
] as const;

function lockDown(): void {
  for (const name of NETWORK_AND_STORAGE) {
    try {
      Object.defineProperty(self, name, { value: undefined, writable: false, configurable: false });
    } catch {
      // Already absent or not configurable in this browser: nothing to take away.
    }
  }
}

function boot(buffer: Int32Array | null): Promise<Engine> {
  if (engine === null) {
    interruptBuffer = buffer;
    post({ type: 'booting' });
    const t0 = performance.now();
    engine = bootBrowserEngine(buffer, (stage, downloads) => post({ type: 'boot-progress', stage, downloads })).then(({ engine: ready, bootedFrom, unused }) => {
      lockDown();
      const bootMs = performance.now() - t0;
      // For a developer wondering why a boot was slow (and the e2e tests); the learner sees nothing of it.
      const why = unused === null ? '' : `; snapshot not used: ${describeUnused(unused)}`;
      console.info(`[loopscope] engine ready from ${bootedFrom} in ${Math.round(bootMs)} ms${why}`);
      post({ type: 'ready', bootMs, pythonVersion: ready.pythonVersion, bootedFrom });
      return ready;
    });
    engine.catch((error: unknown) => {
      post({ type: 'crash', id: null, cause: 'other', message: `The Python engine failed to start: ${String(error)}` });
    });
  }
  return engine;
}

async function run(id: number, source: string, options: Extract<ToWorker, { type: 'run' }>['options']): Promise<void> {
  try {
    const ready = await boot(interruptBuffer);
    if (interruptBuffer !== null) Atomics.store(interruptBuffer, 0, 0); // a Stop pressed between runs must not stop this one
    const t0 = performance.now();
    const json = ready.runJson(source, options, (events) => post({ type: 'progress', id, events }));
    post({ type: 'result', id, json, runMs: performance.now() - t0 });
  } catch (error) {
    // The error alone ("RangeError: Maximum call stack size exceeded"): the notice says the rest.
    // Its type says what it was: a RangeError is the C stack (the JS stack under wasm) overflowing.
    post({ type: 'crash', id, cause: error instanceof RangeError ? 'c-stack' : 'other', message: String(error) });
  }
}

self.addEventListener('message', (event: MessageEvent<unknown>): void => {
  // Checked before use, like everything that crosses into this process: a page of another build
  // (an old tab after a deploy) must get a clear crash, not a half-understood run.
  const parsed = parseToWorker(event.data);
  if (!parsed.ok) {
    post({ type: 'crash', id: null, cause: 'other', message: `the page sent a message the engine cannot read: ${parsed.error}` });
    return;
  }
  const message = parsed.value;
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
});
