/**
 * "Run as Python 3.13 would" (RunOptions.compat) and the run's own event loops: what the run
 * records, what it leaves behind for the next run, and loops the program builds itself on the
 * virtual clock. (The outputs against CPython 3.13's are test/engine/tutorials.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, DEFAULT_RUN_OPTIONS, type RunOptions, type Trace, type TraceEvent } from '../../src/protocol/trace';
import { sharedEngine } from './sharedEngine';

async function traceAs(source: string, compat?: RunOptions['compat'], maxWallSeconds = DEFAULT_LIMITS.maxWallSeconds): Promise<Trace> {
  const options = { ...DEFAULT_RUN_OPTIONS, limits: { ...DEFAULT_LIMITS, maxWallSeconds }, ...(compat ? { compat } : {}) };
  const result = (await sharedEngine()).run(source, options);
  if (result.kind !== 'trace') throw new Error(result.problem.text);
  return result.trace;
}

type Warn = Extract<TraceEvent, { e: 'warn' }>;
const warnings = (trace: Trace): readonly Warn[] => trace.events.filter((e): e is Warn => e.e === 'warn');

const POLICY_PROGRAM = `import asyncio
asyncio.set_event_loop_policy(asyncio.DefaultEventLoopPolicy())
policy = asyncio.get_event_loop_policy()
print(isinstance(policy, asyncio.AbstractEventLoopPolicy))
`;

describe('compat: the trace says which Python the run behaved as', () => {
  it('records compat 3.13 when asked, and nothing otherwise', async () => {
    const source = 'print("hi")\n';
    expect((await traceAs(source, '3.13')).compat).toBe('3.13');
    expect((await traceAs(source)).compat).toBeUndefined();
  });
});

describe("3.14's deprecated policy API", () => {
  it('as Python 3.14 runs it: each use warns at its line and is recorded as a deprecated-api fact', async () => {
    const trace = await traceAs(POLICY_PROGRAM);
    expect(trace.end.kind).toBe('ok');
    const facts = warnings(trace).filter((w) => w.kind === 'deprecated-api');
    // DefaultEventLoopPolicy, set_event_loop_policy, get_event_loop_policy, AbstractEventLoopPolicy
    expect(facts).toHaveLength(4);
    expect(facts.every((w) => w.api === 'event-loop-policy' && w.version === '3.14')).toBe(true);
    const places = trace.stderr.split('\n').filter((l) => l.includes('DeprecationWarning')).map((l) => l.split(': ')[0]);
    expect(places).toEqual(['main.py:2', 'main.py:2', 'main.py:3', 'main.py:4']);
  });

  it('as Python 3.13 would: no warning, no fact', async () => {
    const trace = await traceAs(POLICY_PROGRAM, '3.13');
    expect(trace.stdout).toBe('True\n');
    expect(trace.stderr).toBe('');
    expect(warnings(trace)).toEqual([]);
  });

  it('other DeprecationWarnings are not policy facts', async () => {
    const trace = await traceAs('import warnings\nwarnings.warn("old", DeprecationWarning)\n');
    expect(warnings(trace).map((w) => w.kind)).toEqual(['callback-error']);
  });
});

describe('what a run leaves behind', () => {
  it("the next run starts with the run's own policy, whatever the last one set", async () => {
    await traceAs('import asyncio\nclass P(asyncio.DefaultEventLoopPolicy):\n    pass\nasyncio.set_event_loop_policy(P())\n');
    const trace = await traceAs('import asyncio\nprint(type(asyncio.events._get_event_loop_policy()).__name__)\n');
    expect(trace.stdout).toBe('_UnixDefaultEventLoopPolicy\n');
  });

  it("Pyodide's own policy and loop classes are back after a run", async () => {
    const { pyodide } = await sharedEngine();
    const state = (): string => pyodide.runPython('import asyncio; f"{type(asyncio.events._event_loop_policy).__name__} {asyncio.SelectorEventLoop.__module__}"') as string;
    const before = state();
    await traceAs('import asyncio\nasyncio.new_event_loop().close()\n', '3.13');
    expect(state()).toBe(before);
    expect(before.endsWith('asyncio.unix_events')).toBe(true);
  });

  it("3.13's names are gone again after a compat run", async () => {
    const source = 'import asyncio\nprint(asyncio.events.AbstractEventLoopPolicy.__name__)\n';
    expect((await traceAs(source, '3.13')).stdout).toBe('_AbstractEventLoopPolicy\n');
    const after = await traceAs(source);
    expect(after.end).toMatchObject({ kind: 'exception', type: 'AttributeError' });
  });
});

describe('loops the program builds itself', () => {
  for (const [what, make] of [
    ['asyncio.SelectorEventLoop()', 'asyncio.SelectorEventLoop()'],
    ['asyncio.EventLoop()', 'asyncio.EventLoop()'],
    ['a subclass of SelectorEventLoop', 'type("Mine", (asyncio.SelectorEventLoop,), {})()'],
    ['the loop of a DefaultEventLoopPolicy the program made', 'asyncio.unix_events._DefaultEventLoopPolicy().new_event_loop()'],
  ] as const) {
    it(`${what} runs on the virtual clock and is a loop of the run`, async () => {
      const trace = await traceAs(`import asyncio\nloop = ${make}\nloop.run_until_complete(asyncio.sleep(100))\nloop.close()\nprint("slept")\n`, undefined, 5);
      expect(trace.end.kind).toBe('ok');
      expect(trace.stdout).toBe('slept\n');
      expect(trace.stats.virtualTime).toBe(100);
      expect(trace.events.filter((e) => e.e === 'loop')).toEqual([{ e: 'loop', n: 1, open: true }, { e: 'loop', n: 1, open: false }]);
    });
  }

  it('asyncio.BaseEventLoop() used directly fails at once, as CPython: it has no selector', async () => {
    const trace = await traceAs('import asyncio\nasyncio.BaseEventLoop().run_until_complete(asyncio.sleep(1))\n', undefined, 5);
    expect(trace.end).toMatchObject({ kind: 'exception', type: 'AttributeError', line: 2 });
    expect(trace.stats.pythonMs).toBeLessThan(2000);
  });

  it('asyncio.Future() outside any loop: as 3.13 would, on a loop of the run', async () => {
    const trace = await traceAs('import asyncio\nf = asyncio.Future()\nprint(type(f.get_loop()).__name__)\n', '3.13');
    expect(trace.stdout).toBe('_UnixSelectorEventLoop\n');
    expect(trace.events.filter((e) => e.e === 'loop')).toEqual([{ e: 'loop', n: 1, open: true }]);
  });
});
