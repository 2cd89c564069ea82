/**
 * The TypeScript side of the engine, shared by the browser worker and Node (CLI, tests):
 * put the Python package into Pyodide's file system, import it, run programs.
 */
import type { PyodideInterface } from 'pyodide';
import type { RunOptions, RunResult } from '../protocol/trace';

/** The engine's Python files: path inside the package (e.g. "loop.py", "net/wire.py") → source. */
export type PythonFiles = Readonly<Record<string, string>>;

const PACKAGE_DIR = '/home/pyodide/loopscope';

/**
 * Receives a run's finished events while it runs (every ~250 ms of real time): JSON objects
 * separated by commas, in order. Kept by whoever may have to kill a stuck engine, to show the
 * trace up to then (see partialTrace in src/trace).
 */
export type ProgressListener = (eventsJson: string) => void;

export type EngineRunOptions = RunOptions & { readonly filename?: string };

export interface Engine {
  /** Run one program; never throws for anything the program does. */
  run(source: string, options: EngineRunOptions, onProgress?: ProgressListener): RunResult;
  /** The same, returning the JSON text as the engine produced it (the CLI writes it as is). */
  runJson(source: string, options: EngineRunOptions, onProgress?: ProgressListener): string;
  readonly pythonVersion: string;
  readonly pyodide: PyodideInterface;
}

/** The two calls of Emscripten's file system the engine needs (Pyodide types it loosely). */
interface FileSystem {
  mkdirTree(path: string): void;
  writeFile(path: string, data: string): void;
}

/** Pyodide's Emscripten module: its heap's size is what the memory limit watches. */
interface EmscriptenModule {
  readonly HEAPU8: Uint8Array;
}

export function installEngine(pyodide: PyodideInterface, files: PythonFiles): Engine {
  const fs = pyodide.FS as unknown as FileSystem;
  const module = (pyodide as unknown as { readonly _module: EmscriptenModule })._module;
  fs.mkdirTree(PACKAGE_DIR);
  for (const [name, text] of Object.entries(files)) {
    // A subpackage's file ("net/wire.py") needs its folder first.
    if (name.includes('/')) fs.mkdirTree(`${PACKAGE_DIR}/${name.slice(0, name.lastIndexOf('/'))}`);
    fs.writeFile(`${PACKAGE_DIR}/${name}`, text);
  }
  const runProgram = pyodide.runPython(`
import sys
if "/home/pyodide" not in sys.path:
    sys.path.insert(0, "/home/pyodide")
# Importing loopscope.run first checks every private name of asyncio the engine reads
# (loopscope/asyncio_internals.py): a Python without one fails here, naming it.
import gc, loopscope.run, loopscope.limits
# Everything loaded so far lives as long as the engine: move it out of the collector's sight,
# so the gc.collect() at the end of each run only walks what that run made.
gc.collect()
gc.freeze()
loopscope.run.run_program
`) as unknown as (source: string, options: string, progress?: ProgressListener) => string;
  const setHeapProbe = pyodide.runPython('loopscope.limits.set_heap_probe') as unknown as (probe: () => number) => void;
  setHeapProbe(() => module.HEAPU8.buffer.byteLength);
  const pythonVersion = pyodide.runPython('import sys; sys.version.split()[0]') as string;
  const runJson = (source: string, options: EngineRunOptions, onProgress?: ProgressListener): string =>
    onProgress === undefined ? runProgram(source, JSON.stringify(options)) : runProgram(source, JSON.stringify(options), onProgress);
  return {
    pythonVersion,
    pyodide,
    runJson,
    run: (source, options, onProgress) => JSON.parse(runJson(source, options, onProgress)) as RunResult,
  };
}
