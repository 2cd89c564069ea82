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

  it('keeps only the events the schema accepts, and counts the ones it left out', () => {
    const chunks = ['{"e":"iter","n":1,"t":0},{"e":"iter","n":"two","t":0}', '', '{"e":"no-such-kind"},{"e":"iter","n":3,"t":1}'];
    const trace = partialTrace('', 0, chunks, { kind: 'stopped', how: 'terminated' });
    expect(trace.events).toEqual([
      { e: 'iter', n: 1, t: 0 },
      { e: 'iter', n: 3, t: 1 },
    ]);
    expect(trace.dropped).toEqual({ events: 2, chunks: 0 });
    expect(trace.stats.iterations).toBe(2);
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
