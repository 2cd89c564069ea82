/**
 * as_completed() puts its awaitables in a set, and CPython's set of coroutines iterates in the
 * order of their addresses: which task got which number used to change from run to run with
 * whatever allocated before (a flush of the trace, the run before). The engine makes them tasks
 * in the order the program gave them (as_completed_order.py): every run's trace is the same, and
 * the output is still what CPython prints.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Trace } from '../../src/protocol/trace';
import { traceOf } from './sharedEngine';

const EXAMPLE = readFileSync(new URL('../../src/examples/programs/as-completed.py', import.meta.url), 'utf8');
const EXPECTED = readFileSync(new URL('../../src/examples/expected/as-completed.out', import.meta.url), 'utf8');

/** The trace with its one real-time figure zeroed: everything else must be equal byte for byte. */
const comparable = (trace: Trace): string => JSON.stringify({ ...trace, stats: { ...trace.stats, pythonMs: 0 } });

/** Allocates and keeps objects of many sizes, so the next coroutines land at other addresses. */
const SHIFT_THE_HEAP = `
import asyncio
kept = [bytearray(n) for n in range(1, 3000, 7)] + [object() for _ in range(5000)]
async def main():
    await asyncio.gather(*(asyncio.sleep(0) for _ in range(300)))
asyncio.run(main())
print(len(kept))
`;

/** The `sleep` delays of the tasks' first timers, in task order: which check each task runs. */
function sleepsByTask(trace: Trace): number[] {
  const delays: number[] = [];
  for (const event of trace.events) {
    if (event.e === 'sched' && event.on.k === 'sleep' && event.on.task !== null && delays[event.on.task] === undefined) {
      delays[event.on.task] = event.on.delay;
    }
  }
  return delays.filter((d) => d !== undefined);
}

describe('as_completed of coroutines', () => {
  it('traces the same run after run, whatever ran between, and prints what CPython printed', async () => {
    const first = await traceOf(EXAMPLE);
    await traceOf(SHIFT_THE_HEAP);
    const second = await traceOf(EXAMPLE);
    await traceOf(SHIFT_THE_HEAP);
    const third = await traceOf(EXAMPLE);
    expect(first.stdout).toBe(EXPECTED);
    expect(comparable(second)).toBe(comparable(first));
    expect(comparable(third)).toBe(comparable(first));
  }, 60_000);

  it('makes the coroutines tasks in the order given (main is task 1)', async () => {
    // check_site("a.example", 1.5), "b" 0.5, "c" 1.0, "d" 0.2: tasks 2 to 5 in that order.
    expect(sleepsByTask(await traceOf(EXAMPLE))).toEqual([1.5, 0.5, 1, 0.2]);
  });

  it('takes an awaitable given twice once, as the set does, and fails on an unhashable one as CPython does', async () => {
    const twice = await traceOf(`
import asyncio
async def job(n):
    await asyncio.sleep(n)
    return n
async def main():
    c = job(0.1)
    t = asyncio.ensure_future(job(0.2))
    print([await f for f in asyncio.as_completed([c, t, c, job(0.05), t])])
    try:
        asyncio.as_completed([[]])
    except TypeError as exc:
        print(type(exc).__name__, exc)
asyncio.run(main())
`);
    expect(twice.stdout).toBe("[0.05, 0.1, 0.2]\nTypeError cannot use 'list' as a set element (unhashable type: 'list')\n");
    expect(twice.stderr).toBe('');
  });
});
