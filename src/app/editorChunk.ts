/**
 * The editor's code (Monaco, ~3.9 MB): one import shared by the shell, which renders it lazily,
 * and the page's entry, which waits for it before booting Python unless the link is slow (bootOrder.ts).
 */
import type CodeEditor from '../editor/CodeEditor';

export function loadEditorChunk(): Promise<{ default: typeof CodeEditor }> {
  return import('../editor/CodeEditor');
}
