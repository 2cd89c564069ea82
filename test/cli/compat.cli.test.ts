/**
 * Old-tutorial code through the command line: `npx loopscope run` says why Python 3.14 refuses it
 * (the `loopscope:` line), `--compat 3.13` runs it as CPython 3.13 did, and the editor's quick fix
 * makes a program 3.14 runs, printing what CPython prints for the fixed program.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { hintSentence } from '../../src/i18n/endWords';
import { asyncioRunFix } from '../../src/editor/asyncioRunFix';

const run = promisify(execFile);
const BIN = new URL('../../bin/loopscope.mjs', import.meta.url).pathname;
const TUTORIALS = new URL('../tutorials/', import.meta.url).pathname;
const CPYTHON = path.join(process.env.HOME ?? '', '.pyenv/versions/3.13.0/bin/python3');

async function outputOf(command: string, args: readonly string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(command, [...args], { maxBuffer: 16 * 1024 * 1024 });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string; code: number };
    return { stdout: failed.stdout, stderr: failed.stderr, code: failed.code };
  }
}

const T02 = path.join(TUTORIALS, 't02_get_event_loop_chain.py');
const expectedOf = (ext: 'out' | 'err'): string =>
  readFileSync(T02.replace(/\.py$/, `.${ext}`), 'utf8').replaceAll('<DIR>', TUTORIALS.replace(/\/$/, ''));

describe('npx loopscope run on old get_event_loop code', () => {
  it('as Python 3.14: the RuntimeError, then the loopscope: line saying what changed and what to write', async () => {
    const out = await outputOf(process.execPath, [BIN, 'run', T02]);
    expect(out.code).toBe(1);
    expect(out.stderr).toContain("RuntimeError: There is no current event loop in thread 'MainThread'.");
    const why = hintSentence({ k: 'removed-api', api: 'get_event_loop', version: '3.14' }, 'en');
    expect(out.stderr.endsWith(`loopscope: ${why}\n`)).toBe(true);
  });

  it('--compat 3.13: what CPython 3.13 printed, DeprecationWarning and all, with no loopscope: line', async () => {
    const out = await outputOf(process.execPath, [BIN, 'run', '--compat', '3.13', T02]);
    expect(out).toEqual({ stdout: expectedOf('out'), stderr: expectedOf('err'), code: 0 });
  });

  it('after the quick fix, runs as Python 3.14 and prints what CPython prints for the fixed program', async () => {
    const lines = readFileSync(T02, 'utf8').split('\n');
    const fix = asyncioRunFix(lines);
    expect(fix).not.toBeNull();
    if (fix === null) return;
    const fixedSource = [...lines.slice(0, fix.fromLine - 1), ...fix.replacement, ...lines.slice(fix.toLine)].join('\n');
    expect(fixedSource).toContain('result = asyncio.run(main())');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'loopscope-fix-')), 'fixed.py');
    writeFileSync(file, fixedSource);
    const [ours, cpython] = await Promise.all([outputOf(process.execPath, [BIN, 'run', file]), outputOf(CPYTHON, ['-P', file])]);
    expect(cpython.stderr).toBe('');
    expect(ours).toEqual(cpython);
    expect(ours.stdout).toBe(expectedOf('out'));
  });
});
