/**
 * Breakpoints over a recorded run: where a line breakpoint or an event breakpoint is hit, and
 * the next or previous hit from any cursor (a debugger's Continue, and rr's reverse-continue:
 * the run is recorded, so going back is as cheap as going forward).
 *
 * Facts only: a hit says which breakpoints it is and what happened (tasks by id and label);
 * src/i18n/breakpoints.ts words them.
 *
 * Where a hit stops:
 * - a line breakpoint: at that line, each time it runs (the cursor `{ step, line }` of its line
 *   event), as a debugger stops before the line's effects show in the next one;
 * - an event inside a step (a task created, finished or failed, a cancel requested): at the first
 *   cursor whose state shows it, the next line of that step or else the step's end;
 * - a step that is the event (a timer fires, a CancelledError is delivered, a given task runs,
 *   virtual time reaches t): at the step's first line, or its end when it runs none of the
 *   learner's lines.
 */
import type { Line, Seconds, TaskId } from '../protocol/trace';
import { assertNever } from '../protocol/assertNever';
import { lineEventsOf } from './indexTrace';
import { eventPosition } from './stateAt';
import { stepOfEvent } from './cursor';
import { describeTarget, taskLabel } from './describe';
import type { HandleLabel, TaskRef } from './narration';
import type { Cursor, StepInfo, TraceIndex } from './types';

/** A breakpoint on something the loop does, rather than on a line. */
export type EventBreakpoint =
  /** A task of the program is created (asyncio's own tasks are left out). */
  | { readonly kind: 'task-created' }
  /** A task returns (its outcome is a result). */
  | { readonly kind: 'task-finished' }
  /** A task ends with an exception. */
  | { readonly kind: 'task-failed' }
  /** Somebody calls Task.cancel() (the pass-down to what the task awaits is part of that one). */
  | { readonly kind: 'cancel-requested' }
  /** A step resumes a task by throwing CancelledError into it. */
  | { readonly kind: 'cancelled-error' }
  /** A timer handle runs: a sleep ends, a timeout's deadline passes, a call_later callback, a response arrives. */
  | { readonly kind: 'timer-fires' }
  /** The first step at virtual time `t` or later (again after a new event loop restarts the clock). */
  | { readonly kind: 'time-reached'; readonly t: Seconds }
  /** Every step of the tasks with this asyncio name (names survive edits better than ids). */
  | { readonly kind: 'task-runs'; readonly task: string };

export type EventBreakpointKind = EventBreakpoint['kind'];

/** The kinds an event breakpoint can have, in the order the panel lists them. */
export const EVENT_BREAKPOINT_KINDS: readonly EventBreakpointKind[] = [
  'task-created',
  'task-finished',
  'task-failed',
  'cancel-requested',
  'cancelled-error',
  'timer-fires',
  'time-reached',
  'task-runs',
];

/** The breakpoints set: lines (1-based, of the program) and events. */
export interface Breakpoints {
  readonly lines: readonly Line[];
  readonly events: readonly EventBreakpoint[];
}

/** Why a hit stopped: the breakpoint, with the facts of what happened there. */
export type HitReason =
  | { readonly kind: 'line'; readonly line: Line }
  | { readonly kind: 'task-created'; readonly task: TaskRef; readonly line: Line | null }
  | { readonly kind: 'task-finished'; readonly task: TaskRef; readonly value: string | null }
  | { readonly kind: 'task-failed'; readonly task: TaskRef; readonly exc: string | null }
  | { readonly kind: 'cancel-requested'; readonly task: TaskRef; readonly by: TaskRef | null; readonly line: Line | null }
  | { readonly kind: 'cancelled-error'; readonly task: TaskRef }
  | { readonly kind: 'timer-fires'; readonly timer: HandleLabel; readonly t: Seconds }
  | { readonly kind: 'time-reached'; readonly t: Seconds; readonly at: Seconds }
  | { readonly kind: 'task-runs'; readonly task: TaskRef };

/** One place the run stops at: a cursor and every breakpoint that holds there. */
export interface BreakpointHit {
  readonly cursor: Cursor;
  /** The hit's place in the run, for ordering: cursors in trace order have increasing keys. */
  readonly order: number;
  /** The breakpoint's step (a line hit's step, or the step the event happened in). */
  readonly step: number;
  readonly reasons: readonly HitReason[];
}

/** Every hit of the breakpoints in the run, in the order the run reaches them. */
export function breakpointHits(index: TraceIndex, breakpoints: Breakpoints): readonly BreakpointHit[] {
  const found = new Map<number, { cursor: Cursor; step: number; reasons: HitReason[] }>();
  const add = (cursor: Cursor, reason: HitReason): void => {
    const key = orderOf(index, cursor);
    const hit = found.get(key);
    if (hit === undefined) found.set(key, { cursor, step: cursor.step, reasons: [reason] });
    else hit.reasons.push(reason);
  };
  addLineHits(index, breakpoints.lines, add);
  for (const bp of dedupeEvents(breakpoints.events)) addEventHits(index, bp, add);
  return [...found.entries()].sort(([a], [b]) => a - b).map(([order, hit]) => ({ ...hit, order }));
}

/** The first hit after `cursor`, or null when the run reaches none. */
export function nextHit(index: TraceIndex, breakpoints: Breakpoints, cursor: Cursor): BreakpointHit | null {
  const at = orderOf(index, cursor);
  return breakpointHits(index, breakpoints).find((hit) => hit.order > at) ?? null;
}

/** The last hit before `cursor`, or null when none comes before it. */
export function previousHit(index: TraceIndex, breakpoints: Breakpoints, cursor: Cursor): BreakpointHit | null {
  const at = orderOf(index, cursor);
  const before = breakpointHits(index, breakpoints).filter((hit) => hit.order < at);
  return before[before.length - 1] ?? null;
}

/**
 * A cursor's place in the run: the events it covers, twice, plus one for a step's end, so a
 * step's end sorts after a last line that covers as many events.
 */
function orderOf(index: TraceIndex, cursor: Cursor): number {
  const position = eventPosition(index, cursor);
  return position * 2 + (cursor.line === undefined ? 1 : 0);
}

type AddHit = (cursor: Cursor, reason: HitReason) => void;

function addLineHits(index: TraceIndex, lines: readonly Line[], add: AddHit): void {
  if (lines.length === 0) return;
  const wanted = new Set(lines);
  const events = index.trace.events;
  for (let step = 0; step <= index.steps.length; step++) {
    const lineEvents = lineEventsOf(index, step);
    for (let j = 0; j < lineEvents.length; j++) {
      const e = events[lineEvents[j] as number];
      if (e !== undefined && e.e === 'line' && wanted.has(e.l)) add({ step, line: j }, { kind: 'line', line: e.l });
    }
  }
}

function addEventHits(index: TraceIndex, bp: EventBreakpoint, add: AddHit): void {
  const ref = (id: TaskId): TaskRef => ({ id, ...taskLabel(index.tasks, id) });
  const ownTask = (id: TaskId): boolean => index.tasks[id - 1]?.internal === false;
  switch (bp.kind) {
    case 'task-created':
    case 'task-finished':
    case 'task-failed':
    case 'cancel-requested':
      eachEvent(index, (e, i) => {
        if (bp.kind === 'task-created' && e.e === 'task' && e.internal !== true) {
          add(cursorAfterEvent(index, i), { kind: 'task-created', task: ref(e.id), line: e.l });
        } else if (bp.kind === 'task-finished' && e.e === 'done' && e.outcome === 'result' && ownTask(e.task)) {
          add(cursorAfterEvent(index, i), { kind: 'task-finished', task: ref(e.task), value: e.value ?? null });
        } else if (bp.kind === 'task-failed' && e.e === 'done' && e.outcome === 'exception' && ownTask(e.task)) {
          add(cursorAfterEvent(index, i), { kind: 'task-failed', task: ref(e.task), exc: e.exc ?? null });
        } else if (bp.kind === 'cancel-requested' && e.e === 'cancel' && e.via !== 'awaiter') {
          add(cursorAfterEvent(index, i), { kind: 'cancel-requested', task: ref(e.task), by: e.by === null ? null : ref(e.by), line: e.l });
        }
      });
      return;
    case 'cancelled-error':
      eachStep(index, (step) => {
        if (step.delivered === 'CancelledError' && step.task !== null) add(firstCursorOf(index, step.step), { kind: 'cancelled-error', task: ref(step.task) });
      });
      return;
    case 'timer-fires': {
      const timers = timerHandles(index);
      eachStep(index, (step) => {
        if (timers.has(step.handle)) {
          add(firstCursorOf(index, step.step), { kind: 'timer-fires', timer: describeTarget(step.target, index.tasks), t: step.t });
        }
      });
      return;
    }
    case 'time-reached': {
      let before: Seconds = -Infinity;
      eachStep(index, (step) => {
        if (step.t >= bp.t && before < bp.t) add(firstCursorOf(index, step.step), { kind: 'time-reached', t: bp.t, at: step.t });
        before = step.t;
      });
      return;
    }
    case 'task-runs': {
      const ids = new Set(index.tasks.filter((t) => t.name === bp.task).map((t) => t.id));
      eachStep(index, (step) => {
        if (step.task !== null && ids.has(step.task)) add(firstCursorOf(index, step.step), { kind: 'task-runs', task: ref(step.task) });
      });
      return;
    }
    default:
      assertNever(bp);
  }
}

function eachEvent(index: TraceIndex, visit: (e: NonNullable<TraceIndex['trace']['events'][number]>, i: number) => void): void {
  const events = index.trace.events;
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    if (e !== undefined) visit(e, i);
  }
}

function eachStep(index: TraceIndex, visit: (step: StepInfo) => void): void {
  for (const step of index.steps) visit(step);
}

/** The handles that were timers (scheduled with a deadline). */
function timerHandles(index: TraceIndex): ReadonlySet<number> {
  const timers = new Set<number>();
  eachEvent(index, (e) => {
    if (e.e === 'sched' && e.when !== undefined) timers.add(e.h);
  });
  return timers;
}

/** The first cursor whose state includes event `eventIndex`: the next line of its step, else the step's end. */
export function cursorAfterEvent(index: TraceIndex, eventIndex: number): Cursor {
  const step = stepOfEvent(index, eventIndex);
  const lines = lineEventsOf(index, step);
  // A line cursor covers the events up to its line event: the first line after the event shows it.
  const line = lines.findIndex((lineEvent) => lineEvent > eventIndex);
  return line >= 0 ? { step, line } : { step };
}

/** A step's first line, or its end when it ran none of the learner's lines. */
function firstCursorOf(index: TraceIndex, step: number): Cursor {
  return lineEventsOf(index, step).length > 0 ? { step, line: 0 } : { step };
}

/** The same breakpoint set twice stops once. */
function dedupeEvents(events: readonly EventBreakpoint[]): readonly EventBreakpoint[] {
  const seen = new Set<string>();
  return events.filter((bp) => {
    const key = eventBreakpointKey(bp);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** One string per distinct event breakpoint: the same breakpoint gives the same key. */
export function eventBreakpointKey(bp: EventBreakpoint): string {
  switch (bp.kind) {
    case 'time-reached':
      return `${bp.kind}:${bp.t}`;
    case 'task-runs':
      return `${bp.kind}:${bp.task}`;
    default:
      return bp.kind;
  }
}
