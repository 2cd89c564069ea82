/**
 * Line breakpoints in the editor's gutter, as in VS Code: a click in the glyph margin (or F9 on
 * the cursor's line) sets or clears a red dot; a faint dot shows where a click would set one.
 * The dots are Monaco decorations, so they move with the text as the learner edits (a line
 * added above pushes them down; a deleted line's dot lands on the line that takes its place,
 * and two dots on one line become one); the store's lines follow the decorations. When the text
 * is replaced as a whole (an example, a share link) the store's lines stay, and any beyond the
 * new program's last line are dropped.
 */
import { breakpointStrings } from '../i18n/breakpoints';
import type { LoopscopeStore } from '../store/store';
import { monaco } from './monaco';

type Editor = monaco.editor.IStandaloneCodeEditor;

/** The lines that still exist in a program of `lineCount` lines. */
export function linesInProgram(lines: readonly number[], lineCount: number): number[] {
  return lines.filter((l) => l >= 1 && l <= lineCount);
}

export function attachBreakpointGutter(editor: Editor, model: monaco.editor.ITextModel, api: LoopscopeStore): monaco.IDisposable {
  const dots = editor.createDecorationsCollection();
  const hint = editor.createDecorationsCollection();
  let lineCount = model.getLineCount();

  function render(): void {
    const s = api.getState();
    const words = breakpointStrings(s.lang);
    dots.set(
      linesInProgram(s.breakpointLines, model.getLineCount()).map((line) => ({
        range: new monaco.Range(line, 1, line, model.getLineMaxColumn(line)),
        options: {
          glyphMarginClassName: 'ls-glyph-breakpoint',
          glyphMarginHoverMessage: { value: words.gutterHover },
          glyphMargin: { position: monaco.editor.GlyphMarginLane.Left },
          // Typing at either edge of the line does not drag the dot along: only lines added or removed move it.
          stickiness: monaco.editor.TrackedRangeStickiness.NeverGrowsWhenTypingAtEdges,
          zIndex: 3,
        },
      })),
    );
  }

  /** The lines the dots sit on now, after Monaco moved them with an edit. */
  function trackedLines(): number[] {
    return dots.getRanges().map((r) => r.startLineNumber);
  }

  const changed = model.onDidChangeContent((e) => {
    const before = lineCount;
    lineCount = model.getLineCount();
    const whole = e.changes.some((c) => c.range.startLineNumber === 1 && c.range.startColumn === 1 && c.range.endLineNumber >= before);
    const s = api.getState();
    if (whole) s.setBreakpointLines(linesInProgram(s.breakpointLines, lineCount));
    else s.setBreakpointLines(trackedLines());
    render();
  });

  const clicked = editor.onMouseDown((e) => {
    if (e.target.type !== monaco.editor.MouseTargetType.GUTTER_GLYPH_MARGIN || e.target.position === null) return;
    api.getState().toggleBreakpoint(e.target.position.lineNumber);
  });

  const hovered = editor.onMouseMove((e) => {
    const line = e.target.type === monaco.editor.MouseTargetType.GUTTER_GLYPH_MARGIN ? (e.target.position?.lineNumber ?? null) : null;
    if (line === null || api.getState().breakpointLines.includes(line)) {
      hint.clear();
      return;
    }
    hint.set([
      {
        range: new monaco.Range(line, 1, line, 1),
        options: {
          glyphMarginClassName: 'ls-glyph-breakpoint-hint',
          glyphMarginHoverMessage: { value: breakpointStrings(api.getState().lang).gutterSet },
          glyphMargin: { position: monaco.editor.GlyphMarginLane.Left },
        },
      },
    ]);
  });
  const left = editor.onMouseLeave(() => hint.clear());

  editor.addCommand(monaco.KeyCode.F9, () => {
    const position = editor.getPosition();
    if (position !== null) api.getState().toggleBreakpoint(position.lineNumber);
  });

  render();
  const unsubscribe = api.subscribe((s, prev) => {
    if (s.breakpointLines !== prev.breakpointLines || s.lang !== prev.lang) {
      hint.clear();
      render();
    }
  });

  return {
    dispose() {
      unsubscribe();
      changed.dispose();
      clicked.dispose();
      hovered.dispose();
      left.dispose();
      dots.clear();
      hint.clear();
    },
  };
}
