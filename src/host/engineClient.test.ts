import { describe, expect, it } from 'vitest';
import { DEFAULT_RUN_OPTIONS, TRACE_VERSION, type RunResult } from '../protocol/trace';
import { MAX_BOOT_FAILURES, STOP_GRACE_MS, WATCHDOG_GRACE_MS } from './engineClient';
import { bufferOf, endOf, ready, restartsIn, setup, stopped, stoppedTrace } from './testing/fakeEngine';
import { LIVELY_MS, WATCHDOG_EXTENSIONS } from './watchdog';

describe('engine client', () => {
  it('boots at once, with an interrupt buffer only when isolated', () => {
    expect(bufferOf(setup(true).worker(0))).toBeInstanceOf(Int32Array);
    expect(bufferOf(setup(false).worker(0))).toBeNull();
  });

  it('holds a run asked for while booting, and sends it when Python is ready', () => {
    const { client, worker, events } = setup(true);
    const id = client.run('print(1)', DEFAULT_RUN_OPTIONS);
    expect(worker(0).sent.map((m) => m.type)).toEqual(['boot']);
    worker(0).reply(ready);
    expect(worker(0).sent.map((m) => m.type)).toEqual(['boot', 'run']);
    expect(events).toContainEqual({ type: 'started', runId: id });
  });

  it('stops through the interrupt buffer and keeps the partial trace when Python answers', () => {
    const { client, worker, workers, events, timers } = setup(true);
    worker(0).reply(ready);
    const id = client.run('while True: pass', DEFAULT_RUN_OPTIONS);
    client.stop();
    const buffer = bufferOf(worker(0));
    expect(buffer?.[0]).toBe(2);
    worker(0).reply({ type: 'result', id, json: JSON.stringify(stopped), runMs: 5 });
    timers.advance(STOP_GRACE_MS * 2);
    // Nothing replaced: the engine in use, and the spare booted beside it when it was ready.
    expect(workers).toHaveLength(2);
    expect(worker(0).terminated).toBe(false);
    expect(buffer?.[0]).toBe(0); // the next run must not start interrupted
    expect(events.at(-1)).toMatchObject({ type: 'result', runId: id });
  });

  it('terminates and reboots the worker when the interrupt gets no answer in time', () => {
    const { client, worker, workers, events, timers } = setup(true);
    worker(0).reply(ready);
    const id = client.run('sum(range(10**13))', DEFAULT_RUN_OPTIONS);
    client.stop();
    timers.advance(STOP_GRACE_MS - 1);
    expect(worker(0).terminated).toBe(false);
    timers.advance(1);
    expect(worker(0).terminated).toBe(true);
    // The spare (still booting here) takes its place; the next spare waits until it is ready.
    expect(workers).toHaveLength(2);
    expect(worker(1).sent[0]?.type).toBe('boot');
    // The run is not lost: the restart carries it, with what it streamed as a trace that ends 'stopped'.
    const restarted = restartsIn(events);
    expect(restarted).toHaveLength(1);
    expect(restarted[0]).toMatchObject({ reason: 'stopped', run: { runId: id } });
    expect(endOf(restarted[0])).toEqual({ kind: 'stopped', how: 'terminated' });
    expect(events.filter((e) => e.type === 'result')).toHaveLength(0);
    // A late answer from the old worker is ignored.
    worker(0).reply({ type: 'result', id, json: JSON.stringify(stopped), runMs: 5 });
    expect(events.filter((e) => e.type === 'result')).toHaveLength(0);
  });

  it('restarts at once on Stop when the page is not isolated', () => {
    const { client, worker, workers } = setup(false);
    worker(0).reply(ready);
    client.run('while True: pass', DEFAULT_RUN_OPTIONS);
    client.stop();
    expect(worker(0).terminated).toBe(true);
    expect(workers).toHaveLength(2);
  });

  it('replaces a worker that crashes during a run, and ends the run with the cause the worker gave', () => {
    const { client, worker, workers, events } = setup(true);
    worker(0).reply(ready);
    const id = client.run('x', DEFAULT_RUN_OPTIONS);
    worker(0).reply({ type: 'crash', id, cause: 'c-stack', message: 'RangeError: Maximum call stack size exceeded\n  at wasm' });
    expect(workers).toHaveLength(2);
    const last = events.at(-1);
    expect(last).toMatchObject({ type: 'restarted', reason: 'crashed', detail: 'RangeError: Maximum call stack size exceeded\n  at wasm', run: { runId: id } });
    expect(endOf(last)).toEqual({ kind: 'crashed', cause: 'c-stack', detail: 'RangeError: Maximum call stack size exceeded' });
  });

  it('keeps the streamed events of a run killed by the watchdog as a partial trace', () => {
    const { client, worker, workers, events, timers } = setup(true);
    worker(0).reply(ready);
    const id = client.run('sum(range(10**13))', DEFAULT_RUN_OPTIONS);
    worker(0).reply({ type: 'progress', id, events: '{"e":"line","l":1},{"e":"out","s":"hi\\n"}' });
    worker(0).reply({ type: 'progress', id, events: '{"e":"line","l":2}' });
    timers.advance(DEFAULT_RUN_OPTIONS.limits.maxWallSeconds * 1000 + WATCHDOG_GRACE_MS);
    expect(worker(0).terminated).toBe(true);
    expect(workers).toHaveLength(2);
    const [restarted] = restartsIn(events);
    expect(restarted).toMatchObject({ reason: 'watchdog', run: { runId: id } });
    const result = restarted?.run?.result;
    if (result?.kind !== 'trace') throw new Error('no partial trace');
    expect(result.trace.events).toEqual([{ e: 'line', l: 1 }, { e: 'out', s: 'hi\n' }, { e: 'line', l: 2 }]);
    expect(result.trace.stdout).toBe('hi\n');
    expect(result.trace.end).toEqual({
      kind: 'limit',
      limit: 'wall-clock',
      line: null,
      max: DEFAULT_RUN_OPTIONS.limits.maxWallSeconds,
      where: 'c-call',
    });
  });

  const WATCHDOG_MS = DEFAULT_RUN_OPTIONS.limits.maxWallSeconds * 1000 + WATCHDOG_GRACE_MS;

  it('waits a grace longer, at most twice, for a run that sent a heartbeat in the last second', () => {
    const { client, worker, events, timers } = setup(true);
    worker(0).reply(ready);
    const id = client.run('tasks-100k', DEFAULT_RUN_OPTIONS);
    worker(0).reply({ type: 'progress', id, events: '{"e":"line","l":6}' });
    // Past the limit, the engine closing 100,000 coroutines: heartbeats, then its result.
    timers.advance(WATCHDOG_MS - 500);
    worker(0).reply({ type: 'progress', id, events: '' });
    timers.advance(500);
    expect(worker(0).terminated).toBe(false);
    timers.advance(WATCHDOG_GRACE_MS - 200);
    worker(0).reply({ type: 'progress', id, events: '' });
    timers.advance(200);
    expect(worker(0).terminated).toBe(false);
    const steps: RunResult = {
      kind: 'trace',
      trace: { ...stoppedTrace, end: { kind: 'limit', limit: 'steps', line: 6, max: 100_000, t: 0 } },
    };
    timers.advance(WATCHDOG_GRACE_MS - 100);
    worker(0).reply({ type: 'result', id, json: JSON.stringify(steps), runMs: 19_000 });
    expect(events.at(-1)).toEqual({ type: 'result', runId: id, result: steps, runMs: 19_000 });
    expect(restartsIn(events)).toEqual([]);
    expect(timers.pending()).toBe(0);
  });

  it('kills a run that keeps sending heartbeats once its extensions are used up', () => {
    const { client, worker, events, timers } = setup(true);
    worker(0).reply(ready);
    const id = client.run('x', DEFAULT_RUN_OPTIONS);
    const beatUntil = (ms: number): void => {
      for (let t = 0; t < ms; t += 250) {
        timers.advance(250);
        worker(0).reply({ type: 'progress', id, events: '' });
      }
    };
    beatUntil(WATCHDOG_MS + WATCHDOG_EXTENSIONS * WATCHDOG_GRACE_MS - 250);
    expect(worker(0).terminated).toBe(false);
    beatUntil(250);
    expect(worker(0).terminated).toBe(true);
    expect(restartsIn(events)).toMatchObject([{ reason: 'watchdog', run: { runId: id } }]);
  });

  it('does not extend for a worker silent for a second or more (one stuck C call)', () => {
    const { client, worker, timers } = setup(true);
    worker(0).reply(ready);
    const id = client.run('sum(range(10**13))', DEFAULT_RUN_OPTIONS);
    timers.advance(WATCHDOG_MS - LIVELY_MS);
    worker(0).reply({ type: 'progress', id, events: '{"e":"line","l":1}' });
    timers.advance(LIVELY_MS);
    expect(worker(0).terminated).toBe(true);
  });

  it('a result the schema refuses ends the run as a crash, with what it streamed', () => {
    const { client, worker, workers, events } = setup(true);
    worker(0).reply(ready);
    const id = client.run('print("hi")', DEFAULT_RUN_OPTIONS);
    worker(0).reply({ type: 'progress', id, events: '{"e":"out","s":"hi\\n"}' });
    worker(0).reply({ type: 'result', id, json: JSON.stringify({ kind: 'trace', trace: { version: TRACE_VERSION } }), runMs: 5 });
    expect(workers).toHaveLength(2);
    expect(events.some((e) => e.type === 'result')).toBe(false);
    const [restarted] = restartsIn(events);
    expect(restarted).toMatchObject({ reason: 'crashed', run: { runId: id } });
    const result = restarted?.run?.result;
    if (result?.kind !== 'trace') throw new Error('no partial trace');
    expect(result.trace.stdout).toBe('hi\n');
    expect(result.trace.end).toMatchObject({ kind: 'crashed', cause: 'other' });
    if (result.trace.end.kind !== 'crashed') throw new Error('not a crash');
    expect(result.trace.end.detail).toContain('not a run result');
  });

  it('a restart asked for during a run ends that run as stopped from outside, with its trace', () => {
    const { client, worker, events } = setup(true);
    worker(0).reply(ready);
    const id = client.run('while True: pass', DEFAULT_RUN_OPTIONS);
    client.restart();
    const [restarted] = restartsIn(events);
    expect(restarted).toMatchObject({ reason: 'retry', run: { runId: id } });
    expect(endOf(restarted)).toEqual({ kind: 'stopped', how: 'terminated' });
  });

  it('starts a fresh engine after the memory limit, carrying no run (the result came first)', () => {
    const { client, worker, workers, events } = setup(true);
    worker(0).reply(ready);
    const id = client.run('hoard()', DEFAULT_RUN_OPTIONS);
    const memory: RunResult = {
      kind: 'trace',
      trace: { ...stoppedTrace, end: { kind: 'limit', limit: 'memory', line: 3, maxBytes: 2 ** 30, cause: 'heap' } },
    };
    worker(0).reply({ type: 'result', id, json: JSON.stringify(memory), runMs: 5 });
    expect(workers).toHaveLength(2);
    expect(events.slice(-2)).toEqual([
      { type: 'result', runId: id, result: memory, runMs: 5 },
      { type: 'restarted', reason: 'retry', detail: 'a fresh engine after the memory limit', run: null },
    ]);
  });

  it('replaces a worker that dies while idle', () => {
    const { worker, workers, events } = setup(true);
    worker(0).reply(ready);
    worker(0).fail('script error');
    expect(workers).toHaveLength(2);
    expect(events.at(-1)).toEqual({ type: 'restarted', reason: 'died', detail: 'script error', run: null });
  });

  it('gives up after repeated boot failures instead of restarting forever', () => {
    const { client, worker, workers, events } = setup(true);
    for (let i = 0; i < MAX_BOOT_FAILURES; i++) worker(i).reply({ type: 'crash', id: null, cause: 'other', message: 'no wasm' });
    expect(workers).toHaveLength(MAX_BOOT_FAILURES);
    expect(events.at(-1)).toEqual({ type: 'boot-failed', detail: 'no wasm' });
    client.restart();
    expect(workers).toHaveLength(MAX_BOOT_FAILURES + 1);
  });
});
