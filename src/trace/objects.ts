/**
 * objectsAt: each asyncio object's state (Lock, Semaphore, Event, Condition, Queue, Barrier,
 * Future, gather, TaskGroup, timeout) at a cursor, replayed from the engine's 'obj' and
 * 'objstate' events. How many of a gather's or TaskGroup's children are done comes from the
 * tasks' own ends (a child finishing is the task's event, not the group's).
 *
 * Each object keeps its own list of changes with a keyframe (a full state) every
 * KEYFRAME_EVERY changes, so a seek costs a binary search and at most that many small list
 * changes per object, however long the run: 1,000 tasks in line for one Semaphore stay cheap.
 */
import type {
  ListChange,
  Line,
  ObjectEvent,
  ObjectId,
  ObjectKind,
  ObjectStateEvent,
  TaskId,
} from '../protocol/trace';
import type { FutureState, ShieldInner, TaskGroupPhase, TimeoutState } from '../protocol/objects';
import { eventPosition } from './stateAt';
import type { Cursor, TraceIndex } from './types';

/** One object's state at a step: every field a kind has (the others keep their defaults). */
export interface ObjectState {
  readonly locked: boolean;
  readonly value: number;
  readonly set: boolean;
  /** Tasks holding it, a task once per permit it holds. */
  readonly holders: readonly TaskId[];
  /** Tasks waiting in line, the next to be woken first (for a Queue: in get()). */
  readonly waiters: readonly TaskId[];
  /** Woken by it (their future has its result), not run yet. */
  readonly woken: readonly TaskId[];
  /** How many more wait after the tasks `waiters` lists (it lists the first 32). */
  readonly waitersMore: number;
  /** Queue items, short reprs, in the order they come out (next first): the first 32. */
  readonly items: readonly string[];
  /** Queues: how many items it holds. */
  readonly size: number;
  /** Queues: tasks waiting in put() on a full queue, and in join(). */
  readonly putters: readonly TaskId[];
  readonly joiners: readonly TaskId[];
  readonly puttersMore: number;
  readonly joinersMore: number;
  readonly unfinished: number;
  /** Barrier: tasks in it, and its phase. */
  readonly count: number;
  readonly phase: 'filling' | 'draining' | 'resetting' | 'broken';
  /** Future, gather: pending, done or cancelled; once done, its result or exception (short). */
  readonly future: FutureState;
  readonly result: string | null;
  readonly error: string | null;
  /** Future, gather: its done callbacks' names, other than its awaiters' wakeups. */
  readonly callbacks: readonly string[];
  /** gather: its task children; TaskGroup: every child it has had (the first 32 of `childCount`). */
  readonly children: readonly TaskId[];
  readonly childCount: number;
  /**
   * How many children had finished at the cursor, over all `childCount` of them (not only the
   * listed ones): a gather's as the engine counted them (`nd`: CPython's `c.done()`), a
   * TaskGroup's as CPython counts them (`childCount` less those still in its `_tasks`, `running`).
   */
  readonly childrenDone: number;
  /** Those of `children` that had finished at the cursor. */
  readonly finishedChildren: readonly TaskId[];
  /** TaskGroup: its children still in `_tasks`, by task id (the first 32 of `runningCount`). */
  readonly running: readonly TaskId[];
  readonly runningCount: number;
  /** TaskGroup: its phase, whether it aborts (a child failed), `_parent_task`, errors so far. */
  readonly groupPhase: TaskGroupPhase;
  readonly aborting: boolean;
  readonly parent: TaskId | null;
  readonly errors: number;
  /** timeout: its state, its deadline on the loop's clock (null: none), the task it guards. */
  readonly timeout: TimeoutState;
  readonly deadline: number | null;
  readonly guarded: TaskId | null;
}

/** An object the program made, and its state at the cursor. */
export interface ObjectView {
  readonly id: ObjectId;
  readonly kind: ObjectKind;
  /** The learner's variable, or null: src/i18n then names it by kind and number (`Queue#1`). */
  readonly name: string | null;
  /** Its number among the objects of its kind, as the engine's `obj` labels count (Queue#1). */
  readonly ordinal: number;
  readonly line: Line | null;
  readonly by: TaskId | null;
  /** Semaphores: initial permits; queues: maxsize (0 unbounded); barriers: parties. */
  readonly capacity: number;
  /** Conditions on a recorded Lock: that lock. */
  readonly lock: ObjectId | null;
  /** gather(..., return_exceptions=True). */
  readonly returnExceptions: boolean;
  /** A timeout asyncio.wait_for made (false: asyncio.timeout / timeout_at). */
  readonly byWaitFor: boolean;
  /** shield()'s outer Future: what it shields. */
  readonly shield: ShieldInner | null;
  readonly state: ObjectState;
  /** True when the step the cursor is in changed this object. */
  readonly changed: boolean;
  /** The state before the cursor's step, to show what changed. */
  readonly before: ObjectState;
}

const KEYFRAME_EVERY = 32;

interface ObjectTimeline {
  readonly made: ObjectEvent;
  readonly madeAt: number;
  readonly ordinal: number;
  /** Event indices of its 'objstate' events, ascending. */
  readonly at: number[];
  readonly changes: ObjectStateEvent[];
  /** keyframes[k]: the state after changes[k * KEYFRAME_EVERY - 1] (keyframes[0]: new). */
  readonly keyframes: ObjectState[];
}

const timelines = new WeakMap<TraceIndex, readonly ObjectTimeline[]>();

/** The last few answers per index: a step asks from the views, the narration and the graph. */
const recent = new WeakMap<TraceIndex, { end: number; step: number; views: readonly ObjectView[] }[]>();
const RECENT = 4;

/** Each object the program had made by the cursor, in creation order, with its state there. */
export function objectsAt(index: TraceIndex, cursor: Cursor): readonly ObjectView[] {
  const end = eventPosition(index, cursor);
  let known = recent.get(index);
  if (known === undefined) recent.set(index, (known = []));
  const hit = known.find((k) => k.end === end && k.step === cursor.step);
  if (hit !== undefined) return hit.views;
  const views = computeObjectsAt(index, cursor, end);
  known.push({ end, step: cursor.step, views });
  if (known.length > RECENT) known.shift();
  return views;
}

function computeObjectsAt(index: TraceIndex, cursor: Cursor, end: number): readonly ObjectView[] {
  const step = index.steps[Math.min(cursor.step, index.steps.length) - 1];
  const stepStart = cursor.step <= 0 || step === undefined ? 0 : step.firstEvent;
  const out: ObjectView[] = [];
  for (const t of objectTimelines(index)) {
    if (t.madeAt >= end) break;
    const state = withChildrenDone(index, t.made.kind, comingOut(t.made.kind, stateOf(t, end)), cursor.step);
    const before = withChildrenDone(
      index,
      t.made.kind,
      comingOut(t.made.kind, t.madeAt >= stepStart ? newState(t.made) : stateOf(t, stepStart)),
      cursor.step - 1,
    );
    out.push({
      id: t.made.o,
      kind: t.made.kind,
      name: t.made.name ?? null,
      ordinal: t.ordinal,
      line: t.made.l,
      by: t.made.by,
      capacity: t.made.init ?? t.made.max ?? t.made.parties ?? 0,
      lock: t.made.lock ?? null,
      returnExceptions: t.made.rexc === true,
      byWaitFor: t.made.via === 'wait_for',
      shield: t.made.shield ?? null,
      state,
      before,
      changed:
        t.madeAt >= stepStart ||
        countBefore(t.at, end) > countBefore(t.at, stepStart) ||
        state.childrenDone !== before.childrenDone,
    });
  }
  return out;
}

/** A gather's or TaskGroup's children that had finished by the end of `step`. */
function withChildrenDone(index: TraceIndex, kind: ObjectKind, s: ObjectState, step: number): ObjectState {
  if (s.children.length === 0) return s;
  if (kind === 'TaskGroup') {
    const finishedChildren = s.children.filter((c) => !s.running.includes(c));
    return { ...s, childrenDone: s.childCount - s.runningCount, finishedChildren };
  }
  const finishedChildren = s.children.filter((c) => {
    const end = index.tasks[c - 1]?.end;
    return end !== undefined && end.step <= step;
  });
  // The engine's `nd` counts every child; a trace without it (recorded before it existed) has
  // only the listed ones, which `nd` never undercounts.
  return { ...s, childrenDone: Math.max(s.childrenDone, finishedChildren.length), finishedChildren };
}

/** The engine records items in storage order: a LifoQueue's last item comes out first. */
function comingOut(kind: ObjectKind, s: ObjectState): ObjectState {
  return kind === 'LifoQueue' && s.items.length > 1 ? { ...s, items: [...s.items].reverse() } : s;
}

/** How many objects the whole run made (the Objects view shows only when there are some). */
export function objectCount(index: TraceIndex): number {
  return objectTimelines(index).length;
}

function objectTimelines(index: TraceIndex): readonly ObjectTimeline[] {
  const cached = timelines.get(index);
  if (cached !== undefined) return cached;
  const byId = new Map<ObjectId, ObjectTimeline>();
  const ordinals = new Map<ObjectKind, number>();
  const list: ObjectTimeline[] = [];
  const events = index.trace.events;
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    if (e === undefined) continue;
    if (e.e === 'obj') {
      const ordinal = (ordinals.get(e.kind) ?? 0) + 1;
      ordinals.set(e.kind, ordinal);
      const t: ObjectTimeline = { made: e, madeAt: i, ordinal, at: [], changes: [], keyframes: [newState(e)] };
      byId.set(e.o, t);
      list.push(t);
    } else if (e.e === 'objstate') {
      const t = byId.get(e.o);
      if (t === undefined) continue;
      t.at.push(i);
      t.changes.push(e);
      if (t.changes.length % KEYFRAME_EVERY === 0) {
        const last = t.keyframes[t.keyframes.length - 1] as ObjectState;
        t.keyframes.push(applyChanges(last, t.changes, t.changes.length - KEYFRAME_EVERY, t.changes.length));
      }
    }
  }
  timelines.set(index, list);
  return list;
}

/** Its state after every change before event `end`. */
function stateOf(t: ObjectTimeline, end: number): ObjectState {
  const n = countBefore(t.at, end);
  const k = Math.floor(n / KEYFRAME_EVERY);
  return applyChanges(t.keyframes[k] as ObjectState, t.changes, k * KEYFRAME_EVERY, n);
}

function countBefore(sorted: readonly number[], end: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < end) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function newState(made: ObjectEvent): ObjectState {
  return {
    locked: false,
    value: made.init ?? 0,
    set: false,
    holders: [],
    waiters: [],
    waitersMore: 0,
    woken: [],
    items: [],
    size: 0,
    putters: [],
    joiners: [],
    puttersMore: 0,
    joinersMore: 0,
    unfinished: 0,
    count: 0,
    phase: 'filling',
    future: 'pending',
    result: null,
    error: null,
    callbacks: [],
    children: [],
    childCount: 0,
    childrenDone: 0,
    finishedChildren: [],
    running: [],
    runningCount: 0,
    groupPhase: 'new',
    aborting: false,
    parent: null,
    errors: 0,
    timeout: 'created',
    deadline: null,
    guarded: null,
  };
}

function applyChanges(
  from: ObjectState,
  changes: readonly ObjectStateEvent[],
  first: number,
  end: number,
): ObjectState {
  let s = from;
  for (let i = first; i < end; i++) {
    const c = changes[i];
    if (c !== undefined) s = applyChange(s, c);
  }
  return s;
}

function applyChange(s: ObjectState, c: ObjectStateEvent): ObjectState {
  return {
    locked: c.locked ?? s.locked,
    value: c.v ?? s.value,
    set: c.set ?? s.set,
    holders: applyList(s.holders, c.hold),
    // A Queue's line is its getters; every other kind has one line, `wait`.
    waiters: applyList(s.waiters, c.wait ?? c.get),
    waitersMore: c.wn ?? c.gn ?? s.waitersMore,
    woken: applyList(s.woken, c.woke),
    items: applyList(s.items, c.items),
    size: c.size ?? s.size,
    putters: applyList(s.putters, c.put),
    joiners: applyList(s.joiners, c.join),
    puttersMore: c.pn ?? s.puttersMore,
    joinersMore: c.jn ?? s.joinersMore,
    unfinished: c.unf ?? s.unfinished,
    count: c.n ?? s.count,
    phase: c.phase ?? s.phase,
    future: c.fut ?? s.future,
    result: c.res ?? s.result,
    error: c.exc ?? s.error,
    callbacks: applyList(s.callbacks, c.cbs),
    children: applyList(s.children, c.kids),
    childCount: c.nk ?? s.childCount,
    childrenDone: c.nd ?? s.childrenDone,
    finishedChildren: s.finishedChildren,
    running: applyList(s.running, c.pend),
    runningCount: c.np ?? s.runningCount,
    groupPhase: c.tg ?? s.groupPhase,
    aborting: c.abort ?? s.aborting,
    parent: c.parent ?? s.parent,
    errors: c.errs ?? s.errors,
    timeout: c.tmo ?? s.timeout,
    deadline: c.when === undefined ? s.deadline : c.when,
    guarded: c.task ?? s.guarded,
  };
}

export function applyList<T>(list: readonly T[], change: ListChange<T> | undefined): readonly T[] {
  if (change === undefined) return list;
  if (Array.isArray(change)) return change as readonly T[];
  const c = change as Exclude<ListChange<T>, readonly T[]>;
  const kept = list.slice(c.d ?? 0, list.length - (c.b ?? 0));
  return c.a === undefined ? kept : kept.concat(c.a);
}
