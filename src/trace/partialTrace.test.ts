import { describe, expect, it } from 'vitest';
import { crashedEnd, partialTrace } from './partialTrace';

describe('partialTrace', () => {
  it('keeps the events of every chunk that arrived, and the output in them', () => {
    const chunks = ['{"e":"loop","n":1,"open":true},{"e":"out","fd":"out","s":"hi\\n"}', '{"e":"iter","n":1,"t":0.5}'];
    const trace = partialTrace('print(1)', 0, chunks, { kind: 'stopped', message: 'stopped' });
    expect(trace.events).toHaveLength(3);
    expect(trace.stdout).toBe('hi\n');
    expect(trace.stats.virtualTime).toBe(0.5);
  });

  it('drops a chunk cut short by the kill and keeps the others', () => {
    const trace = partialTrace('', 0, ['{"e":"iter","n":1,"t":0}', '{"e":"iter","n":2,'], { kind: 'stopped', message: '' });
    expect(trace.events).toHaveLength(1);
  });
});

describe('crashedEnd', () => {
  it('says a C stack overflow is something nested too deeply, where CPython raises RecursionError', () => {
    const end = crashedEnd('The engine failed while running the program: RangeError: Maximum call stack size exceeded\n    at wasm://…');
    expect(end.kind).toBe('crashed');
    expect(end.message).toContain('(RangeError: Maximum call stack size exceeded)');
    expect(end.message).toContain('RecursionError');
  });

  it('names any other crash by its error', () => {
    const end = crashedEnd('Error: worker exited');
    expect(end.message).toBe('Python itself crashed during the run (Error: worker exited). The trace shows what happened until then.');
  });
});
