import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../protocol/trace';
import { traceOf } from './fixtures/traceOf';
import { runFacts } from './runFacts';

const request = { method: 'GET', url: 'https://example.com/' };

describe('runFacts', () => {
  it('says nothing of a run that used no network, no deprecated API, and was whole', () => {
    expect(runFacts(traceOf([{ e: 'sched', h: 1, on: { k: 'sleep', task: 1, delay: 1 }, when: 1 }]))).toEqual([]);
  });

  it('counts the simulated requests sent: request timers (answered or cancelled) and blocking calls, not waits in the queue', () => {
    const events: TraceEvent[] = [
      { e: 'sched', h: 1, on: { k: 'request', ...request, task: null }, when: 0.1 },
      { e: 'sched', h: 2, on: { k: 'request', ...request, task: null }, when: 0.2 },
      { e: 'unsched', h: 2 },
      { e: 'suspend', task: 1, l: 3, on: { k: 'request', ...request, queued: true } },
      { e: 'block', d: 0.3, l: 4, req: { lib: 'requests', ...request } },
      { e: 'block', d: 0.3, l: 5 },
    ];
    expect(runFacts(traceOf(events))).toEqual([{ kind: 'simulated-network', requests: 3 }]);
  });

  it('names each deprecated API once, however often the program called it', () => {
    const warn: TraceEvent = { e: 'warn', kind: 'deprecated-api', msg: 'DeprecationWarning', api: 'event-loop-policy', version: '3.14' };
    const other: TraceEvent = { e: 'warn', kind: 'never-awaited', msg: "coroutine 'f' was never awaited" };
    expect(runFacts(traceOf([warn, other, warn]))).toEqual([{ kind: 'deprecated-api', api: 'event-loop-policy', version: '3.14' }]);
  });

  it("tells what a partial trace left out (Trace.dropped), first", () => {
    const trace = { ...traceOf([{ e: 'block', d: 0.3, l: 4, req: { lib: 'httpx', ...request } }]), dropped: { events: 2, chunks: 1 } };
    expect(runFacts(trace)).toEqual([
      { kind: 'dropped', events: 2, chunks: 1 },
      { kind: 'simulated-network', requests: 1 },
    ]);
    expect(runFacts({ ...trace, dropped: { events: 0, chunks: 0 } })).toEqual([{ kind: 'simulated-network', requests: 1 }]);
  });
});
