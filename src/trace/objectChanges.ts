/**
 * What a step did to the asyncio objects, as narration actions: "puts 4 into `queue` (2/2
 * full): `consumer` wakes", "takes a permit of `limit` (1/2 left)", "releases `lock`: `w1` is
 * next", "sets `ready`", "notifies `cond`". Read from the objects' states before and after the
 * step (the engine records each object's state once per step that changed it, from CPython's
 * own object), so what is said is what CPython's objects held, not what the code looks like.
 */
import type { ObjectKind, TaskId } from '../protocol/trace';
import { taskLabel } from './describe';
import type { Action, ObjectChange, ObjectRef, TaskRef } from './narration';
import { objectsAt, type ObjectState, type ObjectView } from './objects';
import type { StepInfo, TraceIndex } from './types';

/** Woken tasks and queue items listed up to this many; more are counted. */
const LISTED = 3;

const isQueue = (kind: ObjectKind): boolean => kind === 'Queue' || kind === 'PriorityQueue' || kind === 'LifoQueue';

/** The step's changes to each object it changed, in creation order. */
export function objectActions(index: TraceIndex, step: StepInfo): Action[] {
  const said: Action[] = [];
  const ref = (id: TaskId): TaskRef => ({ id, ...taskLabel(index.tasks, id) });
  for (const o of objectsAt(index, { step: step.step })) {
    if (!o.changed) continue;
    const woken = wokenBy(o, step.task);
    const object: ObjectRef = { name: o.name, type: o.kind, ordinal: o.ordinal };
    const woke = woken.slice(0, LISTED).map(ref);
    const more = Math.max(0, woken.length - LISTED);
    const change = changeOf(o, step.task);
    if (change !== null) said.push({ kind: 'changes-object', object, change, woke, more });
    else if (woken.length > 0) said.push({ kind: 'wakes-waiters', object, tasks: woke, more });
  }
  return said;
}

/**
 * The tasks this step woke from the object's lines: their future got its result (a lock,
 * semaphore, event, condition, barrier); a queue's getters and putters are taken out of its
 * line by the step instead. Never the step's own task.
 */
function wokenBy(o: ObjectView, task: TaskId | null): TaskId[] {
  const { state: s, before: b } = o;
  if (isQueue(o.kind)) return [...b.waiters, ...b.putters].filter((t) => t !== task && !s.waiters.includes(t) && !s.putters.includes(t));
  return s.woken.filter((t) => t !== task && !b.woken.includes(t));
}

/** How many times `task` is in `list` (a Semaphore's holder once per permit). */
const count = (list: readonly TaskId[], task: TaskId | null): number => list.filter((t) => t === task).length;

function changeOf(o: ObjectView, task: TaskId | null): ObjectChange | null {
  const { state: s, before: b } = o;
  const gained = count(s.holders, task) - count(b.holders, task);
  switch (o.kind) {
    case 'Queue':
    case 'PriorityQueue':
    case 'LifoQueue':
      return queueChange(o.kind, s, b, o.capacity);
    case 'Semaphore':
    case 'BoundedSemaphore':
      if (task === null || gained === 0) return null;
      return { kind: gained > 0 ? 'takes-permit' : 'releases-permit', value: s.value, capacity: o.capacity };
    case 'Lock':
      if (task === null || gained === 0) return null;
      return { kind: gained > 0 ? 'acquires' : 'releases' };
    case 'Condition': {
      // notify() and notify_all() inside `async with cond:`: the lock is taken and let go in the
      // same step, and what is left to say is who was woken.
      if (s.woken.some((t) => !b.woken.includes(t)) && s.waiters.length < b.waiters.length) return { kind: 'notifies' };
      if (task === null || gained === 0) return null;
      return { kind: gained > 0 ? 'acquires' : 'releases' };
    }
    case 'Event':
      return s.set === b.set ? null : { kind: s.set ? 'sets' : 'clears' };
    case 'Barrier':
      return null;
    // A Future's result, a gather's or TaskGroup's children and a deadline are told by the
    // narration's own actions (a task ends, a waiter wakes, a timeout fires), not as a change.
    case 'Future':
    case 'gather':
    case 'TaskGroup':
    case 'timeout':
      return null;
  }
}

/**
 * Items in or out: put() and get() in one step are rare enough to be said by their net effect.
 * The items named are the ones that went in (at the back of a Queue, at the front of a
 * LifoQueue's coming-out order) or came out (at the front); a PriorityQueue's new ones are
 * wherever they sort, so they are counted, not named.
 */
function queueChange(kind: ObjectKind, s: ObjectState, b: ObjectState, capacity: number): ObjectChange | null {
  const delta = s.size - b.size;
  if (delta === 0) return null;
  const n = Math.abs(delta);
  const whole = (st: ObjectState): boolean => st.items.length === st.size;
  const named =
    delta < 0
      ? whole(b) ? b.items.slice(0, n) : []
      : kind === 'PriorityQueue' || !whole(s)
        ? []
        : kind === 'LifoQueue'
          ? s.items.slice(0, n).reverse()
          : s.items.slice(s.items.length - n);
  const items = named.length === n && n <= LISTED ? named : [];
  return { kind: delta > 0 ? 'puts' : 'gets', items, count: n, size: s.size, capacity };
}
