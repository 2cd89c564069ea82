/**
 * The engine reads asyncio's private names from one module (loopscope/asyncio_internals.py) and
 * checks them all when it boots: a Python that lacks one fails at boot, naming it, instead of
 * recording wrong facts (a cancel's `via` silently "loop", a task's step a plain callback).
 */
import { loadPyodide } from 'pyodide';
import { describe, expect, it } from 'vitest';
import { installEngine } from '../../src/engine/engine';
import { readPythonFiles } from '../../src/engine/node';
import { DEFAULT_RUN_OPTIONS } from '../../src/protocol/trace';
import { sharedEngine } from './sharedEngine';

/** Runs `check()` with the real modules, except `module` replaced by a stand-in; what it raised. */
async function checkWithStandIn(module: string, standIn: string): Promise<string> {
  const { pyodide } = await sharedEngine();
  return pyodide.runPython(`
import importlib, types
import loopscope.asyncio_internals as ai
modules = {name: importlib.import_module(name) for name in ai._MODULES}
real = modules[${JSON.stringify(module)}]
stand_in = types.ModuleType(real.__name__)
stand_in.__dict__.update(real.__dict__)
${standIn}
modules[${JSON.stringify(module)}] = stand_in
try:
    ai.check(modules)
    result = "no failure"
except ai.MissingInternal as exc:
    result = f"{exc.name} | {exc}"
result
`) as string;
}

describe('asyncio internals, checked at boot', () => {
  it('the real Pyodide has every name (the check passes and the engine boots)', async () => {
    const { pyodide } = await sharedEngine();
    expect(pyodide.runPython('import loopscope.asyncio_internals as ai; ai.check(); "ok"')).toBe('ok');
  });

  it('a module without a name the engine reads: the check names it and what it is for', async () => {
    const failure = await checkWithStandIn('asyncio.tasks', 'del stand_in._GatheringFuture');
    expect(failure.startsWith('asyncio.tasks._GatheringFuture | ')).toBe(true);
    expect(failure).toContain("gather()'s future");
  });

  it('a renamed function a cancel is told by: the check names the qualname', async () => {
    const failure = await checkWithStandIn(
      'asyncio.taskgroups',
      'class TaskGroup(real.TaskGroup):\n    _abort = None\nstand_in.TaskGroup = TaskGroup',
    );
    expect(failure.startsWith('code named TaskGroup._abort in asyncio.taskgroups | ')).toBe(true);
    expect(failure).toContain("via 'TaskGroup'");
  });

  it('an attribute gone from the objects asyncio makes: the check names it, on a real object', async () => {
    const failure = await checkWithStandIn(
      'asyncio.tasks',
      'class _GatheringFuture(real._GatheringFuture):\n    def __init__(self, *a, **k):\n        super().__init__(*a, **k)\n        del self._children\nstand_in._GatheringFuture = _GatheringFuture',
    );
    expect(failure.startsWith('_GatheringFuture._children | ')).toBe(true);
  });

  it('BaseEventLoop._run_once changed: the copy in VirtualLoop must be looked at again', async () => {
    const failure = await checkWithStandIn(
      'asyncio.base_events',
      'class BaseEventLoop(real.BaseEventLoop):\n    def _run_once(self):\n        self._new_thing()\nstand_in.BaseEventLoop = BaseEventLoop',
    );
    expect(failure).toContain('BaseEventLoop._run_once as it was');
    expect(failure).toContain('_new_thing');
  });

  it('in a fresh Pyodide without one of the names, installing the engine fails naming it', async () => {
    const pyodide = await loadPyodide({ env: { PYTHONHASHSEED: '0' } });
    pyodide.runPython('import asyncio.timeouts as t; saved = t.Timeout._on_timeout; del t.Timeout._on_timeout');
    expect(() => installEngine(pyodide, readPythonFiles())).toThrow(/MissingInternal: .*asyncio\.timeouts\.Timeout\._on_timeout/);
    // The same Pyodide with the name back boots: the failure was that name, nothing else.
    pyodide.runPython('t.Timeout._on_timeout = saved');
    const result = installEngine(pyodide, readPythonFiles()).run('print("hi")\n', DEFAULT_RUN_OPTIONS);
    expect(result.kind === 'trace' && result.trace.stdout).toBe('hi\n');
  }, 60_000);
});
