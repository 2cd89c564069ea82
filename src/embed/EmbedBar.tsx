/**
 * The embed's bar: Run (Stop while running), what the engine is doing, a note when Stop can
 * only restart Python here, and the way out to the full app.
 */
import { embedStrings } from '../i18n/embed';
import { StatusIndicator } from '../app/StatusIndicator';
import { RunButton } from '../panels/RunButton';
import { useLoopscope } from '../store/context';
import { OpenInLoopscope } from './OpenInLoopscope';

/**
 * Whether Stop can interrupt Python (SharedArrayBuffer, only in a cross-origin isolated page: a
 * frame is isolated only when its host is and allows it, src/host/engineClient.ts).
 */
const canInterrupt = typeof crossOriginIsolated === 'boolean' && crossOriginIsolated;

export function EmbedBar() {
  const t = embedStrings(useLoopscope((s) => s.lang));
  const running = useLoopscope((s) => s.phase === 'running');
  return (
    <div className="embed-bar" data-isolated={canInterrupt}>
      <RunButton />
      <StatusIndicator />
      {running && !canInterrupt && (
        <p className="embed-stop-note" role="note" data-testid="embed-stop-note">
          {t.stopRestarts}
        </p>
      )}
      <div className="header-spacer" />
      <OpenInLoopscope />
    </div>
  );
}
