/** "Pin for compare": keep the run on screen to compare the next run with it (the compare view). */
import { compareWords } from '../i18n/compareWords';
import { useLoopscope, useLoopscopeApi } from '../store/context';

export function PinButton() {
  const api = useLoopscopeApi();
  const words = compareWords(useLoopscope((s) => s.lang));
  const canPin = useLoopscope((s) => s.index !== null && s.phase !== 'running');
  const pinnedNow = useLoopscope((s) => s.pinned !== null && s.pinned.index === s.index);
  return (
    <button
      type="button"
      className="btn"
      onClick={() => api.getState().pin()}
      disabled={!canPin || pinnedNow}
      aria-pressed={pinnedNow}
      title={canPin ? words.pinHint : words.pinDisabledHint}
      data-testid="pin-compare"
    >
      {words.pin}
    </button>
  );
}
