/**
 * The removed-api hint: a run that fails on an API a newer Python removed or changed says which
 * and in which version. Decided from the exception and its frames (see removed_api.py), so each
 * case has a neighbour that fails the same way, with the same type, and must carry no hint.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, DEFAULT_RUN_OPTIONS, type RunHint, type RunOptions, type Trace } from '../../src/protocol/trace';
import { sharedEngine } from './sharedEngine';

async function traceAs(source: string, compat?: RunOptions['compat']): Promise<Trace> {
  const result = (await sharedEngine()).run(source, { ...DEFAULT_RUN_OPTIONS, limits: DEFAULT_LIMITS, ...(compat ? { compat } : {}) });
  if (result.kind !== 'trace') throw new Error(result.problem.text);
  return result.trace;
}

const removed = (api: Extract<RunHint, { k: 'removed-api' }>['api'], version: Extract<RunHint, { k: 'removed-api' }>['version']): RunHint => ({ k: 'removed-api', api, version });

const OLD_GENERATOR = 'import asyncio\ndef old():\n    yield from asyncio.sleep(0.1)\n';

interface HintCase {
  readonly what: string;
  readonly source: string;
  readonly type: string;
  readonly hint: RunHint | undefined;
  readonly compat?: '3.13';
}

const CASES: readonly HintCase[] = [
  // get_event_loop, 3.14
  { what: 'get_event_loop() with no loop', source: 'import asyncio\nloop = asyncio.get_event_loop()\n', type: 'RuntimeError', hint: removed('get_event_loop', '3.14') },
  { what: 'asyncio.Future() outside any loop (C asks the policy)', source: 'import asyncio\nasyncio.Future()\n', type: 'RuntimeError', hint: removed('get_event_loop', '3.14') },
  { what: 'get_event_loop() of a DefaultEventLoopPolicy the program set', source: 'import asyncio, warnings\nwarnings.simplefilter("ignore")\nasyncio.set_event_loop_policy(asyncio.DefaultEventLoopPolicy())\nasyncio.get_event_loop()\n', type: 'RuntimeError', hint: removed('get_event_loop', '3.14') },
  { what: 'under compat, get_event_loop() after asyncio.run (3.13 raises too: no change of 3.14)', source: 'import asyncio\nasync def main():\n    pass\nasyncio.run(main())\nasyncio.get_event_loop()\n', type: 'RuntimeError', hint: undefined, compat: '3.13' },
  { what: 'a RuntimeError of the program', source: 'def get_event_loop():\n    raise RuntimeError("There is no current event loop")\nget_event_loop()\n', type: 'RuntimeError', hint: undefined },
  // asyncio.wait, 3.11
  { what: 'coroutines in asyncio.wait()', source: 'import asyncio\nasync def job():\n    pass\nasync def main():\n    await asyncio.wait([job(), job()])\nasyncio.run(main())\n', type: 'TypeError', hint: removed('wait-coroutines', '3.11') },
  { what: 'one coroutine, not a list, given to asyncio.wait() (never allowed)', source: 'import asyncio\nasync def job():\n    pass\nasync def main():\n    await asyncio.wait(job())\nasyncio.run(main())\n', type: 'TypeError', hint: undefined },
  // @asyncio.coroutine, 3.11
  { what: '@asyncio.coroutine', source: 'import asyncio\n@asyncio.coroutine\ndef old():\n    yield\n', type: 'AttributeError', hint: removed('coroutine-decorator', '3.11') },
  { what: 'another name asyncio does not have', source: 'import asyncio\nasyncio.coroutinez\n', type: 'AttributeError', hint: undefined },
  { what: 'coroutine looked up on another object', source: 'import types\ntypes.SimpleNamespace().coroutine\n', type: 'AttributeError', hint: undefined },
  // generators as coroutines, 3.11
  { what: 'a generator to run_until_complete()', source: `${OLD_GENERATOR}asyncio.new_event_loop().run_until_complete(old())\n`, type: 'TypeError', hint: removed('generator-coroutine', '3.11') },
  { what: 'a generator to asyncio.run()', source: `${OLD_GENERATOR}asyncio.run(old())\n`, type: 'TypeError', hint: removed('generator-coroutine', '3.11') },
  { what: 'a generator to asyncio.create_task()', source: `${OLD_GENERATOR}async def main():\n    asyncio.create_task(old())\nasyncio.run(main())\n`, type: 'TypeError', hint: removed('generator-coroutine', '3.11') },
  { what: 'a generator to asyncio.ensure_future() / gather()', source: `${OLD_GENERATOR}async def main():\n    await asyncio.gather(old())\nasyncio.run(main())\n`, type: 'TypeError', hint: removed('generator-coroutine', '3.11') },
  { what: 'a number to asyncio.run()', source: 'import asyncio\nasyncio.run(42)\n', type: 'TypeError', hint: undefined },
  { what: 'a generator the program itself refuses', source: 'def check(g):\n    raise TypeError("no")\ndef gen():\n    yield\ncheck(gen())\n', type: 'TypeError', hint: undefined },
  // loop=, 3.10
  { what: 'loop= to asyncio.sleep()', source: 'import asyncio\nasync def main():\n    await asyncio.sleep(0.1, loop=asyncio.get_running_loop())\nasyncio.run(main())\n', type: 'TypeError', hint: removed('loop-argument', '3.10') },
  { what: 'loop= to asyncio.Queue() (raised inside asyncio)', source: 'import asyncio\nasync def main():\n    q = asyncio.Queue(\n        maxsize=3,\n        loop=asyncio.get_running_loop(),\n    )\nasyncio.run(main())\n', type: 'TypeError', hint: removed('loop-argument', '3.10') },
  { what: 'loop= to gather imported from asyncio', source: 'import asyncio\nfrom asyncio import gather\nasync def job():\n    pass\nasync def main():\n    await gather(job(), loop=asyncio.get_running_loop())\nasyncio.run(main())\n', type: 'TypeError', hint: removed('loop-argument', '3.10') },
  { what: 'loop= to a function of the program', source: 'def fetch(url):\n    pass\nfetch("x", loop=None)\n', type: 'TypeError', hint: undefined },
  { what: 'another wrong keyword to asyncio.sleep(), with a loop= call of the program on the same line', source: 'import asyncio\ndef f(loop):\n    return 0.1\nasync def main():\n    await asyncio.sleep(f(loop=1), lop=1)\nasyncio.run(main())\n', type: 'TypeError', hint: undefined },
];

describe('the removed-api hint, from the exception and its frames', () => {
  for (const c of CASES) {
    it(`${c.what}: ${c.type}, ${c.hint ? `${c.hint.k === 'removed-api' ? c.hint.api : c.hint.k}` : 'no hint'}`, async () => {
      const trace = await traceAs(c.source, c.compat);
      expect(trace.end.kind).toBe('exception');
      if (trace.end.kind !== 'exception') return;
      expect(trace.end.type).toBe(c.type);
      expect(trace.end.hint).toEqual(c.hint);
    });
  }
});
