/**
 * What the views of the loop's machinery (timeline, ready queue, timers, cancellations) draw:
 * the run's index, the loop's state at the cursor, the language, and how to move the cursor.
 * One selector for the four, so each reads the store itself like every other view.
 */
import type { Lang } from '../i18n/lang';
import type { Cursor, LoopState, TraceIndex } from '../trace/types';
import { useLoopscope } from './context';
import { loopStateAt } from './selectors';

export interface LoopView {
  readonly index: TraceIndex;
  readonly state: LoopState;
  readonly lang: Lang;
  readonly onSeek: (cursor: Cursor) => void;
}

/** The loop view at the cursor; null before the first run has a trace. */
export function useLoopView(): LoopView | null {
  const index = useLoopscope((s) => s.index);
  const cursor = useLoopscope((s) => s.cursor);
  const lang = useLoopscope((s) => s.lang);
  const onSeek = useLoopscope((s) => s.seek);
  return index === null ? null : { index, state: loopStateAt(index, cursor), lang, onSeek };
}
