/** One calm line saying what the engine is doing, with a dot in the state colours. */
import { uiStrings } from '../i18n/ui';
import { useLoopscope } from '../store/context';
import { selectStatus } from '../store/selectors';

type Tone = 'busy' | 'ok' | 'bad' | 'idle';

export function StatusIndicator() {
  const status = useLoopscope(selectStatus);
  const engineStatus = useLoopscope((s) => s.engineStatus);
  const runQueued = useLoopscope((s) => s.runQueued);
  const version = useLoopscope((s) => s.pythonVersion);
  const t = uiStrings(useLoopscope((s) => s.lang));

  let text: string;
  let tone: Tone;
  if (status === 'running') {
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
    <span className="status" data-tone={tone} data-testid="status" role="status" aria-live="polite">
      <span className="status-dot" aria-hidden="true" />
      {text}
    </span>
  );
}
