/**
 * What the pitfall lints cost: findings() over the generated 100,000-step trace (1,000 tasks
 * sleeping in turns, as bench/stateAt.bench.ts; budget 200 ms) and over each program of the
 * Examples menu as the real engine records it (budget 5 ms each). Every figure is for a fresh
 * index, so no cached list is measured. Prints one JSON line.
 *
 *   npm run bench -- findings        or        npx tsx bench/findings.bench.ts
 */
import { readdirSync, readFileSync } from 'node:fs';
import { bootNodeEngine } from '../src/engine/node.ts';
import { DEFAULT_RUN_OPTIONS } from '../src/protocol/trace.ts';
import { generateTrace } from '../src/trace/fixtures/generateTrace.ts';
import { findings, indexTrace } from '../src/trace/index.ts';
import type { Trace } from '../src/protocol/trace.ts';

const round = (ms: number): number => Math.round(ms * 1000) / 1000;

/** The median of `runs` timings of findings() on fresh indexes of `trace` (index built untimed). */
function time(trace: Trace, runs: number): { ms: number; found: number } {
  const times: number[] = [];
  let found = 0;
  for (let i = 0; i < runs; i++) {
    const index = indexTrace(trace);
    const start = performance.now();
    found = findings(index).length;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)] ?? NaN, found };
}

const big = generateTrace({ workers: 1_000, steps: 100_000, seed: 1 });
const bigTime = time(big, 5);

const engine = await bootNodeEngine();
const dir = new URL('../src/examples/programs/', import.meta.url);
const examples: { name: string; ms: number; events: number }[] = [];
for (const name of readdirSync(dir).filter((n) => n.endsWith('.py')).sort()) {
  const result = engine.run(readFileSync(new URL(name, dir), 'utf8'), DEFAULT_RUN_OPTIONS);
  if (result.kind !== 'trace') throw new Error(`${name} did not run`);
  examples.push({ name, ms: time(result.trace, 21).ms, events: result.trace.events.length });
}
const slowest = examples.reduce((a, b) => (b.ms > a.ms ? b : a));
const sorted = examples.map((e) => e.ms).sort((a, b) => a - b);

console.log(
  JSON.stringify({
    bench: 'findings',
    bigSteps: 100_000,
    bigEvents: big.events.length,
    bigMs: round(bigTime.ms),
    bigFindings: bigTime.found,
    examples: examples.length,
    exampleMedianMs: round(sorted[Math.floor(sorted.length / 2)] ?? NaN),
    exampleMaxMs: round(slowest.ms),
    slowestExample: slowest.name,
  }),
);
