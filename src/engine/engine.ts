/**
 * The TypeScript side of the engine, shared by the browser worker and Node (CLI, tests):
 * put the Python package into Pyodide's file system, import it, run programs.
 */
import type { PyodideInterface } from 'pyodide';
import type { PyProxy } from 'pyodide/ffi';
import { expandTrace, type CompactTrace } from '../protocol/compactTrace';
import type { RunOptions, RunResult } from '../protocol/trace';

/** The engine's Python files: path inside the package (e.g. "loop.py", "net/wire.py") → source. */
export type PythonFiles = Readonly<Record<string, string>>;

const PACKAGE_DIR = '/home/pyodide/loopscope';

/**
 * The environment every engine boots with, in the browser and in Node alike, so a snapshot made
 * in Node restores the same `os.environ` a fresh boot in a browser has:
 * - a fixed hash seed: set and dict orders of strings are then the same in every run;
 * - a fixed LANG: Emscripten would take it from the browser's language (en_US, zh_CN), and a
 *   program's output would then depend on the learner's browser;
 * - a fixed `_`: Emscripten would put the path of Node's script there (the CLI's, or the
 *   snapshot maker's); './this.program' is what a browser has.
 */
export const ENGINE_ENV: Readonly<Record<string, string>> = { PYTHONHASHSEED: '0', LANG: 'C.UTF-8', _: './this.program' };

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
  writeFile(path: string, data: Uint8Array, options: { readonly canOwn: boolean }): void;
}

/** Pyodide's Emscripten module: its heap's size is what the memory limit watches. */
interface EmscriptenModule {
  readonly HEAPU8: Uint8Array;
}

/**
 * The Python that makes a booted engine: Loopscope's package on the path and imported, and
 * everything it loaded frozen out of the collector's sight. It touches no JavaScript object, so
 * its result can be kept in a memory snapshot (snapshotBoot.ts): Pyodide's snapshots can hold
 * Python state only, never a reference to a JS object. Part of the snapshot's engine hash.
 */
export const BOOT_SCRIPT = `
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
`;

/**
 * The Python run at every boot, after BOOT_SCRIPT or after a snapshot of it is restored: the
 * parts that hold JavaScript objects (the heap probe, given afterwards) or must not be kept.
 *
 * - Restoring a snapshot, Pyodide puts "" at the front of sys.path once more (it did at the
 *   snapshot's own boot): dropped, so the path is the one a fresh boot has.
 * - Each run starts with no module of the previous run's: a module the program made or imported
 *   from its own files (anything new in sys.modules that is neither the standard library nor
 *   Loopscope's) is forgotten when the run ends, as a fresh process would not have it.
 */
const ATTACH_SCRIPT = `
import sys, loopscope.run
if sys.path[:1] == [""] and sys.path.count("") > 1:
    del sys.path[0]

def _engine_run(run_program=loopscope.run.run_program, sys=sys, baseline=frozenset(sys.modules)):
    # The standard library (python314.zip, lib-dynload) lives under /lib.
    kept_prefixes = ("/lib/",)

    def is_kept(name, module):
        if name in baseline or name.partition(".")[0] == "loopscope" or name in sys.builtin_module_names:
            return True
        where = getattr(module, "__file__", None)
        return isinstance(where, str) and where.startswith(kept_prefixes)

    def run(source, options, progress=None):
        try:
            if progress is None:
                return run_program(source, options)
            return run_program(source, options, progress)
        finally:
            for name in [n for n, m in list(sys.modules.items()) if not is_kept(n, m)]:
                del sys.modules[name]

    return run

_engine_run()
`;

/**
 * Puts the package's files where BOOT_SCRIPT finds them (a restored snapshot needs them too: it
 * holds no files). Written as UTF-8 bytes the file system may keep as they are: given a string,
 * Emscripten encodes it one character at a time in JavaScript, which was 70 of the 180 ms this
 * took at every boot (270 KB of Python; CPU profile of a CLI boot), and copies it once more.
 */
function writePackage(pyodide: PyodideInterface, files: PythonFiles): void {
  const fs = pyodide.FS as unknown as FileSystem;
  const utf8 = new TextEncoder();
  fs.mkdirTree(PACKAGE_DIR);
  for (const [name, text] of Object.entries(files)) {
    // A subpackage's file ("net/wire.py") needs its folder first.
    if (name.includes('/')) fs.mkdirTree(`${PACKAGE_DIR}/${name.slice(0, name.lastIndexOf('/'))}`);
    fs.writeFile(`${PACKAGE_DIR}/${name}`, utf8.encode(text), { canOwn: true });
  }
}

/** A dict of its own for the engine's boot code, so it leaves no names in the boot's `__main__`. */
function privateScope(pyodide: PyodideInterface): PyProxy {
  return pyodide.toPy({}) as PyProxy;
}

/** Boot the engine in a freshly loaded Pyodide: the state a snapshot keeps (snapshotBoot.ts). */
export function prepareEngine(pyodide: PyodideInterface, files: PythonFiles): void {
  writePackage(pyodide, files);
  const scope = privateScope(pyodide);
  pyodide.runPython(BOOT_SCRIPT, { globals: scope });
  scope.destroy();
}

/**
 * The Engine of a Pyodide in which BOOT_SCRIPT has run, now or before its snapshot was made
 * (`restored`: the files are written again, as a snapshot holds memory only).
 */
export function attachEngine(pyodide: PyodideInterface, files: PythonFiles, restored: boolean): Engine {
  if (restored) writePackage(pyodide, files);
  const module = (pyodide as unknown as { readonly _module: EmscriptenModule })._module;
  const scope = privateScope(pyodide);
  const runProgram = pyodide.runPython(ATTACH_SCRIPT, { globals: scope }) as unknown as (
    source: string,
    options: string,
    progress?: ProgressListener,
  ) => string;
  const setHeapProbe = pyodide.runPython('import loopscope.limits; loopscope.limits.set_heap_probe', { globals: scope }) as unknown as (
    probe: () => number,
  ) => void;
  setHeapProbe(() => module.HEAPU8.buffer.byteLength);
  const pythonVersion = pyodide.runPython('import sys; sys.version.split()[0]', { globals: scope }) as string;
  const runJson = (source: string, options: EngineRunOptions, onProgress?: ProgressListener): string =>
    onProgress === undefined ? runProgram(source, JSON.stringify(options)) : runProgram(source, JSON.stringify(options), onProgress);
  return {
    pythonVersion,
    pyodide,
    runJson,
    run: (source, options, onProgress) => spelledOut(JSON.parse(runJson(source, options, onProgress)) as WrittenResult),
  };
}

/** A RunResult as the engine writes it: its trace in format 3's compact events. */
type WrittenResult = Exclude<RunResult, { kind: 'trace' }> | { readonly kind: 'trace'; readonly trace: CompactTrace };

/** The RunResult readers take: the trace's events spelled out (compactTrace.ts). */
function spelledOut(result: WrittenResult): RunResult {
  return result.kind === 'trace' ? { kind: 'trace', trace: expandTrace(result.trace) } : result;
}

/** Boot the engine without a snapshot. */
export function installEngine(pyodide: PyodideInterface, files: PythonFiles): Engine {
  prepareEngine(pyodide, files);
  return attachEngine(pyodide, files, false);
}
