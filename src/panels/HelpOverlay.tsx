/** The keyboard shortcuts and the task-state colours, shown with `?`. */
import { useEffect, useRef } from 'react';
import { breakpointStrings } from '../i18n/breakpoints';
import { uiStrings } from '../i18n/ui';
import { useLoopscope } from '../store/context';
import type { TaskState } from '../trace/types';

const STATES: readonly TaskState[] = ['running', 'ready', 'waiting', 'done', 'failed', 'cancelled'];

export function HelpOverlay({ onClose }: { onClose: () => void }) {
  const lang = useLoopscope((s) => s.lang);
  const t = uiStrings(lang);
  const shortcuts = [...t.shortcuts, ...breakpointStrings(lang).shortcuts];
  const dialogRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const previous = document.activeElement;
    dialogRef.current?.focus();
    return () => {
      if (previous instanceof HTMLElement) previous.focus();
    };
  }, []);

  return (
    <div className="overlay" onClick={onClose} data-testid="help-overlay">
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="help-title"
        tabIndex={-1}
        ref={dialogRef}
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape' || e.key === '?') {
            e.preventDefault();
            e.stopPropagation();
            onClose();
          }
        }}
      >
        {/* A div, not a <header>: a header outside any section is a second banner landmark. */}
        <div className="dialog-header">
          <h2 id="help-title">{t.shortcutsTitle}</h2>
          <button type="button" className="btn btn-quiet btn-icon" onClick={onClose} aria-label={t.close} title={t.close}>
            ✕
          </button>
        </div>
        <p className="dialog-intro">{t.shortcutsIntro}</p>
        <table className="shortcuts">
          <tbody>
            {shortcuts.map(([keys, what]) => (
              <tr key={keys}>
                <td>
                  {keys.split('  /  ').map((k, i) => (
                    <span key={k}>
                      {i > 0 && ' / '}
                      <kbd>{k}</kbd>
                    </span>
                  ))}
                </td>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3>{t.legendTitle}</h3>
        <ul className="legend">
          {STATES.map((s) => (
            <li key={s}>
              <span className="legend-swatch" style={{ background: `var(--state-${s})` }} aria-hidden="true" />
              {t.stateName[s]}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
