/** One engine per test process: Pyodide boots once (~3 s) and every test file in the process shares it. */
import { readdirSync, readFileSync } from 'node:fs';
import type { Engine } from '../../src/engine/engine';
import { bootNodeEngine } from '../../src/engine/node';
import { DEFAULT_LIMITS, DEFAULT_RUN_OPTIONS, type RunLimits, type RunResult, type Trace } from '../../src/protocol/trace';

let engine: Promise<Engine> | null = null;

export function sharedEngine(): Promise<Engine> {
  engine ??= bootNodeEngine();
  return engine;
}

export async function runProgram(source: string, limits: Partial<RunLimits> = {}, seed = 0): Promise<RunResult> {
  return (await sharedEngine()).run(source, { ...DEFAULT_RUN_OPTIONS, seed, limits: { ...DEFAULT_LIMITS, ...limits } });
}

export async function traceOf(source: string, limits: Partial<RunLimits> = {}): Promise<Trace> {
  const result = await runProgram(source, limits);
  if (result.kind !== 'trace') throw new Error(`expected a trace, got a syntax error: ${result.problem.text}`);
  return result.trace;
}

export const FIDELITY_DIR = new URL('../../../shared/fidelity/', import.meta.url);

export interface CorpusProgram {
  readonly name: string;
  readonly path: string;
  readonly source: string;
  readonly expected: string;
}

/** The fidelity corpus: programs with the exact stdout real CPython printed. */
export function fidelityCorpus(): readonly CorpusProgram[] {
  return readdirSync(FIDELITY_DIR)
    .filter((name) => name.endsWith('.py'))
    .sort()
    .map((name) => ({
      name,
      path: new URL(name, FIDELITY_DIR).pathname,
      source: readFileSync(new URL(name, FIDELITY_DIR), 'utf8'),
      expected: readFileSync(new URL(name.replace(/\.py$/, '.out'), FIDELITY_DIR), 'utf8'),
    }));
}
