/**
 * Monaco, bundled from npm (never from a CDN): the slim editor entry, its features, Python
 * highlighting, and the editor's own web worker. Imported only by the lazily loaded editor.
 */
import * as monaco from 'monaco-editor/editor';
// The editing features a learner uses on a short program, not all of Monaco's (diff editor,
// code lens, inlay hints, rename, symbol search...): the editor's code is most of what the
// page parses before the editor shows, so each feature left out shows it sooner.
import 'monaco-editor/features/codeEditor/register';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/hover/register'; // markers' and paused tasks' messages
import 'monaco-editor/features/gotoError/register'; // F8 to the next problem
import 'monaco-editor/features/codeAction/register'; // quick fixes: the light bulb, Ctrl+.
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/caretOperations/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/comment/register'; // Ctrl+/
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/cursorUndo/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/fontZoom/register';
import 'monaco-editor/features/indentation/register';
import 'monaco-editor/features/lineSelection/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/multicursor/register';
import 'monaco-editor/features/smartSelect/register';
import 'monaco-editor/features/suggest/register';
import 'monaco-editor/features/snippet/register';
import 'monaco-editor/features/toggleTabFocusMode/register'; // Ctrl+M: Tab leaves the editor
import 'monaco-editor/features/tokenization/register';
import 'monaco-editor/features/unusualLineTerminators/register';
import 'monaco-editor/features/wordHighlighter/register';
import 'monaco-editor/features/wordOperations/register';
import 'monaco-editor/features/wordPartOperations/register';
import 'monaco-editor/features/iPadShowKeyboard/register';
import 'monaco-editor/languages/definitions/python/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker };
  }
}

window.MonacoEnvironment = { getWorker: () => new EditorWorker() };

export { monaco };
