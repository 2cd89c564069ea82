/** Fidelity is the product: each corpus program prints exactly what real CPython printed. */
import { describe, expect, it } from 'vitest';
import { fidelityCorpus, ownCorpus, runProgram, traceOf } from './sharedEngine';

const corpus = fidelityCorpus();

describe('the fidelity corpus on the engine', () => {
  it('has programs to check', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(18);
  });

  for (const program of corpus) {
    it(`${program.name} prints what CPython prints, byte for byte`, async () => {
      const trace = await traceOf(program.source);
      expect(trace.end).toEqual({ kind: 'ok' });
      expect(trace.stdout).toBe(program.expected);
      expect(trace.stderr).toBe('');
    });

    it(`${program.name} records the same trace every time`, async () => {
      const first = await runProgram(program.source);
      const second = await runProgram(program.source);
      const strip = (result: typeof first): unknown =>
        result.kind === 'trace' ? { ...result.trace, stats: { ...result.trace.stats, pythonMs: 0 } } : result;
      expect(strip(second)).toEqual(strip(first));
    });
  }

  it('stdout in the trace equals the text of its out events', async () => {
    for (const program of corpus) {
      const trace = await traceOf(program.source);
      const fromEvents = trace.events.map((e) => (e.e === 'out' && e.fd === undefined ? e.s : '')).join('');
      expect(fromEvents, program.name).toBe(trace.stdout);
    }
  });
});

describe('our own fidelity programs and the examples on the engine', () => {
  const own = ownCorpus();

  it('has the examples and our own programs', () => {
    expect(own.filter((p) => p.name.startsWith('examples/')).length).toBeGreaterThanOrEqual(16);
    expect(own.filter((p) => !p.name.startsWith('examples/')).length).toBeGreaterThanOrEqual(1);
  });

  for (const program of own) {
    it(`${program.name} prints what CPython prints, byte for byte`, async () => {
      const trace = await traceOf(program.source);
      expect(trace.end).toEqual({ kind: 'ok' });
      expect(trace.stdout).toBe(program.expected);
    });
  }
});
