/**
 * blocking-call's CPU-heavy steps, on hand-made traces (the engine's `cpu` facts; the pitfall
 * corpus checks real runs): the threshold is the estimate reaching 0.1 s at CPU_WORK_PER_SECOND,
 * the seconds are that estimate, the held-up tasks are the ready ones and those whose timers come
 * due within it, and steps of one task at one line are one finding.
 */
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../protocol/trace';
import { traceOf } from '../fixtures/traceOf';
import { indexTrace } from '../indexTrace';
import { CPU_WORK_PER_SECOND, SLOW_STEP_SECONDS } from './blockingCall';
import { findings } from './findings';
import type { BlockingCallFinding } from './types';

const THRESHOLD = CPU_WORK_PER_SECOND * SLOW_STEP_SECONDS;

/** main (task 1) computes in its first step (and, with `again`, in its second, at the same line); a
 * ticker (task 2) is ready meanwhile, and a sleeper (task 3) has a timer due at `due`. */
function computing(lines: number, rounds: number, again = false, due = 0.05): TraceEvent[] {
  const step = (h: number): TraceEvent[] => [
    { e: 'run', h },
    { e: 'line', l: 9 },
    { e: 'cpu', lines, rounds, l: 9 },
  ];
  return [
    { e: 'task', id: 1, name: 'Task-1', coro: 'main', by: null, l: 20 },
    { e: 'task', id: 2, name: 'Task-2', coro: 'ticker', by: null, l: 20 },
    { e: 'task', id: 3, name: 'Task-3', coro: 'sleeper', by: null, l: 20 },
    { e: 'sched', h: 1, on: { k: 'step', task: 1 } },
    { e: 'sched', h: 2, on: { k: 'step', task: 2 } },
    { e: 'sched', h: 3, on: { k: 'sleep', task: 3, delay: due }, when: due },
    { e: 'iter', n: 1, t: 0 },
    ...step(1),
    { e: 'sched', h: 4, on: { k: 'step', task: 1 } },
    { e: 'yield', task: 1, l: 9 },
    ...(again ? [{ e: 'iter', n: 2, t: 0 } as const, ...step(4), { e: 'done', task: 1, outcome: 'result', value: 'None' } as const] : []),
  ];
}

const cpuFindings = (events: readonly TraceEvent[]): BlockingCallFinding[] =>
  findings(indexTrace(traceOf(events))).filter((f): f is BlockingCallFinding => f.kind === 'blocking-call');

describe('blocking-call: CPU-heavy steps', () => {
  it('finds nothing one line or round short of the threshold', () => {
    expect(cpuFindings(computing(THRESHOLD / 2, THRESHOLD / 2 - 1))).toEqual([]);
  });

  it('finds a step at the threshold: its line, task, counts and estimated seconds', () => {
    const [f, ...rest] = cpuFindings(computing(THRESHOLD / 2, THRESHOLD / 2));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ cause: 'cpu', line: 9, step: 1, blocker: 1, seconds: 0.1, inCoroutine: false });
    expect(f?.work).toEqual({ lines: THRESHOLD / 2, rounds: THRESHOLD / 2 });
  });

  it('holds up the ready task for the whole estimate and a timer due within it from its deadline', () => {
    const [f] = cpuFindings(computing(1_000_000, 500_000));
    // 1,500,000 at 5,000,000 a second: 0.3 s; the ticker waits 0.3 s, the sleeper 0.3 - 0.05.
    expect(f?.seconds).toBe(0.3);
    expect(f?.heldUp).toBe(2);
    expect(f?.heldUpSeconds).toBe(0.55);
    expect(f?.tasks).toEqual([1, 2, 3]);
  });

  it('does not count a timer due after the estimate ends', () => {
    const [f] = cpuFindings(computing(THRESHOLD / 2, THRESHOLD / 2, false, 0.5));
    expect(f?.heldUp).toBe(1);
    expect(f?.tasks).toEqual([1, 2]);
  });

  it('makes one finding of two heavy steps of one task at one line, their work added up', () => {
    const [f, ...rest] = cpuFindings(computing(400_000, 200_000, true));
    expect(rest).toEqual([]);
    expect(f?.steps).toEqual([1, 2]);
    expect(f?.work).toEqual({ lines: 800_000, rounds: 400_000 });
    expect(f?.seconds).toBe(0.24);
  });
});
