/** `loopscope bench`: the engine's cost on one program, measured warm in one process. */
import { performance } from 'node:perf_hooks';
import type { Engine } from '../src/engine/engine';
import type { RunOptions } from '../src/protocol/trace';

export interface BenchFigures {
  readonly bootMs: number;
  readonly plainMs: number;
  readonly tracedMs: number;
  readonly events: number;
  readonly traceBytes: number;
  readonly steps: number;
}

const REPEATS = 5;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function timeRuns(engine: Engine, source: string, options: RunOptions, filename: string): { ms: number; json: string } {
  engine.runJson(source, { ...options, filename }); // warm-up: imports, caches
  const times: number[] = [];
  let json = '';
  for (let i = 0; i < REPEATS; i++) {
    const t0 = performance.now();
    json = engine.runJson(source, { ...options, filename });
    times.push(performance.now() - t0);
  }
  return { ms: median(times), json };
}

const round = (ms: number): number => Math.round(ms * 100) / 100;

export function benchProgram(engine: Engine, bootMs: number, source: string, options: RunOptions, filename: string): BenchFigures {
  const plain = timeRuns(engine, source, { ...options, record: false }, filename);
  const traced = timeRuns(engine, source, { ...options, record: true }, filename);
  const result = JSON.parse(traced.json) as { kind: string; trace?: { events: unknown[]; stats: { steps: number } } };
  const trace = result.trace;
  return {
    bootMs: round(bootMs),
    plainMs: round(plain.ms),
    tracedMs: round(traced.ms),
    events: trace?.events.length ?? 0,
    traceBytes: trace ? Buffer.byteLength(JSON.stringify(trace)) : 0,
    steps: trace?.stats.steps ?? 0,
  };
}
