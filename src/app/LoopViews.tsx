/**
 * The views of the loop's machinery at the cursor (the objects and the await graph: ObjectViews). This is the one place that turns the
 * cursor into a LoopState (a memoised selector), and hands it to views that know nothing of
 * the store.
 */
import { Cancellations } from '../panels/Cancellations';
import { ObjectViews } from './ObjectViews';
import { ReadyQueue } from '../panels/ReadyQueue';
import { Timers } from '../panels/Timers';
import { TaskTimeline } from '../timeline';
import { RunIntro } from '../panels/RunIntro';
import { useLoopscope } from '../store/context';
import { loopStateAt } from '../store/selectors';

export function LoopViews() {
  const index = useLoopscope((s) => s.index);
  const cursor = useLoopscope((s) => s.cursor);
  const lang = useLoopscope((s) => s.lang);
  const onSeek = useLoopscope((s) => s.seek);

  if (!index) return <RunIntro />;
  const state = loopStateAt(index, cursor);
  return (
    <>
      <div className="panel view-timeline">
        <TaskTimeline index={index} state={state} lang={lang} onSeek={onSeek} />
      </div>
      <div className="panel-row">
        <div className="panel view-ready">
          <ReadyQueue index={index} state={state} lang={lang} onSeek={onSeek} />
        </div>
        <div className="panel view-timers">
          <Timers index={index} state={state} lang={lang} onSeek={onSeek} />
        </div>
      </div>
      <ObjectViews index={index} cursor={cursor} lang={lang} />
      <div className="panel view-cancellations">
        <Cancellations index={index} state={state} lang={lang} onSeek={onSeek} />
      </div>
    </>
  );
}
