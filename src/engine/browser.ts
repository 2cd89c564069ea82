/**
 * Boot the engine in a browser worker: Pyodide from this site's pyodide/ (no CDN), Python files
 * bundled, and the engine snapshot the build made (assets/engine-….snap, vite/snapshotPlugin.ts).
 */
import type { PyodideInterface } from 'pyodide';
import { ENGINE_ENV, type PythonFiles } from './engine';
import type { BootFile } from '../protocol/worker';
import { countBootDownloads, type BootProgressListener } from './bootDownloads';
import { bootFromSnapshot, engineHashOf, type BootOutcome, type SnapshotLoadOptions } from './snapshotBoot';
import { snapshotFileName } from './snapshotFile';
import { initialMemoryOf } from './wasmMemory';
import { compileWasmAhead } from './wasmAhead';

// Bundled as text at build time: the worker needs no extra requests for the engine's Python.
// The package and its subpackages one level down (net/: the simulated network).
const modules = import.meta.glob<string>(['./python/loopscope/*.py', './python/loopscope/*/*.py'], {
  query: '?raw',
  import: 'default',
  eager: true,
});
const PACKAGE_PREFIX = './python/loopscope/';

function pythonFiles(): PythonFiles {
  const files: Record<string, string> = {};
  for (const [path, text] of Object.entries(modules)) {
    files[path.slice(PACKAGE_PREFIX.length)] = text;
  }
  return files;
}

/** What pyodide.asm.mjs exports: Emscripten's module factory, which loadPyodide takes as `createPyodideModule`. */
type CreatePyodideModule = (settings: object) => Promise<unknown>;

type LoadPyodide = (
  options: {
    indexURL: string;
    packageBaseUrl: string;
    createPyodideModule: CreatePyodideModule;
    env: Record<string, string>;
    stdout: (line: string) => void;
    stderr: (line: string) => void;
  } & SnapshotLoadOptions,
) => Promise<PyodideInterface>;

/** The snapshot file's bytes, or null when the site has none (a dev server may answer with its page: readSnapshot refuses that). */
async function fetchSnapshot(fetchFile: typeof fetch, url: string): Promise<Uint8Array | null> {
  const response = await fetchFile(url);
  if (!response.ok) return null;
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * The site's folder, where index.html, pyodide/ and assets/ are. The build's base is relative
 * ('./', so dist/ works from any folder of a static host): it is then taken from this worker's
 * own address, which is in assets/. The dev server's base is absolute ('/').
 */
export function siteURLOf(base: string, workerURL: string): URL {
  if (base.startsWith('/')) return new URL(base, workerURL);
  return new URL(`../${base}`, workerURL);
}

/** Pyodide's files' sizes, from the build (vite/pyodidePlugin.ts): the totals of their downloads. */
declare const __PYODIDE_FILE_BYTES__: Readonly<Record<string, number>>;
/** SHA-256 of the standard library zip the build serves (its stored rewrite, vite/pyodidePlugin.ts). */
declare const __PYODIDE_STDLIB_HASH__: string;

const FILE_NAMES: Readonly<Record<BootFile, string | null>> = {
  wasm: 'pyodide.asm.wasm',
  stdlib: 'python_stdlib.zip',
  snapshot: null,
};

export async function bootBrowserEngine(interruptBuffer: Int32Array | null, onProgress: BootProgressListener): Promise<BootOutcome> {
  const siteURL = siteURLOf(import.meta.env.BASE_URL, self.location.href);
  const indexURL = new URL('pyodide/', siteURL).href;
  const files = pythonFiles();
  const downloads = countBootDownloads({
    fetch: self.fetch.bind(self),
    fileOf: (url) => {
      const path = new URL(url, siteURL).pathname;
      if (path.endsWith('.snap')) return 'snapshot';
      if (path.endsWith(`/${FILE_NAMES.wasm}`)) return 'wasm';
      if (path.endsWith(`/${FILE_NAMES.stdlib}`)) return 'stdlib';
      return null;
    },
    knownBytes: (file) => {
      const name = FILE_NAMES[file];
      return name === null ? null : (__PYODIDE_FILE_BYTES__[name] ?? null);
    },
    onProgress,
    // The snapshot's heap is stored against the wasm's initial memory: read from the wasm's own bytes.
    keep: ['wasm'],
  });
  // Pyodide fetches with the global: the counting one for the boot (lockDown takes it away after).
  self.fetch = downloads.fetch;
  // At once, beside the snapshot: reading the snapshot needs the wasm, and Pyodide would ask for it
  // only once the snapshot is read. Pyodide's own fetch of it gets this response, and the wasm is
  // compiled from it meanwhile (wasmAhead.ts).
  const wasmURL = `${indexURL}pyodide.asm.wasm`;
  const wasmAhead = compileWasmAhead(downloads.prefetch(wasmURL), () => self.fetch(wasmURL));
  // Pyodide's two scripts at once: left to itself, loadPyodide imports pyodide.asm.mjs (1.2 MB)
  // only once pyodide.mjs has loaded and run, one request after the other (0.1 s apart cold in
  // a CDP trace of the boot, more through a busy service worker).
  const [module, asm, engineHash] = await Promise.all([
    import(/* @vite-ignore */ `${indexURL}pyodide.mjs`) as Promise<{ loadPyodide: LoadPyodide; version: string }>,
    import(/* @vite-ignore */ `${indexURL}pyodide.asm.mjs`) as Promise<{ default: CreatePyodideModule }>,
    engineHashOf(files),
  ]);
  const snapshotURL = new URL(`assets/${snapshotFileName({ pyodideVersion: module.version, engineHash, stdlib: __PYODIDE_STDLIB_HASH__ })}`, siteURL).href;
  const outcome = await bootFromSnapshot({
    load: (extra) =>
      module.loadPyodide({
        indexURL,
        // Without packageBaseUrl Pyodide falls back to a CDN for packages.
        packageBaseUrl: indexURL,
        createPyodideModule: asm.default,
        env: { ...ENGINE_ENV },
        // The engine captures the learner's output itself; Pyodide's own chatter stays in the devtools console.
        stdout: (line) => console.debug('[pyodide]', line),
        stderr: (line) => console.debug('[pyodide]', line),
        ...extra,
      }),
    files,
    pyodideVersion: module.version,
    stdlib: __PYODIDE_STDLIB_HASH__,
    initialMemory: downloads.bodyOf('wasm').then(initialMemoryOf),
    snapshot: fetchSnapshot(downloads.fetch, snapshotURL),
  }).finally(wasmAhead.release);
  if (interruptBuffer !== null) outcome.engine.pyodide.setInterruptBuffer(interruptBuffer);
  return outcome;
}
