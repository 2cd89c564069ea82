/**
 * Where a seek's time goes in the Objects view and the await graph on their biggest run (1,000
 * tasks in line for one Semaphore): objectsAt, awaitGraph and the graph's layout, timed apart
 * over the page bench's 200 seek cursors (the same LCG), then a scrub (step after step). The
 * graph's layout starts from the last seek's, as the page's does. Prints one JSON line.
 *
 *   npx tsx bench/objectViews.bench.ts [trace.json]     (default: the page bench's trace file)
 */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { layoutGraph, type Layout } from '../src/panels/graphLayout.ts';
import { parseTrace } from '../src/protocol/schema.ts';
import { TRACE_VERSION } from '../src/protocol/trace.ts';
import { awaitGraph, indexTrace, objectsAt } from '../src/trace/index.ts';

const file = process.argv[2] ?? path.join(tmpdir(), `loopscope-page-bench-semaphore-v${TRACE_VERSION}.json`);
// Written as format 3 writes it: parseTrace spells the events out, as the page does.
const parsed = parseTrace(JSON.parse(readFileSync(file, 'utf8')));
if (!parsed.ok) throw new Error(`${file}: ${parsed.error}`);
const trace = parsed.value;
const index = indexTrace(trace);
const steps = trace.stats.steps;

let seed = 12345;
const seeks: number[] = [];
for (let i = 0; i < 200; i++) {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  seeks.push(1 + (seed % steps));
}
const scrub = Array.from({ length: 180 }, (_, i) => 1 + Math.floor((i * steps) / 180));

/** CPU time in ms (the machine is shared: wall time counts other processes' turns too). */
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function run(cursors: readonly number[]) {
  const t = { objects: [] as number[], graph: [] as number[], layout: [] as number[], total: [] as number[] };
  let layout: Layout = new Map();
  for (const step of cursors) {
    const a = cpu();
    objectsAt(index, { step });
    const b = cpu();
    const g = awaitGraph(index, { step });
    const c = cpu();
    layout = layoutGraph(g, layout);
    const d = cpu();
    t.objects.push(b - a);
    t.graph.push(c - b);
    t.layout.push(d - c);
    t.total.push(d - a);
  }
  const p = (xs: number[], q: number) => Math.round(([...xs].sort((x, y) => x - y)[Math.ceil(q * xs.length) - 1] ?? NaN) * 10) / 10;
  return Object.fromEntries(Object.entries(t).map(([k, xs]) => [k, { p50: p(xs, 0.5), p95: p(xs, 0.95) }]));
}

console.log(JSON.stringify({ steps, seek: run(seeks), scrub: run(scrub) }));
