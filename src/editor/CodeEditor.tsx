/**
 * The program editor: Monaco with Python highlighting, following the store.
 *
 * The store's `source` is the truth; typing writes to it, and outside changes (an example, a
 * share link, a test) are applied to the model as an edit, so Ctrl+Z still brings the old text
 * back. Decorations (running line, paused tasks) and markers (errors) are updated through a
 * transient store subscription: stepping through a trace never re-renders this component.
 * The line marks are a heavy pane: they show the cursor the panes show (selectShownCursor), the
 * last group to catch up during a scrub (a frame after the panes, so Monaco's forced layout falls
 * on a frame of its own, and only every so often); a single step shows at once.
 */
import { useEffect, useRef } from 'react';
import { embedStrings } from '../i18n/embed';
import { awaitLabelText } from '../i18n/labels';
import { uiStrings } from '../i18n/ui';
import { useLoopscopeApi } from '../store/context';
import { allFindings, loopStateAt, selectScrubbing, selectShownCursor } from '../store/selectors';
import type { LoopscopeState } from '../store/types';
import { describeAwait } from '../trace';
import { attachBreakpointGutter } from './breakpointGutter';
import { editorDecorations, toMarkers } from './decorations';
import { lineMarks, type DescribeAwait } from './lineMarks';
import { monaco } from './monaco';
import { EDITOR_THEMES, editorType, followPageTheme, pageIsDark } from './editorTheme';
import { problemsOf } from './problems';
import { registerQuickFixes } from './quickFixes';

const MARKER_OWNER = 'loopscope';

/**
 * While the player plays (fast, maybe), the editor shows the newest step's marks at most once
 * per this many ms (a scrub paces them in the store instead, playbackSlice.ts). Every decoration change makes Monaco re-render its lines
 * and measure them (its edit context reads its box, the cursor reads pixel offsets from the DOM),
 * which forces a layout of the whole page after the views' own changes: a frame with it took
 * twice as long as one without. A single step, after a pause, is shown at once.
 */
const DECORATIONS_EVERY_MS = 250;
/** The cursor has stood still this long: show its step now rather than at the next DECORATIONS_EVERY_MS. */
const DECORATIONS_REST_MS = 80;

export default function CodeEditor() {
  const api = useLoopscopeApi();
  const hostRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const model = monaco.editor.createModel(api.getState().source, 'python');
    model.updateOptions({ tabSize: 4, insertSpaces: true });
    const editor = monaco.editor.create(host, {
      model,
      theme: pageIsDark() ? EDITOR_THEMES.dark : EDITOR_THEMES.light,
      automaticLayout: true,
      ...editorType(api.getState().presenter),
      fontFamily: getComputedStyle(document.documentElement).getPropertyValue('--font-mono').trim() || undefined,
      glyphMargin: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      renderLineHighlight: 'none',
      padding: { top: 8 },
      fixedOverflowWidgets: true,
      ariaLabel: uiStrings(api.getState().lang).editorLabel,
    });
    // Monaco's theme is global to the page: it follows the page's theme, however that was set.
    const stopFollowingTheme = followPageTheme((dark) => monaco.editor.setTheme(dark ? EDITOR_THEMES.dark : EDITOR_THEMES.light));
    const decorations = editor.createDecorationsCollection();
    /** What the decorations show now, so a step that moves nothing in the editor leaves Monaco alone. */
    let shownMarks = '';
    /** The line last brought into view: a step on the same line does not ask Monaco to measure it again. */
    let revealedLine: number | null = null;
    let decoratedAt = -Infinity;
    let pendingDecorations: number | null = null;
    let applyingStore = false;

    const typed = model.onDidChangeContent(() => {
      if (!applyingStore) api.getState().setSource(model.getValue());
    });
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => api.getState().run());
    const quickFixes = registerQuickFixes(model, api);
    const breakpoints = attachBreakpointGutter(editor, model, api);

    function describerFor(s: LoopscopeState): DescribeAwait {
      const index = s.index;
      return (on) => (index ? awaitLabelText(describeAwait(on, index.tasks), s.lang) : '');
    }

    function syncText(s: LoopscopeState): void {
      if (s.source === model.getValue()) return;
      applyingStore = true;
      editor.pushUndoStop();
      model.pushEditOperations([], [{ range: model.getFullModelRange(), text: s.source }], () => null);
      editor.pushUndoStop();
      applyingStore = false;
    }

    /**
     * syncDecorations now when the last was DECORATIONS_EVERY_MS ago or more; otherwise once the
     * cursor rests for DECORATIONS_REST_MS or that much time has passed, whichever comes first,
     * for the store's newest state (the last move wins).
     */
    function scheduleDecorations(): void {
      const since = performance.now() - decoratedAt;
      if (pendingDecorations === null && since >= DECORATIONS_EVERY_MS) {
        syncDecorations(api.getState(), true);
        return;
      }
      if (pendingDecorations !== null) window.clearTimeout(pendingDecorations);
      pendingDecorations = window.setTimeout(
        () => {
          pendingDecorations = null;
          syncDecorations(api.getState(), true);
        },
        Math.max(0, Math.min(DECORATIONS_EVERY_MS - since, DECORATIONS_REST_MS)),
      );
    }

    function syncDecorations(s: LoopscopeState, follow: boolean): void {
      decoratedAt = performance.now();
      if (!s.index) {
        decorations.clear();
        shownMarks = '';
        revealedLine = null;
        return;
      }
      const state = loopStateAt(s.index, selectShownCursor(s, 'editor'));
      const marks = lineMarks(s.index, state, describerFor(s));
      // Setting decorations re-renders Monaco's lines: skip it when the marks are the same (a
      // timer step, a callback), which scrubbing and playing meet at every other frame.
      const key = `${s.lang}\n${model.getVersionId()}\n${JSON.stringify(marks)}`;
      if (key !== shownMarks) {
        shownMarks = key;
        decorations.set(editorDecorations(marks, model, uiStrings(s.lang)));
      }
      // Follow the running line like a debugger, without jumping when it is already in view.
      // While scrubbing, at once: a smooth scroll re-renders (and measures) Monaco at every frame
      // of its animation, which put the forced layout back on the scrub's frames.
      if (follow && state.line !== null && state.line !== revealedLine && state.line <= model.getLineCount()) {
        const scroll = selectScrubbing(s) ? monaco.editor.ScrollType.Immediate : monaco.editor.ScrollType.Smooth;
        editor.revealLineInCenterIfOutsideViewport(state.line, scroll);
      }
      revealedLine = state.line;
    }

    function syncMarkers(s: LoopscopeState): void {
      const found = s.index ? allFindings(s.index) : [];
      const problems = problemsOf(s.syntaxProblem, s.index?.trace.end ?? null, uiStrings(s.lang), s.lang, describerFor(s), found);
      monaco.editor.setModelMarkers(model, MARKER_OWNER, toMarkers(problems, model));
    }

    /** An embed with editor=readonly: the program can be read, selected and copied, not typed in. */
    function syncReadOnly(s: LoopscopeState): void {
      const readOnly = s.embed?.editor === 'readonly';
      editor.updateOptions({ readOnly, readOnlyMessage: { value: embedStrings(s.lang).editorReadOnly } });
    }

    syncDecorations(api.getState(), false);
    syncMarkers(api.getState());
    syncReadOnly(api.getState());

    const unsubscribe = api.subscribe((s, prev) => {
      if (s.source !== prev.source) syncText(s);
      if (s.embed !== prev.embed || s.lang !== prev.lang) syncReadOnly(s);
      if (s.presenter !== prev.presenter) editor.updateOptions(editorType(s.presenter));
      const traceChanged = s.index !== prev.index || s.lang !== prev.lang;
      if (traceChanged) syncDecorations(s, true);
      else if (selectShownCursor(s, 'editor') !== selectShownCursor(prev, 'editor')) {
        // A step, a seek, a scrub's panes catching up: at once. Playing: at most every DECORATIONS_EVERY_MS.
        if (s.playing) scheduleDecorations();
        else syncDecorations(s, true);
      }
      if (traceChanged || s.syntaxProblem !== prev.syntaxProblem) syncMarkers(s);
      if (s.lineRequest && s.lineRequest !== prev.lineRequest) {
        const { line } = s.lineRequest;
        editor.revealLineInCenter(line);
        editor.setSelection(new monaco.Selection(line, 1, line, model.getLineMaxColumn(line)));
        editor.focus();
      }
    });

    return () => {
      unsubscribe();
      stopFollowingTheme();
      if (pendingDecorations !== null) window.clearTimeout(pendingDecorations);
      quickFixes.dispose();
      breakpoints.dispose();
      typed.dispose();
      editor.dispose();
      model.dispose();
    };
  }, [api]);

  return <div ref={hostRef} className="editor-host" data-testid="editor" />;
}
