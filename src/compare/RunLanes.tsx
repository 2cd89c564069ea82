/**
 * One run's task lanes on the compare view's shared virtual-time axis: a row per task (asyncio's
 * internal tasks left out, as the timeline does), each state a rectangle from when it began to
 * when it ended. React owns the SVG; the scale is computed by the view above.
 */
import type { ScaleLinear } from 'd3';
import { taskLanes } from '../trace';
import type { TraceIndex } from '../trace/types';

/** Pixels per lane, and the column that names the tasks. */
export const COMPARE_LANE_HEIGHT = 16;
export const COMPARE_LABEL_WIDTH = 120;
/** A state that took no virtual time (a task's step) is still drawn, this wide. */
const MIN_SEGMENT_WIDTH = 2;

interface RunLanesProps {
  readonly index: TraceIndex;
  readonly scale: ScaleLinear<number, number>;
  readonly width: number;
  readonly label: string;
}

export function RunLanes({ index, scale, width, label }: RunLanesProps) {
  const lanes = taskLanes(index).filter((lane) => !lane.task.internal);
  const height = Math.max(lanes.length, 1) * COMPARE_LANE_HEIGHT;
  return (
    <svg className="compare-lanes" width={width} height={height} role="img" aria-label={label} data-testid="compare-lanes">
      {lanes.map((lane, row) => (
        <g key={lane.task.id} className="compare-lane" data-testid="compare-lane" data-task={lane.task.name} transform={`translate(0, ${row * COMPARE_LANE_HEIGHT})`}>
          <text className="compare-lane-name" x={COMPARE_LABEL_WIDTH - 6} y={COMPARE_LANE_HEIGHT / 2} dominantBaseline="central" textAnchor="end">
            {lane.task.coro}
          </text>
          {lane.segments.map((seg, i) => {
            const x = scale(seg.fromT);
            const w = Math.max(scale(seg.toT) - x, MIN_SEGMENT_WIDTH);
            return <rect key={i} className={`compare-segment state-${seg.state}`} x={x} y={3} width={w} height={COMPARE_LANE_HEIGHT - 6} rx={1.5} />;
          })}
        </g>
      ))}
    </svg>
  );
}
