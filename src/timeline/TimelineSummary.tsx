/**
 * The lanes in words, for a screen reader (the bars are a picture): who is in which state now.
 * It counts every lane's state, so it is one of the heavy panes: it reads the cursor the panes
 * show (useShownCursor), the step itself at a single step, catching up every so often while the
 * learner scrubs (a screen reader does not read sixty sentences a second anyway).
 */
import { memo, useMemo } from 'react';
import type { Lang } from '../i18n/lang';
import { timelineSummary } from '../i18n/summaries';
import type { TaskId } from '../protocol/trace';
import { stepCount } from '../trace';
import type { TaskLane, TraceIndex } from '../trace/types';
import { loopStateAt } from '../store/selectors';
import { useShownCursor } from '../store/useShownCursor';
import { laneGroups } from './laneGroups';

interface Props {
  readonly index: TraceIndex;
  readonly lanes: readonly TaskLane[];
  readonly labelOf: (id: TaskId) => string;
  readonly lang: Lang;
}

/** Memoised: its props change with the run and the language, not with the cursor. */
export const TimelineSummary = memo(function TimelineSummary({ index, lanes, labelOf, lang }: Props) {
  const cursor = useShownCursor('narration');
  // Once per step shown: it counts every lane (a scrub's catch-up renders it first with the step it had).
  const summary = useMemo(() => {
    const state = loopStateAt(index, cursor);
    return timelineSummary(
      { step: state.step, steps: stepCount(index), t: state.t, tasks: lanes.length, groups: laneGroups(lanes, state.tasks, labelOf) },
      lang,
    );
  }, [index, cursor, lanes, labelOf, lang]);
  return (
    <p className="visually-hidden" data-testid="timeline-summary">
      {summary}
    </p>
  );
});
