/** Runaway programs end with the facts of the limit (which, its figures, where) and keep their partial trace. */
import { describe, expect, it } from 'vitest';
import { traceOf } from './sharedEngine';

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
});
