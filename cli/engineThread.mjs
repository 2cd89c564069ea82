// Worker-thread entry: load the TypeScript engine thread, compiled (cli/moduleCache.mjs) or
// through tsx, registered in this thread (Node 20 ignores --import in a worker's execArgv, and
// hooks registered in the main thread do not reach a worker).
//
// Pyodide's own modules are imported first, before tsx is registered: they are JavaScript
// already, and tsx would put pyodide.asm.mjs (1.2 MB) through its transform on every command,
// 0.45–0.8 s of the CLI's boot against 0.03–0.08 s for Node's own loader (a CPU profile of a
// boot). Node keeps one module per URL, so loadPyodide's own import of pyodide.asm.mjs later
// finds this one. The compiled file imports pyodide by the same URL.
//
// The boot is timed from here (a worker thread's clock is the process's, not the thread's own).
import { importCompiled } from './moduleCache.mjs';

const startedAt = performance.now();
const ENGINE_THREAD = new URL('./engineThread.ts', import.meta.url);
const [, , compiled] = await Promise.all([import('pyodide/pyodide.asm.mjs'), import('pyodide'), importCompiled(ENGINE_THREAD)]);
let thread = compiled;
if (thread === null) {
  const { register } = await import('tsx/esm/api');
  register();
  thread = await import(ENGINE_THREAD.href);
}
await thread.runEngineThread(startedAt);
