/**
 * The Embed button and its dialog: the iframe code for the current program at the current step,
 * with the views, editor mode, autoplay, language and colours the teacher picks, and the few
 * lines of script that keep the frame as tall as its content. Copy puts it on the clipboard (or
 * selects it, where the clipboard is not available); Preview opens the embed in a new tab.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { embedStrings } from '../i18n/embed';
import type { Lang } from '../i18n/lang';
import { uiStrings } from '../i18n/ui';
import { EDITOR_MODES, embedCode, encodeShareHash, type EditorMode, type EmbedParams, type EmbedTheme, type EmbedViewName } from '../share';
import { useLoopscope, useLoopscopeApi } from '../store/context';
import { SPEEDS } from '../store/prefsSlice';
import { selectTraceIsStale } from '../store/selectors';
import type { LoopscopeState } from '../store/types';
import './EmbedButton.css';

/** The views in the order the dialog lists them (and the embed shows the chosen ones). */
const DIALOG_VIEWS: readonly EmbedViewName[] = ['narration', 'timeline', 'ready', 'timers', 'cancellations', 'objects', 'console', 'problems'];
const FIRST_PICK: readonly EmbedViewName[] = ['narration', 'timeline', 'ready', 'timers', 'console'];

/** What the teacher picks in the dialog. */
export interface EmbedChoice {
  readonly views: readonly EmbedViewName[];
  readonly editor: EditorMode;
  readonly play: boolean;
  readonly speed: number;
  /** null: the reader's language (the embed follows their browser). */
  readonly lang: Lang | null;
  /** null: the reader's system. */
  readonly theme: EmbedTheme | null;
}

/** The embed link for the current text: at the cursor's step when the run shown is of that text. */
export function embedUrl(s: LoopscopeState, choice: EmbedChoice, location: Pick<Location, 'origin' | 'pathname'>): string {
  const atStep = s.index !== null && !selectTraceIsStale(s);
  const compat = atStep ? s.index?.trace.compat : undefined;
  const embed: EmbedParams = {
    ...(choice.views.length > 0 ? { views: DIALOG_VIEWS.filter((v) => choice.views.includes(v)) } : {}),
    ...(choice.play ? { play: true as const, speed: choice.speed } : {}),
    editor: choice.editor,
    ...(choice.theme === null ? {} : { theme: choice.theme }),
  };
  const hash = encodeShareHash({
    source: s.source,
    ...(atStep ? { step: s.cursor.step, line: s.cursor.line } : {}),
    ...(choice.lang === null ? {} : { lang: choice.lang }),
    ...(compat === undefined ? {} : { compat }),
    embed,
  });
  return `${location.origin}${location.pathname}${hash}`;
}

type CopyState = 'idle' | 'copied' | 'manual';

export function EmbedButton() {
  const lang = useLoopscope((s) => s.lang);
  const t = embedStrings(lang);
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="btn" onClick={() => setOpen(true)} title={t.embedHint} aria-haspopup="dialog" data-testid="embed-button">
        {'</>'} {t.embed}
      </button>
      {open && <EmbedDialog onClose={() => setOpen(false)} />}
    </>
  );
}

function EmbedDialog({ onClose }: { readonly onClose: () => void }) {
  const api = useLoopscopeApi();
  const lang = useLoopscope((s) => s.lang);
  const t = embedStrings(lang);
  const close = uiStrings(lang).close;
  const [choice, setChoice] = useState<EmbedChoice>(() => ({
    views: FIRST_PICK,
    editor: 'readonly',
    play: false,
    speed: api.getState().speed,
    lang,
    theme: null,
  }));
  const [copy, setCopy] = useState<CopyState>('idle');
  const dialogRef = useRef<HTMLDialogElement>(null);
  const codeRef = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  // The code follows the text, the run and the cursor too: it is for what is on screen now.
  const url = useLoopscope((s) => embedUrl(s, choice, window.location));
  const code = useMemo(() => embedCode({ url, origin: window.location.origin, title: t.frameTitle, height: 640 }), [url, t.frameTitle]);
  const atStep = useLoopscope((s) => s.index !== null && !selectTraceIsStale(s));
  const step = useLoopscope((s) => s.cursor.step);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog !== null && !dialog.open) dialog.showModal();
  }, []);
  useEffect(() => {
    if (copy === 'manual') codeRef.current?.select();
    if (copy !== 'copied') return undefined;
    const timer = setTimeout(() => setCopy('idle'), 2000);
    return () => clearTimeout(timer);
  }, [copy]);

  const pick = (patch: Partial<EmbedChoice>): void => {
    setChoice((c) => ({ ...c, ...patch }));
    setCopy('idle');
  };
  const toggleView = (view: EmbedViewName, on: boolean): void =>
    pick({ views: on ? [...choice.views, view] : choice.views.filter((v) => v !== view) });

  async function copyCode(): Promise<void> {
    try {
      await navigator.clipboard.writeText(code);
      setCopy('copied');
    } catch {
      setCopy('manual');
    }
  }

  return (
    <dialog ref={dialogRef} className="embed-dialog" aria-labelledby={`${id}-title`} onClose={onClose} data-testid="embed-dialog">
      <header className="embed-dialog-head">
        <h2 id={`${id}-title`}>{t.dialogTitle}</h2>
        <button type="button" className="btn btn-quiet btn-icon" aria-label={close} title={close} onClick={() => dialogRef.current?.close()}>
          ✕
        </button>
      </header>
      <div className="embed-dialog-choices">
        <fieldset>
          <legend>{t.viewsLegend}</legend>
          {DIALOG_VIEWS.map((view) => (
            <label key={view}>
              <input type="checkbox" checked={choice.views.includes(view)} onChange={(e) => toggleView(view, e.target.checked)} data-testid={`embed-view-${view}`} />
              {t.viewName[view]}
            </label>
          ))}
          {choice.views.length === 0 && <p className="embed-dialog-hint">{t.noViewPicked}</p>}
        </fieldset>
        <fieldset>
          <legend>{t.editorLegend}</legend>
          {EDITOR_MODES.map((mode) => (
            <label key={mode}>
              <input type="radio" name={`${id}-editor`} checked={choice.editor === mode} onChange={() => pick({ editor: mode })} data-testid={`embed-editor-${mode}`} />
              {t.editorMode[mode]}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t.playback}</legend>
          <label>
            <input type="checkbox" checked={choice.play} onChange={(e) => pick({ play: e.target.checked })} data-testid="embed-autoplay" />
            {t.autoplay}
          </label>
          <label>
            {t.speed}{' '}
            <select className="select" value={choice.speed} disabled={!choice.play} onChange={(e) => pick({ speed: Number(e.target.value) })} data-testid="embed-speed">
              {SPEEDS.map((n) => (
                <option key={n} value={n}>
                  {uiStrings(lang).stepsPerSecond(n)}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
        <fieldset>
          <legend>{t.looks}</legend>
          <label>
            {t.language}{' '}
            <select className="select" value={choice.lang ?? ''} onChange={(e) => pick({ lang: e.target.value === 'zh' ? 'zh' : e.target.value === 'en' ? 'en' : null })} data-testid="embed-lang">
              <option value="">{t.readersLanguage}</option>
              <option value="en">{uiStrings('en').languageName}</option>
              <option value="zh">{uiStrings('zh').languageName}</option>
            </select>
          </label>
          <label>
            {t.theme}{' '}
            <select
              className="select"
              value={choice.theme ?? 'system'}
              onChange={(e) => pick({ theme: e.target.value === 'light' ? 'light' : e.target.value === 'dark' ? 'dark' : null })}
              data-testid="embed-theme"
            >
              <option value="system">{t.themeName.system}</option>
              <option value="light">{t.themeName.light}</option>
              <option value="dark">{t.themeName.dark}</option>
            </select>
          </label>
        </fieldset>
      </div>
      <p className="embed-dialog-hint" data-testid="embed-opens-at">
        {atStep ? t.opensAt(step) : t.opensBeforeRun}
      </p>
      <label className="embed-dialog-code">
        {t.codeLabel}
        <textarea ref={codeRef} readOnly value={code} rows={9} spellCheck={false} onFocus={(e) => e.target.select()} data-testid="embed-code" />
      </label>
      {copy === 'manual' && <p className="embed-dialog-hint">{t.copyByHand}</p>}
      <p className="embed-dialog-hint">{t.headersNote}</p>
      <footer className="embed-dialog-actions">
        <a className="btn btn-quiet" href={url} target="_blank" rel="noopener" data-testid="embed-preview">
          {t.preview}
        </a>
        <button type="button" className="btn btn-primary" onClick={() => void copyCode()} data-testid="embed-copy">
          {copy === 'copied' ? t.copied : t.copy}
        </button>
      </footer>
    </dialog>
  );
}
