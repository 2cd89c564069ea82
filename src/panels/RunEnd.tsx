/**
 * How the run ended, in words: finished, an uncaught exception (with its traceback), sys.exit,
 * which safety limit stopped it, a deadlock (with each stuck task and what it awaits), or a
 * Stop. Also the syntax error when the program could not start. Lines are buttons that take
 * the editor there. Below, the run's facts (src/trace/runFacts.ts): the simulated network it
 * used, the deprecated APIs it called, what a partial trace left out.
 */
import { useMemo, type ReactNode } from 'react';
import { END_WORDS, endSentence, hintSentence, limitSentence } from '../i18n/endWords';
import { runFactText } from '../i18n/runNotices';
import { taskLabelText } from '../i18n/format';
import { awaitLabelText } from '../i18n/labels';
import { uiStrings, type UiStrings } from '../i18n/ui';
import type { Compat, RunEnd as RunEndInfo, RunHint } from '../protocol/trace';
import { useLoopscope, useLoopscopeApi } from '../store/context';
import { selectTraceIsStale } from '../store/selectors';
import { describeAwait, runFacts, taskLabel, type RunFact } from '../trace';
import { deadlockCause } from '../trace/deadlockCycle';
import type { TraceIndex } from '../trace/types';
import type { Lang } from '../i18n/lang';

function LineLink({ line, t }: { line: number; t: UiStrings }) {
  const api = useLoopscopeApi();
  return (
    <button type="button" className="link-button" onClick={() => api.getState().revealLine(line)} title={t.goToLine(line)}>
      {t.showLine(line)}
    </button>
  );
}

/** The Python a 3.14 change can be run as instead (RunOptions.compat). */
const BEFORE_314: Compat = '3.13';

/** A removed-api hint for a change Python 3.14 made can be run the old way; the older removals cannot. */
function canRunAsBefore(hint: RunHint | undefined): boolean {
  return hint?.k === 'removed-api' && hint.version === '3.14';
}

function RunAsBefore({ t }: { t: UiStrings }) {
  const api = useLoopscopeApi();
  return (
    <button
      type="button"
      className="btn btn-small run-as-compat"
      title={t.runAsCompatTitle(BEFORE_314)}
      onClick={() => api.getState().runAs(BEFORE_314)}
      data-testid="run-as-compat"
    >
      {t.runAsCompat(BEFORE_314)}
    </button>
  );
}

/** Says the shown run behaved as an older Python, with the way back to today's. */
function CompatBadge({ compat, t }: { compat: Compat; t: UiStrings }) {
  const api = useLoopscopeApi();
  return (
    <div className="compat-badge-row">
      <span className="compat-badge" title={t.compatBadgeTitle(compat)} data-testid="compat-badge" data-compat={compat}>
        {t.compatBadge(compat)}
      </span>{' '}
      <button type="button" className="link-button" onClick={() => api.getState().runAs(null)} data-testid="run-as-current">
        {t.runAsCurrent}
      </button>
    </div>
  );
}

/** "`code` text" → the odd parts in code type. */
const withCode = (text: string): ReactNode[] => text.split('`').map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part));

/**
 * Why the deadlock cannot move: the await graph's cycle in order (or that it has none), and a
 * button that goes to the last step, where the graph draws it, and brings the graph into view.
 */
function DeadlockCause({ index, lang }: { index: TraceIndex; lang: Lang }) {
  const api = useLoopscopeApi();
  const found = deadlockCause(index);
  if (found === null) return null;
  const words = END_WORDS[lang];
  const show = (): void => {
    api.getState().seek({ step: found.step });
    // The graph re-renders at the new step first; then scroll it into view and flash it.
    requestAnimationFrame(() => {
      const graph = document.querySelector<HTMLElement>('[data-testid="await-graph"]');
      graph?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      graph?.animate([{ boxShadow: '0 0 0 3px var(--state-failed, #c62828)' }, { boxShadow: '0 0 0 0 transparent' }], { duration: 1600 });
    });
  };
  return (
    <p className="end-hint" data-testid="deadlock-cause" data-cause={found.cause.kind}>
      {withCode(words.deadlockCause(found.cause))}{' '}
      <button type="button" className="link-button" onClick={show} data-testid="show-deadlock-cause">
        {words.showDeadlockCause[found.cause.kind]}
      </button>
    </p>
  );
}

function endBody(end: RunEndInfo, index: TraceIndex, lang: Lang, t: UiStrings): { tone: string; body: ReactNode } {
  switch (end.kind) {
    case 'ok':
      return { tone: 'ok', body: t.endOk };
    case 'exit':
      return { tone: end.code === 0 ? 'ok' : 'warn', body: t.endExit(end.code) };
    case 'exception': {
      const hint = end.hint;
      return {
        tone: 'error',
        body: (
          <>
            <strong>{t.endException(end.type)}</strong> {end.line !== null && <LineLink line={end.line} t={t} />}
            <div className="end-message">
              {end.type}: {end.message}
            </div>
            {hint !== undefined && (
              <p className="end-hint" data-testid="end-hint" data-hint={hint.k}>
                {hintSentence(hint, lang)}
              </p>
            )}
            {canRunAsBefore(hint) && index.trace.compat === undefined && <RunAsBefore t={t} />}
            {end.traceback && (
              <details className="traceback">
                <summary>{t.traceback}</summary>
                <pre>{end.traceback}</pre>
              </details>
            )}
          </>
        ),
      };
    }
    case 'limit':
      return {
        tone: 'warn',
        body: (
          <>
            <strong>{t.endLimit(t.limitName[end.limit])}</strong> {end.line !== null && <LineLink line={end.line} t={t} />}
            <div className="end-message">{limitSentence(end, lang)}</div>
          </>
        ),
      };
    case 'deadlock':
      return {
        tone: 'warn',
        body: (
          <>
            <strong>{t.endDeadlock}</strong>
            <ul className="stuck-tasks" aria-label={t.endStuckTasks}>
              {end.stuck.map((s) => (
                <li key={s.task}>
                  <span className="task-name">{taskLabelText(taskLabel(index.tasks, s.task))}</span>
                  {s.on && <span className="stuck-on"> — {awaitLabelText(describeAwait(s.on, index.tasks), lang)}</span>}{' '}
                  {s.line !== null && <LineLink line={s.line} t={t} />}
                </li>
              ))}
            </ul>
            <DeadlockCause index={index} lang={lang} />
          </>
        ),
      };
    case 'stopped':
      return { tone: 'warn', body: t.endStopped };
    case 'crashed':
      return {
        tone: 'error',
        body: (
          <>
            <strong>{t.endCrashed}</strong>
            <div className="end-hint">{endSentence(end, lang)}</div>
          </>
        ),
      };
  }
}

function RunFacts({ facts, lang }: { facts: readonly RunFact[]; lang: Lang }) {
  if (facts.length === 0) return null;
  return (
    <ul className="run-facts" data-testid="run-facts">
      {facts.map((fact) => (
        <li key={fact.kind === 'deprecated-api' ? `${fact.kind}:${fact.api}` : fact.kind} className={`run-fact run-fact-${fact.kind}`} data-testid="run-fact" data-fact={fact.kind}>
          {runFactText(fact, lang)}
        </li>
      ))}
    </ul>
  );
}

export function RunEnd() {
  const index = useLoopscope((s) => s.index);
  const syntax = useLoopscope((s) => s.syntaxProblem);
  const stale = useLoopscope(selectTraceIsStale);
  const lang = useLoopscope((s) => s.lang);
  const t = uiStrings(lang);
  // One pass over the events per run, not per render.
  const facts = useMemo(() => (index ? runFacts(index.trace) : []), [index]);

  let content: { tone: string; body: ReactNode } | null = null;
  if (syntax) {
    content = {
      tone: 'error',
      body: (
        <>
          <strong>{t.endSyntax(syntax.type, syntax.line)}</strong> <LineLink line={syntax.line} t={t} />
          <pre className="syntax-text">{syntax.text}</pre>
        </>
      ),
    };
  } else if (index) {
    content = endBody(index.trace.end, index, lang, t);
  }
  if (!content) return null;
  return (
    <div className={`run-end run-end-${content.tone}`} data-testid="run-end" data-end={syntax ? 'syntax-error' : index?.trace.end.kind}>
      {!syntax && index?.trace.compat !== undefined && <CompatBadge compat={index.trace.compat} t={t} />}
      <div className="run-end-body">{content.body}</div>
      {!syntax && <RunFacts facts={facts} lang={lang} />}
      {stale && <div className="run-end-stale">{t.staleTrace}</div>}
    </div>
  );
}
