/**
 * Every hostile or broken program through the command line, each in its own process: it must
 * end by itself within seconds, with the end its case expects and a trace up to that point.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { whySentence } from '../../src/i18n/endWords';
import { expandTrace, type CompactTrace } from '../../src/protocol/compactTrace';
import type { RunEnd, RunResult } from '../../src/protocol/trace';
import { BAD_INPUT_CASES, LIMIT_CAUSES, causeOf, type BadInputCase } from './cases';
import { differences } from './check';

const BIN = new URL('../../bin/loopscope.mjs', import.meta.url).pathname;
const HERE = new URL('./', import.meta.url).pathname;
/**
 * Each case is a fresh process that boots Pyodide first (3-4 s on a quiet machine, over 15 s
 * when two cases and another test file share a loaded 2-core CI machine), then runs under the
 * 10 s wall-clock limit and the watchdog. The bound catches a run that does not end; the
 * figures themselves go to the report.
 */
const ENDS_WITHIN_MS = 45_000;

interface Outcome {
  readonly testCase: BadInputCase;
  readonly ms: number;
  readonly code: number;
  readonly stderr: string;
  readonly result: RunResult | null;
}

function traceCase(testCase: BadInputCase, dir: string): Promise<Outcome> {
  const out = join(dir, `${testCase.file}.json`);
  const t0 = performance.now();
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, 'trace', join(HERE, testCase.file), '-o', out, ...(testCase.cliArgs ?? [])], { maxBuffer: 64 << 20 }, (error, _stdout, stderr) => {
      const ms = performance.now() - t0;
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      const result: RunResult | null = existsSync(out)
        ? { kind: 'trace', trace: expandTrace(JSON.parse(readFileSync(out, 'utf8')) as CompactTrace) }
        : null;
      resolve({ testCase, ms, code, stderr, result });
    });
  });
}

/**
 * Two processes at a time (the machine's two cores), each started as soon as one ends: in pairs,
 * a quick case waited for its partner, and a 10 s wall-clock case left a core idle that long.
 * Outcomes come back in the table's order, whatever order the processes ended in.
 */
async function traceAll(cases: readonly BadInputCase[], dir: string): Promise<Outcome[]> {
  const outcomes: Outcome[] = new Array<Outcome>(cases.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < cases.length) {
      const at = next++;
      const testCase = cases[at];
      if (testCase !== undefined) outcomes[at] = await traceCase(testCase, dir);
    }
  };
  await Promise.all([lane(), lane()]);
  return outcomes;
}

/** The `loopscope:` line the CLI ends stderr with for this end, in English; null when it prints none. */
function noticeLine(end: RunEnd): string | null {
  const words = whySentence(end, 'en');
  return words === null ? null : `loopscope: ${words}\n`;
}

/** A syntax error leaves no trace file: CPython's rendering goes to stderr, as `python FILE.py` prints it. */
function syntaxDifferences(outcome: Outcome): string[] {
  const want = outcome.testCase.expect;
  const found: string[] = [];
  if (want.kind !== 'syntax-error') return [`no trace written (${outcome.stderr.slice(0, 200)})`];
  for (const words of want.messageIncludes ?? []) if (!outcome.stderr.includes(words)) found.push(`stderr lacks "${words}"`);
  if (want.line !== undefined && !outcome.stderr.includes(`line ${want.line}`)) found.push(`stderr does not point at line ${want.line}`);
  if (outcome.code !== 1) found.push(`exit status ${outcome.code}`);
  return found;
}

/** `BAD_INPUT_ONLY=a.py,b.py` runs only those cases (to look into one); the check that every limit is reached is then skipped. */
const only = process.env.BAD_INPUT_ONLY?.split(',');
const selected = BAD_INPUT_CASES.filter((c) => only === undefined || only.includes(c.file));

describe('bad input through `loopscope trace`', () => {
  it(`all ${selected.length} cases end by themselves, as expected, with their partial trace`, { timeout: 900_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'loopscope-bad-'));
    const outcomes = await traceAll(selected, dir);
    const report = outcomes.map((o) => ({
      file: o.testCase.file,
      ms: Math.round(o.ms),
      end: o.result === null ? 'syntax-error' : o.result.kind === 'trace' ? o.result.trace.end.kind : 'syntax-error',
      events: o.result?.kind === 'trace' ? o.result.trace.events.length : 0,
    }));
    writeFileSync(join(dir, 'report.json'), JSON.stringify(report, null, 1));
    console.log(`bad-input report: ${join(dir, 'report.json')}`);
    // Soft: one run reports every case that differs, not only the first.
    for (const outcome of outcomes) {
      const name = outcome.testCase.file;
      const problems = outcome.result === null ? syntaxDifferences(outcome) : differences(outcome.testCase, outcome.result);
      expect.soft(problems, name).toEqual([]);
      expect.soft(outcome.ms, `${name} took ${Math.round(outcome.ms)} ms`).toBeLessThan(ENDS_WITHIN_MS);
      if (outcome.result?.kind === 'trace') {
        const end = outcome.result.trace.end;
        // A run stopped early still has what it did: a viewable trace up to that point.
        if (end.kind === 'limit' || end.kind === 'deadlock') expect.soft(outcome.result.trace.events.length, name).toBeGreaterThan(0);
        if (end.kind !== 'ok' && end.kind !== 'exit') expect.soft(outcome.code, name).toBe(1);
        // The CLI says why in one English line at the end of stderr (after the traceback, for a hint).
        const notice = noticeLine(end);
        if (notice === null) expect.soft(outcome.stderr, name).not.toContain('loopscope:');
        else expect.soft(outcome.stderr.endsWith(notice), `${name}: stderr ends with ${notice}, not ${outcome.stderr.slice(-300)}`).toBe(true);
      }
    }
    // Every limit, each way it can be reached, ran for real here (and its words were checked
    // in both languages by differences()).
    if (only !== undefined) return;
    const reached = new Set(
      outcomes.flatMap((o) => (o.result?.kind === 'trace' && o.result.trace.end.kind === 'limit' ? [`${o.result.trace.end.limit}/${String(causeOf(o.result.trace.end))}`] : [])),
    );
    const every = Object.entries(LIMIT_CAUSES).flatMap(([limit, causes]) => (causes ?? [null]).map((cause) => `${limit}/${String(cause)}`));
    expect(every.filter((limit) => !reached.has(limit)), 'limits no case reached').toEqual([]);
  });
});
