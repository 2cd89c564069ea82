/**
 * The findings' marks over the lanes (or over the axis, for the `row: null` ones), in the
 * finding's severity colour, titled with the finding's title; a click chooses the finding (the
 * Problems list opens it, the cursor goes to its step, the editor to its line). HTML beside the
 * lanes' SVG, like the playhead, so a step never repaints the segments.
 *
 * The diamonds of all the marks are a few SVG paths (markerArt.ts); each mark is also a button,
 * drawn only while it is chosen, hovered or focused, which keeps its role, label, test hooks and
 * click. The buttons are one tab stop (roving focus: arrows, Home and End move between them), not
 * one per mark.
 */
import { memo, useState, type KeyboardEvent } from 'react';
import { findingText } from '../i18n/findings';
import { problemsStrings } from '../i18n/problemsPanel';
import { useLoopscope } from '../store/context';
import { allFindings, selectChosenFinding } from '../store/selectors';
import type { TraceIndex } from '../trace/types';
import type { FindingMark } from './findingMarks';
import { LANE_HEIGHT } from './laneGeometry';
import { diamondPaths } from './markerArt';

interface Props {
  readonly index: TraceIndex;
  readonly marks: readonly FindingMark[];
  /** The y of row 0's top in this layer (the window's first row is drawn at 0). */
  readonly top: number;
  /** The layer's height: marks on the axis sit in its middle. */
  readonly height: number;
}

const keyOf = (m: FindingMark): string => `${m.at}:${m.row}:${m.step}`;

/** Memoised: the marks change with zoom and scrolling, not with the cursor, so playing redraws none. */
export const FindingMarkers = memo(function FindingMarkers({ index, marks, top, height }: Props) {
  const lang = useLoopscope((s) => s.lang);
  const chosen = useLoopscope(selectChosenFinding);
  const choose = useLoopscope((s) => s.chooseFinding);
  const [focused, setFocused] = useState<string | null>(null);
  const found = allFindings(index);
  const p = problemsStrings(lang);
  if (marks.length === 0) return null;
  const yOf = (m: FindingMark): number => (m.row === null ? height / 2 : m.row * LANE_HEIGHT - top + LANE_HEIGHT / 2);
  const art = diamondPaths(marks.map((m) => ({ x: m.x, y: yOf(m), severity: m.severity })));
  // The one tab stop: the mark last focused if it is still here, else the chosen finding's, else the first.
  const tabStop = marks.find((m) => keyOf(m) === focused) ?? marks.find((m) => m.at === chosen) ?? marks[0];

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const buttons = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('.timeline-finding-mark')];
    const at = buttons.findIndex((b) => b === document.activeElement);
    if (at < 0) return;
    const to = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? at + 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? at - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? buttons.length - 1 : null;
    if (to === null) return;
    e.preventDefault();
    e.stopPropagation(); // the arrows move between marks here, not the cursor (useShortcuts)
    buttons[Math.max(0, Math.min(buttons.length - 1, to))]?.focus();
  };

  return (
    <div className="timeline-finding-marks" style={{ height }} onKeyDown={onKeyDown}>
      <svg className="timeline-finding-art" height={height} aria-hidden="true">
        <path className="timeline-finding-light" d={art.light} />
        <path className="timeline-finding-diamonds severity-error" d={art.colour.error} fillRule="evenodd" />
        <path className="timeline-finding-diamonds severity-warning" d={art.colour.warning} fillRule="evenodd" />
        <path className="timeline-finding-diamonds severity-info" d={art.colour.info} fillRule="evenodd" />
      </svg>
      {marks.map((m) => {
        const finding = found[m.at];
        if (finding === undefined) return null;
        const title = p.marker(findingText(finding, lang).title);
        const key = keyOf(m);
        return (
          <button
            key={key}
            type="button"
            className={`timeline-finding-mark severity-${m.severity}${m.at === chosen ? ' is-chosen' : ''}`}
            // Its centre, by left and top (no transform: that would give each its own paint chunk).
            style={{ left: m.x, top: yOf(m) }}
            tabIndex={m === tabStop ? 0 : -1}
            title={title}
            aria-label={title}
            data-testid="finding-marker"
            data-kind={m.kind}
            data-step={m.step}
            onFocus={() => setFocused(key)}
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
