/** Run, or Stop while a program runs: one place in the header, so the learner's eye stays put. */
import { uiStrings } from '../i18n/ui';
import { useLoopscope, useLoopscopeApi } from '../store/context';
import { PlayIcon, StopIcon } from './icons';

export function RunButton() {
  const api = useLoopscopeApi();
  const running = useLoopscope((s) => s.phase === 'running');
  const engineFailed = useLoopscope((s) => s.engineStatus === 'failed');
  const t = uiStrings(useLoopscope((s) => s.lang));
  if (running) {
    return (
      <button type="button" className="btn btn-danger" onClick={() => api.getState().stop()} title={t.stopHint} data-testid="stop">
        <StopIcon /> {t.stop}
      </button>
    );
  }
  return (
    <button
      type="button"
      className="btn btn-primary"
      onClick={() => (engineFailed ? api.getState().retryEngine() : api.getState().run())}
      title={t.runHint}
      data-testid="run"
    >
      <PlayIcon /> {t.run}
    </button>
  );
}
