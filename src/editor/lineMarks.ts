/**
 * What the editor marks at a cursor, as plain data (no Monaco here, so it is unit-tested in
 * Node): the line the running task executes, and where every other unfinished task is paused,
 * grouped by line, with the task names shown at the line end and what each awaits on hover.
 */
import type { AwaitTarget, Line, TaskId } from '../protocol/trace';
import { taskLabelText } from '../i18n/format';
import { taskLabel } from '../trace';
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

/** Tasks of one coroutine (or one name) paused at a line: counted, the first few named. */
export interface PausedLabel {
  /** What the learner calls them ("worker"). */
  readonly label: string;
  /** How many paused tasks go by this label. */
  readonly count: number;
  /** The first few tasks' names that tell them apart ("Task-3"); empty when the label is enough. */
  readonly which: readonly string[];
}

export type LineMark =
  /** The line the loop runs now (the current step's task, or top-level code). */
  | { readonly kind: 'running'; readonly line: Line; readonly task: string | null }
  /**
   * Tasks paused at this line, in one state (ready: queued to resume; waiting: on an await).
   * `count` of them; `tasks` details the first MAX_DETAILED_TASKS (for the hover), `labels`
   * sums up all of them by label (for the text at the line end).
   */
  | {
      readonly kind: 'paused';
      readonly line: Line;
      readonly state: 'ready' | 'waiting';
      readonly count: number;
      readonly tasks: readonly PausedTask[];
      readonly labels: readonly PausedLabel[];
    };

export type DescribeAwait = (on: AwaitTarget) => string;

/** Paused tasks detailed per line (their names and awaits, in the hover); the others are counted. */
export const MAX_DETAILED_TASKS = 20;
/** Names kept per label, and labels per line, for the text at the line end (pausedLabel). */
const MAX_NAMES = 3;

interface Group {
  readonly line: Line;
  readonly state: 'ready' | 'waiting';
  count: number;
  readonly tasks: PausedTask[];
  readonly labels: Map<string, { count: number; which: string[] }>;
}

/**
 * The marks at a state. One light pass over the tasks (100,000 of them in a big run): only the
 * first few tasks of a line are described, the rest are counted by label.
 */
export function lineMarks(index: TraceIndex, state: LoopState, describe: DescribeAwait): LineMark[] {
  const marks: LineMark[] = [];
  const runningTask = state.current?.task ?? null;
  if (state.line !== null) {
    const name = runningTask === null ? null : taskLabelText(taskLabel(index.tasks, runningTask));
    marks.push({ kind: 'running', line: state.line, task: name });
  }

  // Group paused tasks by (line, state), keeping task order, so three workers sleeping on the
  // same line read "worker-1, worker-2, worker-3" once.
  const groups = new Map<number, Group>();
  for (const snap of state.tasks) {
    if (snap.id === runningTask || snap.line === null) continue;
    if (snap.state !== 'ready' && snap.state !== 'waiting') continue;
    const info = index.tasks[snap.id - 1];
    if (!info || info.internal) continue;
    const key = snap.line * 2 + (snap.state === 'ready' ? 0 : 1);
    let group = groups.get(key);
    if (!group) {
      group = { line: snap.line, state: snap.state, count: 0, tasks: [], labels: new Map() };
      groups.set(key, group);
    }
    group.count += 1;
    const parts = taskLabel(index.tasks, snap.id);
    const { label, which } = parts;
    let byLabel = group.labels.get(label);
    if (!byLabel) {
      byLabel = { count: 0, which: [] };
      group.labels.set(label, byLabel);
    }
    byLabel.count += 1;
    if (which !== null && byLabel.which.length < MAX_NAMES) byLabel.which.push(which);
    if (group.tasks.length < MAX_DETAILED_TASKS) {
      group.tasks.push({
        id: snap.id,
        name: taskLabelText(parts),
        label,
        which,
        state: snap.state,
        awaits: snap.on ? describe(snap.on) : '',
      });
    }
  }
  for (const g of groups.values()) {
    const labels = [...g.labels].map(([label, { count, which }]) => ({ label, count, which }));
    marks.push({ kind: 'paused', line: g.line, state: g.state, count: g.count, tasks: g.tasks, labels });
  }
  return marks;
}

/**
 * The text after the line end, short enough to read at a glance: tasks of one coroutine are
 * named once, "worker (Task-2, Task-3)", "main, fetch"; long lists are cut (the hover has more).
 */
export function pausedLabel(labels: readonly PausedLabel[], maxNames = MAX_NAMES): string {
  const parts = labels.slice(0, maxNames).map(({ label, count, which }) => {
    // Only tasks told apart by name are listed; a label shared without names stands once.
    const shown = which.slice(0, maxNames);
    const more = count - shown.length;
    return shown.length === 0 ? label : `${label} (${shown.join(', ')}${more > 0 ? ` +${more.toLocaleString('en')}` : ''})`;
  });
  return `${parts.join(', ')}${labels.length > parts.length ? ` +${labels.length - parts.length}` : ''}`;
}
