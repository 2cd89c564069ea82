/**
 * The examples, in the catalogue's learning-path order, each with its topic and what to watch
 * for. Opening one replaces the editor text (the old text stays in the editor's undo history)
 * and runs it, so the learner lands on a fresh trace.
 */
import { useEffect, useRef, useState } from 'react';
import { EXAMPLES, TOPICS, exampleSource, type Example } from '../examples/catalog';
import { uiStrings } from '../i18n/ui';
import { useLoopscope, useLoopscopeApi } from '../store/context';

export function ExamplesMenu() {
  const api = useLoopscopeApi();
  const lang = useLoopscope((s) => s.lang);
  const t = uiStrings(lang);
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (e: PointerEvent) => {
      if (e.target instanceof Node && !rootRef.current?.contains(e.target)) setOpen(false);
    };
    window.addEventListener('pointerdown', onPointerDown);
    return () => window.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  function choose(example: Example): void {
    setOpen(false);
    const s = api.getState();
    if (s.phase === 'running') s.stop();
    s.setSource(exampleSource(example, s.lang));
    s.run();
  }

  return (
    <div
      className="menu"
      ref={rootRef}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          setOpen(false);
        }
      }}
    >
      <button
        type="button"
        className="btn"
        aria-haspopup="true"
        aria-expanded={open}
        title={t.examplesHint}
        onClick={() => setOpen((o) => !o)}
        data-testid="examples"
      >
        {t.examples} ▾
      </button>
      {open && (
        <ul className="menu-list" role="menu" aria-label={t.examples}>
          {EXAMPLES.map((ex) => (
            <li key={ex.id} role="none">
              <button
                type="button"
                role="menuitem"
                className="menu-item"
                onClick={() => choose(ex)}
                data-testid="example-item"
                data-example-id={ex.id}
              >
                <span className="menu-item-title">
                  {ex.title[lang]}
                  <span className="menu-item-topic">{TOPICS[ex.topic][lang]}</span>
                </span>
                <span className="menu-item-summary">{ex.summary[lang]}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
