/**
 * The handle between the editor and the machinery. Dragging sets a CSS variable on the
 * workspace, so resizing re-renders only this handle (Monaco relayouts itself).
 */
import { useState, type RefObject } from 'react';

const MIN_PERCENT = 25;
const MAX_PERCENT = 70;

function clampPercent(p: number): number {
  return Math.min(MAX_PERCENT, Math.max(MIN_PERCENT, p));
}

export function Splitter({ containerRef }: { containerRef: RefObject<HTMLDivElement | null> }) {
  const [percent, setPercent] = useState(44);

  function apply(p: number): void {
    const next = clampPercent(p);
    setPercent(next);
    containerRef.current?.style.setProperty('--editor-width', `${next}%`);
  }

  return (
    <div
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-valuenow={Math.round(percent)}
      aria-valuemin={MIN_PERCENT}
      aria-valuemax={MAX_PERCENT}
      tabIndex={0}
      onPointerDown={(e) => {
        const box = containerRef.current?.getBoundingClientRect();
        if (!box) return;
        e.currentTarget.setPointerCapture(e.pointerId);
        const move = (ev: PointerEvent) => apply(((ev.clientX - box.left) / box.width) * 100);
        const up = () => {
          window.removeEventListener('pointermove', move);
          window.removeEventListener('pointerup', up);
        };
        window.addEventListener('pointermove', move);
        window.addEventListener('pointerup', up);
      }}
      onKeyDown={(e) => {
        if (e.key === 'ArrowLeft') apply(percent - 2);
        else if (e.key === 'ArrowRight') apply(percent + 2);
        else return;
        e.preventDefault();
        e.stopPropagation(); // arrows here resize; they must not also step the trace
      }}
    />
  );
}
