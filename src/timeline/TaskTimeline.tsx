/**
 * The task timeline: one lane per task across the run, coloured by state, with the playhead at
 * the current step. Click to jump to a step, wheel to zoom, drag to pan, and switch between a
 * step axis (every step gets room) and a virtual-time axis. The run's findings are marked on
 * the lanes of their tasks at their steps (findingMarks); a mark's click chooses the finding.
 *
 * Lanes have a fixed height and only those on screen are rendered when there are many, so a
 * run with 100k tasks scrolls like one with ten.
 */
import { useCallback, useMemo, useRef, useState, type MouseEvent } from 'react';
import { formatTime, taskLabelText } from '../i18n/format';
import { awaitLabelText } from '../i18n/labels';
import { viewStrings } from '../i18n/views';
import type { AwaitTarget, Seconds, TaskId } from '../protocol/trace';
import { describeAwait, describeAwaitAt, stepAtTime, stepCount, taskLabel, taskLanes, timeOfStep } from '../trace';
import type { LaneSegment } from '../trace/types';
import { findingMarks } from './findingMarks';
import { FindingMarkers } from './FindingMarkers';
import { LANE_HEIGHT, visibleLanes } from './laneGeometry';
import { LaneLabels } from './LaneLabels';
import { LanePlot } from './LanePlot';
import { laneRows } from './laneRows';
import { defaultXAxis, makeXScale, maxZoom, playheadX, stepAtX, type XAxisKind } from './scales';
import type { TitleFormat } from './segmentTitle';
import { AXIS_HEIGHT, TimelineAxis } from './TimelineAxis';
import { TimelineSummary } from './TimelineSummary';
import { useElementSize } from '../hooks/useElementSize';
import { useLoopscope } from '../store/context';
import { allFindings } from '../store/selectors';
import { useLoopView, type LoopView } from '../store/useLoopView';
import { useXZoom } from './useXZoom';
import './TaskTimeline.css';

/** Used until the first measurement (and in server rendering). */
const FALLBACK_SIZE = { width: 600, height: 320 };

/** The view, reading the store itself (nothing before the first trace). */
export function TaskTimeline() {
  const view = useLoopView();
  return view === null ? null : <TaskTimelineAt {...view} />;
}

function TaskTimelineAt({ index, state, lang, onSeek }: LoopView) {
  const text = viewStrings(lang);
  const lanes = useMemo(() => taskLanes(index), [index]);
  const total = stepCount(index);
  const rowOf = useMemo(() => new Map<TaskId, number>(lanes.map((l, row) => [l.task.id, row])), [lanes]);
  const stepTime = useCallback((step: number): Seconds => timeOfStep(index, step), [index]);
  const labelOf = useCallback((id: TaskId) => taskLabelText(taskLabel(index.tasks, id)), [index]);

  // The learner's choice of axis sticks across runs; until they choose, each run suggests one.
  const suggestedAxis = useMemo(() => defaultXAxis(index.steps.map((s) => s.t), index.endTime), [index]);
  const [chosenAxis, setChosenAxis] = useState<XAxisKind | null>(null);
  const axis = chosenAxis ?? suggestedAxis;

  const plotRef = useRef<HTMLDivElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const { width } = useElementSize(plotRef, FALLBACK_SIZE);
  const { height: viewportHeight } = useElementSize(scrollRef, FALLBACK_SIZE);
  const [scrollTop, setScrollTop] = useState(0);

  const { zoom, reset } = useXZoom(plotRef, width, maxZoom(axis, total, index.endTime), axis);
  const scale = useMemo(
    () => makeXScale(axis, total, index.endTime, width, zoom),
    [axis, total, index.endTime, width, zoom],
  );

  const { first, end } = visibleLanes(scrollTop, viewportHeight - AXIS_HEIGHT, lanes.length);
  const snapshots = state.tasks;
  const runningTask = state.current?.task ?? null;
  const awaitLabel = useMemo(() => (on: AwaitTarget) => awaitLabelText(describeAwait(on, index.tasks), lang), [index, lang]);
  const rows = useMemo(
    () => laneRows(lanes, { first, end }, snapshots, runningTask, labelOf, text, awaitLabel),
    [lanes, first, end, snapshots, runningTask, labelOf, text, awaitLabel],
  );

  // Step-independent: the lanes on screen and their rows (see LanePlot).
  const plotLanes = useMemo(() => lanes.slice(first, end).map((lane, i) => ({ lane, row: first + i })), [lanes, first, end]);
  const runningRow = runningTask === null ? null : (rowOf.get(runningTask) ?? null);
  const titles = useMemo<TitleFormat>(
    () => ({
      text,
      formatTime,
      // At the segment's first step, the task's place in an object's line (describeAwaitAt).
      awaitLabel: (on: AwaitTarget, segment: LaneSegment, task: TaskId | null) =>
        awaitLabelText(
          task === null ? describeAwait(on, index.tasks) : describeAwaitAt(index, { step: segment.fromStep }, task, on),
          lang,
        ),
    }),
    [text, index, lang],
  );
  const playhead = playheadX(axis, state.step, scale, stepTime);
  // Predict mode hides what comes next: the lanes past the current step are veiled, or the
  // timeline would show the answer (a task's next state) before the learner picks it.
  const predictOn = useLoopscope((s) => s.predictOn);
  const veilX = axis === 'step' ? scale(state.step + 1) : playhead;
  const marks = useMemo(
    () => findingMarks(allFindings(index), rowOf, { first, end }, (step) => playheadX(axis, step, scale, stepTime), width),
    [index, rowOf, first, end, axis, scale, stepTime, width],
  );
  const laneMarks = useMemo(() => marks.filter((m) => m.row !== null), [marks]);
  const axisMarks = useMemo(() => marks.filter((m) => m.row === null), [marks]);

  const seekAt = (e: MouseEvent<HTMLDivElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    onSeek({ step: stepAtX(e.clientX - box.left, scale, axis, total, (t) => stepAtTime(index, t)) });
  };

  return (
    <section className="timeline" data-testid="timeline" data-axis={axis} aria-label={text.timeline.title}>
      <header className="timeline-toolbar">
        <h2 className="timeline-title">{text.timeline.title}</h2>
        <div className="timeline-axis-toggle" role="radiogroup" aria-label={text.timeline.axisLabel}>
          {(['step', 'time'] as const).map((kind) => (
            <button
              key={kind}
              type="button"
              role="radio"
              aria-checked={axis === kind}
              className={axis === kind ? 'is-active' : undefined}
              onClick={() => setChosenAxis(kind)}
            >
              {kind === 'step' ? text.timeline.stepAxis : text.timeline.timeAxis}
            </button>
          ))}
        </div>
        <button type="button" className="timeline-reset" onClick={reset} disabled={zoom.k === 1 && zoom.x === 0}>
          {text.timeline.resetZoom}
        </button>
        <span className="timeline-hint">{text.timeline.hint}</span>
      </header>
      <TimelineSummary index={index} lanes={lanes} labelOf={labelOf} lang={lang} />
      {lanes.length === 0 && <p className="timeline-empty">{text.timeline.empty}</p>}
      {/* Always mounted, even with no lanes, so the size and zoom hooks keep their element. */}
      <div className="timeline-scroll" ref={scrollRef} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
          <div className="timeline-header-row">
            <div className="timeline-corner">
              {end - first < lanes.length && text.timeline.lanesShown(first + 1, end, lanes.length)}
            </div>
            <div className="timeline-axis-cell">
              <TimelineAxis scale={scale} axis={axis} width={width} playhead={playhead} formatTime={formatTime} />
              <FindingMarkers index={index} marks={axisMarks} top={0} height={AXIS_HEIGHT} />
            </div>
          </div>
          <div className="timeline-rows" style={{ height: lanes.length * LANE_HEIGHT }}>
            <div className="timeline-labels-column">
              <div className="timeline-window" style={{ transform: `translateY(${first * LANE_HEIGHT}px)` }}>
                <LaneLabels rows={rows} text={text} />
              </div>
            </div>
            <div className="timeline-plot" ref={plotRef} onClick={seekAt} title={text.timeline.hint}>
              <div className="timeline-window" style={{ transform: `translateY(${first * LANE_HEIGHT}px)` }}>
                <LanePlot
                  lanes={plotLanes}
                  runningRow={runningRow}
                  window={{ first, end }}
                  rowOf={rowOf}
                  scale={scale}
                  axis={axis}
                  width={width}
                  step={state.step}
                  playhead={playhead}
                  titles={titles}
                />
                <FindingMarkers index={index} marks={laneMarks} top={first * LANE_HEIGHT} height={(end - first) * LANE_HEIGHT} />
                {predictOn && (
                  <div
                    className="timeline-future-veil"
                    style={{ left: veilX, height: (end - first) * LANE_HEIGHT }}
                    aria-hidden="true"
                    data-testid="timeline-future-veil"
                  />
                )}
              </div>
            </div>
          </div>
      </div>
    </section>
  );
}
