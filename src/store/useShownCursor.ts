/**
 * The cursor for the heavy panes (objects, await graph, narration, ready queue, timers,
 * cancellations, console): the store's cursor at every single step, and during a scrub what the
 * panes last caught up with (selectShownCursor), rendered at a lower priority than the views under
 * the pointer so React can drop a pane render the next frame's seek makes stale. When the
 * scrub stops the panes show the cursor in the same render as everything else.
 */
import { useDeferredValue } from 'react';
import type { Cursor } from '../trace/types';
import { useLoopscope } from './context';
import { selectScrubbing, selectShownCursor } from './selectors';

export function useShownCursor(): Cursor {
  const shown = useLoopscope(selectShownCursor);
  const scrubbing = useLoopscope(selectScrubbing);
  const deferred = useDeferredValue(shown);
  // Outside a scrub, never the deferred value: a step shows in every pane in the same frame.
  return scrubbing ? deferred : shown;
}
