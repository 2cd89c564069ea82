/** The engine's events obey asyncio's rules, checked by an independent replay (traceModel.ts). */
import { describe, expect, it } from 'vitest';
import { TRACE_VERSION } from '../../src/protocol/trace';
import { fidelityCorpus, ownCorpus, traceOf } from './sharedEngine';
import { replay } from './traceModel';

const EXTRA = {
  'cancel before start, sleep(0) yields and timer ties': `
import asyncio
async def nap(n):
    await asyncio.sleep(0)
    await asyncio.sleep(1)
    return n
async def main():
    tasks = [asyncio.create_task(nap(i)) for i in range(4)]
    tasks[2].cancel()
    h = asyncio.get_running_loop().call_later(0.5, print, "never")
    h.cancel()
    print(await asyncio.gather(*tasks, return_exceptions=True))
asyncio.run(main())
`,
};

describe('trace invariants', () => {
  const programs = [
    ...[...fidelityCorpus(), ...ownCorpus()].map((p) => [p.name, p.source] as const),
    ...Object.entries(EXTRA),
  ];
  for (const [name, source] of programs) {
    it(`${name}: the ready queue's head is what runs next; tasks move only along legal transitions`, async () => {
      const trace = await traceOf(source);
      const model = replay(trace);
      expect(model.problems).toEqual([]);
      expect(model.steps.length).toBe(trace.stats.steps);
      // Every task that ends was created, and by the end of a clean run every task has ended.
      for (const task of model.ended) expect(model.created.has(task)).toBe(true);
      if (trace.end.kind === 'ok') expect([...model.created].filter((t) => !model.ended.has(t))).toEqual([]);
    });
  }

  it('the engine writes the version of the trace the protocol describes', async () => {
    expect((await traceOf('print("hi")\n')).version).toBe(TRACE_VERSION);
  });

  it('steps, iterations and tasks in the stats agree with the events', async () => {
    for (const program of fidelityCorpus()) {
      const trace = await traceOf(program.source);
      const runs = trace.events.filter((e) => e.e === 'run').length;
      const iters = trace.events.filter((e) => e.e === 'iter').length;
      const tasks = trace.events.filter((e) => e.e === 'task').length;
      expect({ runs, iters, tasks }, program.name).toEqual({
        runs: trace.stats.steps,
        iters: trace.stats.iterations,
        tasks: trace.stats.tasks,
      });
    }
  });
});
