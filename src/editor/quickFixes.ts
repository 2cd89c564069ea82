/**
 * The editor's quick fixes (Monaco code actions: the light bulb, Ctrl+.): today one, the old
 * get_event_loop pattern rewritten to asyncio.run(main()) (asyncioRunFix decides it from the
 * program's lines; this file only hands Monaco the edit), offered on the pattern's lines.
 */
import type { Lang } from '../i18n/lang';
import { uiStrings } from '../i18n/ui';
import { asyncioRunFix } from './asyncioRunFix';
import { monaco } from './monaco';

export function registerQuickFixes(forModel: monaco.editor.ITextModel, lang: () => Lang): monaco.IDisposable {
  return monaco.languages.registerCodeActionProvider('python', {
    provideCodeActions(model, range, context) {
      if (model !== forModel) return undefined;
      const fix = asyncioRunFix(model.getLinesContent());
      if (fix === null || !fix.lines.some((line) => line >= range.startLineNumber && line <= range.endLineNumber)) {
        return { actions: [], dispose: () => undefined };
      }
      const end = fix.toLine;
      const action: monaco.languages.CodeAction = {
        title: uiStrings(lang()).quickFixAsyncioRun(fix.call),
        kind: 'quickfix',
        isPreferred: true,
        // The run's error on that line is what the fix answers.
        diagnostics: context.markers.filter((m) => fix.lines.includes(m.startLineNumber)),
        edit: {
          edits: [
            {
              resource: model.uri,
              versionId: model.getVersionId(),
              textEdit: {
                range: new monaco.Range(fix.fromLine, 1, end, model.getLineMaxColumn(end)),
                text: fix.replacement.join(model.getEOL()),
              },
            },
          ],
        },
      };
      return { actions: [action], dispose: () => undefined };
    },
  });
}
