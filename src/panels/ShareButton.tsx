/**
 * Copy a link to this program at this step. The link opens the same text, runs it and seeks to
 * the step. When the clipboard is not available (permissions, insecure context) the link is
 * shown in a text field, selected, for the learner to copy by hand.
 */
import { useEffect, useRef, useState } from 'react';
import { uiStrings } from '../i18n/ui';
import { encodeShareHash } from '../share';
import { useLoopscope, useLoopscopeApi } from '../store/context';
import { classroomLinkParams } from '../store/classroomLink';
import { selectTraceIsStale } from '../store/selectors';
import type { LoopscopeState } from '../store/types';
import { CheckIcon, LinkIcon } from './icons';

/** The link for the current text, with the cursor's step when the trace belongs to that text. */
export function shareUrl(s: LoopscopeState, location: Pick<Location, 'origin' | 'pathname'>): string {
  const atStep = s.index !== null && !selectTraceIsStale(s);
  // A run pinned for comparison travels with the link (&pin=), so the link opens both.
  const pinned = s.pinned?.index.trace.source;
  const hash = encodeShareHash({
    ...(atStep ? { source: s.source, step: s.cursor.step, line: s.cursor.line } : { source: s.source }),
    ...(pinned && { pinned }),
    ...classroomLinkParams(s),
  });
  return `${location.origin}${location.pathname}${hash.startsWith('#') ? hash : `#${hash}`}`;
}

type ShareState = { readonly kind: 'idle' } | { readonly kind: 'copied' } | { readonly kind: 'manual'; readonly url: string };

export function ShareButton() {
  const api = useLoopscopeApi();
  const t = uiStrings(useLoopscope((s) => s.lang));
  const [state, setState] = useState<ShareState>({ kind: 'idle' });
  const fieldRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (state.kind === 'copied') {
      const timer = setTimeout(() => setState({ kind: 'idle' }), 2000);
      return () => clearTimeout(timer);
    }
    if (state.kind === 'manual') fieldRef.current?.select();
    return undefined;
  }, [state]);

  async function share(): Promise<void> {
    const url = shareUrl(api.getState(), window.location);
    history.replaceState(history.state, '', url);
    try {
      await navigator.clipboard.writeText(url);
      setState({ kind: 'copied' });
    } catch {
      setState({ kind: 'manual', url });
    }
  }

  return (
    <div className="share">
      <button type="button" className="btn" onClick={() => void share()} title={t.shareHint} data-testid="share">
        {state.kind === 'copied' ? (
          <>
            <CheckIcon /> {t.linkCopied}
          </>
        ) : (
          <>
            <LinkIcon /> {t.share}
          </>
        )}
      </button>
      {state.kind === 'manual' && (
        <div className="popover share-popover" role="dialog" aria-label={t.copyThisLink}>
          <label>
            {t.copyThisLink}
            <input ref={fieldRef} className="share-field" readOnly value={state.url} onFocus={(e) => e.target.select()} data-testid="share-link" />
          </label>
          <button type="button" className="btn btn-quiet btn-icon" aria-label={t.close} onClick={() => setState({ kind: 'idle' })}>
            ✕
          </button>
        </div>
      )}
    </div>
  );
}
