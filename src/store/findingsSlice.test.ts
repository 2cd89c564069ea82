/**
 * Choosing a finding (the Problems list, a timeline mark): the cursor goes to its step, the
 * editor is asked for its line, and a new run shows none chosen. The analysis is replaced by
 * hand-made findings over a hand-made trace, so this checks the store, not the lints.
 */
import { describe, expect, it, vi } from 'vitest';
import { SLEEP_ONE_SECOND_EVENTS, SLEEP_ONE_SECOND_SOURCE } from '../trace/fixtures/sleepOneSecond';
import { traceOf } from '../trace/fixtures/traceOf';
import type { Finding } from '../trace/findings/types';
import { BLOCKING, DEADLOCK } from '../panels/fixtures/handMadeFindings';
import { selectChosenFinding } from './selectors';
import { storeShowing } from './testing/storeShowing';

const FOUND: readonly Finding[] = [
  { ...BLOCKING, line: 5, step: 2, steps: [2], tasks: [1] },
  { ...DEADLOCK, step: 3 },
];

vi.mock('../trace/findings/findings', () => ({
  findings: () => FOUND,
}));

const trace = () => traceOf(SLEEP_ONE_SECOND_EVENTS, SLEEP_ONE_SECOND_SOURCE);

describe('the findings slice', () => {
  it('choosing a finding moves the cursor to its step and asks the editor for its line', () => {
    const store = storeShowing(trace(), { step: 0 });
    store.getState().chooseFinding(0);
    expect(store.getState().cursor.step).toBe(2);
    expect(store.getState().lineRequest?.line).toBe(5);
    expect(selectChosenFinding(store.getState())).toBe(0);
  });

  it('a finding with no line moves the cursor and leaves the editor alone', () => {
    const store = storeShowing(trace(), { step: 0 });
    store.getState().chooseFinding(1);
    expect(store.getState().cursor.step).toBe(3);
    expect(store.getState().lineRequest).toBeNull();
    expect(selectChosenFinding(store.getState())).toBe(1);
  });

  it('choosing none, or one that is not there, leaves none chosen and the cursor where it was', () => {
    const store = storeShowing(trace(), { step: 1 });
    store.getState().chooseFinding(0);
    store.getState().chooseFinding(null);
    expect(selectChosenFinding(store.getState())).toBeNull();
    expect(store.getState().cursor.step).toBe(2);
    store.getState().chooseFinding(7);
    expect(selectChosenFinding(store.getState())).toBeNull();
  });

  it('a new run shows none chosen', () => {
    const store = storeShowing(trace(), { step: 0 });
    store.getState().chooseFinding(0);
    store.getState().openTrace(trace());
    expect(selectChosenFinding(store.getState())).toBeNull();
  });
});
