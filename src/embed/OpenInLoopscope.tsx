/**
 * "Open in Loopscope": the same program at the same step in the full app, in a new tab (the
 * reader's page stays where it was). The link is a plain share link: no embed parameters.
 */
import { embedStrings } from '../i18n/embed';
import { encodeShareHash } from '../share';
import { useLoopscope } from '../store/context';
import { selectTraceIsStale } from '../store/selectors';
import type { LoopscopeState } from '../store/types';

/** The full app's link for what the embed shows: its step only when the run is of the text shown. */
export function fullAppUrl(s: LoopscopeState, location: Pick<Location, 'origin' | 'pathname'>): string {
  const atStep = s.index !== null && !selectTraceIsStale(s);
  const compat = atStep ? s.index?.trace.compat : undefined;
  const hash = encodeShareHash({
    source: s.source,
    ...(atStep ? { step: s.cursor.step, line: s.cursor.line } : {}),
    lang: s.lang,
    ...(compat === undefined ? {} : { compat }),
  });
  return `${location.origin}${location.pathname}${hash}`;
}

export function OpenInLoopscope() {
  const t = embedStrings(useLoopscope((s) => s.lang));
  // Recomputed when the text, the run or the cursor changes: the link always opens what is shown.
  const href = useLoopscope((s) => fullAppUrl(s, window.location));
  return (
    <a className="btn btn-quiet embed-open" href={href} target="_blank" rel="noopener" title={t.openInLoopscopeHint} data-testid="open-in-loopscope">
      {t.openInLoopscope}
    </a>
  );
}
