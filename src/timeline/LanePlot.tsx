/**
 * The lanes' drawing: state segments, parent → child connectors, the running lane's highlight
 * and the playhead, for the rows on screen. D3 computed every number (scales, laneGeometry);
 * this component only turns them into SVG elements.
 */
import { memo, useMemo } from 'react';
import type { ScaleLinear } from 'd3';
import type { TaskId } from '../protocol/trace';
import type { LaneSegment, TaskLane } from '../trace/types';
import { BAR_HEIGHT, LANE_HEIGHT, laneCenterY, linkPath, segmentRects, type LaneWindow } from './laneGeometry';
import { segmentSpan, type XAxisKind } from './scales';
import { segmentTitle, type TitleFormat } from './segmentTitle';

/** A lane on screen and its row number: nothing here changes from step to step. */
export interface PlotLane {
  readonly lane: TaskLane;
  readonly row: number;
}

interface Props {
  readonly lanes: readonly PlotLane[];
  readonly window: LaneWindow;
  readonly rowOf: ReadonlyMap<TaskId, number>;
  readonly scale: ScaleLinear<number, number>;
  readonly axis: XAxisKind;
  readonly width: number;
  readonly step: number;
  /** The row of the lane whose task runs in this step, if it is on screen. */
  readonly runningRow: number | null;
  readonly playhead: number;
  readonly titles: TitleFormat;
}

export function LanePlot({ lanes, window, rowOf, scale, axis, width, step, runningRow, playhead, titles }: Props) {
  const height = (window.end - window.first) * LANE_HEIGHT;
  const top = window.first * LANE_HEIGHT;
  const band = axis === 'step' ? { x: scale(step), w: Math.max(1, scale(step + 1) - scale(step)) } : null;
  // Seeking changes only the band, the running lane's highlight and the playhead. They are
  // HTML boxes moved by a transform, beside the SVG rather than in it: a change inside the SVG
  // would repaint all its segments (thousands of rectangles) at every step, and the segments
  // and links themselves are a memoised child that does not re-render.
  return (
    <div className="timeline-plot-layers" style={{ width, height }}>
      {band !== null && (
        <div className="timeline-step-band" style={{ width: band.w, transform: `translateX(${band.x}px)` }} />
      )}
      {runningRow !== null && (
        <div className="timeline-running-lane" style={{ height: LANE_HEIGHT, transform: `translateY(${runningRow * LANE_HEIGHT - top}px)` }} />
      )}
      <svg className="timeline-plot-svg" width={width} height={height} role="presentation">
        <LaneSegments lanes={lanes} rowOf={rowOf} scale={scale} axis={axis} width={width} top={top} titles={titles} />
      </svg>
      <div className="timeline-playhead" style={{ transform: `translateX(${playhead}px)` }} />
    </div>
  );
}

interface SegmentsProps {
  readonly lanes: readonly PlotLane[];
  readonly rowOf: ReadonlyMap<TaskId, number>;
  readonly scale: ScaleLinear<number, number>;
  readonly axis: XAxisKind;
  readonly width: number;
  readonly top: number;
  readonly titles: TitleFormat;
}

const LaneSegments = memo(function LaneSegments({ lanes: rows, rowOf, scale, axis, width, top, titles }: SegmentsProps) {
  const barY = (LANE_HEIGHT - BAR_HEIGHT) / 2;

  const lanes = useMemo(
    () =>
      rows.map((r) => ({
        row: r,
        rects: segmentRects<LaneSegment>(
          r.lane.segments,
          (s) => {
            const [a, b] = segmentSpan(s, axis);
            return [scale(a), scale(b)];
          },
          width,
        ),
      })),
    [rows, scale, axis, width],
  );

  const links = useMemo(() => {
    const paths: { readonly key: TaskId; readonly d: string; readonly x: number; readonly y: number }[] = [];
    for (const r of rows) {
      const task = r.lane.task;
      const parentRow = task.parent === null ? undefined : rowOf.get(task.parent);
      const first = r.lane.segments[0];
      if (parentRow === undefined || first === undefined) continue;
      // The parent spawned it during step createdStep: the connector leaves from that step.
      const fromX = scale(axis === 'step' ? task.createdStep + 0.5 : task.createdT);
      const toX = scale(segmentSpan(first, axis)[0]);
      const fromY = laneCenterY(parentRow) - top;
      const toY = laneCenterY(r.row) - top;
      paths.push({ key: task.id, d: linkPath(fromX, fromY, Math.max(toX, fromX), toY), x: fromX, y: fromY });
    }
    return paths;
  }, [rows, rowOf, scale, axis, top]);

  return (
    <>
      {lanes.map(({ row, rects }) => (
        <g
          key={row.lane.task.id}
          className={row.lane.task.internal ? 'timeline-lane is-internal' : 'timeline-lane'}
          transform={`translate(0,${row.row * LANE_HEIGHT - top})`}
        >
          {rects.map((rect, i) => (
            <rect
              key={i}
              className={`timeline-segment state-${rect.state}`}
              x={rect.x}
              y={barY}
              width={rect.width}
              height={BAR_HEIGHT}
            >
              <title>{segmentTitle(rect.segment, rect.count, titles, row.lane.task.id)}</title>
            </rect>
          ))}
        </g>
      ))}
      <g className="timeline-links">
        {links.map((l) => (
          <g key={l.key}>
            <path d={l.d} />
            <circle cx={l.x} cy={l.y} r={2.5} />
          </g>
        ))}
      </g>
    </>
  );
});
