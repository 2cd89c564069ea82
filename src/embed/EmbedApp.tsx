/**
 * The embed's shell: a compact page for an iframe in a course page. A slim bar (Run/Stop, the
 * engine's status, "Open in Loopscope"), the program (read-only, editable or hidden, as the link
 * says), the playback controls, and only the views the link chose, in its order. Its height is
 * its content's (no 100vh), which it reports to the host page as it changes.
 */
import { lazy, Suspense, useEffect, useRef } from 'react';
import { embedStrings } from '../i18n/embed';
import { uiStrings } from '../i18n/ui';
import { selectStatus } from '../store/selectors';
import { useLoopscope } from '../store/context';
import { EditorFallback } from '../editor/EditorFallback';
import { EditorBoundary } from '../editor/EditorBoundary';
import { loadEditorChunk } from '../app/editorChunk';
import { useShortcuts } from '../app/useShortcuts';
import { Controls } from '../panels/Controls';
import { Notices } from '../panels/Notices';
import { RunEnd } from '../panels/RunEnd';
import { EmbedBar } from './EmbedBar';
import { EmbedViews } from './EmbedViews';
import { IgnoredParams } from './IgnoredParams';
import { reportHeight } from './reportHeight';
import './embed.css';

const CodeEditor = lazy(loadEditorChunk);

/** The editor's height follows the program: this many lines at least, and at most (then it scrolls). */
const EDITOR_LINES = { min: 6, max: 24 } as const;
const EDITOR_LINE_PX = 21;

const noHelp = (): void => undefined;

export function EmbedApp() {
  const status = useLoopscope(selectStatus);
  const lang = useLoopscope((s) => s.lang);
  const editor = useLoopscope((s) => s.embed?.editor ?? 'readonly');
  const views = useLoopscope((s) => s.embed?.views ?? []);
  const lines = useLoopscope((s) => s.source.split('\n').length);
  const rootRef = useRef<HTMLDivElement>(null);
  // The embed has no help overlay: '?' does nothing; the other keys step as in the app.
  useShortcuts(noHelp);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  useEffect(() => {
    const root = rootRef.current;
    return root === null ? undefined : reportHeight(root);
  }, []);

  const editorHeight = Math.min(EDITOR_LINES.max, Math.max(EDITOR_LINES.min, lines)) * EDITOR_LINE_PX + 16;
  return (
    <div
      className="app embed"
      data-status={status}
      data-testid="embed"
      data-editor={editor}
      data-views={views.join(',')}
      ref={rootRef}
    >
      <EmbedBar />
      <Notices />
      <IgnoredParams />
      <main className={`embed-body${editor === 'hidden' ? ' embed-no-editor' : ''}`} aria-label={embedStrings(lang).embedRegion}>
        {editor !== 'hidden' && (
          <section className="embed-editor" aria-label={uiStrings(lang).editorPane} style={{ height: editorHeight }}>
            <EditorBoundary>
              <Suspense fallback={<EditorFallback />}>
                <CodeEditor />
              </Suspense>
            </EditorBoundary>
          </section>
        )}
        <section className="embed-machine" aria-label={uiStrings(lang).machinePane}>
          <Controls />
          <RunEnd />
          <EmbedViews />
        </section>
      </main>
    </div>
  );
}
