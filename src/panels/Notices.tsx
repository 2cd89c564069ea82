/** Messages about the engine and links (not the program's own output): each can be dismissed. */
import type { UiStrings } from '../i18n/ui';
import { uiStrings } from '../i18n/ui';
import { useLoopscope, useLoopscopeApi } from '../store/context';
import type { Notice } from '../store/types';

function noticeText(notice: Notice, t: UiStrings): string {
  switch (notice.kind) {
    case 'stopped-restarted':
      return `${t.noticeStoppedRestarted} ${t.noticeRun[notice.run]}`;
    case 'crashed':
      return `${t.noticeCrashed(notice.detail)} ${t.noticeRun[notice.run]}`;
    case 'worker-died':
      return `${t.noticeWorkerDied} ${t.noticeRun[notice.run]}`;
    case 'boot-failed':
      return t.noticeBootFailed(notice.detail);
    case 'link-error':
      return `${t.noticeLinkError(t.linkErrorReason[notice.reason])} ${
        notice.fallback === 'saved' ? t.noticeLinkFallbackSaved : t.noticeLinkFallbackExample
      }`;
  }
}

export function Notices() {
  const api = useLoopscopeApi();
  const notices = useLoopscope((s) => s.notices);
  const t = uiStrings(useLoopscope((s) => s.lang));
  if (notices.length === 0) return null;
  return (
    <div className="notices">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.kind === 'stopped-restarted' ? 'warn' : 'error'}`} role="alert" data-testid="notice" data-kind={n.kind}>
          <span className="notice-text">{noticeText(n, t)}</span>
          {n.kind === 'boot-failed' && (
            <button type="button" className="btn" onClick={() => api.getState().retryEngine()}>
              {t.retry}
            </button>
          )}
          <button type="button" className="btn btn-quiet btn-icon" aria-label={t.dismiss} title={t.dismiss} onClick={() => api.getState().dismissNotice(n.id)} data-testid="dismiss-notice">
            ✕
          </button>
        </div>
      ))}
    </div>
  );
}
