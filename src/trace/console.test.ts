import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../protocol/trace';
import { consoleLines } from './console';
import { sleepOneSecond } from './fixtures/sleepOneSecond';
import { traceOf } from './fixtures/traceOf';
import { indexTrace } from './indexTrace';

const call = (h: number, fn: string): TraceEvent[] => [
  { e: 'sched', h, on: { k: 'call', fn } },
  { e: 'iter', n: h, t: 0 },
  { e: 'run', h },
];

describe('consoleLines', () => {
  it('tags each line with the step that printed it', () => {
    expect(consoleLines(indexTrace(sleepOneSecond()))).toEqual([
      { step: 1, fd: 'out', text: 'start' },
      { step: 3, fd: 'out', text: 'end' },
    ]);
  });

  it('joins a line written in pieces across steps, and keeps its first step', () => {
    const events: TraceEvent[] = [
      { e: 'out', s: 'top\n' },
      ...call(1, 'a'),
      { e: 'out', s: 'Loading' },
      ...call(2, 'b'),
      { e: 'out', s: '...' },
      ...call(3, 'c'),
      { e: 'out', s: ' done\nnext' },
    ];
    expect(consoleLines(indexTrace(traceOf(events)))).toEqual([
      { step: 0, fd: 'out', text: 'top' },
      { step: 1, fd: 'out', text: 'Loading... done' },
      { step: 3, fd: 'out', text: 'next' }, // still open when the run ended: shown as it is
    ]);
  });

  it('keeps stdout and stderr apart, in the order lines started, with empty lines', () => {
    const events: TraceEvent[] = [
      ...call(1, 'a'),
      { e: 'out', s: 'a' },
      { e: 'out', s: 'Traceback\n', fd: 'err' },
      { e: 'out', s: 'b\n\n' },
      { e: 'out', s: '' },
      { e: 'out', s: '\n', fd: 'err' },
    ];
    expect(consoleLines(indexTrace(traceOf(events)))).toEqual([
      { step: 1, fd: 'out', text: 'ab' },
      { step: 1, fd: 'err', text: 'Traceback' },
      { step: 1, fd: 'out', text: '' },
      { step: 1, fd: 'err', text: '' },
    ]);
  });

  it('is computed once per index', () => {
    const index = indexTrace(sleepOneSecond());
    expect(consoleLines(index)).toBe(consoleLines(index));
  });
});
