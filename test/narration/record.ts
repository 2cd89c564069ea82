/**
 * Record the narration fixtures: run NARRATION_PROGRAMS through the real engine (Pyodide, in
 * Node) and write their events to src/trace/fixtures/narrationTraces.json (read by narrationTraces.ts).
 *
 *     npx tsx test/narration/record.ts
 */
import { writeFileSync } from 'node:fs';
import { bootNodeEngine } from '../../src/engine/node';
import { DEFAULT_LIMITS, DEFAULT_RUN_OPTIONS } from '../../src/protocol/trace';
import { narrationJson } from './narrationJson';
import { NARRATION_PROGRAMS } from './programs';

const OUT = new URL('../../src/trace/fixtures/narrationTraces.json', import.meta.url);

const engine = await bootNodeEngine();
const traces: Record<string, { source: string; end: unknown; events: readonly unknown[] }> = {};
for (const [name, source] of Object.entries(NARRATION_PROGRAMS)) {
  // The endless program stops at a small busy-loop limit, with its task still running.
  const limits = name === 'endless' ? { ...DEFAULT_LIMITS, maxLines: 3 } : DEFAULT_LIMITS;
  const result = engine.run(source, { ...DEFAULT_RUN_OPTIONS, seed: 0, limits });
  if (result.kind !== 'trace') throw new Error(`${name}: ${result.problem.text}`);
  traces[name] = { source, end: result.trace.end, events: result.trace.events };
}
writeFileSync(OUT, narrationJson(traces));
console.log('wrote', OUT.pathname);
