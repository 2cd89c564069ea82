/**
 * What the machinery pane shows before there is a trace: what each view will show and the
 * state colours every view shares, so the learner knows what to look for; or, after a syntax
 * error, that there is no trace and why.
 */
import { uiStrings } from '../i18n/ui';
import { useLoopscope } from '../store/context';
import type { TaskState } from '../trace/types';

const STATES: readonly TaskState[] = ['running', 'ready', 'waiting', 'done', 'failed', 'cancelled'];

export function RunIntro() {
  const t = uiStrings(useLoopscope((s) => s.lang));
  const noStart = useLoopscope((s) => s.syntaxProblem !== null);
  if (noStart) {
    return (
      <div className="panel run-intro" data-testid="run-intro">
        <p>{t.introNoTrace}</p>
      </div>
    );
  }
  return (
    <div className="panel run-intro" data-testid="run-intro">
      <p>{t.introTitle}</p>
      <dl className="run-intro-views">
        {t.introViews.map(([view, what]) => (
          <div key={view}>
            <dt>{view}</dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <ul className="legend" aria-label={t.legendTitle}>
        {STATES.map((s) => (
          <li key={s}>
            <span className="legend-swatch" style={{ background: `var(--state-${s})` }} aria-hidden="true" />
            {t.stateName[s]}
          </li>
        ))}
      </ul>
    </div>
  );
}
