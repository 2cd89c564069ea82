/**
 * The timer heap on a time axis: each pending timer's deadline as a marker (hollow when
 * cancelled), the clock `t` as a line with a trail of where it stood before and an arrow when
 * it just jumped, and beneath, the timers listed in the order they will fire (only the rows in
 * view are in the DOM: see rowWindow).
 *
 * d3 computes the scale and marker rows in useMemo; React draws them; d3-axis draws the ticks.
 */
import { memo, useEffect, useId, useMemo, useRef } from 'react';
import { axisBottom, scaleLinear, select } from 'd3';
import { useElementSize } from '../hooks/useElementSize';
import { formatTime } from '../i18n/format';
import { handleLabelText } from '../i18n/labels';
import { viewStrings } from '../i18n/views';
import type { Seconds } from '../protocol/trace';
import { describeTarget, timeOfStep } from '../trace';
import type { TimerEntry } from '../trace/types';
import { useShownLoopView, type LoopView } from '../store/useLoopView';
import { handleSteps } from './handleSteps';
import { RowSpacer } from './RowSpacer';
import { clockChanges, clockJump, clockTrail, markerGroups, markerRows, timerDomain } from './timerAxis';
import { useRowWindow } from './useRowWindow';
import './loopView.css';
import './Timers.css';

/** The plot's size until it is measured (only its width is used). */
const FALLBACK_SIZE = { width: 360, height: 0 };
const MARGIN = { left: 14, right: 14 };
const ROW_GAP = 14; // px between stacked markers
const AXIS_Y = 78; // the axis line; markers stack above it
const HEIGHT = AXIS_Y + 22;
/**
 * Markers and list rows for the timers that fire first; a run can hold tens of thousands of
 * timers at once, and drawing them all at every step would freeze the page.
 */
export const TIMERS_SHOWN = 100;
/** Markers closer than this (px) are drawn as one, with a count: see markerGroups. */
const MERGE_PX = 4;
/** A group marker's tooltip lists this many of its timers. */
const GROUP_TITLE_LINES = 5;

/** A group marker is a pill wide enough for its "×N". */
const pillWidth = (count: number): number => 8 + 4.4 * (String(count).length + 1);

/** The view, reading the store itself (nothing before the first trace). */
export function Timers() {
  const view = useShownLoopView('timers');
  return view === null ? null : <ShownTimersAt {...view} />;
}

/** Memoised: the same LoopView (useShownLoopView keeps it while nothing in it changed) is not drawn again. */
const ShownTimersAt = memo(TimersAt);

function TimersAt({ index, state, lang, onSeek }: LoopView) {
  const text = viewStrings(lang);
  const plotRef = useRef<HTMLDivElement>(null);
  const axisRef = useRef<SVGGElement>(null);
  const arrowId = `timers-arrow-${useId().replace(/:/g, '')}`;
  const width = useElementSize(plotRef, FALLBACK_SIZE).width;
  const runsAt = handleSteps(index);
  const timers = useMemo(() => state.timerHeap.slice(0, TIMERS_SHOWN), [state.timerHeap]);
  const hidden = state.timerHeap.length - timers.length;
  const listRef = useRef<HTMLOListElement>(null);
  const listRows = useRowWindow(listRef, timers.length);

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
  const groups = useMemo(() => markerGroups(timers.map((t) => scale(t.when)), MERGE_PX), [timers, scale]);
  const rows = useMemo(() => markerRows(groups.map((g) => g.x), ROW_GAP), [groups]);

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
    return timer === undefined ? '' : handleLabelText(describeTarget(timer.on, index.tasks), lang);
  };
  const timerLine = (timer: TimerEntry, i: number): string =>
    `${i + 1}. ${formatTime(timer.when)} · ${owner(i)}${timer.cancelled ? ` · ${text.timers.cancelled}` : ''}`;
  /** One timer's line, or for a group what it stands for and its first few timers. */
  const markerTitle = (first: number, members: readonly TimerEntry[]): string => {
    const head = members[0];
    const last = members[members.length - 1];
    if (head === undefined || last === undefined) return '';
    if (members.length === 1) return timerLine(head, first);
    const when = head.when === last.when ? formatTime(head.when) : `${formatTime(head.when)}–${formatTime(last.when)}`;
    const listed = members.slice(0, GROUP_TITLE_LINES).map((t, k) => timerLine(t, first + k));
    if (members.length > GROUP_TITLE_LINES) listed.push('…');
    return [text.timers.group(first + 1, first + members.length, when), ...listed].join('\n');
  };

  return (
    <section className="loop-view timers" data-testid="timers" aria-label={text.timers.title}>
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
          {groups.map((group, g) => {
            const timer = timers[group.first];
            if (timer === undefined) return null;
            const y = AXIS_Y - 8 - (rows[g] ?? 0) * ROW_GAP;
            const members = timers.slice(group.first, group.first + group.count);
            const cancelled = members.every((t) => t.cancelled);
            const classes = `timers-marker kind-${timer.on.k}${cancelled ? ' is-cancelled' : ''}${group.count > 1 ? ' is-group' : ''}`;
            return (
              <g key={timer.h} className={classes} data-count={group.count}>
                <line x1={group.x} x2={group.x} y1={y} y2={AXIS_Y} />
                {group.count === 1 ? (
                  <circle cx={group.x} cy={y} r={5} />
                ) : (
                  <rect x={group.x - pillWidth(group.count) / 2} y={y - 5} width={pillWidth(group.count)} height={10} rx={5} />
                )}
                <text x={group.x} y={y + 3}>
                  {group.count === 1 ? group.first + 1 : `×${group.count}`}
                </text>
                <title>{markerTitle(group.first, members)}</title>
              </g>
            );
          })}
          <g ref={axisRef} className="timers-axis" transform={`translate(0,${AXIS_Y})`} />
        </svg>
      </div>
      {timers.length === 0 ? (
        <p className="timers-empty">{text.timers.empty}</p>
      ) : (
        <ol ref={listRef} className="timers-list">
          <RowSpacer height={listRows.padTop} />
          {timers.slice(listRows.start, listRows.end).map((timer, k) => {
            const i = listRows.start + k;
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
          <RowSpacer height={listRows.padBottom} />
        </ol>
      )}
      {hidden > 0 && <p className="timers-more">{text.timers.more(hidden)}</p>}
    </section>
  );
}
