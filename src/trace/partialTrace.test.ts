import { describe, expect, it } from 'vitest';
import { crashedEnd, partialTrace } from './partialTrace';

describe('partialTrace', () => {
  it('keeps the events of every chunk that arrived, and the output in them', () => {
    const chunks = ['{"e":"loop","n":1,"open":true},{"e":"out","fd":"out","s":"hi\\n"}', '{"e":"iter","n":1,"t":0.5}'];
    const trace = partialTrace('print(1)', 0, chunks, { kind: 'stopped', how: 'terminated' });
    expect(trace.events).toHaveLength(3);
    expect(trace.stdout).toBe('hi\n');
    expect(trace.stats.virtualTime).toBe(0.5);
  });

  it('drops a chunk cut short by the kill and keeps the others', () => {
    const trace = partialTrace('', 0, ['{"e":"iter","n":1,"t":0}', '{"e":"iter","n":2,'], { kind: 'stopped', how: 'terminated' });
    expect(trace.events).toHaveLength(1);
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
