/**
 * Record the narration fixtures: run NARRATION_PROGRAMS through the real engine (Pyodide, in
 * Node) and write their events to src/trace/fixtures/narrationTraces.ts.
 *
 *     npx tsx test/narration/record.ts
 */
import { writeFileSync } from 'node:fs';
import { bootNodeEngine } from '../../src/engine/node';
import { DEFAULT_LIMITS, DEFAULT_RUN_OPTIONS } from '../../src/protocol/trace';
import { NARRATION_PROGRAMS } from './programs';

const OUT = new URL('../../src/trace/fixtures/narrationTraces.ts', import.meta.url);

const engine = await bootNodeEngine();
const parts: string[] = [];
for (const [name, source] of Object.entries(NARRATION_PROGRAMS)) {
  // The endless program stops at a small busy-loop limit, with its task still running.
  const limits = name === 'endless' ? { ...DEFAULT_LIMITS, maxLines: 3 } : DEFAULT_LIMITS;
  const result = engine.run(source, { ...DEFAULT_RUN_OPTIONS, seed: 0, limits });
  if (result.kind !== 'trace') throw new Error(`${name}: ${result.problem.text}`);
  const events = result.trace.events.map((e, i) => `    /* ${i} */ ${JSON.stringify(e)},`).join('\n');
  parts.push(`  ${name}: {\n    source: ${JSON.stringify(source)},\n    end: ${JSON.stringify(result.trace.end)},\n    events: [\n${events}\n    ],\n  },`);
}
writeFileSync(
  OUT,
  `/**
 * Events the real engine recorded for test/narration/programs.ts (regenerate with
 * \`npx tsx test/narration/record.ts\`). Between them every narration kind, handle label and
 * await description happens, and both kinds of deadlock cause; src/i18n/narration.test.ts renders them all in both languages.
 */
import type { RunEnd, TraceEvent } from '../../protocol/trace';

export const NARRATION_TRACES: Readonly<Record<string, { readonly source: string; readonly end: RunEnd; readonly events: readonly TraceEvent[] }>> = {
${parts.join('\n')}
};
`,
);
console.log('wrote', OUT.pathname);
