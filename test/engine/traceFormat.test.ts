/**
 * Trace format 3 as the engine writes it (src/protocol/compactTrace.ts): the engine leaves out
 * exactly what `compactEvents` leaves out, so a reader's `expandEvents` gets every fact back;
 * a version-2 trace the engine recorded before version 3 is the same run spelled out; and the
 * bytes per event stay within issue 14's 40 on the 1,000-task Semaphore program.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compactEvents, expandEvents, type CompactTrace, type TraceV2 } from '../../src/protocol/compactTrace';
import { fidelityCorpus, ownCorpus, runProgramJson } from './sharedEngine';

const FIXTURES = new URL('../../src/protocol/fixtures/', import.meta.url);
const BENCH = new URL('../../bench/programs/', import.meta.url);

async function written(source: string): Promise<CompactTrace> {
  const result = JSON.parse(await runProgramJson(source, { maxSteps: 200_000, maxWallSeconds: 60 })) as { kind: string; trace: CompactTrace };
  if (result.kind !== 'trace') throw new Error(`expected a trace, got ${result.kind}`);
  return result.trace;
}

const lines = (events: readonly unknown[]): string[] => events.map((e) => JSON.stringify(e));

describe('the engine writes format 3', () => {
  it('writes what compactEvents makes of the version-2 trace of the same program, recorded before version 3', async () => {
    const v2 = JSON.parse(readFileSync(new URL('v2Semaphore.json', FIXTURES), 'utf8')) as TraceV2;
    const now = await written(readFileSync(new URL('v2Semaphore.py', FIXTURES), 'utf8'));
    expect(now.version).toBe(3);
    // Objects (not their JSON text): an objstate's fields may come in another order after other
    // runs in the same engine (objects*.py), which says the same facts.
    expect(now.events).toEqual(compactEvents(v2.events));
    const expanded = expandEvents(now.events);
    expect(expanded.ok && expanded.events).toEqual(v2.events);
    expect(now.stdout).toBe(v2.stdout);
  });

  it('leaves out what compactEvents leaves out, for every corpus program and example', async () => {
    const programs = [...fidelityCorpus(), ...ownCorpus()];
    expect(programs.length).toBeGreaterThanOrEqual(40);
    for (const program of programs) {
      const trace = await written(program.source);
      const expanded = expandEvents(trace.events);
      if (!expanded.ok) throw new Error(`${program.name}: ${expanded.error}`);
      expect(lines(compactEvents(expanded.events)), program.name).toEqual(lines(trace.events));
    }
  });

  it('writes at most 40 bytes per event on the 1,000 tasks waiting for one Semaphore (issue 14)', async () => {
    const trace = await written(readFileSync(new URL('thousand_on_semaphore.py', BENCH), 'utf8'));
    const bytesPerEvent = Buffer.byteLength(JSON.stringify(trace)) / trace.events.length;
    expect(trace.events.length).toBeGreaterThan(20_000);
    expect(bytesPerEvent).toBeLessThanOrEqual(40);
  });
});
