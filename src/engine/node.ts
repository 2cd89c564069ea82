/** Boot the engine in Node (CLI, Vitest, benchmarks): Pyodide from the npm package, Python files from disk. */
import { mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import path from 'node:path';
import { loadPyodide, version } from 'pyodide';
import { ENGINE_ENV, type Engine, type PythonFiles } from './engine';
import { bootFromSnapshot, engineHashOf, makeEngineSnapshot, type BootOutcome, type SnapshotLoadOptions } from './snapshotBoot';
import { encodeSnapshot, snapshotFileName, type SnapshotIdentity } from './snapshotFile';
import { storedStdlibFile, type StdlibFile } from './storedStdlib.node.js';
import { initialMemoryOf, type InitialMemory } from './wasmMemory';

const PYTHON_DIR = new URL('./python/loopscope/', import.meta.url);

/** The package's own folder and its subpackages one level down (net/: the simulated network). */
export function readPythonFiles(): PythonFiles {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(PYTHON_DIR, { withFileTypes: true })) {
    if (entry.isFile() && entry.name.endsWith('.py')) files[entry.name] = readFileSync(new URL(entry.name, PYTHON_DIR), 'utf8');
    if (entry.isDirectory()) {
      for (const name of readdirSync(new URL(`${entry.name}/`, PYTHON_DIR))) {
        if (name.endsWith('.py')) files[`${entry.name}/${name}`] = readFileSync(new URL(`${entry.name}/${name}`, PYTHON_DIR), 'utf8');
      }
    }
  }
  return files;
}

/** The installed pyodide package's folder: its wasm and standard library are the ones loadPyodide loads. */
const PYODIDE_DIR = path.dirname(createRequire(import.meta.url).resolve('pyodide/package.json'));

let stdlib: StdlibFile | null = null;
/**
 * The standard library every Node boot uses: Pyodide's, rewritten with stored entries
 * (storedStdlib.node.ts), the very bytes the build serves, so the build's snapshot fits the CLI.
 */
export function nodeStdlib(): StdlibFile {
  stdlib ??= storedStdlibFile(path.join(PYODIDE_DIR, 'python_stdlib.zip'), snapshotCacheDir(), version);
  return stdlib;
}

let initialMemory: InitialMemory | null = null;
/** The initial memory of the wasm loadPyodide loads (the snapshot's heap is stored against it). */
export function nodeInitialMemory(): InitialMemory {
  initialMemory ??= initialMemoryOf(readFileSync(path.join(PYODIDE_DIR, 'pyodide.asm.wasm')));
  return initialMemory;
}

/** loadPyodide with the engine's environment and standard library (and a snapshot to make or restore). */
export const loadNodePyodide = (extra: SnapshotLoadOptions) =>
  loadPyodide({ env: { ...ENGINE_ENV }, stdLibURL: nodeStdlib().path, ...extra });

/** A boot from the given snapshot file (null: none, so one is made at this boot). */
export function bootNodeEngineFrom(snapshot: Uint8Array | null, files: PythonFiles = readPythonFiles()): Promise<BootOutcome> {
  return bootNodeEngineWhenRead(Promise.resolve(snapshot), files);
}

/** The same with a snapshot still being read: Pyodide starts meanwhile (bootFromSnapshot awaits it only to instantiate the wasm). */
function bootNodeEngineWhenRead(snapshot: Promise<Uint8Array | null>, files: PythonFiles): Promise<BootOutcome> {
  return bootFromSnapshot({
    load: loadNodePyodide,
    files,
    pyodideVersion: version,
    stdlib: nodeStdlib().hash,
    // Read only when there is a snapshot to read.
    initialMemory: snapshot.then((bytes) => (bytes === null ? new Promise<never>(() => {}) : nodeInitialMemory())),
    snapshot,
  });
}

/** What a snapshot made by this Node install is made from (its name and its metadata). */
async function nodeIdentity(files: PythonFiles): Promise<SnapshotIdentity> {
  return { pyodideVersion: version, engineHash: await engineHashOf(files), stdlib: nodeStdlib().hash };
}

/**
 * A boot that uses no file: the snapshot is made at this boot and restored, so the engine is in
 * the very state of one restored from the build's snapshot (Vitest, benchmarks).
 */
export async function bootNodeEngine(): Promise<Engine> {
  return (await bootNodeEngineFrom(null)).engine;
}

/**
 * The CLI's boot: from the snapshot in the user's cache (below). When there is
 * none yet (or it cannot be used), the snapshot this boot makes is written there for the next
 * command. `LOOPSCOPE_SNAPSHOT=off` reads and writes no cache.
 */
export async function bootCachedNodeEngine(): Promise<BootOutcome> {
  if (process.env['LOOPSCOPE_SNAPSHOT'] === 'off') return bootNodeEngineFrom(null);
  const files = readPythonFiles();
  const identity = await nodeIdentity(files);
  const fileName = snapshotFileName(identity);
  // Read while Pyodide starts.
  const snapshot = readFile(path.join(snapshotCacheDir(), fileName)).then(
    (bytes): Uint8Array | null => bytes,
    () => null,
  );
  const outcome = await bootNodeEngineWhenRead(snapshot, files);
  if (outcome.made !== null) writeCachedSnapshot(fileName, encodeSnapshot(outcome.made, identity, nodeInitialMemory()));
  return outcome;
}

// ---- The snapshot file, made in Node ------------------------------------------------------

/**
 * The engine snapshot file, made in Node: a fresh Pyodide booted with `_makeSnapshot`, the
 * engine prepared in it (BOOT_SCRIPT), its memory in our container (snapshotFile.ts). The build
 * serves it to the page (vite/snapshotPlugin.ts) and puts it in the CLI's cache.
 */
export interface MadeSnapshot {
  /** snapshotFileName() of what it was made from: the name hosts look for. */
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

/** The name the snapshot of the engine on disk has, without making it. */
export async function currentSnapshotName(): Promise<string> {
  return snapshotFileName(await nodeIdentity(readPythonFiles()));
}

export async function makeSnapshot(): Promise<MadeSnapshot> {
  const files = readPythonFiles();
  const identity = await nodeIdentity(files);
  const { heap } = await makeEngineSnapshot(loadNodePyodide, files);
  return { fileName: snapshotFileName(identity), bytes: encodeSnapshot(heap, identity, nodeInitialMemory()) };
}

// ---- The CLI's cache ----------------------------------------------------------------------

/*
 * Where Node keeps the engine snapshot for the CLI: a cache folder of the user's
 * (`$LOOPSCOPE_CACHE_DIR`, else `$XDG_CACHE_HOME/loopscope`, else `~/.cache/loopscope`), one
 * file per snapshot name, so checkouts of different engines share it without clashing.
 *
 * The CLI reads it at boot; when it is missing, the boot makes a snapshot anyway (see
 * snapshotBoot.ts) and writes it here. `npm run build` writes it too. Writes go to a temporary
 * name and are renamed: a reader never sees half a file, and two CLIs writing at once is fine.
 */

export function snapshotCacheDir(): string {
  const env = process.env;
  if (env['LOOPSCOPE_CACHE_DIR']) return env['LOOPSCOPE_CACHE_DIR'];
  return path.join(env['XDG_CACHE_HOME'] || path.join(homedir(), '.cache'), 'loopscope');
}

/** The cached snapshot of that name, or null. */
export function readCachedSnapshot(fileName: string): Uint8Array | null {
  try {
    return readFileSync(path.join(snapshotCacheDir(), fileName));
  } catch {
    return null;
  }
}

/** Writes it, or does nothing when the cache cannot be written (a read-only home): the CLI works without it. */
export function writeCachedSnapshot(fileName: string, bytes: Uint8Array): void {
  try {
    writeAtomically(fileName, bytes);
  } catch {
    // Nothing to do: the next boot makes its own snapshot again.
  }
}

function writeAtomically(fileName: string, bytes: Uint8Array): void {
  const dir = snapshotCacheDir();
  mkdirSync(dir, { recursive: true });
  const temporary = path.join(dir, `${fileName}.${process.pid}.tmp`);
  writeFileSync(temporary, bytes);
  renameSync(temporary, path.join(dir, fileName));
}

