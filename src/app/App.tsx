/**
 * The shell: header on top, the program on the left, the loop's machinery on the right (or, for
 * an embed link, the embed's own shell, src/embed).
 * It subscribes only to what decides the layout (status, language); everything that changes at
 * every step lives further down, so a step re-renders the views, not the shell.
 */
import { lazy, Suspense, useEffect, useRef } from 'react';
import { uiStrings } from '../i18n/ui';
import { selectStatus } from '../store/selectors';
import { useLoopscope } from '../store/context';
import { EditorFallback } from '../editor/EditorFallback';
import { EditorBoundary } from '../editor/EditorBoundary';
import { Header } from './Header';
import { MachinePane } from './MachinePane';
import { Splitter } from './Splitter';
import { useShortcuts } from './useShortcuts';
import { Notices } from '../panels/Notices';
import { UpdateNotice } from './UpdateNotice';
import { HelpOverlay } from '../panels/HelpOverlay';
import { useHelpOverlay } from './useHelpOverlay';
import { loadEditorChunk } from './editorChunk';
import { EmbedApp } from '../embed/EmbedApp';

// Monaco is the biggest download by far: the page is usable while it loads (index.html preloads it).
const CodeEditor = lazy(loadEditorChunk);

/** The full app, or the compact embed when the page was opened from an `embed=1` link. */
export function App() {
  const embedded = useLoopscope((s) => s.embed !== null);
  return embedded ? <EmbedApp /> : <FullApp />;
}

function FullApp() {
  const status = useLoopscope(selectStatus);
  const lang = useLoopscope((s) => s.lang);
  const workspaceRef = useRef<HTMLDivElement>(null);
  const help = useHelpOverlay();
  useShortcuts(help.toggle);
  // The document's language picks the right CJK glyphs and tells screen readers how to speak it.
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);

  return (
    <div className="app" data-status={status}>
      <Header onHelp={help.open} />
      <Notices />
      <UpdateNotice />
      {/* The main landmark: the program and the loop's machinery (the header is the banner). */}
      <div className="workspace" role="main" ref={workspaceRef}>
        <section className="editor-pane" aria-label={uiStrings(lang).editorPane}>
          <EditorBoundary>
            <Suspense fallback={<EditorFallback />}>
              <CodeEditor />
            </Suspense>
          </EditorBoundary>
        </section>
        <Splitter containerRef={workspaceRef} />
        <MachinePane />
      </div>
      {help.isOpen && <HelpOverlay onClose={help.close} />}
    </div>
  );
}
