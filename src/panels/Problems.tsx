/**
 * The Problems list, like an editor's: every pitfall found in the run (src/trace/findings), with
 * its severity, kind, line and step and its title. Choosing one jumps to its step, shows its line
 * in the editor and opens what happened and what to do; choosing it again closes it. A finding
 * chosen elsewhere (a marker on the timeline) opens here too and scrolls into view.
 */
import { useEffect, useRef } from 'react';
import { findingText } from '../i18n/findings';
import type { Lang } from '../i18n/lang';
import { problemsStrings } from '../i18n/problemsPanel';
import { useLoopscope } from '../store/context';
import { allFindings, selectChosenFinding } from '../store/selectors';
import type { Finding, FindingSeverity } from '../trace/findings/types';
import { RowSpacer } from './RowSpacer';
import { useRowWindow } from './useRowWindow';
import './loopView.css';
import './Problems.css';

/** The view, reading the store itself (nothing before the first trace). */
export function Problems() {
  const index = useLoopscope((s) => s.index);
  const lang = useLoopscope((s) => s.lang);
  const chosen = useLoopscope(selectChosenFinding);
  const choose = useLoopscope((s) => s.chooseFinding);
  if (index === null) return null;
  return <ProblemsList findings={allFindings(index)} chosen={chosen} lang={lang} onChoose={choose} />;
}

interface ProblemsListProps {
  readonly findings: readonly Finding[];
  /** The chosen finding's place in `findings`, if any. */
  readonly chosen: number | null;
  readonly lang: Lang;
  readonly onChoose: (at: number | null) => void;
}

/**
 * Past this many findings only the rows in the list's view (and a few either side) are in the
 * DOM, as in the ready queue: the 100,000-step bench has 1,000, and their rows, even skipped by
 * content-visibility, cost the page a quarter of each scrubbed frame (each is a paint chunk the
 * compositor walks again). Shorter lists are whole, for find in page.
 */
export const PROBLEMS_WINDOWED_FROM = 100;

export function ProblemsList({ findings, chosen, lang, onChoose }: ProblemsListProps) {
  const p = problemsStrings(lang);
  const chosenRef = useRef<HTMLLIElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const windowed = findings.length > PROBLEMS_WINDOWED_FROM;
  const rowsWindow = useRowWindow(listRef, windowed ? findings.length : 0);
  const { start, end } = windowed ? rowsWindow : { start: 0, end: findings.length };
  // A finding chosen elsewhere (a marker) whose row is not rendered: scroll the list to where it
  // is, and into view once it is rendered there.
  const revealChosen = useRef(false);
  useEffect(() => {
    revealChosen.current = chosen !== null;
    const list = listRef.current;
    if (chosen !== null && chosenRef.current === null && list !== null && findings.length > 0) {
      list.scrollTop = (chosen / findings.length) * list.scrollHeight;
    }
  }, [chosen, findings.length]);
  useEffect(() => {
    if (!revealChosen.current || chosenRef.current === null) return;
    revealChosen.current = false;
    chosenRef.current.scrollIntoView?.({ block: 'nearest' });
  }, [chosen, start, end]);
  return (
    <section className="loop-view problems" data-testid="problems" data-count={findings.length} aria-label={p.title}>
      <h2 className="view-title problems-title">
        {p.title}
        <span
          className={findings.length === 0 ? 'problems-count is-none' : 'problems-count'}
          data-testid="problems-count"
          title={p.count(findings.length)}
          aria-label={p.count(findings.length)}
        >
          {findings.length.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en')}
        </span>
      </h2>
      {findings.length === 0 ? (
        <p className="problems-empty" data-testid="problems-empty">
          {p.empty}
        </p>
      ) : (
        <ol className="problems-list" ref={listRef}>
          {windowed && <RowSpacer height={rowsWindow.padTop} />}
          {findings.slice(start, end).map((f, i) => {
            const at = start + i;
            const isChosen = at === chosen;
            const words = findingText(f, lang);
            return (
              <li
                key={at}
                ref={isChosen ? chosenRef : undefined}
                className={`problem-row severity-${f.severity}${isChosen ? ' is-chosen' : ''}`}
                data-testid="problem-row"
                data-kind={f.kind}
                data-severity={f.severity}
                data-line={f.line ?? ''}
                data-step={f.step}
                data-chosen={isChosen}
                // A windowed list tells screen readers how long it is and where each row stands.
                aria-setsize={windowed ? findings.length : undefined}
                aria-posinset={windowed ? at + 1 : undefined}
              >
                <button
                  type="button"
                  className="problem-head"
                  aria-expanded={isChosen}
                  title={p.jumpHint}
                  onClick={() => onChoose(isChosen ? null : at)}
                >
                  <SeverityIcon severity={f.severity} label={p.severity[f.severity]} />
                  <span className="problem-title">{words.title}</span>
                  <span className="problem-where">
                    <code className="problem-kind">{f.kind}</code>
                    {f.line !== null && <span>{p.line(f.line)}</span>}
                    <span>{p.step(f.step)}</span>
                  </span>
                </button>
                {isChosen && (
                  <div className="problem-details" data-testid="problem-details">
                    <p>
                      <strong>{p.why}</strong> {words.explanation}
                    </p>
                    <p>
                      <strong>{p.fix}</strong> {words.fix}
                    </p>
                  </div>
                )}
              </li>
            );
          })}
          {windowed && <RowSpacer height={rowsWindow.padBottom} />}
        </ol>
      )}
    </section>
  );
}

/** The editor's severity marks, drawn: a red cross, an amber triangle, a blue "i". */
function SeverityIcon({ severity, label }: { severity: FindingSeverity; label: string }) {
  return (
    <span className={`problem-icon severity-${severity}`} role="img" aria-label={label} title={label}>
      <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        {severity === 'error' && (
          <>
            <circle cx="8" cy="8" r="7" fill="currentColor" />
            <path d="M5.5 5.5l5 5M10.5 5.5l-5 5" stroke="#fff" strokeWidth="1.6" strokeLinecap="round" />
          </>
        )}
        {severity === 'warning' && (
          <>
            <path d="M8 1.5l7 12.5H1z" fill="currentColor" />
            <path d="M8 6v4" stroke="#fff" strokeWidth="1.6" strokeLinecap="round" />
            <circle cx="8" cy="12" r="0.9" fill="#fff" />
          </>
        )}
        {severity === 'info' && (
          <>
            <circle cx="8" cy="8" r="7" fill="currentColor" />
            <path d="M8 7.2v4.3" stroke="#fff" strokeWidth="1.6" strokeLinecap="round" />
            <circle cx="8" cy="4.8" r="0.9" fill="#fff" />
          </>
        )}
      </svg>
    </span>
  );
}
