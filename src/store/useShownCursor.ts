/**
 * The cursor for a group of heavy panes (objects and await graph, ready queue, narration, timers
 * and the rest: scrubPace.ts PANE_TURNS): the store's cursor at every single step, and during a
 * scrub what the group last caught up with (selectShownCursor), rendered at a lower priority than
 * the views under the pointer so React can drop a pane render the next frame's seek makes stale.
 * When the scrub stops the panes show the cursor in the same render as everything else.
 */
import { useDeferredValue } from 'react';
import type { Cursor } from '../trace/types';
import { useLoopscope } from './context';
import type { PaneTurn } from './scrubPace';
import { selectScrubbing, shownCursorOf } from './selectors';

export function useShownCursor(pane: PaneTurn): Cursor {
  const shown = useLoopscope(shownCursorOf(pane));
  const scrubbing = useLoopscope(selectScrubbing);
  // Deferred only while scrubbing: outside a scrub the deferred value stays null, so a single
  // step renders each pane once, in the same frame as everywhere (a deferred value that followed
  // every step would render every pane a second time after it, for the same cursor).
  const deferred = useDeferredValue(scrubbing ? shown : null);
  return scrubbing && deferred !== null ? deferred : shown;
}
