/**
 * Which finding the learner is looking at. Choosing one is a move like any other: the cursor
 * goes to the finding's step (pausing playback) and the editor shows its line.
 */
import { allFindings } from './selectors';
import type { FindingsSlice, GetState, SetState } from './types';

export function createFindingsSlice(set: SetState, get: GetState): FindingsSlice {
  return {
    chosenFinding: null,
    chooseFinding(at) {
      const { index } = get();
      const finding = index === null || at === null ? undefined : allFindings(index)[at];
      if (index === null || at === null || finding === undefined) {
        set({ chosenFinding: null });
        return;
      }
      set({ chosenFinding: { index, at } });
      get().seek({ step: finding.step });
      if (finding.line !== null) get().revealLine(finding.line);
    },
  };
}
