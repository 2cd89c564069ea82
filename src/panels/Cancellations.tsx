/**
 * Every cancellation of the run, one row each: requester → target with how it was asked
 * (cancel(), timeout, TaskGroup...), a small track over the run's steps from the request to the
 * delivery of the CancelledError and the task's end, and the outcome. Rows later than the
 * cursor are dimmed; click a row to jump to its request, or its delivery. A run with more than
 * a hundred draws the hundred around the cursor and counts the rest.
 */
import { memo, useMemo, useRef } from 'react';
import { scaleLinear } from 'd3';
import { useElementSize } from '../hooks/useElementSize';
import { formatTime, taskLabelText } from '../i18n/format';
import { viewStrings } from '../i18n/views';
import type { TaskId } from '../protocol/trace';
import { cancellations, stepCount, taskLabel } from '../trace';
import { useShownLoopView, type LoopView } from '../store/useLoopView';
import { cancellationPhase, cancellationWindow, cancellationWords } from './cancellationRows';
import './loopView.css';
import './Cancellations.css';

/** The list's size until it is measured (only its width is used). */
const FALLBACK_SIZE = { width: 360, height: 0 };
const TRACK_HEIGHT = 16;
const TRACK_PAD = 6;
/** An entry's left border and padding: the track fits inside it. */
const ENTRY_INSET = 16;

/** The view, reading the store itself (nothing before the first trace). */
export function Cancellations() {
  const view = useShownLoopView('timers');
  return view === null ? null : <ShownCancellationsAt {...view} />;
}

/** Memoised: the same LoopView (useShownLoopView keeps it while nothing in it changed) is not drawn again. */
const ShownCancellationsAt = memo(CancellationsAt);

function CancellationsAt({ index, state, lang, onSeek }: LoopView) {
  const text = viewStrings(lang);
  const c = text.cancellations;
  const listRef = useRef<HTMLOListElement>(null);
  const width = useElementSize(listRef, FALLBACK_SIZE).width - ENTRY_INSET;
  const all = useMemo(() => cancellations(index), [index]);
  const total = stepCount(index);
  // One step scale for every row, so rows line up and compare. As on the timeline's step axis,
  // step s is the band [s, s+1) and a mark sits in the middle of its band.
  const band = useMemo(
    () =>
      scaleLinear()
        .domain([0, total + 1])
        .range([TRACK_PAD, Math.max(TRACK_PAD + 1, width - TRACK_PAD)]),
    [total, width],
  );
  const x = (step: number) => band(step + 0.5);
  const taskName = (id: TaskId) => taskLabelText(taskLabel(index.tasks, id));
  const nowX = x(state.step);
  const { start, end } = cancellationWindow(all, state.step);
  const shown = useMemo(() => all.slice(start, end), [all, start, end]);

  return (
    <section className="loop-view cancellations" data-testid="cancellations" aria-label={c.title}>
      <h2 className="view-title">{c.title}</h2>
      {all.length === 0 && <p className="cancellations-empty">{c.empty}</p>}
      {start > 0 && <p className="cancellations-more">{c.earlier(start)}</p>}
      <ol className="cancellations-list" ref={listRef}>
        {shown.map((item) => {
          const phase = cancellationPhase(item, state.step);
          const words = cancellationWords(item, taskName, c);
          const delivered = item.delivered;
          const reqX = x(item.requestStep);
          const delX = delivered === undefined ? null : x(delivered.step);
          const endX = item.endStep === undefined ? null : x(item.endStep);
          return (
            <li
              key={item.event}
              className={`cancellations-entry phase-${phase} outcome-${item.outcome}`}
              data-testid="cancellation-item"
              data-phase={phase}
              data-outcome={item.outcome}
              data-via={item.via}
            >
              <button
                type="button"
                className="cancellations-request"
                title={c.seekRequest}
                onClick={() => onSeek({ step: item.requestStep })}
              >
                <span className="cancellations-who">{words.requester}</span>
                <span className="cancellations-arrow" aria-hidden="true">
                  →
                </span>
                <span className="cancellations-who is-target">{words.target}</span>
                <span className="cancellations-via">{words.via}</span>
                {item.line !== null && <span className="cancellations-line">{text.line(item.line)}</span>}
                {item.msg !== undefined && <span className="cancellations-msg">{c.message(item.msg)}</span>}
              </button>
              <svg className="cancellations-track" width={width} height={TRACK_HEIGHT} aria-hidden="true">
                <line className="track-run" x1={TRACK_PAD} x2={width - TRACK_PAD} y1={8} y2={8} />
                <line className="track-span" x1={reqX} x2={endX ?? delX ?? reqX} y1={8} y2={8} />
                <circle className="track-request" cx={reqX} cy={8} r={4} />
                {delX !== null && <path className="track-delivery" d={`M${delX - 4},4L${delX + 4},12M${delX + 4},4L${delX - 4},12`} />}
                {endX !== null && <rect className="track-end" x={endX - 1.5} y={2} width={3} height={12} />}
                <line className="track-now" x1={nowX} x2={nowX} y1={0} y2={TRACK_HEIGHT} />
              </svg>
              <div className="cancellations-details">
                <button type="button" className="cancellations-step" onClick={() => onSeek({ step: item.requestStep })}>
                  {c.requested(item.requestStep)} · {formatTime(item.requestT)}
                </button>
                {delivered === undefined ? (
                  <span className="cancellations-step is-missing">{c.notDelivered}</span>
                ) : (
                  <button
                    type="button"
                    className="cancellations-step"
                    title={c.seekDelivery}
                    onClick={() => onSeek({ step: delivered.step })}
                  >
                    {c.delivered(delivered.step)}
                    {delivered.line !== null && ` · ${text.line(delivered.line)}`}
                  </button>
                )}
                <span className="cancellations-outcome">{words.outcome}</span>
                {words.cause !== undefined && <span className="cancellations-cause">{words.cause}</span>}
                {phase === 'future' && <span className="visually-hidden">{c.future}</span>}
              </div>
            </li>
          );
        })}
      </ol>
      {end < all.length && <p className="cancellations-more">{c.later(all.length - end)}</p>}
    </section>
  );
}
