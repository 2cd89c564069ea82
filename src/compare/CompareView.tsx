/**
 * The compare view: the pinned run above the current one, both on one virtual-time axis, each
 * with its total time, steps and tasks, and the differences called out in words
 * ("sequential: 6.0 s, gather: 3.0 s"). Shown only while a run is pinned.
 */
import { scaleLinear } from 'd3';
import { useMemo, useRef } from 'react';
import { useElementSize } from '../hooks/useElementSize';
import { compareFactText, compareSeconds, compareWords, type RunNames } from '../i18n/compareWords';
import { compareRuns, runSummary, type RunSummary } from '../trace';
import type { TraceIndex } from '../trace/types';
import { useLoopscope, useLoopscopeApi } from '../store/context';
import { selectTraceIsStale } from '../store/selectors';
import { COMPARE_LABEL_WIDTH, RunLanes } from './RunLanes';
import './compare.css';

const PLOT_RIGHT_PAD = 12;
const AXIS_TICKS = 6;

export function CompareView() {
  const api = useLoopscopeApi();
  const lang = useLoopscope((s) => s.lang);
  const pinned = useLoopscope((s) => s.pinned);
  const index = useLoopscope((s) => s.index);
  const stale = useLoopscope(selectTraceIsStale);
  const words = compareWords(lang);
  const boxRef = useRef<HTMLDivElement>(null);
  const { width } = useElementSize(boxRef, { width: 600, height: 0 });

  const current = pinned !== null && index !== null && index !== pinned.index ? index : null;
  const comparison = useMemo(() => (pinned !== null && current !== null ? compareRuns(pinned.index, current) : null), [pinned, current]);
  const pinnedSummary = useMemo(() => (pinned === null ? null : runSummary(pinned.index)), [pinned]);
  if (pinned === null || pinnedSummary === null) return null;

  const names = runNames(pinnedSummary, comparison?.current ?? null, words);
  const axisEnd = comparison?.axisEnd ?? Math.max(pinnedSummary.totalTime, 0.001);
  const plotEnd = Math.max(width - PLOT_RIGHT_PAD, COMPARE_LABEL_WIDTH + 40);
  const scale = scaleLinear().domain([0, axisEnd]).range([COMPARE_LABEL_WIDTH, plotEnd]);

  return (
    <section className="panel compare" data-testid="compare-view" aria-label={words.title}>
      <header className="panel-title compare-title">
        <h2>{words.title}</h2>
        <span className="header-spacer" />
        {current !== null && (
          <button type="button" className="btn btn-small" onClick={() => api.getState().pin()} data-testid="compare-repin">
            {words.repin}
          </button>
        )}
        <button type="button" className="btn btn-small" onClick={() => api.getState().unpin()} data-testid="compare-unpin">
          {words.unpin}
        </button>
      </header>
      <div className="compare-body" ref={boxRef}>
        {comparison !== null && (
          <div className="compare-facts-box">
            <h3 className="compare-subtitle">{words.differences}</h3>
            <ul className="compare-facts" data-testid="compare-facts">
              {comparison.facts.map((fact) => (
                <li key={fact.kind} data-kind={fact.kind} data-testid="compare-fact">
                  {compareFactText(fact, names, lang)}
                </li>
              ))}
            </ul>
          </div>
        )}
        <CompareRun which="pinned" name={names.pinned} summary={pinnedSummary} index={pinned.index} scale={scale} width={width} />
        {current !== null && comparison !== null ? (
          <CompareRun which="current" name={names.current} summary={comparison.current} index={current} scale={scale} width={width} />
        ) : (
          <p className="compare-note" data-testid="compare-waiting">
            {words.waiting}
          </p>
        )}
        {current !== null && stale && <p className="compare-note">{words.stale}</p>}
        <svg className="compare-axis" width={width} height={22} aria-hidden="true">
          <line x1={COMPARE_LABEL_WIDTH} x2={plotEnd} y1={2} y2={2} />
          {scale.ticks(AXIS_TICKS).map((t, i, ticks) => (
            <g key={t} transform={`translate(${scale(t)}, 0)`}>
              <line y1={2} y2={6} />
              {/* The end ticks' labels lean inward, clear of the axis's name and the edge. */}
              <text y={17} textAnchor={i === 0 ? 'start' : i === ticks.length - 1 && scale(t) > plotEnd - 20 ? 'end' : 'middle'}>
                {compareSeconds(t)}
              </text>
            </g>
          ))}
          <text x={COMPARE_LABEL_WIDTH - 8} y={17} textAnchor="end" className="compare-axis-name">
            {words.axis}
          </text>
        </svg>
      </div>
    </section>
  );
}

interface CompareRunProps {
  readonly which: 'pinned' | 'current';
  readonly name: string;
  readonly summary: RunSummary;
  readonly index: TraceIndex;
  readonly scale: ReturnType<typeof scaleLinear<number, number>>;
  readonly width: number;
}

function CompareRun({ which, name, summary, index, scale, width }: CompareRunProps) {
  const words = compareWords(useLoopscope((s) => s.lang));
  return (
    <div className={`compare-run is-${which}`} data-testid="compare-run" data-run={which} data-total-time={summary.totalTime} data-steps={summary.steps} data-tasks={summary.tasks}>
      <h3 className="compare-run-title">
        <span className="compare-run-name">{name}</span>
        <span className="compare-run-figures">{words.summary(summary.totalTime, summary.steps, summary.tasks)}</span>
      </h3>
      <RunLanes index={index} scale={scale} width={width} label={words.chartLabel(name, summary.tasks)} />
    </div>
  );
}

/** The runs' names: their programs' first comments, else "pinned run" / "this run" (also when both comments are the same). */
function runNames(pinned: RunSummary, current: RunSummary | null, words: ReturnType<typeof compareWords>): RunNames {
  const a = pinned.label;
  const b = current?.label ?? null;
  if (a === null || b === null || a === b) return { pinned: a ?? words.pinnedRun, current: b !== null && b !== a ? b : words.currentRun };
  return { pinned: a, current: b };
}
