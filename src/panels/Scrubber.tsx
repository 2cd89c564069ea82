/**
 * A range input over every loop step of the run. Dragging updates the thumb at once (local
 * state) and the store at most once per animation frame, so a 100,000-step trace scrubs
 * smoothly: the views render one state per frame, not one per mouse event.
 */
import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { uiStrings } from '../i18n/ui';
import { useLoopscope, useLoopscopeApi } from '../store/context';
import { selectTotalSteps } from '../store/selectors';

export function Scrubber() {
  const api = useLoopscopeApi();
  const total = useLoopscope(selectTotalSteps);
  const step = useLoopscope((s) => s.cursor.step);
  const t = uiStrings(useLoopscope((s) => s.lang));
  const [dragValue, setDragValue] = useState<number | null>(null);
  const frame = useRef<number | null>(null);
  const wanted = useRef(0);

  useEffect(
    () => () => {
      if (frame.current !== null) cancelAnimationFrame(frame.current);
    },
    [],
  );

  function onInput(value: number): void {
    setDragValue(value);
    wanted.current = value;
    if (frame.current !== null) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = null;
      api.getState().seek({ step: wanted.current });
      setDragValue(null); // the store has caught up: show its value again
    });
  }

  const shown = dragValue ?? step;
  const fill = total > 0 ? (shown / total) * 100 : 0;
  return (
    <input
      type="range"
      className="scrubber"
      min={0}
      max={Math.max(total, 0)}
      step={1}
      value={shown}
      disabled={total === 0}
      aria-label={t.scrubber}
      aria-valuetext={t.stepOf(shown, total)}
      style={{ '--fill': `${fill}%` } as CSSProperties}
      onChange={(e) => onInput(Number(e.target.value))}
      onKeyDown={(e) => e.stopPropagation()} // the range's own arrows, not the global step shortcuts
      data-testid="scrubber"
    />
  );
}
