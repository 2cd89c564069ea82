/**
 * The lanes on screen at a step, as plain data: which task, its row, its state now, whether it
 * runs in this step. Shared by the label column and the plot so both agree row for row.
 */
import type { AwaitTarget, TaskId } from '../protocol/trace';
import type { LaneState, ViewStrings } from '../i18n/views';
import type { TaskLane, TaskSnapshot } from '../trace/types';
import type { LaneWindow } from './laneGeometry';
import { laneTitle } from './segmentTitle';

export interface LaneRow {
  readonly lane: TaskLane;
  /** 0-based row among all lanes (its y is row * LANE_HEIGHT). */
  readonly row: number;
  /** What the learner calls the task ("fetch", "worker (Task-3)"); its asyncio name is task.name. */
  readonly label: string;
  readonly state: LaneState;
  /** The task runs in the current step. */
  readonly running: boolean;
  readonly title: string;
  /** What the waiting task waits for now, in words ("GET https://… (simulated)"); null when not waiting. */
  readonly waitingFor: string | null;
}

export function laneRows(
  lanes: readonly TaskLane[],
  window: LaneWindow,
  /** LoopState.tasks: the tasks created so far, by id - 1 (read per row, never walked: 100k tasks). */
  snapshots: readonly TaskSnapshot[],
  runningTask: TaskId | null,
  taskLabel: (id: TaskId) => string,
  text: ViewStrings,
  awaitLabel: (on: AwaitTarget) => string,
): LaneRow[] {
  const rows: LaneRow[] = [];
  for (let row = window.first; row < window.end; row++) {
    const lane = lanes[row];
    if (lane === undefined) break;
    const id = lane.task.id;
    const snapshot = snapshots[id - 1];
    rows.push({
      lane,
      row,
      label: taskLabel(id),
      // Lanes stay put for the whole run; a task the program has not created yet is dimmed.
      state: snapshot?.state ?? 'not-created',
      running: id === runningTask,
      title: laneTitle(lane.task, lane.task.parent === null ? null : taskLabel(lane.task.parent), text),
      waitingFor: snapshot?.state === 'waiting' && snapshot.on !== undefined ? awaitLabel(snapshot.on) : null,
    });
  }
  return rows;
}
