/** The spare engine the page's client keeps booted beside the one in use (engineClient.ts). */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN_OPTIONS, type Trace } from '../protocol/trace';
import { SPARE_IDLE_MS } from './engineClient';
import { bufferOf, ready, setup, stoppedTrace } from './testing/fakeEngine';

describe('the spare engine', () => {
  it('boots once the engine in use is ready, with an interrupt buffer of its own', () => {
    const { worker, workers, timers } = setup(true);
    expect(workers).toHaveLength(1); // not during the first boot: it would slow it down
    worker(0).reply(ready);
    timers.advance(SPARE_IDLE_MS - 1);
    expect(workers).toHaveLength(1); // nor at once: the page's first moments and first run come first
    timers.advance(1);
    expect(workers).toHaveLength(2);
    expect(worker(1).sent.map((m) => m.type)).toEqual(['boot']);
    expect(bufferOf(worker(1))).toBeInstanceOf(Int32Array);
    expect(bufferOf(worker(1))).not.toBe(bufferOf(worker(0)));
  });

  it('is never interrupted by a Stop of the run in use', () => {
    const { client, worker, timers } = setup(true);
    worker(0).reply(ready);
    timers.advance(SPARE_IDLE_MS);
    client.run('while True: pass', DEFAULT_RUN_OPTIONS);
    client.stop();
    expect(bufferOf(worker(0))?.[0]).toBe(2);
    expect(bufferOf(worker(1))?.[0]).toBe(0);
  });

  it('takes over at once after a Stop that had to terminate: ready, and the next run starts on it', () => {
    const { client, worker, workers, events, timers } = setup(false);
    worker(0).reply(ready);
    timers.advance(SPARE_IDLE_MS);
    worker(1).reply(ready);
    const first = client.run('sum(range(10**13))', DEFAULT_RUN_OPTIONS);
    client.stop();
    expect(worker(0).terminated).toBe(true);
    const afterStop = events.slice(events.findIndex((e) => e.type === 'restarted'));
    expect(afterStop.map((e) => e.type)).toEqual(['restarted', 'ready']);
    expect(afterStop[0]).toMatchObject({ reason: 'stopped', run: { runId: first } });
    const second = client.run('print(2)', DEFAULT_RUN_OPTIONS);
    expect(worker(1).sent.map((m) => m.type)).toEqual(['boot', 'run']);
    expect(events.at(-1)).toEqual({ type: 'started', runId: second });
    // And a new spare boots beside it, a moment later, even while that run goes on.
    expect(workers).toHaveLength(2);
    timers.advance(SPARE_IDLE_MS);
    expect(workers).toHaveLength(3);
    expect(worker(2).sent.map((m) => m.type)).toEqual(['boot']);
  });

  it('takes over after a crash and after the memory limit too', () => {
    const { client, worker, events, timers } = setup(true);
    worker(0).reply(ready);
    timers.advance(SPARE_IDLE_MS);
    worker(1).reply(ready);
    const id = client.run('f()', DEFAULT_RUN_OPTIONS);
    worker(0).reply({ type: 'crash', id, cause: 'c-stack', message: 'RangeError' });
    expect(events.slice(-2).map((e) => e.type)).toEqual(['restarted', 'ready']);
    timers.advance(SPARE_IDLE_MS);
    worker(2).reply(ready);
    const memory: Trace = { ...stoppedTrace, end: { kind: 'limit', limit: 'memory', line: 1, maxBytes: 2 ** 30, cause: 'heap' } };
    const next = client.run('x = []', DEFAULT_RUN_OPTIONS);
    worker(1).reply({ type: 'result', id: next, json: JSON.stringify({ kind: 'trace', trace: memory }), runMs: 1 });
    expect(worker(1).terminated).toBe(true);
    expect(events.slice(-3).map((e) => e.type)).toEqual(['result', 'restarted', 'ready']);
    client.run('print(3)', DEFAULT_RUN_OPTIONS);
    expect(worker(2).sent.map((m) => m.type)).toEqual(['boot', 'run']);
  });

  it('is waited for when it has not finished booting, and a run asked meanwhile starts when it is ready', () => {
    const { client, worker, events, timers } = setup(false);
    worker(0).reply(ready);
    timers.advance(SPARE_IDLE_MS);
    client.run('sum(range(10**13))', DEFAULT_RUN_OPTIONS);
    client.stop();
    expect(events.at(-1)?.type).toBe('restarted');
    const id = client.run('print(1)', DEFAULT_RUN_OPTIONS);
    expect(worker(1).sent.map((m) => m.type)).toEqual(['boot']);
    worker(1).reply(ready);
    expect(worker(1).sent.map((m) => m.type)).toEqual(['boot', 'run']);
    expect(events.at(-1)).toEqual({ type: 'started', runId: id });
  });

  it('that fails to boot is dropped quietly, and after repeated failures none is started', () => {
    const { client, worker, workers, events, timers } = setup(false);
    worker(0).reply(ready);
    timers.advance(SPARE_IDLE_MS);
    worker(1).reply({ type: 'crash', id: null, cause: 'other', message: 'boot failed' });
    expect(worker(1).terminated).toBe(true);
    expect(events.map((e) => e.type)).toEqual(['ready']); // the learner hears nothing of it
    client.restart(); // no spare: a fresh worker boots, as before spares
    expect(workers).toHaveLength(3);
    worker(2).reply(ready);
    timers.advance(SPARE_IDLE_MS);
    worker(3).fail('out of memory');
    expect(worker(3).terminated).toBe(true);
    client.restart();
    worker(4).reply(ready);
    timers.advance(SPARE_IDLE_MS);
    expect(workers).toHaveLength(5); // MAX_SPARE_FAILURES reached: no spare any more
  });

  it('is terminated with the engine in use when the client is disposed', () => {
    const { client, worker, timers } = setup(true);
    worker(0).reply(ready);
    timers.advance(SPARE_IDLE_MS);
    client.dispose();
    expect(worker(0).terminated).toBe(true);
    expect(worker(1).terminated).toBe(true);
  });
});
