/**
 * Comparing two runs: the run the learner pinned ("Pin for compare") stays on screen above the
 * current one while they edit and run again. Only the pinned run's index is kept; what differs is
 * derived (src/trace/compare.ts) by the compare view.
 */
import type { CompareSlice, GetState, SetState } from './types';

export function createCompareSlice(set: SetState, get: GetState): CompareSlice {
  return {
    pinned: null,
    pin() {
      const { index, phase } = get();
      // Only a finished run: a run still going has no index of its own yet.
      if (index === null || phase === 'running') return;
      set({ pinned: { index } });
    },
    unpin() {
      set({ pinned: null });
    },
  };
}
