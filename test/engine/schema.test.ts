/**
 * The engine's real output passes the protocol's runtime schema (src/protocol/schema.ts): every
 * program of the fidelity corpus, our own fidelity programs and the examples, plus programs that
 * end each other way (an exception with a hint, exit, a limit, a deadlock). The page refuses what
 * fails this, so a field the engine writes that the protocol does not declare fails here first.
 */
import { describe, expect, it } from 'vitest';
import { parseRunResult } from '../../src/protocol/schema';
import { fidelityCorpus, ownCorpus, runProgramJson } from './sharedEngine';

/**
 * The result as the engine writes it and the page reads it (format 3's compact events), checked
 * strictly: the schema refuses any trace version it does not read, so an engine writing another
 * fails here.
 */
async function engineJson(source: string, limits?: Parameters<typeof runProgramJson>[1]): Promise<string> {
  return runProgramJson(source, limits);
}

/** Programs that end each way a run can end (the corpus programs all end `ok`). */
const ENDINGS: readonly { readonly ending: string; readonly kind: string; readonly source: string }[] = [
  { ending: 'an exception', kind: 'exception', source: 'import asyncio\nasync def main():\n    raise ValueError("boom")\nasyncio.run(main())\n' },
  { ending: 'a missing module', kind: 'exception', source: 'import flask\n' },
  { ending: 'sys.exit', kind: 'exit', source: 'import sys\nsys.exit(3)\n' },
  { ending: 'the steps limit', kind: 'limit', source: 'import asyncio\nasync def main():\n    while True:\n        await asyncio.sleep(0)\nasyncio.run(main())\n' },
  { ending: 'a deadlock', kind: 'deadlock', source: 'import asyncio\nasync def main():\n    await asyncio.Event().wait()\nasyncio.run(main())\n' },
  { ending: 'a syntax error', kind: 'syntax-error', source: 'def f(:\n' },
  // CPython gives no end column for this one (end_offset -1): the problem leaves it out.
  { ending: 'an unexpected indent', kind: 'syntax-error', source: 'print("one")\n    print("two")\n' },
];

describe('the engine output validates against the protocol schema', () => {
  const programs = [...fidelityCorpus(), ...ownCorpus()];

  it('has the whole corpus to check', () => {
    expect(programs.length).toBeGreaterThanOrEqual(40);
  });

  it('every corpus program, own fidelity program and example', async () => {
    for (const program of programs) {
      const parsed = parseRunResult(await engineJson(program.source));
      expect(parsed.ok ? 'valid' : parsed.error, program.name).toBe('valid');
    }
  });

  for (const { ending, kind, source } of ENDINGS) {
    it(`a run that ends with ${ending}`, async () => {
      const parsed = parseRunResult(await engineJson(source, { maxSteps: 2_000 }));
      expect(parsed.ok ? 'valid' : parsed.error).toBe('valid');
      if (!parsed.ok) return;
      expect(parsed.value.kind === 'trace' ? parsed.value.trace.end.kind : parsed.value.kind).toBe(kind);
    });
  }
});
