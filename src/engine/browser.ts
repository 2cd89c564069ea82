/** Boot the engine in a browser worker: Pyodide from this site's /pyodide/ (no CDN), Python files bundled. */
import type { PyodideInterface } from 'pyodide';
import { installEngine, type Engine, type PythonFiles } from './engine';

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

type LoadPyodide = (options: {
  indexURL: string;
  packageBaseUrl: string;
  env: Record<string, string>;
  stdout: (line: string) => void;
  stderr: (line: string) => void;
}) => Promise<PyodideInterface>;

export async function bootBrowserEngine(interruptBuffer: Int32Array | null): Promise<Engine> {
  const indexURL = new URL(`${import.meta.env.BASE_URL}pyodide/`, self.location.origin).href;
  const module = (await import(/* @vite-ignore */ `${indexURL}pyodide.mjs`)) as { loadPyodide: LoadPyodide };
  const pyodide = await module.loadPyodide({
    indexURL,
    // Without packageBaseUrl Pyodide falls back to a CDN for packages.
    packageBaseUrl: indexURL,
    // A fixed hash seed: set orders of strings are the same in every run.
    env: { PYTHONHASHSEED: '0' },
    // The engine captures the learner's output itself; Pyodide's own chatter stays in the devtools console.
    stdout: (line) => console.debug('[pyodide]', line),
    stderr: (line) => console.debug('[pyodide]', line),
  });
  if (interruptBuffer !== null) pyodide.setInterruptBuffer(interruptBuffer);
  return installEngine(pyodide, pythonFiles());
}
