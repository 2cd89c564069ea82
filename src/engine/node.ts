/** Boot the engine in Node (CLI, Vitest, benchmarks): Pyodide from the npm package, Python files from disk. */
import { readFileSync, readdirSync } from 'node:fs';
import { loadPyodide } from 'pyodide';
import { installEngine, type Engine, type PythonFiles } from './engine';

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

export async function bootNodeEngine(): Promise<Engine> {
  // A fixed hash seed: set and dict orders of strings are then the same in every run.
  const pyodide = await loadPyodide({ env: { PYTHONHASHSEED: '0' } });
  return installEngine(pyodide, readPythonFiles());
}
