/**
 * Programs as the tutorials write them (test/tutorials/README.md): each prints what real
 * CPython 3.13 printed, on stdout and stderr, run as cases.ts says; those Python 3.14 refuses
 * carry the hint that says what changed.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, DEFAULT_RUN_OPTIONS, type RunOptions, type Trace } from '../../src/protocol/trace';
import { TUTORIAL_CASES, type TutorialCase } from '../tutorials/cases';
import { comparable, inFolder } from './cpythonOutput';
import { sharedEngine } from './sharedEngine';

const DIR = new URL('../tutorials/', import.meta.url);

// A zone far from UTC for this file's process (vitest forks one per file): the program's clock
// is UTC whatever the machine's zone (C's local time in Pyodide is the host's), and CPython ran
// these in UTC. At 22:13 UTC it is already the next day in Beijing.
process.env.TZ = 'Asia/Shanghai';

async function run(c: TutorialCase, compat: RunOptions['compat']): Promise<Trace> {
  const file = new URL(c.file, DIR);
  const options: RunOptions & { filename: string } = { ...DEFAULT_RUN_OPTIONS, limits: DEFAULT_LIMITS, compat, filename: file.pathname };
  const result = (await sharedEngine()).run(readFileSync(file, 'utf8'), options);
  if (result.kind !== 'trace') throw new Error(`${c.file}: ${result.problem.text}`);
  return result.trace;
}

function expected(c: TutorialCase, stream: 'out' | 'err'): string {
  return inFolder(readFileSync(new URL(c.file.replace(/\.py$/, `.${stream}`), DIR), 'utf8'), DIR.pathname);
}

describe('tutorial-style programs print what CPython 3.13 printed', () => {
  for (const c of TUTORIAL_CASES) {
    it(`${c.file}: ${c.what}${c.compat ? ' (run as Python 3.13 would)' : ''}`, async () => {
      const trace = await run(c, c.compat);
      expect(trace.stdout).toBe(expected(c, 'out'));
      expect(comparable(trace.stderr, DIR.pathname)).toBe(comparable(expected(c, 'err'), DIR.pathname));
    });
  }
});

describe('what Python 3.14 refuses says what changed', () => {
  for (const c of TUTORIAL_CASES.filter((t) => t.hint314 !== undefined)) {
    it(`${c.file} as Python 3.14 runs it ends with the ${c.hint314?.k} hint`, async () => {
      const trace = await run(c, undefined);
      expect(trace.end.kind).toBe('exception');
      expect(trace.end.kind === 'exception' ? trace.end.hint : null).toEqual(c.hint314);
    });
  }
  for (const c of TUTORIAL_CASES.filter((t) => t.hint314 === undefined)) {
    it(`${c.file} needs no hint`, async () => {
      const trace = await run(c, undefined);
      expect(trace.end.kind === 'exception' ? trace.end.hint : undefined).toBeUndefined();
    });
  }
});

describe('the comparison rules', () => {
  it('drop asyncio frames and line numbers, and round durations, but keep the program', () => {
    const dir = '/p/';
    const cpython = [
      'Traceback (most recent call last):',
      '  File "/p/t.py", line 3, in <module>',
      '    asyncio.run(main())',
      '  File "/root/.pyenv/versions/3.13.0/lib/python3.13/asyncio/runners.py", line 194, in run',
      '    return runner.run(main)',
      '           ~~~~~~~~~~^^^^^^',
      'TypeError: nope',
      'Executing <Task created at /root/.pyenv/versions/3.13.0/lib/python3.13/asyncio/runners.py:100> took 0.202 seconds',
    ].join('\n');
    const loopscope = [
      'Traceback (most recent call last):',
      '  File "/p/t.py", line 3, in <module>',
      '    asyncio.run(main())',
      'TypeError: nope',
      'Executing <Task created at /lib/python314.zip/asyncio/runners.py:109> took 0.200 seconds',
    ].join('\n');
    expect(comparable(cpython, dir)).toBe(comparable(loopscope, dir));
    expect(comparable(loopscope, dir)).not.toBe(comparable(loopscope.replace('nope', 'other'), dir));
    expect(comparable('took 0.302 seconds', dir)).not.toBe(comparable('took 0.200 seconds', dir));
  });
});
