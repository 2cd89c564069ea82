/**
 * The Export menu in the header: the timeline or the whole event-loop pane as SVG or PNG, the
 * trace as JSON, a video of the playback; and "Open a trace file…" (also by dropping one on the
 * page). What an export or an import says appears under the menu until dismissed.
 */
import { useEffect, useRef, useState } from 'react';
import { exportWords } from '../i18n/exportWords';
import { uiStrings } from '../i18n/ui';
import { useLoopscope, useLoopscopeApi } from '../store/context';
import { taskLanes } from '../trace';
import { exportTrace, exportView, type ImageFormat, type ViewName } from './exportView';
import { useTraceImport, type ExportMessage } from './useTraceImport';
import { VideoDialog } from './VideoDialog';
import './export.css';

const IMAGE_ITEMS: readonly { readonly view: ViewName; readonly format: ImageFormat; readonly testId: string }[] = [
  { view: 'timeline', format: 'svg', testId: 'export-timeline-svg' },
  { view: 'timeline', format: 'png', testId: 'export-timeline-png' },
  { view: 'pane', format: 'svg', testId: 'export-pane-svg' },
  { view: 'pane', format: 'png', testId: 'export-pane-png' },
];

export function ExportMenu() {
  const api = useLoopscopeApi();
  const lang = useLoopscope((s) => s.lang);
  const hasTrace = useLoopscope((s) => s.index !== null);
  const words = exportWords(lang);
  const [open, setOpen] = useState(false);
  const [recording, setRecording] = useState(false);
  const [message, setMessage] = useState<ExportMessage | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const { openFile, dragging } = useTraceImport(setMessage);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (e: PointerEvent) => {
      if (e.target instanceof Node && !rootRef.current?.contains(e.target)) setOpen(false);
    };
    window.addEventListener('pointerdown', onPointerDown);
    return () => window.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  async function exportImage(view: ViewName, format: ImageFormat): Promise<void> {
    setOpen(false);
    try {
      const { index, cursor } = api.getState();
      const lanes = await exportView(view, format, cursor.step, index === null ? 0 : taskLanes(index).length);
      if (lanes === null) setMessage({ tone: 'error', lines: [words.noTimeline] });
      else if (lanes.shown < lanes.total) setMessage({ tone: 'ok', lines: [words.lanesLeftOut(lanes.shown, lanes.total)] });
    } catch (error) {
      setMessage({ tone: 'error', lines: [words.exportFailed(error instanceof Error ? error.message : String(error))] });
    }
  }

  const label = (view: ViewName, format: ImageFormat): string => {
    if (view === 'timeline') return format === 'svg' ? words.timelineSvg : words.timelinePng;
    return format === 'svg' ? words.paneSvg : words.panePng;
  };

  return (
    <div
      className="menu export-menu"
      ref={rootRef}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          setOpen(false);
        }
      }}
    >
      <button type="button" className="btn" aria-haspopup="true" aria-expanded={open} title={words.menuHint} onClick={() => setOpen((o) => !o)} data-testid="export">
        {words.menu} ▾
      </button>
      {open && (
        <ul className="menu-list export-list" role="menu" aria-label={words.menu}>
          {IMAGE_ITEMS.map(({ view, format, testId }) => (
            <li key={testId} role="none">
              <button type="button" role="menuitem" className="menu-item" disabled={!hasTrace} title={hasTrace ? undefined : words.needsRun} onClick={() => void exportImage(view, format)} data-testid={testId}>
                {label(view, format)}
              </button>
            </li>
          ))}
          <li role="none">
            <button
              type="button"
              role="menuitem"
              className="menu-item"
              disabled={!hasTrace}
              title={hasTrace ? undefined : words.needsRun}
              onClick={() => {
                setOpen(false);
                const trace = api.getState().index?.trace;
                if (trace) exportTrace(trace);
              }}
              data-testid="export-trace-json"
            >
              {words.traceJson}
            </button>
          </li>
          <li role="none">
            <button
              type="button"
              role="menuitem"
              className="menu-item"
              disabled={!hasTrace}
              title={hasTrace ? undefined : words.needsRun}
              onClick={() => {
                setOpen(false);
                setRecording(true);
              }}
              data-testid="export-video"
            >
              {words.recordVideo}
            </button>
          </li>
          <li role="none" className="menu-separator" />
          <li role="none">
            <button type="button" role="menuitem" className="menu-item" onClick={() => fileRef.current?.click()} data-testid="open-trace">
              {words.openTrace}
            </button>
          </li>
        </ul>
      )}
      <input
        ref={fileRef}
        type="file"
        accept=".json,application/json"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          setOpen(false);
          if (file) void openFile(file);
        }}
        data-testid="open-trace-input"
      />
      {message !== null && (
        <div className={`popover export-message is-${message.tone}`} role={message.tone === 'error' ? 'alert' : 'status'} data-testid="export-message" data-tone={message.tone}>
          <div>
            {message.lines.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </div>
          <button type="button" className="btn btn-quiet btn-icon" aria-label={uiStrings(lang).dismiss} onClick={() => setMessage(null)}>
            ✕
          </button>
        </div>
      )}
      {dragging && (
        <div className="drop-overlay" aria-hidden="true" data-testid="drop-overlay">
          <p>{words.dropHere}</p>
        </div>
      )}
      {recording && (
        <VideoDialog
          onClose={() => setRecording(false)}
          onSaved={(text) => {
            setRecording(false);
            setMessage({ tone: 'ok', lines: [text] });
          }}
        />
      )}
    </div>
  );
}
