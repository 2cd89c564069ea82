/**
 * The program's output up to the cursor. Each line knows the step that printed it: clicking it
 * jumps there. stderr is shown in its own colour. Only the last MAX_SHOWN lines are in the DOM,
 * so a run that prints 100,000 lines still scrubs smoothly.
 */
import { useLayoutEffect, useRef } from 'react';
import { runNoticeText, simulatedNetworkText } from '../i18n/runNotices';
import { uiStrings } from '../i18n/ui';
import { useLoopscope } from '../store/context';
import { allConsoleLines, printedBy } from '../store/selectors';
import { useShownCursor } from '../store/useShownCursor';
import { usedSimulatedNetwork } from '../trace';

const MAX_SHOWN = 500;

export function Console() {
  const index = useLoopscope((s) => s.index);
  // A heavy pane: during a scrub it catches up every so often, at a single step at once.
  const step = useShownCursor('timers').step;
  const seek = useLoopscope((s) => s.seek);
  const lang = useLoopscope((s) => s.lang);
  const t = uiStrings(lang);
  const bodyRef = useRef<HTMLDivElement>(null);

  const lines = index ? allConsoleLines(index) : [];
  const printed = printedBy(lines, step);
  const from = Math.max(0, printed - MAX_SHOWN);
  const shown = lines.slice(from, printed);

  // Keep the newest line in view as the cursor moves, like a terminal.
  useLayoutEffect(() => {
    const body = bodyRef.current;
    if (body) body.scrollTop = body.scrollHeight;
  }, [printed, index]);

  return (
    <section className="panel console" data-testid="console" aria-label={t.console}>
      <header className="panel-title">
        <h2>{t.console}</h2>
        {printed > 0 && <span className="panel-hint">{t.consoleJumpHint}</span>}
        {index && usedSimulatedNetwork(index.trace) && (
          <span className="console-simulated" data-testid="simulated-network" title={simulatedNetworkText(lang).detail}>
            {simulatedNetworkText(lang).tag}
          </span>
        )}
      </header>
      <div className="console-body" ref={bodyRef}>
        {/* What Loopscope says about the run (a network comment it could not read): not output. */}
        {index?.trace.notices?.map((notice) => (
          <div key={`${notice.kind}:${notice.line}`} className="console-notice" data-testid="run-notice" data-kind={notice.kind}>
            {runNoticeText(notice, lang)}
          </div>
        ))}
        {from > 0 && <div className="console-earlier">{t.consoleEarlier(from)}</div>}
        {shown.map((line, i) => (
          <button
            type="button"
            key={from + i}
            className={`console-line${line.fd === 'err' ? ' is-err' : ''}${line.step === step ? ' is-current' : ''}`}
            onClick={() => seek({ step: line.step })}
            data-step={line.step}
            data-fd={line.fd}
            data-testid="console-line"
          >
            <span className="console-step" aria-hidden="true">
              {line.step}
            </span>
            <span className="console-text">{line.text}</span>
          </button>
        ))}
        {printed === 0 && <div className="console-empty">{index ? t.consoleEmpty : t.consoleNoRun}</div>}
      </div>
    </section>
  );
}
