/**
 * Monaco, bundled from npm (never from a CDN): the slim editor entry, its features, Python
 * highlighting, and the editor's own web worker. Imported only by the lazily loaded editor.
 */
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/python/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker(workerId: string, label: string): Worker };
  }
}

window.MonacoEnvironment = { getWorker: () => new EditorWorker() };

/** A calm light theme: the running line and paused tasks come from theme.css, not from here. */
monaco.editor.defineTheme('loopscope', {
  base: 'vs',
  inherit: true,
  rules: [],
  colors: {
    'editor.background': '#ffffff',
    'editorLineNumber.foreground': '#9aa5b1',
    'editorLineNumber.activeForeground': '#1f2933',
    'editorGutter.background': '#fafbfc',
  },
});

export { monaco };
