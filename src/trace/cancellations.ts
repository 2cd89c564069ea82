/**
 * cancellations: every Task.cancel() request, where its CancelledError landed, and how the
 * story ended.
 *
 * Delivery: a request on a task that was not waiting (not started yet, ready, or running — the
 * task cancelled itself) sets _must_cancel, so the task's very next step throws CancelledError
 * into it. A request on a waiting task cancels what it awaits, and lands at the next step only
 * if that step resumes with CancelledError (`run.x`); otherwise what it awaited absorbed the
 * cancellation (a child task that caught it) and the task simply went on. Requests made before
 * one delivery share it.
 *
 * Outcome, from the delivery on: an `uncancel` by asyncio.timeout / wait_for converted it into
 * TimeoutError; otherwise how the task ends says it: ending cancelled propagated it (even after
 * awaiting some cleanup on the way, as `except CancelledError: await cleanup(); raise` does),
 * returning swallowed it, another exception raised something else. A task that is cancelled
 * again later evidently went on: the earlier request was swallowed. When the run ends first, a
 * task that suspended again after the delivery swallowed it (so far), else it is pending.
 */
import type { Line, TaskId } from '../protocol/trace';
import { assertNever } from '../protocol/assertNever';
import { taskOfHandle } from './taskStates';
import { TaskWalk } from './taskWalk';
import type { Cancellation, CancellationOutcome, TraceIndex } from './types';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Draft = Mutable<Cancellation>;

interface Request {
  readonly draft: Draft;
  /** The task was not waiting when asked: its next step throws CancelledError for sure. */
  readonly mustCancel: boolean;
}

const cache = new WeakMap<TraceIndex, readonly Cancellation[]>();

export function cancellations(index: TraceIndex): readonly Cancellation[] {
  let list = cache.get(index);
  if (list === undefined) {
    list = buildCancellations(index);
    cache.set(index, list);
  }
  return list;
}

function buildCancellations(index: TraceIndex): readonly Cancellation[] {
  const walk = new TaskWalk(index);
  const all: Draft[] = [];
  const requested = new Map<TaskId, Request[]>(); // asked, not delivered yet
  const inFlight = new Map<TaskId, Draft[]>(); // delivered, outcome still open
  const started = new Set<TaskId>();
  const wentOn = new Map<TaskId, number>(); // step it suspended again after a delivery still in flight

  const settle = (drafts: readonly Draft[], outcome: CancellationOutcome, step: number): void => {
    for (const d of drafts) {
      d.outcome = outcome;
      d.endStep = step;
    }
  };
  const settleInFlight = (task: TaskId, outcome: CancellationOutcome, step: number): void => {
    const drafts = inFlight.get(task);
    if (drafts === undefined) return;
    settle(drafts, outcome, step);
    inFlight.delete(task);
    wentOn.delete(task);
  };

  index.trace.events.forEach((e, i) => {
    const step = walk.stepOf(e);
    const t = walk.t;
    switch (e.e) {
      case 'cancel': {
        const prev = walk.snapshot(e.task);
        const draft: Draft = {
          event: i,
          target: e.task,
          by: e.by,
          via: e.via,
          line: e.l,
          requestStep: step,
          requestT: t,
          outcome: 'pending',
          ...(e.msg !== undefined ? { msg: e.msg } : {}),
          ...(e.cause !== undefined ? { cause: e.cause } : {}),
        };
        all.push(draft);
        const mustCancel = !started.has(e.task) || prev === undefined || prev.state !== 'waiting';
        pushTo(requested, e.task, { draft, mustCancel });
        break;
      }
      case 'run': {
        const task = taskOfHandle(walk.handles, e.h);
        if (task === null) break;
        const asked = requested.get(task);
        if (asked !== undefined) {
          requested.delete(task);
          const drafts = asked.map((r) => r.draft);
          if (e.x === 'CancelledError' || asked.some((r) => r.mustCancel)) {
            // A task still alive to receive another CancelledError survived the earlier one.
            settleInFlight(task, 'swallowed', step);
            const line: Line | null = started.has(task) ? (walk.snapshot(task)?.line ?? null) : null;
            const delivered = { step, t, line };
            for (const d of drafts) d.delivered = delivered;
            pushTo(inFlight, task, ...drafts);
          } else {
            settle(drafts, 'swallowed', step);
          }
        }
        started.add(task);
        break;
      }
      case 'uncancel':
        if (e.via === 'timeout' || e.via === 'wait_for') settleInFlight(e.task, 'converted', step);
        break;
      case 'suspend':
      case 'yield':
        // Suspending decides nothing yet (cleanup may await before re-raising); remember it
        // for a run that ends before the task does.
        if (inFlight.has(e.task) && !wentOn.has(e.task)) wentOn.set(e.task, step);
        break;
      case 'done': {
        const outcome = outcomeOfEnd(e.outcome);
        settleInFlight(e.task, outcome, step);
        // Asked during its own last step and never resumed: how it ended says what came of it.
        const asked = requested.get(e.task);
        if (asked !== undefined) {
          settle(
            asked.map((r) => r.draft),
            outcome,
            step,
          );
          requested.delete(e.task);
        }
        break;
      }
      case 'task':
      case 'sched':
      case 'unsched':
      case 'iter':
      case 'skip':
      case 'line':
      case 'out':
      case 'block':
      case 'cpu':
      case 'worker':
      case 'warn':
      case 'loop':
      case 'obj':
      case 'objstate':
        break;
      default:
        assertNever(e);
    }
    walk.apply(e);
  });
  // The run ended before these tasks did.
  for (const [task, drafts] of inFlight) {
    const step = wentOn.get(task);
    if (step !== undefined) settle(drafts, 'swallowed', step);
  }
  return all;
}

function outcomeOfEnd(outcome: 'result' | 'exception' | 'cancelled'): CancellationOutcome {
  switch (outcome) {
    case 'cancelled':
      return 'propagated';
    case 'result':
      return 'swallowed';
    case 'exception':
      return 'raised-other';
    default:
      return assertNever(outcome);
  }
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, ...values: V[]): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, values);
  else list.push(...values);
}

