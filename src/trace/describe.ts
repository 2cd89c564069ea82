/**
 * Labels for the UI and the narration: a handle in the ready queue or the timer heap ("step of
 * fetch", "sleep(1) of worker"), what a waiting task waits on ("Queue.get on Queue#1"), a task's
 * name as the learner knows it, and times ("1.250 s").
 */
import type { AwaitTarget, HandleTarget, Seconds, TaskId } from '../protocol/trace';
import type { Lang } from '../i18n/lang';
import { NARRATION } from '../i18n/narration';
import { assertNever } from './assertNever';
import type { TaskInfo } from './types';

/** Virtual time as the UI shows it: milliseconds resolution, unit attached ("1.250 s"). */
export function formatTime(t: Seconds): string {
  const ms = Math.round(t * 1000) / 1000;
  return `${(ms === 0 ? 0 : ms).toFixed(3)} s`;
}

/** A delay as the learner wrote it: sleep(1), sleep(0.5), not sleep(1.000). */
export function formatDelay(d: Seconds): string {
  return String(Number(d.toFixed(6)));
}

/** The coroutine's name without its enclosing function: "main.<locals>.worker" → "worker". */
export function shortCoroName(coro: string): string {
  const at = coro.lastIndexOf('<locals>.');
  return at < 0 ? coro : coro.slice(at + '<locals>.'.length);
}

const DEFAULT_NAME = /^Task-\d+$/;

/** How many tasks run each coroutine, per tasks list: labels must tell same-named workers apart. */
const coroCounts = new WeakMap<readonly TaskInfo[], ReadonlyMap<string, number>>();

function coroCount(tasks: readonly TaskInfo[], coro: string): number {
  let counts = coroCounts.get(tasks);
  if (counts === undefined) {
    const map = new Map<string, number>();
    for (const task of tasks) {
      const name = shortCoroName(task.coro);
      map.set(name, (map.get(name) ?? 0) + 1);
    }
    counts = map;
    coroCounts.set(tasks, counts);
  }
  return counts.get(coro) ?? 0;
}

export interface TaskLabelParts {
  readonly label: string;
  readonly which: string | null;
}

/** Label parts by id - 1, per tasks list, filled as asked: the editor asks for 100k tasks per step. */
const labelParts = new WeakMap<readonly TaskInfo[], (TaskLabelParts | undefined)[]>();

/**
 * A task's label in two parts: what the learner calls it (a name they gave it, else its
 * coroutine: "fetch") and, when several tasks run that coroutine, the task's name to tell them
 * apart ("Task-3").
 */
export function taskLabelParts(tasks: readonly TaskInfo[], id: TaskId): TaskLabelParts {
  let known = labelParts.get(tasks);
  if (known === undefined) {
    known = [];
    labelParts.set(tasks, known);
  }
  let parts = known[id - 1];
  if (parts === undefined) {
    parts = computeLabelParts(tasks, id);
    if (id >= 1 && id <= tasks.length) known[id - 1] = parts;
  }
  return parts;
}

function computeLabelParts(tasks: readonly TaskInfo[], id: TaskId): TaskLabelParts {
  const task = tasks[id - 1];
  if (task === undefined) return { label: `Task-${id}`, which: null };
  if (!DEFAULT_NAME.test(task.name)) return { label: task.name, which: null };
  const coro = shortCoroName(task.coro);
  return { label: coro, which: coroCount(tasks, coro) > 1 ? task.name : null };
}

/** "fetch", or "worker (Task-3)" when several tasks run `worker`. `tasks` is index.tasks. */
export function taskLabel(tasks: readonly TaskInfo[], id: TaskId): string {
  const { label, which } = taskLabelParts(tasks, id);
  return which === null ? label : `${label} (${which})`;
}

/** The task's own name ("Task-2"): how asyncio and the learner's awaits refer to it. */
export function taskName(tasks: readonly TaskInfo[], id: TaskId): string {
  return tasks[id - 1]?.name ?? `Task-${id}`;
}

/** A plain callback as called: "callback(3)", "Future.set_result". */
export function callLabel(target: { readonly fn: string; readonly args?: string }): string {
  return target.args === undefined ? target.fn : `${target.fn}${target.args}`;
}

/** A simulated HTTP request as data: "GET https://example.com/". */
export function requestLabel(request: { readonly method: string; readonly url: string }): string {
  return `${request.method} ${request.url}`;
}

export function timeoutKind(via: string): 'timeout' | 'wait_for' | 'other' {
  return via === 'timeout' || via === 'wait_for' ? via : 'other';
}

/** A ready-queue or timer entry's label: "step of fetch", "wakeup of main", "sleep(1) of worker", "callback(3)". */
export function describeTarget(target: HandleTarget, tasks: readonly TaskInfo[], lang: Lang): string {
  const w = NARRATION[lang];
  const label = (id: TaskId | null): string | null => (id === null ? null : taskLabel(tasks, id));
  switch (target.k) {
    case 'step':
      return w.targetStep(taskLabel(tasks, target.task));
    case 'wakeup':
      return w.targetWakeup(taskLabel(tasks, target.task));
    case 'sleep':
      return w.targetSleep(formatDelay(target.delay), label(target.task));
    case 'timeout':
      return w.targetTimeout(timeoutKind(target.via), label(target.task));
    case 'call':
      return w.targetCall(callLabel(target));
    case 'worker':
      return w.targetWorker(target.fn, label(target.task));
    case 'request':
      // issue 10, placeholder until the narration refactor gives it words: "GET https://…".
      return requestLabel(target);
    default:
      return assertNever(target);
  }
}

/** A gather's children named in describeAwait; the rest are counted. */
export const MAX_GATHER_NAMES = 10;

/** What a waiting task waits on: "sleep until 1.000 s", "Queue.get on Queue#1", "Task-2", "gather(Task-2, Task-3)". */
export function describeAwait(on: AwaitTarget, tasks: readonly TaskInfo[], lang: Lang): string {
  const w = NARRATION[lang];
  switch (on.k) {
    case 'sleep':
      return w.awaitSleep(formatTime(on.until));
    case 'task':
      return w.awaitTask(taskName(tasks, on.task));
    case 'gather': {
      // A gather of 100,000 tasks is named by its first few: the words are read, not searched.
      const named = on.children.slice(0, MAX_GATHER_NAMES).map((c) => (c === null ? w.gatherFuture : taskName(tasks, c)));
      const more = on.children.length - named.length;
      return w.awaitGather(more > 0 ? `${named.join(', ')}, ${w.gatherMore(more)}` : named.join(', '));
    }
    case 'executor':
      return w.awaitExecutor(on.fn);
    case 'request':
      // issue 10, placeholder until the narration refactor gives it words ("waiting for GET …").
      return requestLabel(on);
    case 'future':
      if (on.api !== undefined) return w.awaitFutureApi(on.api, on.obj ?? null);
      return on.obj !== undefined ? w.awaitFutureObj(on.obj) : w.awaitFuture;
    default:
      return assertNever(on);
  }
}
