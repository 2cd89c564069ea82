/**
 * Run to a breakpoint, forward or back, and what happened there: the two buttons (F8 and
 * Shift + F8), the note of the last stop ("Stopped at a breakpoint: Task-3 (upload) fails with
 * ValueError …", or that nothing was hit and the position stayed), and the event-breakpoint
 * panel. The line breakpoints themselves are set in the editor's gutter.
 */
import { breakpointStrings, hitText } from '../i18n/breakpoints';
import { selectBreakStop } from '../store/breakpointsSlice';
import { useLoopscope, useLoopscopeApi } from '../store/context';
import { EventBreakpointsPanel } from './EventBreakpointsPanel';
import './breakpoints.css';

export function BreakpointBar() {
  const api = useLoopscopeApi();
  const lang = useLoopscope((s) => s.lang);
  const t = breakpointStrings(lang);
  const hasTrace = useLoopscope((s) => s.index !== null);
  const count = useLoopscope((s) => s.breakpointLines.length + s.eventBreakpoints.length);
  const stop = useLoopscope(selectBreakStop);
  const none = !hasTrace || count === 0;
  const title = (what: string) => (!hasTrace ? t.noTrace : count === 0 ? t.noneSet : what);

  return (
    <div className="breakpoints" data-testid="breakpoints">
      <div className="breakpoints-row" role="toolbar" aria-label={t.toolbar}>
        <button type="button" className="btn btn-small" title={title(t.runBack)} aria-label={t.runBack} disabled={none} onClick={() => api.getState().runToHit('back')} data-testid="run-back-hit">
          {t.runBackShort}
        </button>
        <button type="button" className="btn btn-small" title={title(t.runForward)} aria-label={t.runForward} disabled={none} onClick={() => api.getState().runToHit('forward')} data-testid="run-forward-hit">
          {t.runForwardShort}
        </button>
        <EventBreakpointsPanel />
      </div>
      <p className={`break-note${stop?.kind === 'no-hit' ? ' break-note-none' : ''}`} role="status" data-testid="break-note" hidden={stop === null}>
        {stop === null ? '' : stop.kind === 'hit' ? hitText(stop.reasons, lang) : stop.direction === 'forward' ? t.noHitForward : t.noHitBack}
      </p>
    </div>
  );
}
