/** Runaway programs end with a plain message naming the limit and where, and keep their partial trace. */
import { describe, expect, it } from 'vitest';
import { traceOf } from './sharedEngine';

// Small limits keep the suite quick; the defaults are exercised by the bad-input suite.
const SMALL = { maxLines: 200_000, maxSteps: 5_000, maxVirtualTime: 600 };

describe('runaway programs', () => {
  it('while True: pass in a coroutine: busy-loop limit at its line, output so far kept', async () => {
    const trace = await traceOf('import asyncio\nasync def main():\n    print("spinning")\n    while True: pass\nasyncio.run(main())\n', SMALL);
    expect(trace.end).toMatchObject({ kind: 'limit', limit: 'busy-loop', line: 4 });
    expect(trace.end.kind === 'limit' && trace.end.message).toMatch(/loop at line 4 .* without an await/);
    expect(trace.stdout).toBe('spinning\n');
    expect(trace.events.some((e) => e.e === 'run')).toBe(true);
  });

  it('while True: await asyncio.sleep(1): virtual-time limit', async () => {
    const trace = await traceOf('import asyncio\nasync def main():\n    while True:\n        await asyncio.sleep(1)\nasyncio.run(main())\n', SMALL);
    expect(trace.end).toMatchObject({ kind: 'limit', limit: 'virtual-time' });
    expect(trace.stats.virtualTime).toBe(600);
    expect(trace.stats.steps).toBeGreaterThan(1000);
  });

  it('a sleep(0) spin: loop-step limit', async () => {
    const trace = await traceOf('import asyncio\nasync def main():\n    while True:\n        await asyncio.sleep(0)\nasyncio.run(main())\n', SMALL);
    expect(trace.end).toMatchObject({ kind: 'limit', limit: 'steps', line: 4 });
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
    expect(trace.end.kind).toBe('deadlock');
    if (trace.end.kind !== 'deadlock') return;
    expect(trace.end.stuck).toEqual([{ task: 1, name: 'Task-1', line: 5, on: { k: 'future', api: 'Lock.acquire', obj: 'Lock#1' } }]);
    expect(trace.end.message).toContain('Task-1 waits at line 5 on Lock.acquire');
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

  it('output past the limit is cut at the limit', async () => {
    const trace = await traceOf('while True:\n    print("x" * 99)\n', { maxOutput: 10_000 });
    expect(trace.end).toMatchObject({ kind: 'limit', limit: 'output', line: 2 });
    expect(trace.stdout.length).toBe(10_000);
  });
});
