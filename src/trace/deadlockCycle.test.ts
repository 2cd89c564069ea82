/**
 * The deadlock's cause on real engine runs (src/trace/fixtures/narrationTraces.ts): the
 * lock-order deadlock is named as its cycle in order, an Event nobody sets as no cycle, and a
 * run that ended by itself has no cause.
 */
import { describe, expect, it } from 'vitest';
import { NARRATION_TRACES } from './fixtures/narrationTraces';
import { traceOf } from './fixtures/traceOf';
import { deadlockCause } from './deadlockCycle';
import { indexTrace } from './indexTrace';

const indexOf = (name: string) => {
  const fixture = NARRATION_TRACES[name];
  if (fixture === undefined) throw new Error(`no fixture ${name}`);
  return indexTrace(traceOf(fixture.events, fixture.source, fixture.end));
};

describe('deadlockCause', () => {
  it('names the lock-order cycle in order: t1 holds a and waits for b, which t2 holds while waiting for a', () => {
    const index = indexOf('lockOrder');
    expect(index.trace.end.kind).toBe('deadlock');
    const found = deadlockCause(index);
    expect(found?.step).toBe(index.steps.length);
    const cause = found?.cause;
    if (cause?.kind !== 'cycle') throw new Error(`expected a cycle, got ${JSON.stringify(cause)}`);
    expect(cause.links.map((l) => [l.task.label, l.holds?.name ?? null, l.waitsFor.kind === 'object' ? l.waitsFor.object.name : null])).toEqual([
      ['t1', 'a', 'b'],
      ['t2', 'b', 'a'],
    ]);
  });

  it('says there is no cycle when the tasks wait on an Event nobody sets, naming the event and its waiters', () => {
    const index = indexOf('eventNobodySets');
    expect(index.trace.end.kind).toBe('deadlock');
    const cause = deadlockCause(index)?.cause;
    if (cause?.kind !== 'no-cycle') throw new Error(`expected no cycle, got ${JSON.stringify(cause)}`);
    expect(cause.lines.map((l) => [l.object.name, l.object.type, l.tasks.length, l.more])).toEqual([['ready', 'Event', 2, 0]]);
  });

  it('has nothing to say about a run that was not a deadlock', () => {
    const index = indexOf('objects');
    expect(index.trace.end.kind).not.toBe('deadlock');
    expect(deadlockCause(index)).toBeNull();
  });
});
