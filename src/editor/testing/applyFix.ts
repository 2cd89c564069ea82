/** For tests: a quick fix's edits applied to the program's text, as Monaco applies them (all against the old text). */
import type { FindingFix } from '../lineEdits';

export function applyFix(source: string, fix: FindingFix | null): string | null {
  if (fix === null) return null;
  const lines = source.split('\n');
  const edits = [...fix.edits].sort((a, b) => b.line - a.line || b.column - a.column);
  for (const e of edits) {
    const text = lines[e.line - 1] ?? '';
    lines[e.line - 1] = text.slice(0, e.column - 1) + e.text + text.slice(e.endColumn - 1);
  }
  return lines.join('\n');
}
