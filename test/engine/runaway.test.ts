/** Runaway programs end with the facts of the limit (which, its figures, where) and keep their partial trace. */
import { describe, expect, it } from 'vitest';
import { expandEvents, type CompactEvent } from '../../src/protocol/compactTrace';
import { DEFAULT_LIMITS, DEFAULT_RUN_OPTIONS } from '../../src/protocol/trace';
import { sharedEngine, traceOf } from './sharedEngine';

// Small limits keep the suite quick; the defaults are exercised by the bad-input suite.
const SMALL = { maxLines: 200_000, maxSteps: 5_000, maxVirtualTime: 600 };

describe('runaway programs', () => {
  it('while True: pass in a coroutine: busy-loop limit at its line, output so far kept', async () => {
    const trace = await traceOf('import asyncio\nasync def main():\n    print("spinning")\n    while True: pass\nasyncio.run(main())\n', SMALL);
    expect(trace.end).toEqual({ kind: 'limit', limit: 'busy-loop', line: 4, rounds: 200_000 });
    expect(trace.stdout).toBe('spinning\n');
    expect(trace.events.some((e) => e.e === 'run')).toBe(true);
  });

  it('while True: await asyncio.sleep(1): virtual-time limit', async () => {
    const trace = await traceOf('import asyncio\nasync def main():\n    while True:\n        await asyncio.sleep(1)\nasyncio.run(main())\n', SMALL);
    expect(trace.end).toEqual({ kind: 'limit', limit: 'virtual-time', line: null, max: 600, cause: 'timer', at: 601 });
    expect(trace.stats.virtualTime).toBe(600);
    expect(trace.stats.steps).toBeGreaterThan(1000);
  });

  it('a sleep(0) spin: loop-step limit', async () => {
    const trace = await traceOf('import asyncio\nasync def main():\n    while True:\n        await asyncio.sleep(0)\nasyncio.run(main())\n', SMALL);
    expect(trace.end).toEqual({ kind: 'limit', limit: 'steps', line: 4, max: 5000, t: 0 });
    expect(trace.stats.steps).toBe(5000);
  });

  it('a deadlock is reported at once, naming each stuck task and what it waits on', async () => {
    const trace = await traceOf(`import asyncio
async def main():
    lock = asyncio.Lock()
    await lock.acquire()
    async with lock:
        print("never")
asyncio.run(main())
`);
    expect(trace.end).toEqual({ kind: 'deadlock', stuck: [{ task: 1, name: 'Task-1', line: 5, on: { k: 'future', api: 'Lock.acquire', obj: 'Lock#1' } }] });
  });

  it('a task that swallows every CancelledError: ends on a limit with the cancellations recorded', async () => {
    const trace = await traceOf(`import asyncio
async def stubborn():
    while True:
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("no!")
async def main():
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0.5)
    while not t.done():
        t.cancel()
        await asyncio.sleep(0)
asyncio.run(main())
`, SMALL);
    expect(trace.end).toMatchObject({ kind: 'limit', limit: 'steps' });
    expect(trace.events.filter((e) => e.e === 'cancel').length).toBeGreaterThan(100);
    expect(trace.stdout.startsWith('no!\nno!\n')).toBe(true);
  });

  it('time.sleep past the clock\'s limit: virtual-time, caused by time.sleep at its line, before any time passes', async () => {
    const trace = await traceOf('import time\nprint("before")\ntime.sleep(10_000)\nprint("after")\n', SMALL);
    expect(trace.end).toEqual({ kind: 'limit', limit: 'virtual-time', line: 3, max: 600, cause: 'time.sleep', at: 10_000 });
    expect(trace.stdout).toBe('before\n');
  });

  it('an infinite timer: virtual-time with the deadline as 1e308 (JSON has no infinity)', async () => {
    const trace = await traceOf('import asyncio\nasync def main():\n    await asyncio.sleep(float("inf"))\nasyncio.run(main())\n', SMALL);
    expect(trace.end).toEqual({ kind: 'limit', limit: 'virtual-time', line: null, max: 600, cause: 'timer', at: 1e308 });
  });

  it('more events than the limit: the events limit with its figure, at the line that passed it', async () => {
    const trace = await traceOf('import asyncio\nasync def main():\n    for i in range(1000):\n        await asyncio.sleep(0)\nasyncio.run(main())\n', { maxEvents: 2_000 });
    expect(trace.end).toMatchObject({ kind: 'limit', limit: 'events', max: 2_000 });
    expect(trace.end.kind === 'limit' && trace.end.line).toBeOneOf([3, 4]);
  });

  it('real time past the limit: wall-clock, noticed by Python at the learner\'s line', async () => {
    const trace = await traceOf('n = 0\nwhile True:\n    n += 1\n', { maxWallSeconds: 0.2, maxLines: 10 ** 12 });
    expect(trace.end).toEqual({ kind: 'limit', limit: 'wall-clock', line: 3, max: 0.2, where: 'python' });
  });

  it('output past the limit is cut at the limit', async () => {
    const trace = await traceOf('while True:\n    print("x" * 99)\n', { maxOutput: 10_000 });
    expect(trace.end).toEqual({ kind: 'limit', limit: 'output', line: 2, max: 10_000 });
    expect(trace.stdout.length).toBe(10_000);
  });

  it('Stop (SIGINT through Pyodide\'s interrupt buffer, as the page sends it): stopped by interrupt, output so far kept', async () => {
    const engine = await sharedEngine();
    const interrupt = new Int32Array(new SharedArrayBuffer(4));
    engine.pyodide.setInterruptBuffer(interrupt);
    try {
      const source = 'import asyncio\nasync def main():\n    print("started")\n    while True:\n        await asyncio.sleep(0)\nasyncio.run(main())\n';
      const limits = { ...DEFAULT_LIMITS, maxSteps: 10 ** 9, maxWallSeconds: 60 };
      // The page presses Stop once the printed line has streamed out (the second chunk: the
      // first goes at the first step, before the print).
      let chunks = 0;
      const result = engine.run(source, { ...DEFAULT_RUN_OPTIONS, limits }, () => {
        chunks += 1;
        if (chunks === 2) interrupt[0] = 2;
      });
      expect(result.kind === 'trace' && result.trace.end).toEqual({ kind: 'stopped', how: 'interrupt' });
      expect(result.kind === 'trace' && result.trace.stdout).toBe('started\n');
    } finally {
      engine.pyodide.setInterruptBuffer(new Int32Array(new SharedArrayBuffer(4)));
    }
  });

  it('after a limit, the end phases stream every event the trace has before the result comes', async () => {
    // The heartbeats between the end phases flush what is new (src/host/watchdog.ts reads them):
    // a host that must kill the engine while it writes the JSON still has the whole trace.
    // 100,000 tasks take seconds to close after the steps limit; 3,000 show the same phases.
    const engine = await sharedEngine();
    const source = 'import asyncio\nasync def work():\n    await asyncio.sleep(1)\nasync def main():\n    await asyncio.gather(*(work() for _ in range(3000)))\nasyncio.run(main())\n';
    const chunks: string[] = [];
    const result = engine.run(source, { ...DEFAULT_RUN_OPTIONS, limits: { ...DEFAULT_LIMITS, maxSteps: 2_000 } }, (events) => chunks.push(events));
    if (result.kind !== 'trace') throw new Error('no trace');
    expect(result.trace.end).toMatchObject({ kind: 'limit', limit: 'steps' });
    // Streamed as written (format 3's compact events): spelled out, they are the trace's.
    const streamed = expandEvents(JSON.parse(`[${chunks.filter((c) => c.length > 0).join(',')}]`) as CompactEvent[]);
    expect(streamed.ok && streamed.events).toEqual(result.trace.events);
  });

  it('an allocation Python\'s allocator refuses: the memory limit, caused by MemoryError, at its line', async () => {
    const trace = await traceOf('print("before")\ndata = bytearray(2**31 - 1)\nprint("after")\n');
    expect(trace.end).toEqual({ kind: 'limit', limit: 'memory', line: 2, maxBytes: DEFAULT_LIMITS.maxMemoryBytes, cause: 'memory-error' });
    expect(trace.stdout).toBe('before\n');
  });
});
