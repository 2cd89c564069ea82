/**
 * The editor's quick fixes (Monaco code actions: the light bulb, Ctrl+.), offered on the lines
 * they mend:
 * - the old get_event_loop pattern rewritten to asyncio.run(main()) (asyncioRunFix decides it
 *   from the program's lines);
 * - for the run's findings (allFindings), where the mend is mechanical: `await ` before a
 *   never-awaited coroutine's call (awaitFix), and `time.sleep(x)` → `await asyncio.sleep(x)` in
 *   a coroutine (asyncSleepFix), chosen per kind by findingFix. The finding says what is wrong and on which line; the fix
 *   functions edit that line's text and refuse when it does not read as expected (the program
 *   changed since the run, or the call is written in a way they do not rewrite).
 * This file only hands Monaco the edits.
 */
import { problemsStrings } from '../i18n/problemsPanel';
import { uiStrings } from '../i18n/ui';
import { allFindings } from '../store/selectors';
import type { LoopscopeStore } from '../store/store';
import { asyncioRunFix } from './asyncioRunFix';
import { findingFix } from './findingFix';
import { monaco } from './monaco';

type CodeAction = monaco.languages.CodeAction;

export function registerQuickFixes(forModel: monaco.editor.ITextModel, store: LoopscopeStore): monaco.IDisposable {
  return monaco.languages.registerCodeActionProvider('python', {
    provideCodeActions(model, range, context) {
      if (model !== forModel) return undefined;
      const lines = model.getLinesContent();
      const inRange = (line: number) => line >= range.startLineNumber && line <= range.endLineNumber;
      const { index, lang } = store.getState();
      const actions: CodeAction[] = [];
      const fix = asyncioRunFix(lines);
      if (fix !== null && fix.lines.some(inRange)) {
        const end = fix.toLine;
        actions.push({
          title: uiStrings(lang).quickFixAsyncioRun(fix.call),
          kind: 'quickfix',
          isPreferred: true,
          // The run's error on that line is what the fix answers.
          diagnostics: context.markers.filter((m) => fix.lines.includes(m.startLineNumber)),
          edit: {
            edits: [
              {
                resource: model.uri,
                versionId: model.getVersionId(),
                textEdit: { range: new monaco.Range(fix.fromLine, 1, end, model.getLineMaxColumn(end)), text: fix.replacement.join(model.getEOL()) },
              },
            ],
          },
        });
      }
      const t = problemsStrings(lang);
      const offered = new Set<string>();
      for (const finding of index === null ? [] : allFindings(index)) {
        if (finding.line === null || !inRange(finding.line)) continue;
        const found = findingFix(finding, lines);
        if (found === null) continue;
        // One finding per edit: two findings of one call (two runs of the same line) mend it once.
        const key = JSON.stringify(found.edits);
        if (offered.has(key)) continue;
        offered.add(key);
        actions.push({
          title: finding.kind === 'never-awaited' ? t.quickFixAddAwait(finding.name) : t.quickFixAsyncSleep,
          kind: 'quickfix',
          isPreferred: true,
          diagnostics: context.markers.filter((m) => m.startLineNumber === found.line && m.code === finding.kind),
          edit: {
            edits: found.edits.map((e) => ({
              resource: model.uri,
              versionId: model.getVersionId(),
              textEdit: { range: new monaco.Range(e.line, e.column, e.line, e.endColumn), text: e.text.replaceAll('\n', model.getEOL()) },
            })),
          },
        });
      }
      return { actions, dispose: () => undefined };
    },
  });
}
