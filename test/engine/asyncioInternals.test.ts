/**
 * The engine reads asyncio's private names from one module (loopscope/asyncio_internals.py) and
 * checks them all when it boots: a Python that lacks one fails at boot, naming it, instead of
 * recording wrong facts (a cancel's `via` silently "loop", a task's step a plain callback).
 */
import { readFileSync, readdirSync } from 'node:fs';
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

const ENGINE_DIR = new URL('../../src/engine/python/loopscope/', import.meta.url);
/** Private names the engine reads that are not asyncio's: CPython's sys._getframe. */
const NOT_ASYNCIO = new Set(['_getframe']);

/** Every `._private` attribute the engine's Python reads, outside docstrings and comments, by file. */
function privateReads(): Map<string, Set<string>> {
  const files = readdirSync(ENGINE_DIR).filter((n) => n.endsWith('.py'));
  const code = new Map(files.map((n) => [n, readFileSync(new URL(n, ENGINE_DIR), 'utf8').replace(/"""[\s\S]*?"""/g, '').replace(/#.*$/gm, '')]));
  // Names the engine defines itself (its own methods, attributes and module globals).
  const own = new Set<string>();
  for (const text of code.values()) {
    for (const m of text.matchAll(/(?:def |class |self\.|^)(_\w+)\s*[(=:]/gm)) if (m[1] !== undefined) own.add(m[1]);
  }
  const reads = new Map<string, Set<string>>();
  for (const [name, text] of code) {
    if (name === 'asyncio_internals.py') continue;
    for (const m of text.matchAll(/\.(_[A-Za-z]\w*)/g)) {
      const attr = m[1];
      if (attr === undefined || attr.startsWith('_loopscope') || attr.startsWith('__') || own.has(attr) || NOT_ASYNCIO.has(attr)) continue;
      reads.set(attr, (reads.get(attr) ?? new Set()).add(name));
    }
  }
  return reads;
}

describe('asyncio internals, checked at boot', () => {
  it('every private attribute of asyncio the engine reads is listed (and so checked) in asyncio_internals.py', async () => {
    const { pyodide } = await sharedEngine();
    const listed = new Set(JSON.parse(pyodide.runPython(`
import json, loopscope.asyncio_internals as ai
json.dumps([a for _, a in ai.ATTRIBUTES] + [a for _, a in ai.OBJECT_READS] + [n.rsplit(".", 1)[-1] for _, n in ai.NAMES])
`) as string) as string[]);
    const reads = privateReads();
    expect(reads.size).toBeGreaterThan(10); // the scan finds the reads (task._fut_waiter, loop._ready...)
    const unlisted = [...reads].filter(([attr]) => !listed.has(attr)).map(([attr, files]) => `${attr} (${[...files].join(', ')})`);
    expect(unlisted).toEqual([]);
  });

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
