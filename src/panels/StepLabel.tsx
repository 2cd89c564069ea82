/** "Step N / M · t = 1.250 s": where the cursor is, in steps and in virtual time. */
import { formatTime } from '../i18n/format';
import { uiStrings } from '../i18n/ui';
import { useLoopscope } from '../store/context';
import { loopStateAt, selectTotalSteps } from '../store/selectors';

export function StepLabel() {
  const index = useLoopscope((s) => s.index);
  const cursor = useLoopscope((s) => s.cursor);
  const total = useLoopscope(selectTotalSteps);
  const t = uiStrings(useLoopscope((s) => s.lang));
  const time = index ? loopStateAt(index, cursor).t : 0;
  return (
    <span className="step-label" data-testid="step-label" aria-live="off">
      {t.stepLabel(cursor.step, total, formatTime(time))}
    </span>
  );
}
