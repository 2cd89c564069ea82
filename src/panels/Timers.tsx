/**
 * The timer heap on a time axis: each pending timer's deadline as a marker (hollow when
 * cancelled), the clock `t` as a line with a trail of where it stood before and an arrow when
 * it just jumped, and beneath, the timers listed in the order they will fire.
 *
 * d3 computes the scale and marker rows in useMemo; React draws them; d3-axis draws the ticks.
 */
import { useEffect, useId, useMemo, useRef } from 'react';
import { axisBottom, scaleLinear, select } from 'd3';
import type { Lang } from '../i18n/lang';
import { viewStrings } from '../i18n/views';
import type { Seconds } from '../protocol/trace';
import { describeTarget, formatTime, timeOfStep } from '../trace';
import type { Cursor, LoopState, TraceIndex } from '../trace/types';
import { handleSteps } from './handleSteps';
import { clockChanges, clockJump, clockTrail, markerRows, timerDomain } from './timerAxis';
import { usePanelWidth } from './usePanelWidth';
import './Timers.css';

export interface TimersProps {
  readonly index: TraceIndex;
  readonly state: LoopState;
  readonly lang: Lang;
  readonly onSeek: (cursor: Cursor) => void;
}

const MARGIN = { left: 14, right: 14 };
const ROW_GAP = 14; // px between stacked markers
const AXIS_Y = 78; // the axis line; markers stack above it
const HEIGHT = AXIS_Y + 22;
/**
 * Markers and list rows for the timers that fire first; a run can hold tens of thousands of
 * timers at once, and drawing them all at every step would freeze the page.
 */
export const TIMERS_SHOWN = 100;

export function Timers({ index, state, lang, onSeek }: TimersProps) {
  const text = viewStrings(lang);
  const plotRef = useRef<HTMLDivElement>(null);
  const axisRef = useRef<SVGGElement>(null);
  const arrowId = `timers-arrow-${useId().replace(/:/g, '')}`;
  const width = usePanelWidth(plotRef, 360);
  const runsAt = handleSteps(index);
  const timers = useMemo(() => state.timerHeap.slice(0, TIMERS_SHOWN), [state.timerHeap]);
  const hidden = state.timerHeap.length - timers.length;

  // Built once per run; the trail and jump at each step are then a binary search.
  const changes = useMemo(
    () => clockChanges((step): Seconds => timeOfStep(index, step), index.steps.length),
    [index],
  );
  const trail = useMemo(() => clockTrail(changes, state.step), [changes, state.step]);
  const jump = useMemo(() => clockJump(changes, state.step), [changes, state.step]);

  const scale = useMemo(
    () =>
      scaleLinear()
        .domain(timerDomain(state.t, trail, timers.map((t) => t.when)))
        .range([MARGIN.left, Math.max(MARGIN.left + 1, width - MARGIN.right)]),
    [state.t, trail, timers, width],
  );
  const rows = useMemo(() => markerRows(timers.map((t) => scale(t.when)), ROW_GAP), [timers, scale]);

  useEffect(() => {
    const g = axisRef.current;
    if (g === null) return;
    select(g).call(
      axisBottom(scale)
        .ticks(Math.max(2, Math.floor(width / 90)))
        .tickSizeOuter(0)
        .tickFormat((v) => formatTime(Number(v))),
    );
  }, [scale, width]);

  const nowX = scale(state.t);
  const owner = (i: number) => {
    const timer = timers[i];
    return timer === undefined ? '' : describeTarget(timer.on, index.tasks, lang);
  };

  return (
    <section className="timers" data-testid="timers" aria-label={text.timers.title}>
      <h2 className="view-title">{text.timers.title}</h2>
      <div className="timers-plot" ref={plotRef}>
        <svg width={width} height={HEIGHT} aria-hidden="true">
          {trail.length > 0 && (
            <g className="timers-trail">
              <line x1={scale(trail[trail.length - 1] ?? state.t)} x2={nowX} y1={AXIS_Y} y2={AXIS_Y} />
              {trail.map((t, i) => (
                <circle key={t} cx={scale(t)} cy={AXIS_Y} r={3} style={{ opacity: 0.7 - i * 0.2 }} />
              ))}
            </g>
          )}
          {jump !== null && (
            <path
              className="timers-jump"
              d={`M${scale(jump.from)},${AXIS_Y - 4}Q${(scale(jump.from) + scale(jump.to)) / 2},${AXIS_Y - 22} ${scale(jump.to) - 3},${AXIS_Y - 6}`}
              markerEnd={`url(#${arrowId})`}
            >
              <title>{text.timers.jumped(formatTime(jump.from), formatTime(jump.to))}</title>
            </path>
          )}
          <defs>
            <marker id={arrowId} viewBox="0 0 6 6" refX="5" refY="3" markerWidth="6" markerHeight="6" orient="auto">
              <path d="M0,0L6,3L0,6Z" className="timers-arrow-head" />
            </marker>
          </defs>
          <line className="timers-now" x1={nowX} x2={nowX} y1={4} y2={AXIS_Y} />
          {/* The label sits on the side of the line with room for it. */}
          <text
            className="timers-now-label"
            x={nowX > width * 0.7 ? nowX - 3 : nowX + 3}
            y={11}
            textAnchor={nowX > width * 0.7 ? 'end' : 'start'}
          >
            {text.timers.now(formatTime(state.t))}
          </text>
          {timers.map((timer, i) => {
            const x = scale(timer.when);
            const y = AXIS_Y - 8 - (rows[i] ?? 0) * ROW_GAP;
            return (
              <g key={timer.h} className={`timers-marker kind-${timer.on.k}${timer.cancelled ? ' is-cancelled' : ''}`}>
                <line x1={x} x2={x} y1={y} y2={AXIS_Y} />
                <circle cx={x} cy={y} r={5} />
                <text x={x} y={y + 3}>
                  {i + 1}
                </text>
                <title>{`${i + 1}. ${formatTime(timer.when)} · ${owner(i)}${timer.cancelled ? ` · ${text.timers.cancelled}` : ''}`}</title>
              </g>
            );
          })}
          <g ref={axisRef} className="timers-axis" transform={`translate(0,${AXIS_Y})`} />
        </svg>
      </div>
      {timers.length === 0 ? (
        <p className="timers-empty">{text.timers.empty}</p>
      ) : (
        <ol className="timers-list">
          {timers.map((timer, i) => {
            const step = runsAt.get(timer.h);
            const delay = timer.when - state.t;
            return (
              <li
                key={timer.h}
                className={`timers-entry kind-${timer.on.k}${timer.cancelled ? ' is-cancelled' : ''}`}
                data-testid="timer-item"
                data-handle={timer.h}
                data-kind={timer.on.k}
                data-cancelled={timer.cancelled ? 'true' : undefined}
              >
                <button
                  type="button"
                  className="timers-seek"
                  disabled={step === undefined}
                  title={step === undefined ? text.handle(timer.h) : text.timers.jumpToFire(step)}
                  onClick={() => step !== undefined && onSeek({ step })}
                >
                  <span className="timers-order">{i + 1}</span>
                  <span className="timers-deadline">{formatTime(timer.when)}</span>
                  <span className="timers-delay">
                    {delay > 0 ? text.timers.dueIn(formatTime(delay)) : text.timers.dueNow}
                  </span>
                  <span className="timers-kind">{text.handleKind[timer.on.k]}</span>
                  <span className="timers-owner">{owner(i)}</span>
                  {timer.cancelled && <span className="timers-cancelled">{text.timers.cancelled}</span>}
                </button>
              </li>
            );
          })}
        </ol>
      )}
      {hidden > 0 && <p className="timers-more">{text.timers.more(hidden)}</p>}
    </section>
  );
}
