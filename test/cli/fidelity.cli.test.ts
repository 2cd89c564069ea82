/** The corpus through the command line, as a user runs it: `npx loopscope run FILE.py`. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { fidelityCorpus } from '../engine/sharedEngine';

const run = promisify(execFile);
const BIN = new URL('../../bin/loopscope.mjs', import.meta.url).pathname;

interface CliOutput {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number;
}

async function loopscope(...args: string[]): Promise<CliOutput> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { maxBuffer: 64 * 1024 * 1024 });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string; code: number };
    return { stdout: failed.stdout, stderr: failed.stderr, code: failed.code };
  }
}

/** Two at a time: each process boots its own Pyodide, and the machine has two cores. */
async function inPairs<T, R>(items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += 2) {
    results.push(...(await Promise.all(items.slice(i, i + 2).map(work))));
  }
  return results;
}

describe('npx loopscope run', () => {
  it('prints every corpus program\'s stdout byte for byte, with exit status 0', { timeout: 600_000 }, async () => {
    const corpus = fidelityCorpus();
    const outputs = await inPairs(corpus, (program) => loopscope('run', program.path));
    corpus.forEach((program, i) => {
      const out = outputs[i];
      expect(out?.stdout, program.name).toBe(program.expected);
      expect(out?.stderr, program.name).toBe('');
      expect(out?.code, program.name).toBe(0);
    });
  });
});
