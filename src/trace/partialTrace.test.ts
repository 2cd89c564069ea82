import { describe, expect, it } from 'vitest';
import { crashedEnd, partialTrace } from './partialTrace';

describe('partialTrace', () => {
  it('keeps the events of every chunk that arrived, and the output in them', () => {
    const chunks = ['{"e":"loop","n":1,"open":true},{"e":"out","s":"hi\\n"}', '{"e":"iter","n":1,"t":0.5}'];
    const trace = partialTrace('print(1)', 0, chunks, { kind: 'stopped', how: 'terminated' });
    expect(trace.events).toHaveLength(3);
    expect(trace.stdout).toBe('hi\n');
    expect(trace.stats.virtualTime).toBe(0.5);
  });

  it('drops a chunk cut short by the kill and keeps the others, saying one chunk was dropped', () => {
    const trace = partialTrace('', 0, ['{"e":"iter","n":1,"t":0}', '{"e":"iter","n":2,'], { kind: 'stopped', how: 'terminated' });
    expect(trace.events).toHaveLength(1);
    expect(trace.dropped).toEqual({ events: 0, chunks: 1 });
  });

  it('keeps the events before the first one the schema refuses, and counts it and the rest as dropped', () => {
    // Format 3's events lean on the earlier ones: after a lost one, the rest could be read wrong.
    const chunks = ['{"e":"iter","n":1,"t":0},{"e":"iter","n":"two","t":0}', '', '{"e":"iter","n":3,"t":1}'];
    const trace = partialTrace('', 0, chunks, { kind: 'stopped', how: 'terminated' });
    expect(trace.events).toEqual([{ e: 'iter', n: 1, t: 0 }]);
    expect(trace.dropped).toEqual({ events: 2, chunks: 0 });
    expect(trace.stats.iterations).toBe(1);
  });

  it('spells out the compact events as a whole trace\'s are', () => {
    const chunks = ['{"e":"task","id":1,"name":"Task-1","coro":"main","by":null,"l":1},{"e":"sched","on":{"k":"step","task":1}}', '{"e":"sched","on":{"k":"call","fn":"cb","of":1}}'];
    const trace = partialTrace('', 0, chunks, { kind: 'stopped', how: 'terminated' });
    expect(trace.events.slice(1)).toEqual([
      { e: 'sched', h: 1, on: { k: 'step', task: 1 } },
      { e: 'sched', h: 2, on: { k: 'call', fn: 'cb', args: '(<Task Task-1>)' } },
    ]);
    expect('dropped' in trace).toBe(false);
  });

  it('keeps nothing after a lost chunk in the middle, whose events later ones may lean on', () => {
    const chunks = ['{"e":"sched","on":{"k":"step","task":1}}', '{"e":"sched","on":{"k":"st', '{"e":"sched","on":{"k":"step","task":1}}'];
    const trace = partialTrace('', 0, chunks, { kind: 'stopped', how: 'terminated' });
    expect(trace.events).toEqual([{ e: 'sched', h: 1, on: { k: 'step', task: 1 } }]);
    expect(trace.dropped).toEqual({ events: 1, chunks: 1 });
  });

  it('has no dropped field when nothing was left out (heartbeats are empty chunks, not drops)', () => {
    const trace = partialTrace('', 0, ['', '{"e":"iter","n":1,"t":0}', ''], { kind: 'stopped', how: 'terminated' });
    expect(trace.events).toHaveLength(1);
    expect('dropped' in trace).toBe(false);
  });
});

describe('crashedEnd', () => {
  it('keeps the cause the host decided and the first line of its error', () => {
    const end = crashedEnd('c-stack', 'RangeError: Maximum call stack size exceeded\n    at wasm://…');
    expect(end).toEqual({ kind: 'crashed', cause: 'c-stack', detail: 'RangeError: Maximum call stack size exceeded' });
  });

  it('says there is no detail rather than show an empty one', () => {
    expect(crashedEnd('other', '  \n').detail).toBe('no detail');
  });
});
