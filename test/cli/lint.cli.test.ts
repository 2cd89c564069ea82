/**
 * `npx loopscope lint`: the findings as `LINE: kind: explanation` lines or (--json) a JSON array
 * in step order; exit 0 with none, 1 with some, 2 when the program cannot run; --compat and
 * --seed as on `run`.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const BIN = new URL('../../bin/loopscope.mjs', import.meta.url).pathname;
const PITFALLS = new URL('../pitfalls/', import.meta.url).pathname;
const EXAMPLES = new URL('../../src/examples/programs/', import.meta.url).pathname;

interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function lint(...args: string[]): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, 'lint', ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npx loopscope lint', { timeout: 240_000 }, () => {
  it('a pitfall: its line, kind and English explanation, exit 1', async () => {
    const out = await lint(`${EXAMPLES}blocking-sleep.py`);
    expect(out.code).toBe(1);
    expect(out.stdout).toBe(
      '16: blocking-call: time.sleep at line 16 in handler (Task-3) stopped the whole event loop for 1.5 s: nothing else can run ' +
        'while the thread sleeps or waits. 1 other task was held up, 1.1 s in all.\n',
    );
  });

  it('--json: one object per finding in step order, with the tasks by name', async () => {
    const out = await lint('--json', `${PITFALLS}deadlock/two_locks.py`);
    expect(out.code).toBe(1);
    const records = JSON.parse(out.stdout) as unknown[];
    expect(records).toEqual([
      {
        kind: 'deadlock',
        line: 9,
        step: expect.any(Number) as number,
        tasks: ['Task-2', 'Task-3', 'Task-1'],
        message: 'transfer (Task-2) and transfer (Task-3) wait for each other at line 9: none can go on until another does, and nothing else is left to run.',
      },
    ]);
  });

  it('a correct program: nothing printed, exit 0', async () => {
    const out = await lint(`${EXAMPLES}gather.py`, '--seed', '3');
    expect(out).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('a syntax error: CPython\'s message on stderr, exit 2', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'loopscope-')), 'broken.py');
    writeFileSync(file, 'async def main(:\n    pass\n');
    const out = await lint(file);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain('SyntaxError');
  });

  it('--compat 3.13 as on run: get_event_loop fails as 3.14, runs as 3.13 (its DeprecationWarning is no finding)', async () => {
    const as314 = await lint('--json', `${PITFALLS}removed-api/get_event_loop.py`);
    const as313 = await lint('--json', '--compat', '3.13', `${PITFALLS}removed-api/get_event_loop.py`);
    expect(as314.code).toBe(1);
    expect((JSON.parse(as314.stdout) as { kind: string }[]).map((r) => r.kind)).toEqual(['removed-api']);
    expect(as313).toEqual({ code: 0, stdout: '[]\n', stderr: '' }); // lint prints findings only, not the program's stderr
  });
});
