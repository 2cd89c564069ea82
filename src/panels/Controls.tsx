/**
 * Playback controls, debugger style: jump to start, back a loop step, back a line, play/pause,
 * forward a line, forward a loop step, jump to end; the step label, the speed and the scrubber.
 * Each button reads only the booleans it needs, so stepping re-renders little here.
 */
import { uiStrings } from '../i18n/ui';
import { useLoopscope, useLoopscopeApi } from '../store/context';
import { SPEEDS } from '../store/prefsSlice';
import { selectScrubbing, selectTotalSteps } from '../store/selectors';
import { JumpEndIcon, JumpStartIcon, PauseIcon, PlayIcon } from './icons';
import { Scrubber } from './Scrubber';
import { StepLabel } from './StepLabel';

export function Controls() {
  const api = useLoopscopeApi();
  const t = uiStrings(useLoopscope((s) => s.lang));
  const total = useLoopscope(selectTotalSteps);
  const hasTrace = useLoopscope((s) => s.index !== null);
  const atStart = useLoopscope((s) => s.cursor.step === 0 && (s.cursor.line ?? 0) === 0);
  const atEnd = useLoopscope((s) => s.cursor.step >= selectTotalSteps(s));
  const playing = useLoopscope((s) => s.playing);
  const speed = useLoopscope((s) => s.speed);
  // Whether a scrub is going on (the heavy panes lag it): tests and the page bench wait on it.
  const scrubbing = useLoopscope(selectScrubbing);
  const act = () => api.getState();

  const noBack = !hasTrace || atStart;
  const noForward = !hasTrace || atEnd;
  return (
    <div className="controls" data-scrubbing={scrubbing}>
      <div className="controls-row">
        <div className="controls-buttons" role="toolbar" aria-label={t.playbackControls}>
          <button type="button" className="btn btn-icon" title={t.jumpStart} aria-label={t.jumpStart} disabled={noBack} onClick={() => act().jumpStart()} data-testid="jump-start">
            <JumpStartIcon />
          </button>
          <button type="button" className="btn" title={t.stepBack} aria-label={t.stepBack} disabled={noBack} onClick={() => act().stepBack('step')} data-testid="step-back">
            {t.stepBackShort}
          </button>
          <button type="button" className="btn btn-small" title={t.lineBack} aria-label={t.lineBack} disabled={noBack} onClick={() => act().stepBack('line')} data-testid="line-back">
            {t.lineBackShort}
          </button>
          <button
            type="button"
            className="btn btn-play"
            title={playing ? t.pause : t.play}
            aria-label={playing ? t.pause : t.play}
            aria-pressed={playing}
            disabled={!hasTrace || total === 0}
            onClick={() => act().togglePlay()}
            data-testid="play"
          >
            {playing ? <PauseIcon /> : <PlayIcon />}
          </button>
          <button type="button" className="btn btn-small" title={t.lineForward} aria-label={t.lineForward} disabled={noForward} onClick={() => act().stepForward('line')} data-testid="line-forward">
            {t.lineForwardShort}
          </button>
          <button type="button" className="btn" title={t.stepForward} aria-label={t.stepForward} disabled={noForward} onClick={() => act().stepForward('step')} data-testid="step-forward">
            {t.stepForwardShort}
          </button>
          <button type="button" className="btn btn-icon" title={t.jumpEnd} aria-label={t.jumpEnd} disabled={noForward} onClick={() => act().jumpEnd()} data-testid="jump-end">
            <JumpEndIcon />
          </button>
        </div>
        <StepLabel />
      </div>
      <div className="controls-row">
        <Scrubber />
        <label className="speed" title={t.speed}>
          <span className="visually-hidden">{t.speed}</span>
          <select className="select" value={speed} onChange={(e) => act().setSpeed(Number(e.target.value))} data-testid="speed">
            {SPEEDS.map((n) => (
              <option key={n} value={n}>
                {t.stepsPerSecond(n)}
              </option>
            ))}
          </select>
        </label>
      </div>
    </div>
  );
}
