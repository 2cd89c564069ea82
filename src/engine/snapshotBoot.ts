/**
 * Booting the engine from a memory snapshot, shared by the browser worker and Node (the CLI).
 *
 * A snapshot (snapshotFile.ts) holds Pyodide's heap right after BOOT_SCRIPT ran: restoring it
 * skips CPython's start-up and the import of Loopscope's package. It is Pyodide's private API
 * (`_loadSnapshot`), so everything about it is checked and any failure falls back to a normal
 * boot: a file that is missing, made by another Pyodide or from other engine sources, damaged,
 * or that Pyodide refuses or fails to restore. That boot makes a snapshot itself and restores it,
 * so a program cannot tell the two apart, down to the addresses of its objects (see BootedFrom,
 * ATTACH_SCRIPT in engine.ts, and test/engine/snapshotBoot.test.ts).
 */
import type { PyodideInterface } from 'pyodide';
import type { BootedFrom } from '../protocol/worker';
import { attachEngine, BOOT_SCRIPT, prepareEngine, type Engine, type PythonFiles } from './engine';
import { engineHash, readSnapshot, type SnapshotRefusal } from './snapshotFile';
import { tidyHeapForSnapshot } from './snapshotHeap';
import type { InitialMemory } from './wasmMemory';

/**
 * How the engine booted (the protocol's BootedFrom):
 * - `snapshot`: restored from the snapshot file (the fast way);
 * - `own-snapshot`: the file could not be used, so a snapshot was made at this boot and restored,
 *   which leaves the engine in the same state as `snapshot` (the same memory layout, so even the
 *   order of a set of coroutines, which CPython takes from their addresses, is the same);
 * - `no-snapshot`: Pyodide could not restore even its own snapshot; the engine that made it is used.
 */
export type { BootedFrom };

export type SnapshotUnused =
  | SnapshotRefusal
  /** There was no snapshot to read (not built, not found, the fetch failed). */
  | { readonly kind: 'missing'; readonly detail: string }
  /** Pyodide refused it or the restored engine failed to start. */
  | { readonly kind: 'restore-failed'; readonly detail: string };

export interface BootOutcome {
  readonly engine: Engine;
  readonly bootedFrom: BootedFrom;
  /** Why the snapshot file was not used (null when it was). */
  readonly unused: SnapshotUnused | null;
  /** The snapshot made at this boot (Pyodide's bytes, for encodeSnapshot), when one was made. */
  readonly made: Uint8Array | null;
}

/** The extra options loadPyodide takes to make or restore a snapshot (private, not in its public types). */
export interface SnapshotLoadOptions {
  /** Pyodide awaits it only just before it instantiates the wasm: a promise lets it start before the snapshot has come. */
  readonly _loadSnapshot?: Uint8Array | Promise<Uint8Array>;
  readonly _makeSnapshot?: boolean;
}

/** What makeMemorySnapshot adds to Pyodide's public API when `_makeSnapshot` is set. */
interface SnapshotMaker {
  makeMemorySnapshot(): Uint8Array;
}

export interface SnapshotBootOptions {
  /** loadPyodide with the host's own options, plus `extra`. */
  readonly load: (extra: SnapshotLoadOptions) => Promise<PyodideInterface>;
  readonly files: PythonFiles;
  readonly pyodideVersion: string;
  /** stdlibHash() of the standard library zip this host boots with (SnapshotMeta.stdlib). */
  readonly stdlib: string;
  /** The wasm's initial memory (wasmMemory.ts), which the snapshot's heap is stored against. */
  readonly initialMemory: Promise<InitialMemory>;
  /** The snapshot file's bytes; null, or a rejection, when there is none. */
  readonly snapshot: Promise<Uint8Array | null>;
}

/** A fresh Pyodide with the engine prepared, and its memory snapshot: what the build does, done now. */
export async function makeEngineSnapshot(
  load: SnapshotBootOptions['load'],
  files: PythonFiles,
): Promise<{ readonly pyodide: PyodideInterface; readonly heap: Uint8Array }> {
  const pyodide = await load({ _makeSnapshot: true });
  prepareEngine(pyodide, files);
  // Free memory made zeros: a smaller file, the same engine (snapshotHeap.ts). When it cannot be
  // done the snapshot is only bigger, so why is not worth a boot's attention.
  tidyHeapForSnapshot(pyodide);
  return { pyodide, heap: (pyodide as unknown as SnapshotMaker).makeMemorySnapshot() };
}

/** The hash a snapshot of these files must carry: also the one the build names it by. */
export function engineHashOf(files: PythonFiles): Promise<string> {
  return engineHash(files, BOOT_SCRIPT);
}

async function snapshotOrWhy(options: SnapshotBootOptions): Promise<{ bytes: Uint8Array } | { unused: SnapshotUnused }> {
  let file: Uint8Array | null;
  try {
    file = await options.snapshot;
  } catch (error) {
    return { unused: { kind: 'missing', detail: String(error) } };
  }
  if (file === null) return { unused: { kind: 'missing', detail: 'no snapshot' } };
  let initialMemory: InitialMemory;
  try {
    initialMemory = await options.initialMemory;
  } catch (error) {
    return { unused: { kind: 'initial-memory', detail: String(error) } };
  }
  const running = { pyodideVersion: options.pyodideVersion, engineHash: await engineHashOf(options.files), stdlib: options.stdlib };
  const read = readSnapshot(file, running, initialMemory);
  return read.ok ? { bytes: read.pyodideSnapshot } : { unused: read.refusal };
}

/** What `_loadSnapshot` rejects with when the file cannot be used: the boot then says why from `found`. */
class SnapshotNotUsed extends Error {}

export async function bootFromSnapshot(options: SnapshotBootOptions): Promise<BootOutcome> {
  // Pyodide starts at once, while the snapshot comes and is checked: it fetches and compiles its
  // JavaScript, fetches the wasm, the standard library and its lock file, and awaits the
  // snapshot only when it instantiates the wasm. Waiting for the snapshot first put its download
  // and decoding (0.1–0.3 s) in front of all of that (a CDP trace of the page's boot).
  const found = snapshotOrWhy(options);
  const bytes = found.then((f) => ('bytes' in f ? f.bytes : Promise.reject(new SnapshotNotUsed())));
  bytes.catch(() => undefined); // a load that fails before it awaits the snapshot leaves this rejection unheard
  let unused: SnapshotUnused;
  try {
    const pyodide = await options.load({ _loadSnapshot: bytes });
    return { engine: attachEngine(pyodide, options.files, true), bootedFrom: 'snapshot', unused: null, made: null };
  } catch (error) {
    // A fresh Pyodide follows: each loadPyodide makes its own module and heap (one that stopped
    // at an unusable snapshot had not made its module yet).
    const file = await found;
    unused = 'bytes' in file ? { kind: 'restore-failed', detail: String(error) } : file.unused;
  }
  const own = await makeEngineSnapshot(options.load, options.files);
  try {
    const pyodide = await options.load({ _loadSnapshot: own.heap });
    return { engine: attachEngine(pyodide, options.files, true), bootedFrom: 'own-snapshot', unused, made: own.heap };
  } catch (error) {
    // The private API fails even on its own snapshot: the engine that made it still works.
    return {
      engine: attachEngine(own.pyodide, options.files, false),
      bootedFrom: 'no-snapshot',
      unused: { kind: 'restore-failed', detail: String(error) },
      made: null,
    };
  }
}

/** One line for a developer's console on why the snapshot was not used. */
export function describeUnused(unused: SnapshotUnused): string {
  switch (unused.kind) {
    case 'missing':
    case 'restore-failed':
      return `${unused.kind}: ${unused.detail}`;
    case 'not-a-snapshot':
      return unused.kind;
    case 'initial-memory':
      return `${unused.kind}: ${unused.detail}`;
    case 'pyodide-version':
    case 'engine-hash':
    case 'stdlib':
      return `${unused.kind}: made with ${unused.made}, running ${unused.running}`;
    case 'damaged':
      return `damaged: ${unused.what}`;
  }
}
