/**
 * The timeline's x axis above the lanes. d3-axis draws the ticks into a <g> through a ref (the
 * one job D3 does in the DOM here); React draws the playhead marker over it.
 */
import { useEffect, useRef } from 'react';
import { axisTop, select, type ScaleLinear } from 'd3';
import type { Seconds } from '../protocol/trace';
import type { XAxisKind } from './scales';

export const AXIS_HEIGHT = 24;

interface Props {
  readonly scale: ScaleLinear<number, number>;
  readonly axis: XAxisKind;
  readonly width: number;
  readonly playhead: number;
  readonly formatTime: (t: Seconds) => string;
}

export function TimelineAxis({ scale, axis, width, playhead, formatTime }: Props) {
  const ticksRef = useRef<SVGGElement>(null);

  useEffect(() => {
    const g = ticksRef.current;
    if (g === null) return;
    const count = Math.max(2, Math.floor(width / 80));
    const ticks =
      axis === 'step'
        ? // Steps are whole numbers; a tick at a band's start reads "this band is step n".
          scale.ticks(count).filter((v) => Number.isInteger(v) && v >= 0)
        : scale.ticks(count);
    select(g).call(
      axisTop(scale)
        .tickValues(ticks)
        .tickSizeOuter(0)
        .tickFormat((v) => (axis === 'step' ? String(v) : formatTime(Number(v)))),
    );
  }, [scale, axis, width, formatTime]);

  return (
    <svg className="timeline-axis" width={width} height={AXIS_HEIGHT} aria-hidden="true">
      <g ref={ticksRef} transform={`translate(0,${AXIS_HEIGHT - 1})`} />
      <path className="timeline-playhead-marker" d={`M${playhead - 5},0H${playhead + 5}L${playhead},8Z`} />
    </svg>
  );
}
