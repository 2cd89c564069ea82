/**
 * Breakpoint hits on two traces the real engine recorded (a TaskGroup whose child fails, and
 * shield under wait_for): each event kind found where the trace's own events say, and next /
 * previous hit from every cursor checked against a walk over every cursor in order.
 */
import { describe, expect, it } from 'vitest';
import { breakpointHits, nextHit, previousHit, type Breakpoints, type EventBreakpoint } from './breakpoints';
import { SHIELD_TRACE, TASKGROUP_FAILURE_TRACE } from './fixtures/engineTraces';
import { indexTrace, lineEventsOf } from './indexTrace';
import { stateAt } from './stateAt';
import type { Cursor, TraceIndex } from './types';

const taskGroup = indexTrace(TASKGROUP_FAILURE_TRACE);
const shield = indexTrace(SHIELD_TRACE);

/** Every cursor of a run in order: each step's lines, then its end. */
function allCursors(index: TraceIndex): Cursor[] {
  const out: Cursor[] = [];
  for (let step = 0; step <= index.steps.length; step++) {
    lineEventsOf(index, step).forEach((_, line) => out.push({ step, line }));
    out.push({ step });
  }
  return out;
}

const same = (a: Cursor, b: Cursor) => a.step === b.step && a.line === b.line;
const only = (...events: EventBreakpoint[]): Breakpoints => ({ lines: [], events });

describe('event breakpoints', () => {
  it('stops once where a task fails, at the first cursor that shows it failed', () => {
    const hits = breakpointHits(taskGroup, only({ kind: 'task-failed' }));
    expect(hits).toHaveLength(1);
    const hit = hits[0]!;
    expect(hit.reasons).toEqual([{ kind: 'task-failed', task: { id: 3, label: 'upload', which: 'Task-3' }, exc: 'ValueError: part 2 is corrupt' }]);
    expect(stateAt(taskGroup, hit.cursor).tasks[2]?.state).toBe('failed');
    // The cursor before it still shows the task alive: the hit is the first place it shows.
    const cursors = allCursors(taskGroup);
    const before = cursors[cursors.findIndex((c) => same(c, hit.cursor)) - 1]!;
    expect(stateAt(taskGroup, before).tasks[2]?.state).not.toBe('failed');
    expect(breakpointHits(shield, only({ kind: 'task-failed' }))).toEqual([]);
  });

  it('stops at every task the program creates, not asyncio’s own, with the task in the state there', () => {
    const hits = breakpointHits(taskGroup, only({ kind: 'task-created' }));
    const created = taskGroup.tasks.filter((t) => !t.internal).map((t) => t.id);
    expect(hits.flatMap((h) => h.reasons.map((r) => (r.kind === 'task-created' ? r.task.id : -1)))).toEqual(created);
    for (const hit of hits) {
      const reason = hit.reasons[0]!;
      if (reason.kind !== 'task-created') throw new Error(reason.kind);
      expect(stateAt(taskGroup, hit.cursor).tasks.length).toBeGreaterThanOrEqual(reason.task.id);
    }
    expect(hits.map((h) => h.reasons[0]?.kind === 'task-created' && h.reasons[0].line)).toEqual([31, 20, 21, 22]);
  });

  it('stops where a task returns, and only at its own tasks', () => {
    const hits = breakpointHits(shield, only({ kind: 'task-finished' }));
    expect(hits.map((h) => (h.reasons[0]?.kind === 'task-finished' ? [h.reasons[0].task.label, h.reasons[0].value] : null))).toEqual([
      ['save_order', "'ok'"],
      ['main', 'None'],
    ]);
  });

  it('stops where a cancel is requested, naming every task of that step (not the pass-down to awaited ones)', () => {
    const hits = breakpointHits(taskGroup, only({ kind: 'cancel-requested' }));
    expect(hits).toHaveLength(1);
    expect(hits[0]!.reasons.map((r) => (r.kind === 'cancel-requested' ? r.task.id : -1))).toEqual([4, 1]);
    const shieldCancels = SHIELD_TRACE.events.filter((e) => e.e === 'cancel' && e.via !== 'awaiter').length;
    expect(breakpointHits(shield, only({ kind: 'cancel-requested' })).flatMap((h) => h.reasons)).toHaveLength(shieldCancels);
  });

  it('stops at each step that throws CancelledError into a task, at its first line', () => {
    const delivered = shield.steps.filter((s) => s.delivered === 'CancelledError').map((s) => s.step);
    const hits = breakpointHits(shield, only({ kind: 'cancelled-error' }));
    expect(hits.map((h) => h.step)).toEqual(delivered);
    expect(hits[0]!.cursor).toEqual({ step: 5, line: 0 });
  });

  it('stops at each timer that fires: sleeps and deadlines, not plain call_soon callbacks', () => {
    const hits = breakpointHits(shield, only({ kind: 'timer-fires' }));
    expect(hits.map((h) => h.step)).toEqual([3, 6, 12]);
    expect(hits.map((h) => (h.reasons[0]?.kind === 'timer-fires' ? h.reasons[0].timer.kind : null))).toEqual(['timeout', 'sleep', 'timeout']);
  });

  it('stops once when virtual time reaches t, at the first step at or after it', () => {
    const hits = breakpointHits(shield, only({ kind: 'time-reached', t: 1 }));
    expect(hits).toHaveLength(1);
    expect(hits[0]!.reasons).toEqual([{ kind: 'time-reached', t: 1, at: 1.5 }]);
    expect(shield.steps[hits[0]!.step - 2]!.t).toBeLessThan(1);
    expect(breakpointHits(shield, only({ kind: 'time-reached', t: 99 }))).toEqual([]);
  });

  it('stops at every step of the task named', () => {
    const hits = breakpointHits(taskGroup, only({ kind: 'task-runs', task: 'Task-4' }));
    expect(hits.map((h) => h.step)).toEqual(taskGroup.steps.filter((s) => s.task === 4).map((s) => s.step));
    expect(hits.length).toBeGreaterThan(1);
    expect(breakpointHits(taskGroup, only({ kind: 'task-runs', task: 'no such task' }))).toEqual([]);
  });
});

describe('line breakpoints and moving between hits', () => {
  it('stops at a line each time it runs', () => {
    // Line 6 prints "part N: uploading": once per upload task.
    const hits = breakpointHits(taskGroup, { lines: [6], events: [] });
    expect(hits.map((h) => h.cursor)).toEqual([
      { step: 2, line: 0 },
      { step: 3, line: 0 },
      { step: 4, line: 0 },
    ]);
    expect(breakpointHits(taskGroup, { lines: [3], events: [] })).toEqual([]); // a blank line never runs
  });

  it('merges breakpoints that hold at one cursor into one hit', () => {
    const hits = breakpointHits(shield, { lines: [], events: [{ kind: 'timer-fires' }, { kind: 'cancel-requested' }, { kind: 'timer-fires' }] });
    expect(hits.find((h) => h.step === 3)?.reasons.map((r) => r.kind)).toEqual(['timer-fires', 'cancel-requested']);
  });

  for (const [name, index] of [
    ['TaskGroup failure', taskGroup],
    ['shield', shield],
  ] as const) {
    it(`finds the next and the previous hit from every cursor of the ${name} run`, () => {
      const bps: Breakpoints = { lines: [6, 14], events: [{ kind: 'task-finished' }, { kind: 'timer-fires' }] };
      const cursors = allCursors(index);
      const hits = breakpointHits(index, bps);
      const isHit = (c: Cursor) => hits.some((h) => same(h.cursor, c));
      expect(hits.length).toBeGreaterThan(3);
      cursors.forEach((cursor, i) => {
        const forward = cursors.slice(i + 1).find(isHit) ?? null;
        const backward = cursors.slice(0, i).reverse().find(isHit) ?? null;
        expect(nextHit(index, bps, cursor)?.cursor ?? null, JSON.stringify(cursor)).toEqual(forward);
        expect(previousHit(index, bps, cursor)?.cursor ?? null, JSON.stringify(cursor)).toEqual(backward);
      });
    });
  }

  it('finds no hit past the last one, nor before the first, nor with no breakpoints', () => {
    const bps = only({ kind: 'task-failed' });
    expect(nextHit(taskGroup, bps, { step: taskGroup.steps.length })).toBeNull();
    expect(previousHit(taskGroup, bps, { step: 9 })).toBeNull();
    expect(nextHit(taskGroup, { lines: [], events: [] }, { step: 0 })).toBeNull();
  });
});
