/**
 * The right side: what the loop is doing. On top, always visible: the narration, the controls
 * and how the run ended. Below, scrolling: the timeline, ready queue and timers, cancellations
 * and the console.
 */
import { BreakpointBar } from '../breakpoints/BreakpointBar';
import { uiStrings } from '../i18n/ui';
import { Controls } from '../panels/Controls';
import { Console } from '../panels/Console';
import { Narration } from '../panels/Narration';
import { RunEnd } from '../panels/RunEnd';
import { useLoopscope } from '../store/context';
import { PredictPanel } from '../predict/PredictPanel';
import { LoopViews } from './LoopViews';
import { CompareView } from '../compare/CompareView';

export function MachinePane() {
  const t = uiStrings(useLoopscope((s) => s.lang));
  return (
    <section className="machine-pane" aria-label={t.machinePane}>
      <div className="machine-top">
        <Narration />
        <Controls />
        <BreakpointBar />
        <PredictPanel />
        <RunEnd />
      </div>
      <div className="machine-scroll">
        <CompareView />
        <LoopViews />
        <Console />
      </div>
    </section>
  );
}
