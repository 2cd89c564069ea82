/**
 * Real traces from the engine (src/trace/fixtures/engineTraces.ts), so the derived views are
 * held to what CPython's asyncio really records, not only to hand-written fixtures.
 */
import { describe, expect, it } from 'vitest';
import { narrationText } from '../i18n/narration';
import type { Trace } from '../protocol/trace';
import { cancellations } from './cancellations';
import { SHIELD_TRACE, TASKGROUP_FAILURE_TRACE } from './fixtures/engineTraces';
import { indexTrace } from './indexTrace';
import { taskLanes } from './lanes';
import { narrate } from './narrate';
import { stateAfterEvents, stateAt } from './stateAt';

describe.each([
  ['shield.py', SHIELD_TRACE],
  ['taskgroup-failure.py', TASKGROUP_FAILURE_TRACE],
] as const)('%s, as the engine recorded it', (_name, trace: Trace) => {
  const index = indexTrace(trace);

  it('every step runs the head of the ready queue (after the loop skipped cancelled handles)', () => {
    for (const step of index.steps) {
      // The state just before the step's `run`: the iteration and its skips already applied.
      const beforeRun = stateAfterEvents(index, step.firstEvent);
      expect([step.step, beforeRun.readyQueue.find((r) => !r.cancelled)?.h]).toEqual([step.step, step.handle]);
    }
  });

  it('ends with nothing queued and every task finished as the trace says', () => {
    const end = stateAt(index, { step: index.steps.length });
    expect(end.readyQueue).toEqual([]);
    expect(end.timerHeap).toEqual([]);
    const expected = index.tasks.map((t) =>
      t.end?.outcome === 'result' ? 'done' : t.end?.outcome === 'exception' ? 'failed' : 'cancelled',
    );
    expect(end.tasks.map((t) => t.state)).toEqual(expected);
    expect(taskLanes(index).map((l) => l.segments.at(-1)?.state)).toEqual(expected);
  });
});

describe('shield.py', () => {
  const index = indexTrace(SHIELD_TRACE);

  it('wait_for converts its cancellations into TimeoutError; the unshielded task is cancelled through its awaiter', () => {
    expect(cancellations(index).map((c) => [c.target, c.via, c.cause, c.outcome])).toEqual([
      [1, 'wait_for', undefined, 'converted'],
      [1, 'wait_for', undefined, 'converted'],
      [3, 'awaiter', 1, 'propagated'],
    ]);
  });

  it('narrates the timeout and its conversion', () => {
    const sentences = index.steps.map((s) => narrationText(narrate(index, { step: s.step }), 'en'));
    expect(sentences).toContain(
      'The clock jumps to t = 0.500 s, then the wait_for deadline of `main` passes and the task is cancelled',
    );
    expect(sentences).toContain(
      '`main` is cancelled at line 17: CancelledError delivered and turned into TimeoutError by wait_for; then it suspends at line 20 awaiting Task-2',
    );
  });
});

describe('taskgroup-failure.py', () => {
  const index = indexTrace(TASKGROUP_FAILURE_TRACE);

  it('the failing child makes the group cancel its sibling and its parent', () => {
    expect(cancellations(index).map((c) => [c.target, c.via, c.cause, c.outcome])).toEqual([
      [4, 'TaskGroup', 3, 'propagated'],
      // main catches the ExceptionGroup with except* and carries on
      [1, 'TaskGroup', 3, 'swallowed'],
    ]);
  });

  it('narrates asyncio.run shutting down without crediting its tasks to the done callback', () => {
    const last = narrationText(narrate(index, { step: index.steps.length }), 'en');
    expect(last).toBe("The loop runs asyncio's internal callback `_run_until_complete_cb(<Task Task-6>)`");
    const shutdown = index.steps.find((s) => s.task !== null && index.tasks[s.task - 1]?.internal === true);
    expect(shutdown).toBeDefined();
  });
});
