/** One plain sentence about what the loop does at the cursor, in the learner's language. */
import { uiStrings } from '../i18n/ui';
import { useLoopscope } from '../store/context';
import { narrate } from '../trace';

export function Narration() {
  const index = useLoopscope((s) => s.index);
  const cursor = useLoopscope((s) => s.cursor);
  const lang = useLoopscope((s) => s.lang);
  const text = index ? narrate(index, cursor, lang) : uiStrings(lang).noTraceYet;
  return (
    <p className="narration" data-testid="narration" aria-live="polite">
      {text}
    </p>
  );
}
