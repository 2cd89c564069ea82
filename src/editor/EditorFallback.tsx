/**
 * A plain text area over the same store text: shown while Monaco downloads, and for good if it
 * cannot load. The learner can read, edit and run the program either way.
 */
import { uiStrings } from '../i18n/ui';
import { useLoopscope } from '../store/context';

export function EditorFallback({ note }: { note?: string }) {
  const source = useLoopscope((s) => s.source);
  const setSource = useLoopscope((s) => s.setSource);
  const t = uiStrings(useLoopscope((s) => s.lang));
  return (
    <div className="editor-fallback">
      <div className="editor-fallback-note">{note ?? t.editorLoading}</div>
      <textarea
        value={source}
        spellCheck={false}
        aria-label={t.editorLabel}
        onChange={(e) => setSource(e.target.value)}
        data-testid="editor-fallback"
      />
    </div>
  );
}
