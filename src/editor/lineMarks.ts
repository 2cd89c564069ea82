/**
 * What the editor marks at a cursor, as plain data (no Monaco here, so it is unit-tested in
 * Node): the line the running task executes, and where every other unfinished task is paused,
 * grouped by line, with the task names shown at the line end and what each awaits on hover.
 */
import type { AwaitTarget, Line, TaskId } from '../protocol/trace';
import { taskLabel } from '../trace';
import type { LoopState, TaskState, TraceIndex } from '../trace/types';

/** A paused task as the editor shows it. */
export interface PausedTask {
  readonly id: TaskId;
  readonly name: string;
  readonly state: TaskState;
  /** What it awaits, already in words (empty when it only waits for its turn). */
  readonly awaits: string;
}

export type LineMark =
  /** The line the loop runs now (the current step's task, or top-level code). */
  | { readonly kind: 'running'; readonly line: Line; readonly task: string | null }
  /** Tasks paused at this line, in one state (ready: queued to resume; waiting: on an await). */
  | { readonly kind: 'paused'; readonly line: Line; readonly state: 'ready' | 'waiting'; readonly tasks: readonly PausedTask[] };

export type DescribeAwait = (on: AwaitTarget) => string;

export function lineMarks(index: TraceIndex, state: LoopState, describe: DescribeAwait): LineMark[] {
  const marks: LineMark[] = [];
  const runningTask = state.current?.task ?? null;
  if (state.line !== null) {
    const name = runningTask === null ? null : taskLabel(index.tasks, runningTask);
    marks.push({ kind: 'running', line: state.line, task: name });
  }

  // Group paused tasks by (line, state), keeping task order, so three workers sleeping on the
  // same line read "worker-1, worker-2, worker-3" once.
  const groups = new Map<string, { line: Line; state: 'ready' | 'waiting'; tasks: PausedTask[] }>();
  for (const snap of state.tasks) {
    if (snap.id === runningTask || snap.line === null) continue;
    if (snap.state !== 'ready' && snap.state !== 'waiting') continue;
    const info = index.tasks[snap.id - 1];
    if (!info || info.internal) continue;
    const key = `${snap.line}:${snap.state}`;
    let group = groups.get(key);
    if (!group) {
      group = { line: snap.line, state: snap.state, tasks: [] };
      groups.set(key, group);
    }
    group.tasks.push({ id: snap.id, name: taskLabel(index.tasks, snap.id), state: snap.state, awaits: snap.on ? describe(snap.on) : '' });
  }
  for (const g of groups.values()) marks.push({ kind: 'paused', line: g.line, state: g.state, tasks: g.tasks });
  return marks;
}

/** The text after the line end: "⏸ worker-1, worker-2" (long lists are cut, the hover has all). */
export function pausedLabel(tasks: readonly PausedTask[], maxNames = 3): string {
  const names = tasks.slice(0, maxNames).map((t) => t.name);
  const more = tasks.length - names.length;
  return `${names.join(', ')}${more > 0 ? ` +${more}` : ''}`;
}
