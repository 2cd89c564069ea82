/**
 * Where the timeline marks the run's findings, as plain data: one mark at each of a finding's
 * steps on the lane of each of its tasks (in the window of lanes on screen), or on the axis when
 * the finding has no task with a lane (a callback blocked the loop). Marks of one finding that
 * would overlap on a lane are drawn once, so a finding with thousands of steps (busy polling)
 * costs no more marks than the lane has room for.
 */
import type { TaskId } from '../protocol/trace';
import type { FindingBase } from '../trace/findings/types';
import type { LaneWindow } from './laneGeometry';

export interface FindingMark {
  /** The finding's place in the run's findings (what a click chooses). */
  readonly at: number;
  readonly kind: FindingBase['kind'];
  readonly severity: FindingBase['severity'];
  readonly step: number;
  /** The lane's row, or null: on the axis. */
  readonly row: number | null;
  /** The mark's centre, in pixels from the plot's left edge. */
  readonly x: number;
}

/** Marks closer than this on one lane, of one finding, are one mark. */
export const MARK_MERGE_PX = 6;

export function findingMarks(
  findings: readonly FindingBase[],
  rowOf: ReadonlyMap<TaskId, number>,
  window: LaneWindow,
  /** The x of a step: mid-band on the step axis, its time otherwise (playheadX). */
  xOfStep: (step: number) => number,
  width: number,
): FindingMark[] {
  const marks: FindingMark[] = [];
  findings.forEach((f, at) => {
    const rows = f.tasks.map((t) => rowOf.get(t)).filter((r): r is number => r !== undefined);
    // A finding whose tasks all lie outside the window is not drawn on the axis instead.
    const shown: (number | null)[] = rows.length === 0 ? [null] : rows.filter((r) => r >= window.first && r < window.end);
    const taken = new Set<string>();
    for (const step of f.steps) {
      const x = xOfStep(step);
      if (x < 0 || x > width) continue; // zoomed out of view
      const bucket = Math.round(x / MARK_MERGE_PX);
      for (const row of [...new Set(shown)]) {
        const key = `${row}:${bucket}`;
        if (taken.has(key)) continue;
        taken.add(key);
        marks.push({ at, kind: f.kind, severity: f.severity, step, row, x });
      }
    }
  });
  return marks;
}
