// Worker-thread entry: register tsx in this thread (Node 20 ignores --import in a worker's
// execArgv), then load the TypeScript engine thread.
//
// Pyodide's own modules are imported first, before tsx is registered: they are JavaScript
// already, and tsx would put pyodide.asm.mjs (1.2 MB) through its transform on every command,
// 0.45–0.8 s of the CLI's boot against 0.03–0.08 s for Node's own loader (a CPU profile of a
// boot). Node keeps one module per URL, so loadPyodide's own import of pyodide.asm.mjs later
// finds this one.
//
// The boot is timed from here (a worker thread's clock is the process's, not the thread's own).
const startedAt = performance.now();
await import('pyodide/pyodide.asm.mjs');
await import('pyodide');
const { register } = await import('tsx/esm/api');

register();
const { runEngineThread } = await import('./engineThread.ts');
await runEngineThread(startedAt);
