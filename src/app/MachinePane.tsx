/**
 * The right side: what the loop is doing. On top, always visible: the narration, the controls
 * and how the run ended. Below, scrolling: the timeline, ready queue and timers, cancellations
 * and the console.
 */
import { Controls } from '../panels/Controls';
import { Console } from '../panels/Console';
import { Narration } from '../panels/Narration';
import { RunEnd } from '../panels/RunEnd';
import { LoopViews } from './LoopViews';

export function MachinePane() {
  return (
    <section className="machine-pane" aria-label="event loop">
      <div className="machine-top">
        <Narration />
        <Controls />
        <RunEnd />
      </div>
      <div className="machine-scroll">
        <LoopViews />
        <Console />
      </div>
    </section>
  );
}
