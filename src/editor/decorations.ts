/**
 * LineMarks and Problems turned into Monaco's decorations and markers. The look (colours,
 * glyphs) is in editor.css, coloured from the shared --state-* variables.
 */
import type { UiStrings } from '../i18n/ui';
import type { LineMark } from './lineMarks';
import { pausedLabel } from './lineMarks';
import { monaco } from './monaco';
import type { Problem } from './problems';

type Decoration = monaco.editor.IModelDeltaDecoration;

function hoverFor(mark: LineMark, t: UiStrings): string {
  if (mark.kind === 'running') return mark.task ? `**${mark.task}** — ${t.runningLineHover}` : t.runningLineHover;
  const listed = mark.tasks.map((task) => `**${task.name}** (${t.stateName[task.state]})${task.awaits ? ` — ${task.awaits}` : ''}`);
  // A crowded line (100,000 sleepers) lists its first tasks only: lineMarks details no more.
  if (mark.count > mark.tasks.length) listed.push(t.pausedMore(mark.count - mark.tasks.length));
  return listed.join('\n\n');
}

export function editorDecorations(marks: readonly LineMark[], model: monaco.editor.ITextModel, t: UiStrings): Decoration[] {
  const lineCount = model.getLineCount();
  const out: Decoration[] = [];
  for (const mark of marks) {
    if (mark.line < 1 || mark.line > lineCount) continue; // the text changed since the run
    const range = new monaco.Range(mark.line, 1, mark.line, 1);
    const hoverMessage = { value: hoverFor(mark, t) };
    if (mark.kind === 'running') {
      out.push({
        range,
        options: {
          isWholeLine: true,
          className: 'ls-line-running',
          glyphMarginClassName: 'ls-glyph-running',
          glyphMarginHoverMessage: hoverMessage,
          hoverMessage,
          overviewRuler: { color: '#23945a', position: monaco.editor.OverviewRulerLane.Full },
          stickiness: monaco.editor.TrackedRangeStickiness.NeverGrowsWhenTypingAtEdges,
          zIndex: 2,
        },
      });
      continue;
    }
    out.push({
      range: new monaco.Range(mark.line, model.getLineMaxColumn(mark.line), mark.line, model.getLineMaxColumn(mark.line)),
      options: {
        // An empty range at the line end: Monaco drops its injected text unless told to keep it.
        showIfCollapsed: true,
        after: {
          content: `‖ ${pausedLabel(mark.labels)}`,
          inlineClassName: `ls-paused-label ls-paused-${mark.state}`,
          cursorStops: monaco.editor.InjectedTextCursorStops.None,
        },
        stickiness: monaco.editor.TrackedRangeStickiness.NeverGrowsWhenTypingAtEdges,
      },
    });
    out.push({
      range,
      options: {
        isWholeLine: true,
        className: `ls-line-paused-${mark.state}`,
        hoverMessage,
        glyphMarginClassName: `ls-glyph-paused ls-glyph-${mark.state}`,
        glyphMarginHoverMessage: hoverMessage,
        zIndex: 1,
      },
    });
  }
  return out;
}

const MARKER_SEVERITY: Readonly<Record<Problem['severity'], monaco.MarkerSeverity>> = {
  error: monaco.MarkerSeverity.Error,
  warning: monaco.MarkerSeverity.Warning,
  info: monaco.MarkerSeverity.Info,
};

export function toMarkers(problems: readonly Problem[], model: monaco.editor.ITextModel): monaco.editor.IMarkerData[] {
  const lines = model.getLineCount();
  return problems
    .filter((p) => p.line >= 1 && p.line <= lines)
    .map((p) => {
      const endLine = Math.min(p.endLine ?? p.line, lines);
      const column = p.column ?? (model.getLineFirstNonWhitespaceColumn(p.line) || 1);
      let endColumn = p.endColumn ?? model.getLineMaxColumn(endLine);
      // A zero-width range (an error at the end of a line) would be invisible: widen it.
      if (endLine === p.line && endColumn <= column) endColumn = Math.min(column + 1, model.getLineMaxColumn(endLine));
      return {
        severity: MARKER_SEVERITY[p.severity],
        startLineNumber: p.line,
        startColumn: Math.max(1, column),
        endLineNumber: endLine,
        endColumn: Math.max(endColumn, column + 1),
        message: p.message,
        // A finding is Loopscope's advice, with its kind as the code; the rest is Python's own.
        ...(p.code === undefined ? { source: 'Python' } : { source: 'Loopscope', code: p.code }),
      };
    });
}
