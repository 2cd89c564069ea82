/** One engine per test process: Pyodide boots once (from the cached snapshot, ~1 s) and every test file in the process shares it. */
import { readdirSync, readFileSync } from 'node:fs';
import type { Engine } from '../../src/engine/engine';
import { bootCachedNodeEngine } from '../../src/engine/node';
import { DEFAULT_LIMITS, DEFAULT_RUN_OPTIONS, type RunLimits, type RunResult, type Trace } from '../../src/protocol/trace';

let engine: Promise<Engine> | null = null;

export function sharedEngine(): Promise<Engine> {
  // As the CLI boots: from the snapshot in the cache (made by the first boot that finds none).
  engine ??= bootCachedNodeEngine().then((booted) => booted.engine);
  return engine;
}

export async function runProgram(source: string, limits: Partial<RunLimits> = {}, seed = 0): Promise<RunResult> {
  return (await sharedEngine()).run(source, { ...DEFAULT_RUN_OPTIONS, seed, limits: { ...DEFAULT_LIMITS, ...limits } });
}

/** The RunResult as the engine writes it (JSON text, format 3's compact events), not spelled out. */
export async function runProgramJson(source: string, limits: Partial<RunLimits> = {}, seed = 0): Promise<string> {
  return (await sharedEngine()).runJson(source, { ...DEFAULT_RUN_OPTIONS, seed, limits: { ...DEFAULT_LIMITS, ...limits } });
}

export async function traceOf(source: string, limits: Partial<RunLimits> = {}): Promise<Trace> {
  const result = await runProgram(source, limits);
  if (result.kind !== 'trace') throw new Error(`expected a trace, got a syntax error: ${result.problem.text}`);
  return result.trace;
}

/** The fidelity corpus (test/corpus/README.md says where it came from). */
export const FIDELITY_DIR = new URL('../corpus/', import.meta.url);

export interface CorpusProgram {
  readonly name: string;
  readonly path: string;
  readonly source: string;
  readonly expected: string;
}

/** The project's own fidelity programs: cases the shared corpus misses (test/fidelity/README.md). */
export const OWN_FIDELITY_DIR = new URL('../fidelity/', import.meta.url);
const EXAMPLES_DIR = new URL('../../src/examples/programs/', import.meta.url);
const EXAMPLES_EXPECTED_DIR = new URL('../../src/examples/expected/', import.meta.url);

/** Programs in `dir` with the stdout real CPython printed, in `expectedDir` (.py → .out). */
function programsIn(dir: URL, expectedDir: URL = dir): readonly CorpusProgram[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.py'))
    .sort()
    .map((name) => ({
      name,
      path: new URL(name, dir).pathname,
      source: readFileSync(new URL(name, dir), 'utf8'),
      expected: readFileSync(new URL(name.replace(/\.py$/, '.out'), expectedDir), 'utf8'),
    }));
}

/** The fidelity corpus: programs with the exact stdout real CPython printed. */
export function fidelityCorpus(): readonly CorpusProgram[] {
  return programsIn(FIDELITY_DIR);
}

/** Our own programs and the examples menu's, with the stdout real CPython printed for each. */
export function ownCorpus(): readonly CorpusProgram[] {
  return [...programsIn(OWN_FIDELITY_DIR), ...programsIn(EXAMPLES_DIR, EXAMPLES_EXPECTED_DIR).map((p) => ({ ...p, name: `examples/${p.name}` }))];
}
