/**
 * How fast the UI can move through a big run: index a generated 100,000-step trace (1,000 tasks
 * sleeping in turns, ~570k events), then seek stateAt to 1,000 random steps. The budget is one
 * 60 fps frame (16 ms) per seek at any step; prints one JSON line.
 *
 *   npm run bench -- stateAt        or        npx tsx bench/stateAt.bench.ts
 */
import { generateTrace } from '../src/trace/fixtures/generateTrace.ts';
import { indexTrace, stateAt } from '../src/trace/index.ts';

const STEPS = 100_000;
const SEEKS = 1_000;

const trace = generateTrace({ workers: 1_000, steps: STEPS, seed: 1 });

const indexStart = performance.now();
const index = indexTrace(trace);
const indexMs = performance.now() - indexStart;

// A seeded walk over random steps, so every run of the benchmark seeks the same cursors.
let seed = 12345;
const nextStep = (): number => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return Math.floor((seed / 2147483648) * (index.steps.length + 1));
};

const times: number[] = [];
let checksum = 0; // use the result, so no engine can skip the work
for (let i = 0; i < SEEKS; i++) {
  const step = nextStep();
  const start = performance.now();
  const state = stateAt(index, { step });
  times.push(performance.now() - start);
  checksum += state.readyQueue.length + state.timerHeap.length + state.tasks.length;
}
times.sort((a, b) => a - b);
const at = (q: number): number => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN;
const round = (ms: number): number => Math.round(ms * 1000) / 1000;

console.log(
  JSON.stringify({
    bench: 'stateAt',
    steps: index.steps.length,
    events: trace.events.length,
    tasks: index.tasks.length,
    indexMs: round(indexMs),
    medianMs: round(at(0.5)),
    p95Ms: round(at(0.95)),
    maxMs: round(times[times.length - 1] ?? NaN),
    checksum,
  }),
);
