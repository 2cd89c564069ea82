/**
 * The engine's cost: boot, plain vs traced run time, events and bytes for the fidelity corpus
 * and the 1,000-task programs; then seeking in a real 100,000-step trace with src/trace.
 * Targets (issue #2): traced ≤ 2.5× plain; 1,000 tasks traced ≤ 200 ms; ≤ 60 bytes/event;
 * stateAt ≤ 16 ms at any step of a 100,000-step trace. Issue 14: traced ≤ 2× plain on the
 * 1,000 tasks that retry on one Semaphore(50) (thousand_retry_on_semaphore.py), objects
 * recording included, with ≤ 40 bytes per event. The 1,000-task ratios are printed twice: in
 * wall-clock medians (cli/bench.ts, as `loopscope bench` gives them) and in CPU time.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { performance, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { benchProgram, type BenchFigures } from '../cli/bench';
import { bootNodeEngine } from '../src/engine/node';
import { DEFAULT_LIMITS, DEFAULT_RUN_OPTIONS, type RunResult } from '../src/protocol/trace';
import { indexTrace, stateAfterEvents, stateAt } from '../src/trace';

const FIDELITY = new URL('../test/corpus/', import.meta.url);
const PROGRAMS = new URL('./programs/', import.meta.url);

const t0 = performance.now();
const engine = await bootNodeEngine();
const bootMs = performance.now() - t0;

const rows: (BenchFigures & { program: string })[] = [];
const measure = (program: string, source: string): void => {
  rows.push({ program, ...benchProgram(engine, bootMs, source, DEFAULT_RUN_OPTIONS, 'main.py') });
};
for (const name of readdirSync(FIDELITY).filter((n) => n.endsWith('.py')).sort()) {
  measure(name, readFileSync(new URL(name, FIDELITY), 'utf8'));
}
const PROGRAM_NAMES = ['thousand_tasks.py', 'thousand_on_semaphore.py', 'thousand_retry_on_semaphore.py'];
for (const name of PROGRAM_NAMES) measure(name, readFileSync(new URL(name, PROGRAMS), 'utf8'));

const ratio = (r: BenchFigures): number => r.tracedMs / r.plainMs;
const bytesPerEvent = (r: BenchFigures): number => r.traceBytes / Math.max(1, r.events);
console.log('program                               plain ms  traced ms  ratio  events  bytes/event');
for (const r of rows) {
  console.log(
    `${r.program.padEnd(38)}${r.plainMs.toFixed(1).padStart(8)}${r.tracedMs.toFixed(1).padStart(11)}${ratio(r).toFixed(2).padStart(7)}` +
      `${String(r.events).padStart(8)}${bytesPerEvent(r).toFixed(1).padStart(13)}`,
  );
}
const corpus = rows.filter((r) => !PROGRAM_NAMES.includes(r.program));
const sum = (f: (r: BenchFigures) => number): number => corpus.reduce((a, r) => a + f(r), 0);
const figures = (program: string) => {
  const r = rows.find((row) => row.program === program);
  return (
    r && {
      plainMs: r.plainMs,
      tracedMs: r.tracedMs,
      ratio: Math.round(ratio(r) * 100) / 100,
      events: r.events,
      bytesPerEvent: Math.round(bytesPerEvent(r) * 10) / 10,
    }
  );
};
console.log(
  JSON.stringify({
    bench: 'engine',
    bootMs: Math.round(bootMs),
    corpusPlainMs: Math.round(sum((r) => r.plainMs) * 10) / 10,
    corpusTracedMs: Math.round(sum((r) => r.tracedMs) * 10) / 10,
    corpusRatio: Math.round((sum((r) => r.tracedMs) / sum((r) => r.plainMs)) * 100) / 100,
    corpusBytesPerEvent: Math.round((sum((r) => r.traceBytes) / sum((r) => r.events)) * 10) / 10,
    thousandTasks: figures('thousand_tasks.py'),
    thousandOnSemaphore: figures('thousand_on_semaphore.py'),
    thousandRetryOnSemaphore: figures('thousand_retry_on_semaphore.py'),
  }),
);

// The same ratio in CPU time, plain and traced runs taking turns: on a shared machine the wall
// clock also counts the time other processes had the cores (a load of 20 on 2 cores made the
// medians above swing 2x), CPU time counts only this process's work. Per round traced / plain,
// so the range says how steady it was.
const cpuMs = (): number => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};
const CPU_ROUNDS = 7;
const middle = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const round2 = (x: number): number => Math.round(x * 100) / 100;
for (const name of PROGRAM_NAMES) {
  const source = readFileSync(new URL(name, PROGRAMS), 'utf8');
  const runCpu = (record: boolean): number => {
    const c0 = cpuMs();
    engine.runJson(source, { ...DEFAULT_RUN_OPTIONS, record, filename: 'main.py' });
    return cpuMs() - c0;
  };
  runCpu(false); // warm-up: imports, caches
  runCpu(true);
  const plain: number[] = [];
  const traced: number[] = [];
  for (let i = 0; i < CPU_ROUNDS; i++) {
    plain.push(runCpu(false));
    traced.push(runCpu(true));
  }
  const ratios = traced.map((t, i) => t / (plain[i] ?? NaN));
  console.log(
    JSON.stringify({
      bench: 'traced / plain in CPU time',
      program: name,
      plainCpuMs: Math.round(middle(plain)),
      tracedCpuMs: Math.round(middle(traced)),
      ratio: round2(middle(traced) / middle(plain)),
      roundRatios: [round2(Math.min(...ratios)), round2(Math.max(...ratios))],
    }),
  );
}

// 100,000 tasks at once (test/bad-input/tasks-100k.py, ended by the steps limit): what one step
// of a task costs the engine when a gather of all of them is an object. Python's own time, traced.
const hundredThousandTasks = readFileSync(new URL('../test/bad-input/tasks-100k.py', import.meta.url), 'utf8');
const tasksRun = engine.run(hundredThousandTasks, { ...DEFAULT_RUN_OPTIONS, limits: { ...DEFAULT_LIMITS, maxWallSeconds: 300 } });
if (tasksRun.kind !== 'trace') throw new Error('the 100,000-task program did not run');
console.log(
  JSON.stringify({
    bench: '100,000 tasks (tasks-100k.py, traced)',
    pythonMs: Math.round(tasksRun.trace.stats.pythonMs),
    steps: tasksRun.trace.stats.steps,
    end: tasksRun.trace.end.kind,
  }),
);

// Seeking in a real engine trace of ~100,000 steps.
const big = engine.run(readFileSync(new URL('hundred_thousand_steps.py', PROGRAMS), 'utf8'), {
  ...DEFAULT_RUN_OPTIONS,
  limits: { ...DEFAULT_LIMITS, maxSteps: 200_000, maxWallSeconds: 120 },
}) satisfies RunResult;
if (big.kind !== 'trace') throw new Error('the 100,000-step program did not run');
const ti = performance.now();
const index = indexTrace(big.trace);
const indexMs = performance.now() - ti;
const steps = index.steps.length;
let seed = 12345;
const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
// Node's garbage collections, to tell a seek's own time from a collection of the whole heap
// (Pyodide's and the 358k-event trace's) that happened to land in it.
const collections: PerformanceEntry[] = [];
const gcObserver = new PerformanceObserver((list) => collections.push(...list.getEntries()));
gcObserver.observe({ entryTypes: ['gc'] });
const seekSpans: [number, number][] = [];
const timeSeek = (step: number): number => {
  const s0 = performance.now();
  stateAt(index, { step });
  const s1 = performance.now();
  seekSpans.push([s0, s1]);
  return s1 - s0;
};
// The first seek runs the keyframe-restoring code cold (the JIT has not seen it yet): say so apart.
const firstSeekMs = timeSeek(Math.floor(random() * (steps + 1)));
for (let i = 0; i < 100; i++) timeSeek(Math.floor(random() * (steps + 1)));
// 1,000 random steps, and every keyframe gap's last step (the most events to replay): "any step".
const times: number[] = [];
for (let i = 0; i < 1000; i++) times.push(timeSeek(Math.floor(random() * (steps + 1))));
const keyframes = index.internals.keyframes;
for (let k = 0; k < keyframes.length; k++) {
  const lastEvent = (keyframes[k + 1]?.at ?? big.trace.events.length) - 1;
  const s0 = performance.now();
  stateAfterEvents(index, lastEvent);
  const s1 = performance.now();
  seekSpans.push([s0, s1]);
  times.push(s1 - s0);
}
await new Promise((resolve) => setTimeout(resolve, 50)); // let the observer hear of the last collections
gcObserver.disconnect();
const timed = seekSpans.slice(-times.length);
const hitByGc = timed.map(([a, b]) => collections.some((gc) => gc.startTime < b && gc.startTime + gc.duration > a));
const worstWithoutGc = Math.max(...times.filter((_, i) => !hitByGc[i]));
times.sort((a, b) => a - b);
const at = (q: number): number => Math.round((times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN) * 1000) / 1000;
console.log(
  JSON.stringify({
    bench: 'stateAt (real engine trace)',
    steps,
    events: big.trace.events.length,
    tasks: big.trace.stats.tasks,
    indexMs: Math.round(indexMs),
    seeks: times.length,
    firstSeekMs: Math.round(firstSeekMs * 1000) / 1000,
    medianMs: at(0.5),
    p95Ms: at(0.95),
    p99Ms: at(0.99),
    maxMs: at(1),
    seeksHitByGc: hitByGc.filter(Boolean).length,
    maxWithoutGcMs: Math.round(worstWithoutGc * 1000) / 1000,
  }),
);
