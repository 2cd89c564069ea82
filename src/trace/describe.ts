/**
 * The facts behind the UI's labels: a task as the learner knows it ("fetch", or "worker" and
 * which one, "Task-3"), a handle in the ready queue or the timer heap (the step of which task,
 * the sleep of which task...), what a waiting task waits on. src/i18n puts them into words.
 */
import type { AwaitTarget, HandleTarget, TaskId } from '../protocol/trace';
import { assertNever } from '../protocol/assertNever';
import type { AwaitLabel, CallRef, HandleLabel, RequestRef, TaskLabel, TimeoutKind } from './narration';
import type { TaskInfo } from './types';

/** The coroutine's name without its enclosing function: "main.<locals>.worker" → "worker". */
export function shortCoroName(coro: string): string {
  const at = coro.lastIndexOf('<locals>.');
  return at < 0 ? coro : coro.slice(at + '<locals>.'.length);
}

const DEFAULT_NAME = /^Task-\d+$/;

/** Is this the name asyncio gave ("Task-3"), which says nothing about what the task runs? */
export function isDefaultTaskName(name: string): boolean {
  return DEFAULT_NAME.test(name);
}

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

/** Labels by id - 1, per tasks list (so per run), filled as asked: the editor asks for 100k tasks per step. */
const labels = new WeakMap<readonly TaskInfo[], (TaskLabel | undefined)[]>();

/**
 * A task's label: what the learner calls it (a name they gave it, else its coroutine: "fetch")
 * and, when several tasks run that coroutine, the task's name to tell them apart ("Task-3").
 * `tasks` is index.tasks. The same object for the same task, so views can compare by identity.
 */
export function taskLabel(tasks: readonly TaskInfo[], id: TaskId): TaskLabel {
  let known = labels.get(tasks);
  if (known === undefined) {
    known = [];
    labels.set(tasks, known);
  }
  let label = known[id - 1];
  if (label === undefined) {
    label = computeLabel(tasks, id);
    if (id >= 1 && id <= tasks.length) known[id - 1] = label;
  }
  return label;
}

function computeLabel(tasks: readonly TaskInfo[], id: TaskId): TaskLabel {
  const task = tasks[id - 1];
  if (task === undefined) return { label: `Task-${id}`, which: null };
  if (!isDefaultTaskName(task.name)) return { label: task.name, which: null };
  const coro = shortCoroName(task.coro);
  return { label: coro, which: coroCount(tasks, coro) > 1 ? task.name : null };
}

/** The task's own name ("Task-2"): how asyncio and the learner's awaits refer to it. */
export function taskName(tasks: readonly TaskInfo[], id: TaskId): string {
  return tasks[id - 1]?.name ?? `Task-${id}`;
}

/** A plain callback as called: its function and arguments. */
export function callRef(target: { readonly fn: string; readonly args?: string }): CallRef {
  return { fn: target.fn, args: target.args ?? null };
}

/** A simulated HTTP request: its method and URL. */
export function requestRef(request: { readonly method: string; readonly url: string }): RequestRef {
  return { method: request.method, url: request.url };
}

export function timeoutKind(via: string): TimeoutKind {
  return via === 'timeout' || via === 'wait_for' ? via : 'other';
}

/** A ready-queue or timer entry: "the step of fetch", "the sleep(1) of worker", "callback(3)", "the response to GET …". */
export function describeTarget(target: HandleTarget, tasks: readonly TaskInfo[]): HandleLabel {
  const label = (id: TaskId | null): TaskLabel | null => (id === null ? null : taskLabel(tasks, id));
  switch (target.k) {
    case 'step':
      return { kind: 'step', task: taskLabel(tasks, target.task) };
    case 'wakeup':
      return { kind: 'wakeup', task: taskLabel(tasks, target.task) };
    case 'sleep':
      return { kind: 'sleep', delay: target.delay, task: label(target.task) };
    case 'timeout':
      return { kind: 'timeout', via: timeoutKind(target.via), task: label(target.task) };
    case 'call':
      return { kind: 'call', call: callRef(target) };
    case 'worker':
      return { kind: 'worker', fn: target.fn, task: label(target.task) };
    case 'request':
      return { kind: 'request', request: requestRef(target), task: label(target.task), fails: target.fails ?? null };
    default:
      return assertNever(target);
  }
}

/** A gather's children named in describeAwait; the rest are counted. */
export const MAX_GATHER_NAMES = 10;

/** What a waiting task waits on: a sleep until 1.000 s, Queue.get on Queue#1, Task-2, gather(Task-2, Task-3). */
export function describeAwait(on: AwaitTarget, tasks: readonly TaskInfo[]): AwaitLabel {
  switch (on.k) {
    case 'sleep':
      return { kind: 'sleep', until: on.until };
    case 'task':
      return { kind: 'task', task: taskName(tasks, on.task) };
    case 'gather': {
      // A gather of 100,000 tasks is named by its first few: the words are read, not searched.
      const children = on.children.slice(0, MAX_GATHER_NAMES).map((c) => (c === null ? null : taskName(tasks, c)));
      return { kind: 'gather', children, more: on.children.length - children.length };
    }
    case 'executor':
      return { kind: 'executor', fn: on.fn };
    case 'request':
      return { kind: 'request', request: requestRef(on), queued: on.queued === true };
    case 'future':
      return { kind: 'future', api: on.api ?? null, obj: on.obj ?? null };
    default:
      return assertNever(on);
  }
}
