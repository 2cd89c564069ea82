/**
 * Boot the engine in a browser worker: Pyodide from this site's pyodide/ (no CDN), Python files
 * bundled, and the engine snapshot the build made (assets/engine-….snap, vite/snapshotPlugin.ts).
 */
import type { PyodideInterface } from 'pyodide';
import { ENGINE_ENV, type PythonFiles } from './engine';
import { bootFromSnapshot, engineHashOf, type BootOutcome, type SnapshotLoadOptions } from './snapshotBoot';
import { snapshotFileName } from './snapshotFile';

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

type LoadPyodide = (
  options: {
    indexURL: string;
    packageBaseUrl: string;
    env: Record<string, string>;
    stdout: (line: string) => void;
    stderr: (line: string) => void;
  } & SnapshotLoadOptions,
) => Promise<PyodideInterface>;

/** The snapshot file's bytes, or null when the site has none (a dev server may answer with its page: readSnapshot refuses that). */
async function fetchSnapshot(url: string): Promise<Uint8Array | null> {
  const response = await fetch(url);
  if (!response.ok) return null;
  return new Uint8Array(await response.arrayBuffer());
}

export async function bootBrowserEngine(interruptBuffer: Int32Array | null): Promise<BootOutcome> {
  const siteURL = new URL(import.meta.env.BASE_URL, self.location.origin);
  const indexURL = new URL('pyodide/', siteURL).href;
  const files = pythonFiles();
  const [module, engineHash] = await Promise.all([
    import(/* @vite-ignore */ `${indexURL}pyodide.mjs`) as Promise<{ loadPyodide: LoadPyodide; version: string }>,
    engineHashOf(files),
  ]);
  const snapshotURL = new URL(`assets/${snapshotFileName(module.version, engineHash)}`, siteURL).href;
  const outcome = await bootFromSnapshot({
    load: (extra) =>
      module.loadPyodide({
        indexURL,
        // Without packageBaseUrl Pyodide falls back to a CDN for packages.
        packageBaseUrl: indexURL,
        env: { ...ENGINE_ENV },
        // The engine captures the learner's output itself; Pyodide's own chatter stays in the devtools console.
        stdout: (line) => console.debug('[pyodide]', line),
        stderr: (line) => console.debug('[pyodide]', line),
        ...extra,
      }),
    files,
    pyodideVersion: module.version,
    snapshot: fetchSnapshot(snapshotURL),
  });
  if (interruptBuffer !== null) outcome.engine.pyodide.setInterruptBuffer(interruptBuffer);
  return outcome;
}
