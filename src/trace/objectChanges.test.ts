/**
 * What the narration says a step did to an object, on a real engine run of the objects program
 * (src/trace/fixtures/narrationTraces.ts): each change with the figures CPython's object held
 * after the step and the tasks it woke, first in line first.
 */
import { describe, expect, it } from 'vitest';
import { NARRATION_TRACES } from './fixtures/narrationTraces';
import { traceOf } from './fixtures/traceOf';
import { taskLabel } from './describe';
import { indexTrace } from './indexTrace';
import { narrate } from './narrate';

const fixture = NARRATION_TRACES.objects;
if (fixture === undefined) throw new Error('no objects fixture');
const index = indexTrace(traceOf(fixture.events, fixture.source, fixture.end));

/** Every object change of the run: step, the task that ran it, the change and who it woke. */
const changes = index.steps.flatMap((s) => {
  const n = narrate(index, { step: s.step });
  if (n.kind !== 'step') return [];
  const by = s.task === null ? null : taskLabel(index.tasks, s.task).label;
  return n.actions.flatMap((a) =>
    a.kind === 'changes-object' ? [{ by, object: a.object.name, change: a.change, woke: a.woke.map((t) => t.label) }] : [],
  );
});

describe('object changes in the narration', () => {
  it('a bounded queue: the items put and taken, its fill after, the getter or putter woken', () => {
    const queue = changes.filter((c) => c.object === 'queue');
    expect(queue.slice(0, 3)).toEqual([
      { by: 'main', object: 'queue', change: { kind: 'puts', items: ['0', '1'], count: 2, size: 2, capacity: 2 }, woke: ['consumer'] },
      { by: 'consumer', object: 'queue', change: { kind: 'gets', items: ['0'], count: 1, size: 1, capacity: 2 }, woke: ['main'] },
      { by: 'main', object: 'queue', change: { kind: 'puts', items: ['2'], count: 1, size: 2, capacity: 2 }, woke: [] },
    ]);
  });

  it('a semaphore: permits taken down to 0/2, then released to the first in line', () => {
    const limit = changes.filter((c) => c.object === 'limit');
    expect(limit.map((c) => [c.by, c.change.kind, 'value' in c.change ? c.change.value : null, c.woke])).toEqual([
      ['d0', 'takes-permit', 1, []],
      ['d1', 'takes-permit', 0, []],
      ['d0', 'releases-permit', 0, ['d2']],
      ['d1', 'releases-permit', 1, []],
      ['d2', 'releases-permit', 2, []],
    ]);
  });

  it('a lock passed on, an event set and cleared, a condition notified', () => {
    const said = changes.filter((c) => ['lock', 'ready', 'cond'].includes(c.object ?? '')).map((c) => [c.by, c.object, c.change.kind, c.woke]);
    expect(said).toEqual([
      ['w0', 'lock', 'acquires', []],
      ['main', 'ready', 'sets', ['e0', 'e1']],
      ['main', 'ready', 'clears', []],
      ['main', 'cond', 'notifies', ['e0', 'e1']],
      ['w0', 'lock', 'releases', ['w1']],
      ['w1', 'lock', 'acquires', []],
      ['w1', 'lock', 'releases', []],
    ]);
  });
});
