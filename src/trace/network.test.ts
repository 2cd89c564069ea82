import { describe, expect, it } from 'vitest';
import { traceOf } from './fixtures/traceOf';
import { usedSimulatedNetwork } from './network';

describe('usedSimulatedNetwork', () => {
  it('is true for a request timer, a wait on a request, or a blocking HTTP call', () => {
    const request = { method: 'GET', url: 'https://example.com/' };
    expect(usedSimulatedNetwork(traceOf([{ e: 'sched', h: 1, on: { k: 'request', ...request, task: null }, when: 0.1 }]))).toBe(true);
    expect(usedSimulatedNetwork(traceOf([{ e: 'suspend', task: 1, l: 3, on: { k: 'request', ...request, queued: true } }]))).toBe(true);
    expect(usedSimulatedNetwork(traceOf([{ e: 'block', d: 0.3, l: 4, req: { lib: 'requests', ...request } }]))).toBe(true);
  });

  it('is false for sleeps, time.sleep blocks and other waits', () => {
    const events = [
      { e: 'sched', h: 1, on: { k: 'sleep', task: 1, delay: 1 }, when: 1 },
      { e: 'block', d: 0.3, l: 4 },
      { e: 'suspend', task: 1, l: 3, on: { k: 'future', api: 'Queue.get' } },
    ] as const;
    expect(usedSimulatedNetwork(traceOf(events))).toBe(false);
  });
});
