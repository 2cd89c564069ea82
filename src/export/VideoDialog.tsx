/**
 * The recorder: a step range (from the current step to the end, by default) recorded at the
 * playback speed, downloaded as WebM when done. Where the browser cannot record, it says so.
 */
import { useRef, useState } from 'react';
import { exportWords } from '../i18n/exportWords';
import { useLoopscope, useLoopscopeApi } from '../store/context';
import { selectTotalSteps } from '../store/selectors';
import { downloadBlob } from './download';
import { viewElement } from './exportView';
import { MAX_VIDEO_STEPS, recordPlayback, videoRange, videoUnsupported } from './recordVideo';

type Progress = { readonly phase: 'frames' | 'recording'; readonly done: number; readonly total: number };

export function VideoDialog({ onClose, onSaved }: { onClose: () => void; onSaved: (text: string) => void }) {
  const api = useLoopscopeApi();
  const words = exportWords(useLoopscope((s) => s.lang));
  const total = useLoopscope(selectTotalSteps);
  const speed = useLoopscope((s) => s.speed);
  const [from, setFrom] = useState(() => Math.min(api.getState().cursor.step, total));
  const [to, setTo] = useState(total);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const unsupported = videoUnsupported();
  const range = videoRange(from, to, total);

  async function record(): Promise<void> {
    const controller = new AbortController();
    abort.current = controller;
    setFailure(null);
    const back = api.getState().cursor;
    try {
      const blob = await recordPlayback({
        range,
        stepsPerSecond: speed,
        element: () => viewElement('pane'),
        seek: (step) => api.getState().seek({ step }),
        onProgress: (phase, done, all) => setProgress({ phase, done, total: all }),
        signal: controller.signal,
      });
      const name = `loopscope-steps${range.from}-${range.to}.webm`;
      downloadBlob(blob, name);
      onSaved(words.videoSaved(name, Math.ceil(blob.size / 1024)));
    } catch (error) {
      if (!controller.signal.aborted) setFailure(words.videoFailed(error instanceof Error ? error.message : String(error)));
    } finally {
      abort.current = null;
      setProgress(null);
      api.getState().seek(back);
    }
  }

  const busy = progress !== null;
  return (
    <div className="overlay" role="presentation">
      <div className="dialog video-dialog" role="dialog" aria-modal="true" aria-labelledby="video-dialog-title" data-testid="video-dialog">
        <h2 id="video-dialog-title">{words.videoTitle}</h2>
        {unsupported !== null ? (
          <p className="video-note" role="alert" data-testid="video-unsupported">
            {words.videoUnsupported[unsupported]}
          </p>
        ) : (
          <>
            <p className="video-range">
              <label>
                {words.videoFrom}{' '}
                <input type="number" min={0} max={total} value={from} disabled={busy} onChange={(e) => setFrom(Number(e.target.value))} data-testid="video-from" />
              </label>{' '}
              <label>
                {words.videoTo}{' '}
                <input type="number" min={0} max={total} value={to} disabled={busy} onChange={(e) => setTo(Number(e.target.value))} data-testid="video-to" />
              </label>
            </p>
            <p className="video-note">{words.videoSpeed(speed)}</p>
            {range.clipped && <p className="video-note">{words.videoClipped(MAX_VIDEO_STEPS)}</p>}
            {progress !== null && (
              <p className="video-note" role="status" data-testid="video-progress">
                {progress.phase === 'frames' ? words.videoFrames(progress.done, progress.total) : words.videoRecording(progress.done, progress.total)}
              </p>
            )}
            {failure !== null && (
              <p className="video-note is-error" role="alert">
                {failure}
              </p>
            )}
          </>
        )}
        <div className="dialog-buttons">
          {unsupported === null && (
            <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void record()} data-testid="video-record">
              {words.videoStart}
            </button>
          )}
          <button
            type="button"
            className="btn"
            onClick={() => {
              abort.current?.abort();
              onClose();
            }}
            data-testid="video-cancel"
          >
            {words.videoCancel}
          </button>
        </div>
      </div>
    </div>
  );
}
