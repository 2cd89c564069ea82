/** Broken programs: CPython's own words, at the learner's line. */
import { describe, expect, it } from 'vitest';
import type { RunHint } from '../../src/protocol/trace';
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

  it('the JavaScript bridge is not importable from the program: CPython\'s words, and the hint says why', async () => {
    const trace = await traceOf('import js\n');
    expect(trace.end).toEqual({
      kind: 'exception',
      type: 'ModuleNotFoundError',
      message: "No module named 'js'",
      traceback: 'Traceback (most recent call last):\n  File "main.py", line 1, in <module>\n    import js\nModuleNotFoundError: No module named \'js\'\n',
      line: 1,
      hint: { k: 'no-page' },
    });
  });
});

/**
 * What the sandbox and Pyodide refuse: the exception as CPython words it (no Loopscope sentence
 * in it), and a hint decided from the exception object, which the page words.
 */
describe('hints: errors that come from where the program runs', () => {
  const cases: readonly { what: string; source: string; type: string; message: string; hint: RunHint | undefined }[] = [
    { what: 'a package that is not installed', source: 'import flask.app\n', type: 'ModuleNotFoundError', message: "No module named 'flask'", hint: { k: 'missing-module', module: 'flask' } },
    { what: "Pyodide's own package", source: 'import pyodide.ffi\n', type: 'ModuleNotFoundError', message: "No module named 'pyodide'", hint: { k: 'no-page' } },
    { what: 'from js import fetch', source: 'from js import fetch\n', type: 'ModuleNotFoundError', message: "No module named 'js'", hint: { k: 'no-page' } },
    { what: 'a thread', source: 'import threading\nthreading.Thread(target=print).start()\n', type: 'RuntimeError', message: "can't start new thread", hint: { k: 'no-threads' } },
    { what: 'subprocess', source: 'import subprocess\nsubprocess.run(["ls"])\n', type: 'OSError', message: '[Errno 138] emscripten does not support processes.', hint: { k: 'no-processes' } },
    { what: "asyncio's subprocess", source: 'import asyncio\nasync def main():\n    await asyncio.create_subprocess_exec("ls")\nasyncio.run(main())\n', type: 'OSError', message: '[Errno 52] Function not implemented', hint: { k: 'no-processes' } },
    { what: 'os.fork()', source: 'import os\nos.fork()\n', type: 'OSError', message: '[Errno 52] Function not implemented', hint: { k: 'no-processes' } },
    { what: 'os.spawnv(), which forks in os\'s own Python', source: 'import os\nos.spawnv(os.P_WAIT, "/bin/ls", ["ls"])\n', type: 'OSError', message: '[Errno 52] Function not implemented', hint: { k: 'no-processes' } },
    { what: 'input()', source: 'name = input("Name? ")\n', type: 'EOFError', message: 'EOF when reading a line', hint: { k: 'no-input' } },
    { what: 'a socket', source: 'import socket\nsocket.create_connection(("example.com", 80))\n', type: 'OSError', message: '[Errno 40] Network unreachable', hint: { k: 'no-network' } },
    { what: 'socket.socket().connect', source: 'import socket\nsocket.socket().connect(("example.com", 80))\n', type: 'OSError', message: '[Errno 40] Network unreachable', hint: { k: 'no-network' } },
    { what: 'urllib, which wraps the refused socket in URLError', source: 'import urllib.request\nurllib.request.urlopen("http://example.com")\n', type: 'URLError', message: '<urlopen error [Errno 40] Network unreachable>', hint: { k: 'no-network' } },
    { what: 'asyncio.open_connection', source: 'import asyncio\nasync def main():\n    await asyncio.open_connection("example.com", 80)\nasyncio.run(main())\n', type: 'OSError', message: '[Errno 40] Network unreachable', hint: { k: 'no-network' } },
    { what: 'a TaskGroup whose task imports a missing package: the group takes the hint', source: 'import asyncio\nasync def load():\n    import flask\nasync def main():\n    async with asyncio.TaskGroup() as tg:\n        tg.create_task(load())\nasyncio.run(main())\n', type: 'ExceptionGroup', message: 'unhandled errors in a TaskGroup (1 sub-exception)', hint: { k: 'missing-module', module: 'flask' } },
    { what: 'a TaskGroup whose tasks fail for different reasons: no one hint', source: 'import asyncio\nasync def load():\n    import flask\nasync def boom():\n    raise ValueError("x")\nasync def main():\n    async with asyncio.TaskGroup() as tg:\n        tg.create_task(load())\n        tg.create_task(boom())\nasyncio.run(main())\n', type: 'ExceptionGroup', message: 'unhandled errors in a TaskGroup (2 sub-exceptions)', hint: undefined },
    { what: "the program's own RuntimeError", source: 'raise RuntimeError("can\'t start new thread")\n', type: 'RuntimeError', message: "can't start new thread", hint: undefined },
    { what: "the program's own OSError", source: 'import errno, os\nraise OSError(errno.ENETUNREACH, os.strerror(errno.ENETUNREACH))\n', type: 'OSError', message: '[Errno 40] Network unreachable', hint: undefined },
  ];
  for (const c of cases) {
    it(`${c.what}: ${c.type}, ${c.hint?.k ?? 'no hint'}`, async () => {
      const trace = await traceOf(c.source);
      expect(trace.end).toMatchObject({ kind: 'exception', type: c.type, message: c.message });
      expect(trace.end.kind === 'exception' && trace.end.hint).toEqual(c.hint);
      if (c.type !== 'ExceptionGroup') expect(trace.stderr.trim().endsWith(`${c.type}: ${c.message}`)).toBe(true);
    });
  }

  it("input()'s prompt is printed before the EOFError, as CPython does with no stdin", async () => {
    const trace = await traceOf('name = input("Name? ")\n');
    expect(trace.stdout).toBe('Name? ');
  });
});
