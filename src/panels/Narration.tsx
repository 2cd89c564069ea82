/**
 * One plain sentence about what the loop does at the cursor, in the learner's language.
 * src/trace says what happened (narrate), src/i18n says it; names of code in the sentence come
 * `back-quoted`: shown in code type.
 */
import { useMemo } from 'react';
import { narrationText } from '../i18n/narration';
import { uiStrings } from '../i18n/ui';
import { useLoopscope } from '../store/context';
import { useShownCursor } from '../store/useShownCursor';
import { narrate } from '../trace';

/** "`main` starts" → ["", "main", " starts"]: odd parts are code. */
function withCode(text: string) {
  return text.split('`').map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part));
}

export function Narration() {
  const index = useLoopscope((s) => s.index);
  // A heavy pane: during a scrub it catches up every so often, at a single step at once.
  const cursor = useShownCursor('narration');
  const lang = useLoopscope((s) => s.lang);
  const syntaxLine = useLoopscope((s) => s.syntaxProblem?.line ?? null);
  const t = uiStrings(lang);
  // Once per step shown (a scrub's catch-up renders the pane first with the step it had).
  const text = useMemo(
    () => (index ? narrationText(narrate(index, cursor), lang) : syntaxLine !== null ? t.narrationSyntax(syntaxLine) : t.noTraceYet),
    [index, cursor, lang, syntaxLine, t],
  );
  return (
    // Focusable: a sentence longer than its three-line box scrolls inside it, and a keyboard user
    // must be able to scroll it too (axe: scrollable-region-focusable).
    <p className="narration" data-testid="narration" aria-live="polite" tabIndex={0}>
      {withCode(text)}
    </p>
  );
}
