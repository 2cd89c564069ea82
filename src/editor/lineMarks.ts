/**
 * What the editor marks at a cursor, as plain data (no Monaco here, so it is unit-tested in
 * Node): the line the running task executes, and where every other unfinished task is paused,
 * grouped by line, with the task names shown at the line end and what each awaits on hover.
 */
import type { AwaitTarget, Line, TaskId } from '../protocol/trace';
import { taskLabel } from '../trace';
// Not (yet) re-exported by src/trace/index.ts: the two parts let a group name its coroutine once.
import { taskLabelParts } from '../trace/describe';
import type { LoopState, TaskState, TraceIndex } from '../trace/types';

/** A paused task as the editor shows it. */
export interface PausedTask {
  readonly id: TaskId;
  /** The full label, "worker (Task-3)". */
  readonly name: string;
  /** What the learner calls it ("worker") and, when several tasks run that coroutine, which one ("Task-3"). */
  readonly label: string;
  readonly which: string | null;
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
    const { label, which } = taskLabelParts(index.tasks, snap.id);
    group.tasks.push({
      id: snap.id,
      name: taskLabel(index.tasks, snap.id),
      label,
      which,
      state: snap.state,
      awaits: snap.on ? describe(snap.on) : '',
    });
  }
  for (const g of groups.values()) marks.push({ kind: 'paused', line: g.line, state: g.state, tasks: g.tasks });
  return marks;
}

/**
 * The text after the line end, short enough to read at a glance: tasks of one coroutine are
 * named once, "worker (Task-2, Task-3)", "main, fetch"; long lists are cut (the hover has all).
 */
export function pausedLabel(tasks: readonly PausedTask[], maxNames = 3): string {
  const byLabel = new Map<string, string[]>();
  for (const t of tasks) {
    const whichs = byLabel.get(t.label) ?? [];
    if (t.which !== null) whichs.push(t.which);
    byLabel.set(t.label, whichs);
  }
  const parts: string[] = [];
  for (const [label, whichs] of byLabel) {
    const shown = whichs.slice(0, maxNames);
    const more = whichs.length - shown.length;
    parts.push(shown.length === 0 ? label : `${label} (${shown.join(', ')}${more > 0 ? ` +${more}` : ''})`);
  }
  const cut = parts.slice(0, maxNames);
  return `${cut.join(', ')}${parts.length > cut.length ? ` +${parts.length - cut.length}` : ''}`;
}
