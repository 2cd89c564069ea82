/** Broken programs: CPython's own words, at the learner's line. */
import { describe, expect, it } from 'vitest';
import { runProgram, traceOf } from './sharedEngine';

describe('errors', () => {
  it('a syntax error gives line, column and CPython\'s message, and no trace', async () => {
    const result = await runProgram('import asyncio\n\nasync def main()\n    pass\n');
    expect(result.kind).toBe('syntax-error');
    if (result.kind !== 'syntax-error') return;
    expect(result.problem).toMatchObject({ type: 'SyntaxError', message: "expected ':'", line: 3, column: 17 });
    expect(result.problem.text).toContain('SyntaxError: expected \':\'');
  });

  it('an uncaught exception in a task: traceback trimmed to the learner\'s frames, and the trace up to it', async () => {
    const trace = await traceOf(`import asyncio

async def fetch():
    await asyncio.sleep(1)
    raise ValueError("server said no")

async def main():
    print("start")
    await asyncio.create_task(fetch())

asyncio.run(main())
`);
    expect(trace.end).toMatchObject({ kind: 'exception', type: 'ValueError', message: 'server said no', line: 5 });
    if (trace.end.kind !== 'exception') return;
    expect(trace.end.traceback).toContain('File "main.py", line 11, in <module>');
    expect(trace.end.traceback).toContain('File "main.py", line 5, in fetch');
    expect(trace.end.traceback).not.toMatch(/runners\.py|base_events\.py|tasks\.py/);
    expect(trace.end.traceback.trim().endsWith('ValueError: server said no')).toBe(true);
    expect(trace.stderr).toBe(trace.end.traceback);
    expect(trace.stdout).toBe('start\n');
    expect(trace.stats.virtualTime).toBe(1);
  });

  it('sys.exit(3) ends with exit code 3 and nothing on stderr', async () => {
    const trace = await traceOf('import sys\nprint("bye")\nsys.exit(3)\n');
    expect(trace.end).toEqual({ kind: 'exit', code: 3 });
    expect(trace.stderr).toBe('');
  });

  it('a task exception never retrieved is reported by asyncio itself, as CPython does', async () => {
    const trace = await traceOf(`import asyncio
async def boom():
    raise ValueError("lost")
async def main():
    asyncio.create_task(boom())
    await asyncio.sleep(0.1)
asyncio.run(main())
`);
    expect(trace.end.kind).toBe('ok');
    expect(trace.stderr).toContain('Task exception was never retrieved');
    expect(trace.stderr).toContain('ValueError: lost');
    expect(trace.events.some((e) => e.e === 'warn' && e.kind === 'never-retrieved')).toBe(true);
  });

  it('the JavaScript bridge is not importable from the program', async () => {
    const trace = await traceOf('import js\n');
    expect(trace.end).toMatchObject({ kind: 'exception', type: 'ModuleNotFoundError' });
    expect(trace.end.kind === 'exception' && trace.end.message).toContain('sandbox');
  });
});
