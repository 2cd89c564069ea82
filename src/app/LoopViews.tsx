/**
 * The views of the loop's machinery, laid out (the Problems list first: what went wrong is what
 * a learner looks for after a run); before the first trace, the intro instead. Each
 * view reads the store itself (useLoopView, or ObjectViews' own selectors), like every view:
 * this only places them.
 */
import { Cancellations } from '../panels/Cancellations';
import { ObjectViews } from './ObjectViews';
import { Problems } from '../panels/Problems';
import { ReadyQueue } from '../panels/ReadyQueue';
import { Timers } from '../panels/Timers';
import { TaskTimeline } from '../timeline';
import { RunIntro } from '../panels/RunIntro';
import { useLoopscope } from '../store/context';

export function LoopViews() {
  const hasTrace = useLoopscope((s) => s.index !== null);
  if (!hasTrace) return <RunIntro />;
  return (
    <>
      <div className="panel view-problems">
        <Problems />
      </div>
      <div className="panel view-timeline">
        <TaskTimeline />
      </div>
      <div className="panel-row">
        <div className="panel view-ready">
          <ReadyQueue />
        </div>
        <div className="panel view-timers">
          <Timers />
        </div>
      </div>
      <ObjectViews />
      <div className="panel view-cancellations">
        <Cancellations />
      </div>
    </>
  );
}
