/** The selectors' memos belong to one trace index each, so two stores never share an entry. */
import { describe, expect, it } from 'vitest';
import { SLEEP_ONE_SECOND_EVENTS, SLEEP_ONE_SECOND_SOURCE } from '../trace/fixtures/sleepOneSecond';
import { traceOf } from '../trace/fixtures/traceOf';
import { indexTrace } from '../trace';
import { loopStateAt } from './selectors';

describe('loopStateAt', () => {
  it('keeps each index its own entry: two stores at their own cursors do not evict each other', () => {
    const first = indexTrace(traceOf(SLEEP_ONE_SECOND_EVENTS, SLEEP_ONE_SECOND_SOURCE));
    const second = indexTrace(traceOf(SLEEP_ONE_SECOND_EVENTS, SLEEP_ONE_SECOND_SOURCE));
    const a = loopStateAt(first, { step: 1 });
    const b = loopStateAt(second, { step: 2 });
    expect(loopStateAt(first, { step: 1 })).toBe(a);
    expect(loopStateAt(second, { step: 2 })).toBe(b);
    expect(b).not.toBe(a);
    expect([a.step, b.step]).toEqual([1, 2]);
  });

});
