/**
 * What the views of the loop's machinery (timeline, ready queue, timers, cancellations) draw:
 * the run's index, the loop's state at the cursor, the language, and how to move the cursor.
 * One selector for the four, so each reads the store itself like every other view.
 */
import { useMemo } from 'react';
import type { Lang } from '../i18n/lang';
import type { Cursor, LoopState, TraceIndex } from '../trace/types';
import { useLoopscope } from './context';
import { loopStateAt } from './selectors';
import type { PaneTurn } from './scrubPace';
import { useShownCursor } from './useShownCursor';

export interface LoopView {
  readonly index: TraceIndex;
  readonly state: LoopState;
  readonly lang: Lang;
  readonly onSeek: (cursor: Cursor) => void;
}

/** The loop view at the cursor, at every frame of a scrub (the timeline, under the pointer); null before the first trace. */
export function useLoopView(): LoopView | null {
  return useLoopViewAt(useLoopscope((s) => s.cursor));
}

/**
 * The loop view at the cursor the heavy panes show (useShownCursor): the cursor itself at a
 * single step, catching up every so often during a scrub; null before the first trace.
 */
export function useShownLoopView(pane: PaneTurn): LoopView | null {
  return useLoopViewAt(useShownCursor(pane));
}

function useLoopViewAt(cursor: Cursor): LoopView | null {
  const index = useLoopscope((s) => s.index);
  const lang = useLoopscope((s) => s.lang);
  const onSeek = useLoopscope((s) => s.seek);
  // On the cursor, not stateAt's few recent states: while a scrub moves the cursor on, the pane's
  // step drops out of those, and a render for the same step would make a new state of it.
  const state = useMemo(() => (index === null ? null : loopStateAt(index, cursor)), [index, cursor]);
  // The same object while nothing in it changed, so a memoised view skips a render that brings it
  // nothing new (a scrub's deferred pass, a language-independent re-render of its parent).
  return useMemo(() => (index === null || state === null ? null : { index, state, lang, onSeek }), [index, state, lang, onSeek]);
}
