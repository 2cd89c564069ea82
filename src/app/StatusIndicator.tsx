/**
 * One calm line saying what the engine is doing, with a dot in the state colours; while Python
 * downloads, how much of it has come (a bar, and each file in the tooltip).
 */
import { bootFigures, bootProgressWords } from '../i18n/bootProgress';
import { uiStrings } from '../i18n/ui';
import { useLoopscope } from '../store/context';
import { selectStatus } from '../store/selectors';

type Tone = 'busy' | 'ok' | 'bad' | 'idle';

export function StatusIndicator() {
  const status = useLoopscope(selectStatus);
  const engineStatus = useLoopscope((s) => s.engineStatus);
  const bootProgress = useLoopscope((s) => s.bootProgress);
  const runQueued = useLoopscope((s) => s.runQueued);
  const version = useLoopscope((s) => s.pythonVersion);
  const lang = useLoopscope((s) => s.lang);
  const t = uiStrings(lang);

  // A boot's progress is shown while the engine boots, a run waiting for it or not.
  const booting = engineStatus === 'booting' && (status !== 'running' || runQueued);
  const progress = booting && bootProgress !== null ? bootProgressWords(lang, bootProgress, status === 'running') : null;
  const figures = booting && bootProgress?.stage === 'downloading' ? bootFigures(bootProgress.downloads) : null;

  let text: string;
  let tone: Tone;
  if (progress !== null) {
    text = progress.line;
    tone = 'busy';
  } else if (status === 'running') {
    text = runQueued ? t.statusRunningQueued : t.statusRunning;
    tone = 'busy';
  } else if (engineStatus === 'failed') {
    text = t.statusEngineFailed;
    tone = 'bad';
  } else if (engineStatus === 'booting') {
    text = t.statusBooting;
    tone = 'busy';
  } else {
    text = t.statusReady(version);
    tone = 'ok';
  }
  return (
    <span className="status" data-tone={tone} data-testid="status" title={progress?.detail}>
      <span className="status-dot" aria-hidden="true" />
      {/* The words are the live region; the bar's figures change too often to be read out. */}
      <span role="status" aria-live="polite" data-testid="status-text">
        {text}
      </span>
      {figures !== null && progress !== null ? (
        <progress
          className="status-progress"
          data-testid="boot-progress"
          aria-label={progress.barLabel}
          max={figures.total ?? undefined}
          value={figures.total === null ? undefined : figures.loaded}
          aria-valuetext={progress.percent === null ? undefined : `${progress.percent}%`}
        />
      ) : null}
    </span>
  );
}
