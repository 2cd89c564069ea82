/**
 * The timeline's lanes at the cursor grouped by state, for its text alternative (a screen
 * reader cannot read coloured bars): running first, then what waits its turn, then what ended.
 * Walks every lane once per step (100k tasks: a plain loop, no allocation per lane but the few
 * names kept).
 */
import type { LaneGroup } from '../i18n/summaries';
import type { LaneState } from '../i18n/views';
import type { TaskId } from '../protocol/trace';
import type { TaskLane, TaskSnapshot } from '../trace/types';

const ORDER: readonly LaneState[] = ['running', 'ready', 'waiting', 'failed', 'cancelled', 'done', 'not-created'];

/** Names said per state; the rest are counted. */
export const NAMES_PER_STATE = 8;

export function laneGroups(
  lanes: readonly TaskLane[],
  /** LoopState.tasks: the tasks created so far, by id - 1. */
  snapshots: readonly TaskSnapshot[],
  label: (id: TaskId) => string,
): LaneGroup[] {
  const groups = new Map<LaneState, { names: string[]; count: number }>(ORDER.map((s) => [s, { names: [], count: 0 }]));
  for (const lane of lanes) {
    const state: LaneState = snapshots[lane.task.id - 1]?.state ?? 'not-created';
    const group = groups.get(state);
    if (group === undefined) continue;
    group.count += 1;
    if (group.names.length < NAMES_PER_STATE) group.names.push(label(lane.task.id));
  }
  return ORDER.map((state) => ({ state, ...(groups.get(state) ?? { names: [], count: 0 }) }));
}
