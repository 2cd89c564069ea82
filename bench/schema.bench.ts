/**
 * How long the page takes to read a big run's result before using it: JSON.parse of the
 * engine's text, then the schema check of every event (src/protocol/schema.ts, zod without its
 * eval-compiled path, as the page's Content-Security-Policy has it). On the engine's real
 * 100,000-step trace (bench/programs/hundred_thousand_steps.py, ~350k events: the compact text the
 * worker posts, ~13.6 MB, and the same events spelled out, ~16 MB) and on a generated one (1,000 tasks sleeping in turns, ~570k events). The budget is well under a
 * second; prints one JSON line per trace (medians of 5).
 *
 *   npm run bench -- schema        or        npx tsx bench/schema.bench.ts
 */
import { readFileSync } from 'node:fs';
import { bootNodeEngine } from '../src/engine/node.ts';
import { parseRunResult } from '../src/protocol/schema.ts';
import { DEFAULT_RUN_OPTIONS, TRACE_VERSION, type RunResult, type Trace } from '../src/protocol/trace.ts';
import { generateTrace } from '../src/trace/fixtures/generateTrace.ts';

const RUNS = 5;

/**
 * The end as trace version 2 writes it. The figure is the events' cost: the end is one small
 * object, so rewriting it here (for an engine or fixture still writing version 1) changes nothing.
 */
function asVersion2(trace: Trace, line: number | null): RunResult {
  const end = { kind: 'limit', limit: 'steps', line, max: 100_000, t: trace.stats.virtualTime } as const;
  return { kind: 'trace', trace: { ...trace, version: TRACE_VERSION, end } };
}

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const round = (ms: number): number => Math.round(ms * 10) / 10;

function measure(name: string, json: string): void {
  const parseTimes: number[] = [];
  const checkedTimes: number[] = [];
  let events = 0;
  for (let i = 0; i < RUNS; i++) {
    let start = performance.now();
    JSON.parse(json);
    parseTimes.push(performance.now() - start);
    start = performance.now();
    const parsed = parseRunResult(json);
    checkedTimes.push(performance.now() - start);
    if (!parsed.ok) throw new Error(`${name} does not validate: ${parsed.error}`);
    if (parsed.value.kind === 'trace') events = parsed.value.trace.events.length;
  }
  console.log(
    JSON.stringify({
      bench: 'schema',
      trace: name,
      events,
      jsonMB: round(json.length / 1e6),
      jsonParseMs: round(median(parseTimes)),
      parseAndValidateMs: round(median(checkedTimes)),
      validateMs: round(median(checkedTimes) - median(parseTimes)),
    }),
  );
}

const engine = await bootNodeEngine();
const source = readFileSync(new URL('./programs/hundred_thousand_steps.py', import.meta.url), 'utf8');
// The text exactly as the worker posts it to the page (compact events of the current version).
measure('hundred_thousand_steps.py', engine.runJson(source, DEFAULT_RUN_OPTIONS));
// The same trace spelled out (every field of every event), as version 2 files are written.
const real = engine.run(source, DEFAULT_RUN_OPTIONS);
if (real.kind !== 'trace') throw new Error('hundred_thousand_steps.py: expected a trace');
const realEnd = real.trace.end;
measure('hundred_thousand_steps.py spelled out', JSON.stringify(asVersion2(real.trace, 'line' in realEnd ? realEnd.line : null)));

measure('generated', JSON.stringify(asVersion2(generateTrace({ workers: 1_000, steps: 100_000, seed: 1 }), null)));
