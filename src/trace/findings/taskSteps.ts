/**
 * Each task's steps, summed up for the findings that follow one task through its wake-ups
 * (busy-polling, sequential-awaits): how the step ended (it suspended on what, at which line;
 * it yielded; it finished) and whether it did anything a learner could see.
 */
import type { AwaitFrame, AwaitTarget, Line, Seconds, TaskId } from '../../protocol/trace';
import type { TraceIndex } from '../types';

export interface TaskStep {
  readonly step: number;
  readonly task: TaskId;
  /** The clock when the step ran. */
  readonly t: Seconds;
  /** How it ended: suspended (on `on`), yielded (sleep(0)), finished, or not known. */
  readonly end: 'suspend' | 'yield' | 'done' | null;
  readonly on?: AwaitTarget;
  readonly line: Line | null;
  readonly stack?: readonly AwaitFrame[];
  /** It printed, made a task, changed an asyncio object or cancelled something. */
  readonly visible: boolean;
  /** It printed. */
  readonly printed: boolean;
}

const cache = new WeakMap<TraceIndex, ReadonlyMap<TaskId, readonly TaskStep[]>>();

/** Every task's steps in order, by task id. */
export function stepsByTask(index: TraceIndex): ReadonlyMap<TaskId, readonly TaskStep[]> {
  let map = cache.get(index);
  if (map === undefined) {
    map = build(index);
    cache.set(index, map);
  }
  return map;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function build(index: TraceIndex): ReadonlyMap<TaskId, readonly TaskStep[]> {
  const events = index.trace.events;
  const map = new Map<TaskId, TaskStep[]>();
  for (const info of index.steps) {
    const task = info.task;
    if (task === null) continue;
    const draft: Mutable<TaskStep> = { step: info.step, task, t: info.t, end: null, line: null, visible: false, printed: false };
    for (let i = info.firstEvent + 1; i < info.endEvent; i++) {
      const e = events[i];
      if (e === undefined) continue;
      if (e.e === 'loop') break; // the loop closed: top-level code follows (runSteps)
      switch (e.e) {
        case 'suspend':
          if (e.task === task) {
            draft.end = 'suspend';
            draft.on = e.on;
            draft.line = e.l;
            if (e.stack !== undefined) draft.stack = e.stack;
          }
          break;
        case 'yield':
          if (e.task === task) {
            draft.end = 'yield';
            draft.line = e.l;
          }
          break;
        case 'done':
          if (e.task === task) draft.end = 'done';
          break;
        case 'out':
          draft.printed = true;
          draft.visible = true;
          break;
        case 'task':
        case 'objstate':
        case 'cancel':
          draft.visible = true;
          break;
        default:
          break;
      }
    }
    const list = map.get(task);
    if (list === undefined) map.set(task, [draft]);
    else list.push(draft);
  }
  return map;
}
