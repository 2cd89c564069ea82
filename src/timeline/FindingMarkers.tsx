/**
 * The findings' marks over the lanes (or over the axis, for the `row: null` ones): small
 * buttons in the finding's severity colour, titled with the finding's title; a click chooses the
 * finding (the Problems list opens it, the cursor goes to its step, the editor to its line). HTML
 * beside the lanes' SVG, like the playhead, so a step never repaints the segments; each is a
 * plain box placed by left/top with the diamond in its background, so the marks of a run paint
 * as one layer.
 */
import { memo } from 'react';
import { findingText } from '../i18n/findings';
import { problemsStrings } from '../i18n/problemsPanel';
import { useLoopscope } from '../store/context';
import { allFindings, selectChosenFinding } from '../store/selectors';
import type { TraceIndex } from '../trace/types';
import type { FindingMark } from './findingMarks';
import { LANE_HEIGHT } from './laneGeometry';

interface Props {
  readonly index: TraceIndex;
  readonly marks: readonly FindingMark[];
  /** The y of row 0's top in this layer (the window's first row is drawn at 0). */
  readonly top: number;
  /** The layer's height: marks on the axis sit in its middle. */
  readonly height: number;
}

/** Memoised: the marks change with zoom and scrolling, not with the cursor, so playing redraws none. */
export const FindingMarkers = memo(function FindingMarkers({ index, marks, top, height }: Props) {
  const lang = useLoopscope((s) => s.lang);
  const chosen = useLoopscope(selectChosenFinding);
  const choose = useLoopscope((s) => s.chooseFinding);
  const found = allFindings(index);
  const p = problemsStrings(lang);
  if (marks.length === 0) return null;
  return (
    <div className="timeline-finding-marks" style={{ height }}>
      {marks.map((m) => {
        const finding = found[m.at];
        if (finding === undefined) return null;
        const title = p.marker(findingText(finding, lang).title);
        const y = m.row === null ? height / 2 : m.row * LANE_HEIGHT - top + LANE_HEIGHT / 2;
        return (
          <button
            key={`${m.at}:${m.row}:${m.step}`}
            type="button"
            className={`timeline-finding-mark severity-${m.severity}${m.at === chosen ? ' is-chosen' : ''}`}
            // Its centre, by left and top: a transform each would give every mark its own paint
            // chunk, and a trace with 1,000 findings spent more time compositing them than
            // drawing the page (TaskTimeline.css draws the diamond).
            style={{ left: m.x, top: y }}
            title={title}
            aria-label={title}
            data-testid="finding-marker"
            data-kind={m.kind}
            data-step={m.step}
            onClick={(e) => {
              // The plot under it seeks on click: this click chooses the finding instead.
              e.stopPropagation();
              choose(m.at);
            }}
          />
        );
      })}
    </div>
  );
});
