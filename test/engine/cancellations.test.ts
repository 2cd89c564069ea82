/**
 * The corpus's cancellation programs: who asked, where the CancelledError landed, how it ended,
 * as CPython does it (s04 wait_for converts it to TimeoutError, s13 cleans up and re-raises...).
 */
import { describe, expect, it } from 'vitest';
import type { Trace, TraceEvent } from '../../src/protocol/trace';
import { cancellations, indexTrace } from '../../src/trace';
import { fidelityCorpus, ownCorpus, traceOf } from './sharedEngine';

const source = (name: string): string => {
  const program = fidelityCorpus().find((p) => p.name === name);
  if (program === undefined) throw new Error(`no ${name} in the corpus`);
  return program.source;
};

const named = (trace: Trace): ((id: number | null) => string | null) => {
  const names = new Map<number, string>();
  for (const e of trace.events) if (e.e === 'task') names.set(e.id, `${e.name}:${e.coro}`);
  return (id) => (id === null ? null : (names.get(id) ?? `#${id}`));
};

async function summary(name: string): Promise<unknown[]> {
  const trace = await traceOf(source(name));
  const who = named(trace);
  return cancellations(indexTrace(trace)).map((c) => ({
    target: who(c.target),
    by: who(c.by),
    via: c.via,
    line: c.line,
    deliveredAtLine: c.delivered?.line ?? null,
    outcome: c.outcome,
  }));
}

describe('cancellations in the corpus', () => {
  it('s09: main cancels a task that never started; it ends cancelled without running', async () => {
    expect(await summary('s09_cancel_task.py')).toEqual([
      { target: 'Task-2:child', by: 'Task-1:main', via: 'cancel()', line: 10, deliveredAtLine: null, outcome: 'propagated' },
    ]);
    const trace = await traceOf(source('s09_cancel_task.py'));
    // The child's first and only step throws CancelledError before its first line.
    const runs = trace.events.filter((e): e is Extract<TraceEvent, { e: 'run' }> => e.e === 'run');
    expect(runs.some((r) => r.x === 'CancelledError')).toBe(true);
    expect(trace.stdout).not.toContain('entered child');
  });

  it('s04: wait_for\'s deadline cancels main inside long_job\'s sleep and converts it to TimeoutError', async () => {
    expect(await summary('s04_wait_for_timeout.py')).toEqual([
      { target: 'Task-1:main', by: null, via: 'wait_for', line: null, deliveredAtLine: 4, outcome: 'converted' },
    ]);
  });

  it('s13: cancel() lands in the sleep at line 10; the task cleans up and re-raises', async () => {
    expect(await summary('s13_cancel_cleanup_reraise.py')).toEqual([
      { target: 'Task-2:long_running', by: 'Task-1:main', via: 'cancel()', line: 19, deliveredAtLine: 10, outcome: 'propagated' },
    ]);
  });

  it('s10: the five pending numbers are cancelled in order at line 16, each in its sleep', async () => {
    const rows = await summary('s10_wait_timeout_cancel_pending.py');
    expect(rows).toHaveLength(5);
    for (const [i, row] of rows.entries()) {
      expect(row).toEqual({ target: `Task-${i + 7}:num`, by: 'Task-1:main', via: 'cancel()', line: 16, deliveredAtLine: 5, outcome: 'propagated' });
    }
  });

  it('s05: the three consumers are cancelled while they wait in queue.get()', async () => {
    const rows = await summary('s05_producer_consumer.py');
    expect(rows.map((r) => (r as { target: string }).target)).toEqual(['Task-3:consumer', 'Task-4:consumer', 'Task-5:consumer']);
    for (const row of rows) expect(row).toMatchObject({ by: 'Task-1:main', via: 'cancel()', line: 26, deliveredAtLine: 14, outcome: 'propagated' });
  });

  it('s16: the inner wait_for times out after 2 s and becomes TimeoutError; the outer 3 s deadline never fires', async () => {
    const trace = await traceOf(source('s16_search_partial_failure.py'));
    const rows = await summary('s16_search_partial_failure.py');
    expect(rows).toEqual([{ target: 'Task-3:query_api', by: null, via: 'wait_for', line: null, deliveredAtLine: 9, outcome: 'converted' }]);
    const timeouts = trace.events.filter((e) => e.e === 'sched' && e.on.k === 'timeout');
    expect(timeouts).toHaveLength(2);
    const outer = timeouts.find((e) => e.e === 'sched' && e.when === 3);
    expect(trace.events.some((e) => e.e === 'unsched' && outer?.e === 'sched' && e.h === outer.h)).toBe(true);
  });

  it('a TaskGroup whose child fails cancels the siblings and its parent, naming the failed child', async () => {
    const trace = await traceOf(`
import asyncio
async def ok(n):
    await asyncio.sleep(n)
async def bad():
    await asyncio.sleep(0.5)
    raise ValueError("bad input")
async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(ok(1))
            tg.create_task(bad())
            tg.create_task(ok(2))
    except* ValueError:
        print("caught")
asyncio.run(main())
`);
    const who = named(trace);
    const rows = cancellations(indexTrace(trace));
    expect(rows.map((c) => [who(c.target), c.via, who(c.cause ?? null), c.outcome])).toEqual([
      ['Task-2:ok', 'TaskGroup', 'Task-3:bad', 'propagated'],
      ['Task-4:ok', 'TaskGroup', 'Task-3:bad', 'propagated'],
      ['Task-1:main', 'TaskGroup', 'Task-3:bad', 'swallowed'],
    ]);
    expect(trace.stdout).toBe('caught\n');
  });

  it('loop.call_soon(task.cancel): a callback asks (not a step of the task), via cancel(); the task re-raises', async () => {
    const program = ownCorpus().find((p) => p.name === 'call-soon-cancel.py');
    if (program === undefined) throw new Error('no call-soon-cancel.py');
    const trace = await traceOf(program.source);
    const who = named(trace);
    const sched = trace.events.find((e) => e.e === 'sched' && e.on.k === 'call');
    expect(sched?.e === 'sched' && sched.on).toMatchObject({ k: 'call', fn: 'Task.cancel', user: true });
    expect(cancellations(indexTrace(trace)).map((c) => [who(c.target), who(c.by), c.via, c.delivered?.line, c.outcome])).toEqual([
      ['Task-2:sleeper', null, 'cancel()', 7, 'propagated'],
    ]);
  });
});
